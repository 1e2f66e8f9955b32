"""Importing entries from any source: what would be added, skipped and why, then adding it.

An entry is matched by its content (kind, the moment with its offset, and every field the
person wrote), never by a number: files from other apps carry no ids of ours, and a number
would not survive a journal restored or merged. Importing the same file twice adds nothing.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from trustjournal.core.entries import Entry
from trustjournal.core.errors import UserFacingError, ValidationError
from trustjournal.core.i18n import _, ngettext
from trustjournal.core.query import EntryQuery
from trustjournal.core.serialize import to_dict
from trustjournal.store.entries import EntryRepository
from trustjournal.store.entry_reads import chunks

if TYPE_CHECKING:
    from trustjournal.services.imports_between import BetweenPlan

MAX_IMPORT_BYTES = 50 * 1024 * 1024  # larger than ten years of daily entries with long notes
_NOT_CONTENT = ("id", "created_at", "updated_at")


@dataclass(frozen=True)
class Candidate:
    """One entry read from a file, where it was found, and whether it sits in the bin.

    `source_id` is its id in the file (a TrustJournal export since format 2), which homework
    names its session by.
    """

    entry: Entry
    where: str
    in_bin: bool = False
    source_id: int | None = None


@dataclass(frozen=True)
class Rejected:
    """A part of the file that could not become an entry: where, and why (never its text)."""

    where: str
    reason: str


@dataclass
class ImportPlan:
    """What an import would do: new entries to add, how many are already there, what failed.

    `matched` maps the file id of an entry already here to its id here; `between` is what the
    file's homework, goals and progress would add (a TrustJournal export of format 2).
    """

    to_add: list[Candidate] = field(default_factory=list)
    skipped: int = 0
    rejected: list[Rejected] = field(default_factory=list)
    matched: dict[int, int] = field(default_factory=dict)
    between: BetweenPlan | None = None

    def adds_anything(self) -> bool:
        """Whether carrying it out would add entries, homework, goals, ticks or progress."""
        return bool(self.to_add) or (self.between is not None and self.between.adds_anything())

    def by_kind_and_year(self) -> dict[tuple[str, int], int]:
        """How many entries would be added, per kind and year (for a preview)."""
        found = Counter((c.entry.kind.value, c.entry.occurred_at.year) for c in self.to_add)
        return dict(sorted(found.items()))

    def summary(self) -> dict[str, Any]:
        """The `--json` report: added, skipped and every rejection with where and why, and
        for a TrustJournal export, added and skipped homework, goals and progress."""
        report: dict[str, Any] = {
            "added": len(self.to_add),
            "skipped": self.skipped,
            "rejected": [{"where": r.where, "reason": r.reason} for r in self.rejected],
        }
        if self.between is not None:
            report.update(self.between.summary())
        return report


class ImportFormatError(UserFacingError):
    """The file is not in a format we can read, or cannot be read at all; nothing imported."""

    exit_code = ValidationError.exit_code
    default_message = "That file could not be read as a journal export; nothing was imported."


def read_text(data: bytes) -> str:
    """A file's bytes as text (UTF-8, with or without a byte-order mark).

    Raises:
        ImportFormatError: if it is larger than MAX_IMPORT_BYTES or not UTF-8.
    """
    check_size(len(data))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFormatError(
            _(
                "That file is not UTF-8 text (at byte {offset}); nothing was imported. "
                "Save or export it again as UTF-8."
            ).format(offset=exc.start)
        ) from None


def check_size(size: int) -> None:
    """Refuse a file larger than MAX_IMPORT_BYTES before reading it.

    Raises:
        ImportFormatError: if it is larger.
    """
    if size > MAX_IMPORT_BYTES:
        raise ImportFormatError(
            _("That file is larger than {size} MB; nothing was imported.").format(
                size=MAX_IMPORT_BYTES // (1024 * 1024)
            )
        )


def fingerprint(entry: Entry) -> str:
    """What makes two entries the same for importing: kind, moment and every written field."""
    content = {k: v for k, v in to_dict(entry).items() if k not in _NOT_CONTENT}
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()


def existing_fingerprints(repo: EntryRepository) -> dict[str, list[int]]:
    """The fingerprints of every entry in the journal, live and in the bin, with their ids."""
    found: dict[str, list[int]] = {}
    for deleted in (False, True):
        for chunk in chunks(repo.ids(EntryQuery(deleted=deleted)), 500):
            for entry in repo.get_many(chunk):
                found.setdefault(fingerprint(entry), []).append(entry.id or 0)
    return found


def plan(
    repo: EntryRepository, candidates: Iterable[Candidate], rejected: Sequence[Rejected] = ()
) -> ImportPlan:
    """Decide, without writing, which candidates are new. Identical entries are counted, so
    a file holding the same entry twice adds it twice to an empty journal, and never a third."""
    have = existing_fingerprints(repo)
    result = ImportPlan(rejected=list(rejected))
    for candidate in candidates:
        same = have.get(fingerprint(candidate.entry))
        if same:
            here = same.pop()
            if candidate.source_id is not None:
                result.matched[candidate.source_id] = here
            result.skipped += 1
        else:
            result.to_add.append(candidate)
    return result


def apply(repo: EntryRepository, import_plan: ImportPlan) -> int:
    """Add the planned entries; those that were in the bin go back into the bin.

    Returns:
        How many entries were added.
    """
    return apply_with_ids(repo, import_plan)[0]


def apply_with_ids(
    repo: EntryRepository, import_plan: ImportPlan, wanted: Iterable[int] = ()
) -> tuple[int, dict[int, int]]:
    """Add the planned entries, and say which ids the file's entries have here.

    The live ones are added together; each one for the bin, or whose id is `wanted` (a
    session that homework links to), is added on its own, so its new id is known.

    Returns:
        How many entries were added, and file id → id here for those `wanted`, new or
        already here.
    """
    wanted = set(wanted)
    ids = {k: v for k, v in import_plan.matched.items() if k in wanted}

    def one_by_one(c: Candidate) -> bool:
        return c.in_bin or (c.source_id is not None and c.source_id in wanted)

    added = repo.add_many(c.entry for c in import_plan.to_add if not one_by_one(c))
    for candidate in import_plan.to_add:
        if one_by_one(candidate):
            saved = repo.add(candidate.entry)
            assert saved.id is not None  # the store gave it one
            if candidate.in_bin:
                repo.delete(saved.id)
            if candidate.source_id is not None:
                ids[candidate.source_id] = saved.id
            added += 1
    return added, ids


def describe(import_plan: ImportPlan, *, dry_run: bool = False) -> str:
    """One plain sentence about what an import did or would do."""
    added, skipped = len(import_plan.to_add), import_plan.skipped
    if dry_run:
        first = ngettext(
            "{count} entry would be added", "{count} entries would be added", added
        ).format(count=added)
    else:
        first = ngettext("{count} entry added", "{count} entries added", added).format(count=added)
    parts = [
        first,
        ngettext(
            "{count} already in your journal", "{count} already in your journal", skipped
        ).format(count=skipped),
    ]
    if import_plan.rejected:
        count = len(import_plan.rejected)
        parts.append(
            ngettext("{count} could not be read", "{count} could not be read", count).format(
                count=count
            )
        )
    sentence = ", ".join(parts) + "."
    if import_plan.between is not None:
        sentence += " " + describe_between(import_plan.between, dry_run=dry_run)
    return sentence


def describe_between(between: BetweenPlan, *, dry_run: bool) -> str:
    """What an import does with homework, goals and progress, in one sentence."""
    homework, goals = len(between.homework_new), len(between.goals_new)
    progress = between.progress_new
    parts = [
        ngettext("{count} homework item", "{count} homework items", homework).format(
            count=homework
        ),
        ngettext("{count} goal", "{count} goals", goals).format(count=goals),
        ngettext("{count} progress record", "{count} progress records", progress).format(
            count=progress
        ),
    ]
    if dry_run:
        return _("Between sessions, this would add: {what}.").format(what=", ".join(parts))
    return _("Between sessions, added: {what}.").format(what=", ".join(parts))
