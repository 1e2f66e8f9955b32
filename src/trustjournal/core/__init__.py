"""Pure-Python domain: entries, validation, errors and periods (imports nothing else of ours)."""
