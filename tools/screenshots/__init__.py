"""Screenshots of the real app, rendered offscreen: `python -m tools.screenshots OUT_DIR`."""
