"""What the shell can tell about a journal folder before the store loads: is a journal there?"""

from __future__ import annotations

from pathlib import Path

# The key file's name (store.layout.KEY_FILE, checked by a test): enough to choose between the
# welcome and the unlock screen without loading the store before the first paint. The store
# validates the folder fully when it is opened.
KEY_FILE_NAME = "vault.key"


def looks_like_vault(directory: Path) -> bool:
    """Whether `directory` seems to hold a journal (judged by its key file's presence only)."""
    return (directory / KEY_FILE_NAME).is_file()
