"""The frozen app's entry point: the same `trustjournal` command as the pip-installed one."""

from __future__ import annotations

import sys

from trustjournal.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
