"""The Share page's notes as one encrypted draft: one note per person, each kept for its own."""

from __future__ import annotations

from typing import Any

from trustjournal.services.export.request import Audience


def notes_from_draft(draft: dict[str, Any] | None, current: Audience) -> dict[Audience, str]:
    """The notes a draft holds; a draft from before notes were per person is `current`'s."""
    draft = draft or {}
    notes = draft.get("notes")
    if isinstance(draft.get("note"), str):
        notes = {current.value: draft["note"]}
    if not isinstance(notes, dict):
        return {}
    return {a: notes[a.value] for a in Audience if isinstance(notes.get(a.value), str)}


def draft_of(notes: dict[Audience, str]) -> dict[str, Any] | None:
    """The draft to keep for these notes, or None when every note is empty."""
    kept = {a.value: text for a, text in notes.items() if text.strip()}
    return {"notes": kept} if kept else None
