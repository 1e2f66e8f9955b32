"""Moved to ui/widgets/fading.py (the Journal editor uses it too); kept for its last user."""

from __future__ import annotations

from trustjournal.ui.widgets.fading import CONFIRMATION_MS, Confirmation

__all__ = ["CONFIRMATION_MS", "Confirmation"]
