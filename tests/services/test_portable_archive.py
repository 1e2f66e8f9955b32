"""The encrypted archive of the full export: a WinZip AES-256 (AE-2) ZIP that 7-Zip opens with
the passphrase and refuses without it, read back by us, streamed, 0600, never plain on disk."""

from __future__ import annotations

import shutil
import stat
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.store.conftest import Clock
from trustjournal.core.entries import GratitudeEntry, MoodCheckIn
from trustjournal.services import portable
from trustjournal.services.portable_archive import (
    ArchiveError,
    ArchivePassphraseError,
    is_archive,
    read_archive,
)
from trustjournal.store.db import Database
from trustjournal.store.entries import EntryRepository
from trustjournal.store.settings import SettingsRepository
from trustjournal.store.vocabulary import VocabularyRepository

NOW = datetime(2026, 12, 6, 20, 0, tzinfo=UTC)
SECRET = "lantern orchard quietly folding maps"
CANARY = "the canary only the journal may hold ✓"
SEVEN_ZIP = shutil.which("7z")
needs_7z = pytest.mark.skipif(SEVEN_ZIP is None, reason="7z (p7zip-full) is not installed")
LIMIT = 50 * 1024 * 1024


def _sources(db: Database) -> portable.Sources:
    clock = Clock(NOW)
    return portable.Sources(
        entries=EntryRepository(db=db, clock=clock),
        vocabulary=VocabularyRepository(db=db, clock=clock),
        settings=SettingsRepository(db=db),
    )


def _fill(db: Database, count: int = 3) -> None:
    entries = _sources(db).entries
    for n in range(count):
        entries.add(MoodCheckIn(occurred_at=NOW, mood=n % 10 + 1, note=f"{CANARY} {n}"))
    entries.add(GratitudeEntry(occurred_at=NOW, text=CANARY))


def _write(db: Database, path: Path, passphrase: str | None = None) -> int:
    return portable.write_export(_sources(db), path, clock=lambda: NOW, passphrase=passphrase)


def _7z(*args: str) -> subprocess.CompletedProcess[str]:
    assert SEVEN_ZIP is not None
    return subprocess.run(
        [SEVEN_ZIP, *args], capture_output=True, text=True, timeout=60, check=False
    )


@needs_7z
def test_7zip_extracts_the_archive_with_its_passphrase_and_gets_the_same_json(
    db: Database, tmp_path: Path
) -> None:
    _fill(db)
    plain, archive = tmp_path / "plain.json", tmp_path / "everything.zip"
    _write(db, plain)
    assert _write(db, archive, SECRET) == 4
    assert CANARY.encode() not in archive.read_bytes()
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    out = tmp_path / "out"
    listed = _7z("l", "-slt", f"-p{SECRET}", str(archive))
    assert "Method = AES-256 Deflate" in listed.stdout
    done = _7z("x", f"-p{SECRET}", f"-o{out}", str(archive))
    assert done.returncode == 0, done.stdout + done.stderr
    assert (out / "everything.json").read_bytes() == plain.read_bytes()


@needs_7z
def test_7zip_refuses_a_wrong_passphrase_and_writes_nothing_readable(
    db: Database, tmp_path: Path
) -> None:
    _fill(db)
    archive = tmp_path / "everything.zip"
    _write(db, archive, SECRET)
    out = tmp_path / "out"
    done = _7z("x", "-pnot the passphrase", f"-o{out}", str(archive))
    assert done.returncode != 0
    assert "Wrong password" in done.stdout + done.stderr
    written = [p.read_bytes() for p in out.rglob("*") if p.is_file()]
    assert not any(CANARY.encode() in data for data in written)


@needs_7z
def test_an_archive_7zip_made_is_read_back(tmp_path: Path) -> None:
    inner = tmp_path / "inside.json"
    inner.write_bytes(b'{"made": "by 7-Zip"}\n' * 100)
    archive = tmp_path / "seven.zip"
    made = _7z("a", "-tzip", "-mem=AES256", f"-p{SECRET}", str(archive), str(inner))
    assert made.returncode == 0, made.stdout
    assert read_archive(archive.read_bytes(), SECRET, limit=LIMIT) == inner.read_bytes()


def test_the_archive_reads_back_and_a_wrong_or_changed_one_is_refused(
    db: Database, tmp_path: Path
) -> None:
    _fill(db)
    plain, archive = tmp_path / "plain.json", tmp_path / "a.zip"
    _write(db, plain)
    _write(db, archive, "é" + SECRET)  # composed here, decomposed below: the same passphrase
    data = archive.read_bytes()
    assert is_archive(data) and not is_archive(plain.read_bytes())
    assert read_archive(data, "e\u0301" + SECRET, limit=LIMIT) == plain.read_bytes()
    with pytest.raises(ArchivePassphraseError):
        read_archive(data, SECRET, limit=LIMIT)
    changed = bytearray(data)
    changed[len(changed) // 2] ^= 1
    with pytest.raises((ArchivePassphraseError, ArchiveError)):
        read_archive(bytes(changed), "é" + SECRET, limit=LIMIT)
    with pytest.raises(ArchiveError):
        read_archive(b"PK\x03\x04 not really", SECRET, limit=LIMIT)
    with pytest.raises(ArchiveError, match="too large"):
        read_archive(data, "é" + SECRET, limit=100)


def test_a_cancelled_encrypted_export_leaves_no_file_at_all(db: Database, tmp_path: Path) -> None:
    _fill(db, 1200)
    target = tmp_path / "a.zip"
    seen: list[tuple[int, int]] = []

    class Stop(Exception):
        pass

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        if done > 0:
            raise Stop

    with pytest.raises(Stop):
        portable.write_export(
            _sources(db), target, clock=lambda: NOW, passphrase=SECRET, progress=progress
        )
    assert seen == [(0, 1201), (500, 1201)]
    assert not [p for p in tmp_path.iterdir() if p.name.endswith((".zip", ".tmp"))]
