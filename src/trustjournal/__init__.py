"""TrustJournal: a private, encrypted journal for rebuilding trust in a relationship."""

__version__ = "0.1.0"

# The reverse-DNS id the desktop knows the app by (desktop entry, icons, AppStream, Flatpak).
# io.github.<owner> names a GitHub account instead of claiming a domain the project does not own;
# packaging/ names its files after it and tests/packaging/ checks that they agree.
APP_ID = "io.github.trustjournal.TrustJournal"
