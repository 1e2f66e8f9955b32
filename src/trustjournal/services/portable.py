"""The whole journal as one open JSON file, and back (resources/schema/trustjournal-export-2.json).

The file is plain text: anyone who can read it can read the journal. It is written 0600, one
entry per line so a large journal is streamed rather than built in memory, into a file that is
named only when complete (services/export/writer.py), so an interrupted export leaves no half
file, under its name or any other the next export would not sweep (S18).
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from trustjournal import __version__
from trustjournal.core.errors import StorageError, ValidationError
from trustjournal.core.i18n import _
from trustjournal.core.query import EntryQuery
from trustjournal.core.serialize import from_dict, to_dict
from trustjournal.services.export.writer import TargetExistsError, named_when_complete
from trustjournal.services.imports import Candidate, ImportFormatError, Rejected
from trustjournal.services.portable_archive import AesZipWriter, archive_name
from trustjournal.services.portable_between import BetweenFile, export_between, parse_between
from trustjournal.services.portable_settings import export_settings
from trustjournal.store.db import Database, translate_errors
from trustjournal.store.entries import EntryRepository
from trustjournal.store.entry_reads import chunks
from trustjournal.store.exports import ExportLogRepository
from trustjournal.store.settings import SettingsRepository
from trustjournal.store.vocabulary import VocabularyList, VocabularyRepository

FORMAT = "trustjournal-export"
VERSION = 2  # 2: entries keep their id; homework, goals and progress travel with them
READABLE = (1, 2)  # versions an import reads (1 has neither ids nor homework)
SCHEMA = ("schema", "trustjournal-export-2.json")
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Sources:
    """The repositories an export reads (and an import writes)."""

    entries: EntryRepository
    vocabulary: VocabularyRepository
    export_log: ExportLogRepository | None = None
    settings: SettingsRepository | None = None  # the settings that travel (portable_settings)
    between: Database | None = None  # homework, goals and progress (portable_between)


def write_export(
    sources: Sources,
    target: Path,
    *,
    clock: Callable[[], datetime],
    passphrase: str | None = None,
    progress: Progress | None = None,
) -> int:
    """Write the whole journal to `target` as JSON, readable only by this user.

    Args:
        passphrase: if given, the JSON goes into an AES-256 encrypted ZIP (portable_archive)
            as it is made, so no plain text touches the disk.
        progress: called with (entries written, entries in all) as the entries are written;
            whatever it raises (a cancel) stops the export and leaves no file behind.

    Returns:
        How many entries were written.

    Raises:
        StorageError: if a file already has `target`'s name (it is left alone).
        UserFacingError: for file-system failures; then no file is left behind.
    """
    if not target.parent.is_dir():
        raise StorageError(_("That folder does not exist."))
    try:
        with named_when_complete(target, replace=False) as raw, translate_errors(target.parent):
            archive = None
            if passphrase is not None:
                name = archive_name(target)
                archive = AesZipWriter(raw, name=name, passphrase=passphrase, when=clock())
            sink = io.BufferedWriter(archive, 64 * 1024) if archive is not None else raw
            out = io.TextIOWrapper(sink, encoding="utf-8", newline="\n")
            count = _write(out, sources, clock, progress)
            out.flush()
            out.detach()
            if archive is not None:
                archive.finish()
    except TargetExistsError:
        raise StorageError(
            _("There is already a file with that name; choose another, so nothing is lost.")
        ) from None
    return count


def _write(
    out: TextIO, sources: Sources, clock: Callable[[], datetime], progress: Progress | None
) -> int:
    head = {"format": FORMAT, "version": VERSION, "exported_at": clock().isoformat()}
    head["app_version"] = __version__
    out.write(json.dumps(head, ensure_ascii=False)[:-1] + ',\n"entries": [')
    count = 0
    for entry_json in _entries(sources.entries, progress):
        out.write(("\n" if count == 0 else ",\n") + entry_json)
        count += 1
    out.write('\n],\n"vocabulary": ')
    out.write(json.dumps(_vocabulary(sources.vocabulary), ensure_ascii=False))
    if sources.settings is not None:
        out.write(',\n"settings": ')
        out.write(json.dumps(export_settings(sources.settings), ensure_ascii=False))
    if sources.export_log is not None:
        out.write(',\n"export_log": ')
        out.write(json.dumps(_export_log(sources.export_log), ensure_ascii=False))
    if sources.between is not None:
        for name, items in export_between(sources.between, clock).items():
            out.write(f',\n"{name}": ')
            out.write(json.dumps(items, ensure_ascii=False))
    out.write("\n}\n")
    return count


def _entries(repo: EntryRepository, progress: Progress | None = None) -> Iterator[str]:
    """Every entry, oldest id first, live then those in the bin, one JSON object each."""
    ids = sorted(repo.ids(EntryQuery()) + repo.ids(EntryQuery(deleted=True)))
    binned = set(repo.ids(EntryQuery(deleted=True)))
    for done, chunk in enumerate(chunks(ids, 500)):
        if progress is not None:
            progress(done * 500, len(ids))
        for entry in repo.get_many(chunk):
            data = to_dict(entry)  # its id stays: homework names its session by it
            data["in_bin"] = entry.id in binned
            yield json.dumps(data, ensure_ascii=False)
    if progress is not None:
        progress(len(ids), len(ids))  # the last moment a cancel still leaves no file


def _vocabulary(vocabulary: VocabularyRepository) -> dict[str, Any]:
    """The person's own words (with emotion families), and the shipped words they hid."""
    out: dict[str, Any] = {}
    for kind in VocabularyList:
        items = vocabulary.items(kind.value, include_hidden=True)
        out[kind.value] = {
            "own": [
                {"name": i.name, "family": i.family, "hidden": i.hidden}
                for i in items
                if not i.shipped
            ],
            "hidden_shipped": [i.name for i in items if i.shipped and i.hidden],
        }
    return out


