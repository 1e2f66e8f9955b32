"""The journal's use cases: each runs one transaction and says, typed, what it changed."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

from trustjournal.core.between import Homework
from trustjournal.core.entries import Entry, GratitudeEntry, Statement, TherapySession
from trustjournal.core.errors import EntryNotFoundError
from trustjournal.services.changes import Change, Outcome
from trustjournal.services.export.log import ExportFormat
from trustjournal.services.export.model import Summary
from trustjournal.services.export.request import ExportRequest
from trustjournal.services.export.saving import record_and_write, sweep_leftovers
from trustjournal.services.imports import ImportPlan
from trustjournal.services.session_homework import agreed_homework
from trustjournal.store.drafts import DraftRepository
from trustjournal.store.entries import EntryRepository
from trustjournal.store.exports import ExportRecord
from trustjournal.store.homework import HomeworkRepository
from trustjournal.store.settings import SettingsRepository
from trustjournal.store.vault import Vault
from trustjournal.store.vocabulary import VocabularyItem, VocabularyRepository

AnyEntry = TypeVar("AnyEntry", bound=Entry)

TOLD = frozenset({Change.ENTRIES, Change.GRATITUDE_TOLD})
ENTRIES = frozenset({Change.ENTRIES})
SETTINGS = frozenset({Change.SETTINGS})
VOCABULARY = frozenset({Change.VOCABULARY})
HOMEWORK = frozenset({Change.HOMEWORK})


@dataclass(frozen=True)
class Saved:
    """An entry as saved, and as it was stored before (None: it is new), for Undo; and the
    homework items a new session made (services/session_homework.py)."""

    before: Entry | None
    after: Entry
    homework: tuple[Homework, ...] = ()


class Operations:
    """What the UI may change in the open vault; Qt-free, so the CLI and tests use it as is.

    Every method is one transaction: all of it happens, or none of it. The caller (the UI's
    adapter) announces the returned changes once, after the operation.
    """

    def __init__(self, *, vault: Vault, clock: Callable[[], datetime]) -> None:
        self._vault = vault
        self._clock = clock

    def _entries(self) -> EntryRepository:
        return EntryRepository(db=self._vault.db, clock=self._clock)

    def _vocabulary(self) -> VocabularyRepository:
        return VocabularyRepository(db=self._vault.db, clock=self._clock)

    # --- entries -------------------------------------------------------------------------------

    def add_entry(self, entry: AnyEntry, *, draft_key: str | None = None) -> Outcome[AnyEntry]:
        """Store a new entry and forget the draft it was written in, together.

        Raises:
            UserFacingError: if the vault could not be written; nothing is stored or forgotten.
        """
        db = self._vault.db
        with db.transaction():
            stored = self._entries().add(entry)
            if draft_key is not None:
                DraftRepository(db=db, clock=self._clock).delete(draft_key)
        return Outcome(stored, ENTRIES)

    def save_entry(
        self, entry: Entry, *, draft_keys: Iterable[str] = (), homework: Iterable[str] = ()
    ) -> Outcome[Saved]:
        """Store a new or edited entry and forget the drafts it was written in, together.

        A crash or a failure part-way leaves the entry as it was and its draft in place, never
        a saved entry with a stale draft that comes back as if unsaved. A new session's
        `homework` lines become homework items linked to it, in the same transaction.

        Raises:
            UserFacingError: if the vault could not be written; nothing is stored or forgotten.
            EntryNotFoundError: if an edited entry is gone (deleted meanwhile).
        """
        db = self._vault.db
        with db.transaction():
            entries = self._entries()
            before = entries.get(entry.id) if entry.id is not None else None
            stored = entries.add(entry) if entry.id is None else entries.update(entry)
            made = self._agreed_homework(stored, homework) if before is None else ()
            drafts = DraftRepository(db=db, clock=self._clock)
            for key in draft_keys:
                drafts.delete(key)
        return Outcome(Saved(before, stored, made), ENTRIES | (HOMEWORK if made else set()))

    def _agreed_homework(self, stored: Entry, lines: Iterable[str]) -> tuple[Homework, ...]:
        if not isinstance(stored, TherapySession):
            return ()
        repo = HomeworkRepository(db=self._vault.db, clock=self._clock)
        return tuple(repo.add(item) for item in agreed_homework(stored, lines))

    def delete_entry(self, entry_id: int, *, draft_keys: Iterable[str] = ()) -> Outcome[Entry]:
        """Move an entry to the bin and forget its drafts, together.

        Returns:
            The entry as it was, for the words of Undo.

        Raises:
            EntryNotFoundError: if there is no such entry.
        """
        db = self._vault.db
        with db.transaction():
            entries = self._entries()
            before = entries.get(entry_id)
            entries.delete(entry_id)
            drafts = DraftRepository(db=db, clock=self._clock)
            for key in draft_keys:
                drafts.delete(key)
        return Outcome(before, ENTRIES)

    def undelete_entry(self, entry_id: int) -> Outcome[Entry]:
        """Bring an entry back from the bin (Undo of a delete).

        Raises:
            EntryNotFoundError: if there is no such entry (or it was purged).
        """
        with self._vault.db.transaction():
            entries = self._entries()
            entries.undelete(entry_id)
            back = entries.get(entry_id)
        return Outcome(back, ENTRIES)

    def mark_told(self, entry_id: int, on: date) -> Outcome[GratitudeEntry]:
        """Record that the appreciation `entry_id` was told on `on`.

        Returns:
            The appreciation as it was before, for Undo (`set_told` puts it back).

        Raises:
            EntryNotFoundError: if it is gone, or is not an appreciation.
        """
        with self._vault.db.transaction():
            before = self._gratitude(entry_id)
            self._entries().update(before.with_changes(expressed=True, expressed_on=on))
        return Outcome(before, TOLD)

    def set_told(
        self, entry_id: int, *, expressed: bool, expressed_on: date | None
    ) -> Outcome[GratitudeEntry]:
        """Set whether (and when) an appreciation was told, e.g. to undo `mark_told`.

        Raises:
            EntryNotFoundError: if it is gone (deleted meanwhile), or is not an appreciation.
        """
        with self._vault.db.transaction():
            current = self._gratitude(entry_id)
            stored = self._entries().update(
                current.with_changes(expressed=expressed, expressed_on=expressed_on)
            )
        return Outcome(stored, TOLD)

    def _gratitude(self, entry_id: int) -> GratitudeEntry:
        current = self._entries().get(entry_id)
        if not isinstance(current, GratitudeEntry):
            raise EntryNotFoundError()
        return current

    def mark_said(self, entry_id: int, on: date) -> Outcome[Statement]:
        """Record that the "I" statement `entry_id` was said on `on`.

        Returns:
            The statement as it was before, for Undo (`set_said` puts it back).

        Raises:
            EntryNotFoundError: if it is gone, or is not a statement.
        """
        with self._vault.db.transaction():
            before = self._statement(entry_id)
            self._entries().update(before.with_changes(said=True, said_on=on))
        return Outcome(before, ENTRIES)

    def set_said(self, entry_id: int, *, said: bool, said_on: date | None) -> Outcome[Statement]:
        """Set whether (and when) a statement was said, e.g. to undo `mark_said`.

        Raises:
            EntryNotFoundError: if it is gone (deleted meanwhile), or is not a statement.
        """
        with self._vault.db.transaction():
            current = self._statement(entry_id)
            stored = self._entries().update(current.with_changes(said=said, said_on=said_on))
        return Outcome(stored, ENTRIES)

    def _statement(self, entry_id: int) -> Statement:
        current = self._entries().get(entry_id)
        if not isinstance(current, Statement):
            raise EntryNotFoundError()
        return current

    # --- vocabulary ----------------------------------------------------------------------------

    def add_word(
        self, list_name: str, name: str, *, family: str | None = None
    ) -> Outcome[VocabularyItem]:
        """Add a word of one's own to a list (emotions, categories, coping).

        Raises:
            ValidationError: for an empty name or one the list already has.
        """
        with self._vault.db.transaction():
            added = self._vocabulary().add(list_name, name, family=family)
        return Outcome(added, VOCABULARY)

    def rename_word(self, list_name: str, old: str, new: str) -> Outcome[None]:
        """Rename a word in a list; entries keep the name they were written with.

        Raises:
            ValidationError: for an empty name or one the list already has.
        """
        with self._vault.db.transaction():
            self._vocabulary().rename(list_name, old, new)
        return Outcome(None, VOCABULARY)

    def hide_word(self, list_name: str, name: str, *, hidden: bool = True) -> Outcome[None]:
        """Hide a word from the pickers (or show it again); nothing written with it changes."""
        with self._vault.db.transaction():
            self._vocabulary().hide(list_name, name, hidden)
        return Outcome(None, VOCABULARY)

    # --- sharing -------------------------------------------------------------------------------

    def record_and_write(
        self,
        summary: Summary,
        request: ExportRequest,
        file_format: ExportFormat,
        target: Path,
        data: bytes,
    ) -> Outcome[ExportRecord | None]:
        """Write a rendered summary and record it in the export history, together.

        Raises:
            UserFacingError: if the vault cannot be written.
            StorageError: if the file cannot be written; nothing is recorded.
        """
        record = record_and_write(
            db=self._vault.db,
            clock=self._clock,
            summary=summary,
            request=request,
            file_format=file_format,
            target=target,
            data=data,
        )
        # Nothing any page shows from the journal changed: the export history is shown only by
        # the Share page that saved it, which reads it again itself. Announcing would make the
        # Share page rebuild a preview that is still current.
        return Outcome(record, frozenset())

    def sweep_export_leftovers(self) -> Outcome[None]:
        """Remove temp files an interrupted save left behind (changes nothing in the journal)."""
        sweep_leftovers(self._vault.db)
        return Outcome(None, frozenset())

    # --- the person's own data --------------------------------------------------------------

    def import_file(self, text: str, mood_map: Mapping[str, int]) -> Outcome[ImportPlan]:
        """Plan a file's text again (the journal may have changed since the preview), back up,
        then add what is new, the words, the settings, homework, goals and progress, in one
        transaction.

        Returns:
            The plan that was carried out (what was added, skipped and left out).

        Raises:
            UserFacingError: if the file cannot be read or the journal or backup written.
        """
        from trustjournal.services.imports_files import apply_import
        from trustjournal.services.portable_files import plan_text

        preview = plan_text(self._vault, text, clock=self._clock, mood_map=mood_map)
        added = apply_import(self._vault, self._clock, preview.parsed, preview.plan)
        between = preview.plan.between
        news = between is not None and between.adds_anything()
        changed = frozenset({Change.ENTRIES, Change.VOCABULARY, Change.SETTINGS})
        if news:
            changed |= {Change.HOMEWORK, Change.GOALS, Change.PROGRESS}
        touched = added or preview.parsed.vocabulary or news
        return Outcome(preview.plan, changed if touched else frozenset())

    # --- settings ------------------------------------------------------------------------------

    def save_settings(self, values: Mapping[str, Any]) -> Outcome[None]:
        """Store several preferences at once: all new, or all old kept.

        Raises:
            ValueError: if a key is empty.
            TypeError: if a value is not something JSON can carry.
        """
        SettingsRepository(db=self._vault.db).set_many(values)
        return Outcome(None, SETTINGS)

    def remember_view(self, key: str, value: Any) -> Outcome[None]:
        """Keep a page's own view (Insights' period), which only that page reads, when it is
        made. Stored as a setting and announced as no change: announced, every page listening
        read the journal again at each new period (50-65 ms of the UI thread at 100 000
        entries, waiting for the database)."""
        SettingsRepository(db=self._vault.db).set_many({key: value})
        return Outcome(None, frozenset())


def vocabulary_reader(*, vault: Vault, clock: Callable[[], datetime]) -> VocabularyRepository:
    """The vocabulary for reading (the UI sees it through a read-only Protocol)."""
    return VocabularyRepository(db=vault.db, clock=clock)
