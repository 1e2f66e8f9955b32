"""Use cases built on the store: demo data, insights, summaries, renderers, backups."""
