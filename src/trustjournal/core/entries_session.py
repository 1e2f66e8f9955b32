"""The therapy session entry: when, with whom, what we worked on, what to remember, the next one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from trustjournal.core.entry_base import EntryBase, EntryKind, check_moment


@dataclass(frozen=True, kw_only=True)
class TherapySession(EntryBase):
    """A therapy session (issue 20); `occurred_at` is when it took place.

    `with_whom` is free text ("Dr. Lee", "couples session"); it is called `with` in JSON and on
    the command line (`with` is a Python keyword). `next_at`, the next session, may lie ahead.
    """

    with_whom: str = ""
    worked_on: str = ""
    remember: str = ""
    next_at: datetime | None = None

    def __post_init__(self) -> None:
        self._set("kind", EntryKind.SESSION)
        super().__post_init__()
        for name in ("with_whom", "worked_on", "remember"):
            self._text(name, name)
        check_moment(self.next_at, "next_at", required=False)