def _export_log(log: ExportLogRepository) -> list[dict[str, Any]]:
    return [
        {
            "created_at": r.created_at.isoformat(),
            "audience": r.audience,
            "format": r.format,
            "period_start": r.period.start.isoformat() if r.period.start else None,
            "period_end": r.period.end.isoformat() if r.period.end else None,
            "entry_count": len(r.entry_ids),
            "sections": list(r.sections),
        }
        for r in log.list()
    ]


@dataclass
class ParsedExport:
    """A TrustJournal export read back: entries as candidates, what failed, and the words."""

    candidates: list[Candidate]
    rejected: list[Rejected]
    vocabulary: dict[str, Any]
    settings: dict[str, Any] = field(default_factory=dict)
    between: BetweenFile = field(default_factory=BetweenFile)


def looks_like_export(text: str) -> bool:
    """Whether text is (the start of) a TrustJournal export, judged from its first bytes."""
    head = text.lstrip()[:200]
    return head.startswith("{") and f'"{FORMAT}"' in head


def parse_export(text: str) -> ParsedExport:
    """Read a TrustJournal export.

    Raises:
        ImportFormatError: if it is not JSON, not our format, or a newer version.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFormatError(
            _("That file is not valid JSON (line {line}); nothing was imported.").format(
                line=exc.lineno
            )
        ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ImportFormatError()
    if data.get("version") not in READABLE:
        raise ImportFormatError(
            _(
                "That export was made by a newer TrustJournal (format {version}); "
                "nothing was imported. Update TrustJournal, then try again."
            ).format(version=data.get("version"))
        )
    raw = data.get("entries")
    if not isinstance(raw, list):
        raise ImportFormatError()
    candidates, rejected = [], []
    for index, item in enumerate(raw):
        where = _("entry {number}").format(number=index + 1)
        try:
            if not isinstance(item, dict):
                raise ValidationError()
            fields = {k: v for k, v in item.items() if k not in ("id", "in_bin")}
            entry = from_dict(fields)
            source = item.get("id")
            source = source if isinstance(source, int) and not isinstance(source, bool) else None
            in_bin = item.get("in_bin") is True
            candidates.append(Candidate(entry, where, in_bin=in_bin, source_id=source))
        except ValidationError as exc:
            rejected.append(Rejected(where, exc.message))
    vocabulary = data.get("vocabulary")
    found = data.get("settings")
    between = parse_between(data, rejected)
    return ParsedExport(
        candidates,
        rejected,
        vocabulary if isinstance(vocabulary, dict) else {},
        found if isinstance(found, dict) else {},
        between,
    )


def import_vocabulary(vocabulary: VocabularyRepository, words: dict[str, Any]) -> int:
    """Add the person's own words that are missing and hide the shipped ones they had hidden.

    Returns:
        How many words were added.
    """
    added = 0
    for kind in VocabularyList:
        section = words.get(kind.value)
        if not isinstance(section, dict):
            continue
        present = {i.name.casefold(): i for i in vocabulary.items(kind.value, include_hidden=True)}
        for word in section.get("own") or []:
            if not isinstance(word, dict) or not isinstance(word.get("name"), str):
                continue
            name = word["name"]
            try:
                if name.casefold() not in present:
                    family = word.get("family") if isinstance(word.get("family"), str) else None
                    present[name.casefold()] = vocabulary.add(kind.value, name, family=family)
                    added += 1
                if word.get("hidden") is True and not present[name.casefold()].hidden:
                    vocabulary.hide(kind.value, name)
            except ValidationError:
                continue  # a word that is not valid here is left out, never half-added
        for name in section.get("hidden_shipped") or []:
            item = present.get(name.casefold()) if isinstance(name, str) else None
            if item is not None and item.shipped and not item.hidden:
                vocabulary.hide(kind.value, name)
    return added
