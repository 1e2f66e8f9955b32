"""Shared test configuration: headless Qt and cheap key derivation for speed."""

from __future__ import annotations

import os

# Set before anything imports Qt, so `pytest` alone runs headless (STYLE.md).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
