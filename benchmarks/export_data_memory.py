"""Peak memory of export-data at 100 000 entries: the plain JSON and the encrypted archive.

    python benchmarks/export_data_memory.py [--entries 100000] [--json]

Runs in its own process. The journal is filled first; then the kernel's high-water mark is
reset (/proc/self/clear_refs), so each peak is the export's own, not the filling's. Figures
are reported, never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT / "src"))
    sys.path.insert(0, str(ROOT))

from benchmarks.timing import peak_rss_mb  # noqa: E402
from trustjournal.services import portable  # noqa: E402
from trustjournal.services.demo import generate_entries  # noqa: E402
from trustjournal.store.db import open_database  # noqa: E402
from trustjournal.store.entries import EntryRepository  # noqa: E402
from trustjournal.store.exports import ExportLogRepository  # noqa: E402
from trustjournal.store.migrations import migrate  # noqa: E402
from trustjournal.store.settings import SettingsRepository  # noqa: E402
from trustjournal.store.vocabulary import VocabularyRepository  # noqa: E402

YEARS = 20
SECRET = "lantern orchard quietly folding maps"


def _reset_peak() -> None:
    """Start the high-water mark again from the memory in use now (Linux 4.0 and later)."""
    Path("/proc/self/clear_refs").write_text("5")


def main() -> None:
    """Fill an encrypted journal, then export it twice, each with its own peak."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--json", action="store_true", help="print one JSON object instead")
    args = parser.parse_args()
    now = datetime(2026, 6, 30, 20, 0, tzinfo=UTC)
    report: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "journal.db", os.urandom(32))
        migrate(db)
        repo = EntryRepository(db=db, clock=lambda: now)
        per_day = args.entries / (YEARS * 365.25)
        count = repo.add_many(
            generate_entries(seed=1, today=now.date(), years=YEARS, per_day=per_day)
        )
        sources = portable.Sources(
            entries=repo,
            vocabulary=VocabularyRepository(db=db, clock=lambda: now),
            export_log=ExportLogRepository(db=db, clock=lambda: now),
            settings=SettingsRepository(db=db),
        )
        for name, secret in (("json", None), ("archive", SECRET)):
            target = Path(tmp) / f"all-{name}"
            _reset_peak()
            before = peak_rss_mb()
            start = time.perf_counter()
            portable.write_export(sources, target, clock=lambda: now, passphrase=secret)
            report[f"{name}_s"] = round(time.perf_counter() - start, 2)
            report[f"{name}_peak_rss_mb"] = round(peak_rss_mb())
            report[f"{name}_rss_before_mb"] = round(before)
            report[f"{name}_file_mb"] = round(target.stat().st_size / 1e6, 1)
        db.close()
    report["entries"] = count
    if args.json:
        print(json.dumps(report))
        return
    print(f"export-data of {count:,} entries (peak RSS target ≤ 300 MB):")
    for name in ("json", "archive"):
        peak = report[f"{name}_peak_rss_mb"]
        print(
            f"  {name:<8} {report[f'{name}_s']:6.1f} s  peak {peak:5.0f} MB"
            f"  (in use before {report[f'{name}_rss_before_mb']:.0f} MB)"
            f"  file {report[f'{name}_file_mb']:.1f} MB"
        )


if __name__ == "__main__":
    main()
