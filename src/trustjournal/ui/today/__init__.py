"""Cards of the Today page."""
