"""TrustJournal: a private, encrypted journal for rebuilding trust in a relationship."""

__version__ = "0.1.0"
