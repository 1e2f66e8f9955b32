"""Figures for the person's own data: a rotating backup, the full export, importing it, Daylio.

python benchmarks/data_figures.py [--entries N] [--runs R]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import date, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from benchmarks.store_figures import Figure  # noqa: E402
from benchmarks.timing import measure  # noqa: E402
from benchmarks.vaults import PASSPHRASE, clock, scratch_copy, vault_for  # noqa: E402
from trustjournal.services import imports, portable  # noqa: E402
from trustjournal.services.backups import BackupService  # noqa: E402
from trustjournal.services.imports_apps import parse_daylio  # noqa: E402
from trustjournal.store.entries import EntryRepository  # noqa: E402
from trustjournal.store.keyfile import KdfParams  # noqa: E402
from trustjournal.store.vault import Vault  # noqa: E402
from trustjournal.store.vocabulary import VocabularyRepository  # noqa: E402

CHEAP = KdfParams(memory_kib=8192, iterations=1, lanes=1)  # the KDF is measured elsewhere
UTC_PLUS_1 = timezone(timedelta(hours=1))


def _sources(vault: Vault) -> portable.Sources:
    return portable.Sources(
        entries=EntryRepository(db=vault.db, clock=clock),
        vocabulary=VocabularyRepository(db=vault.db, clock=clock),
    )


def daylio_csv(days: int) -> str:
    """`days` daily Daylio rows, ending on the benchmark's fixed day."""
    rows = ["full_date,date,weekday,time,mood,activities,note_title,note"]
    moods = ("rad", "good", "meh", "bad", "awful")
    start = date(2026, 6, 30) - timedelta(days=days - 1)
    for n in range(days):
        day = start + timedelta(days=n)
        rows.append(
            f'{day.isoformat()},x,y,8:{n % 60:02d} pm,{moods[n % 5]},work | walk,,"day {n}"'
        )
    return "\n".join(rows) + "\n"


def _fresh(tmp: Path) -> Vault:
    target = tmp / f"new-{len(list(tmp.glob('new-*')))}"
    vault, _code = Vault.create(target, PASSPHRASE, kdf=CHEAP, clock=clock)
    return vault


def data_figures(directory: Path, entries: int, runs: int) -> list[Figure]:
    """Backup into the rotating folder, full export, its import into a new journal, Daylio."""
    figures: list[Figure] = []
    with scratch_copy(directory, "tj-bench-data-") as copy, tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        vault = Vault.unlock(copy, PASSPHRASE, clock=clock)
        try:
            service = BackupService(vault=vault, clock=clock)
            service.set_folder(tmp / "backups")
            backup = measure(service.back_up_now, runs=runs)
            figures.append(
                Figure("backup into the rotating folder", entries, backup, None, "≤ 2 s at 100k")
            )
            out = tmp / "all.json"
            export = measure(
                lambda: portable.write_export(_sources(vault), out, clock=clock),
                runs=runs,
                setup=lambda: out.unlink(missing_ok=True),  # the full export never replaces
            )
            figures.append(
                Figure("export-data (full JSON)", entries, export, None, "≤ 10 s at 100k")
            )
        finally:
            vault.lock()

        targets: list[Vault] = []

        def new_journal() -> None:
            if targets:
                targets.pop().lock()
            targets.append(_fresh(tmp))

        def import_all() -> None:
            repo = EntryRepository(db=targets[-1].db, clock=clock)
            parsed = portable.parse_export(imports.read_text(out.read_bytes()))
            imports.apply(repo, imports.plan(repo, parsed.candidates, parsed.rejected))

        imported = measure(import_all, runs=max(1, runs // 2), setup=new_journal, warmup=0)
        figures.append(Figure("import of that export into a new journal", entries, imported))

        text = daylio_csv(3653)

        def import_daylio() -> None:
            repo = EntryRepository(db=targets[-1].db, clock=clock)
            candidates, rejected = parse_daylio(text, zone=lambda d: d.replace(tzinfo=UTC_PLUS_1))
            imports.apply(repo, imports.plan(repo, candidates, rejected))

        daylio = measure(import_daylio, runs=runs, setup=new_journal, warmup=0)
        figures.append(Figure("Daylio import, 10 years daily", 3653, daylio, None, "≤ 3 s"))
        while targets:
            targets.pop().lock()
    return figures


def main(argv: list[str] | None = None) -> int:
    """Print the data figures for one cached vault."""
    from benchmarks.run import SEED, print_table

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    print_table(data_figures(vault_for(args.entries, SEED), args.entries, args.runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
