"""TrustJournal's benchmark: every figure that matters, beside its baseline, in one command.

    python benchmarks/run.py [--entries N] [--quick] [--json OUT] [--bundle DIST_DIR]

Prints median, min and max of each figure (and p95 where it is the target), with the ratio to
its baseline measured in the same run. Figures are reported, never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from benchmarks.between_figures import between_figures  # noqa: E402
from benchmarks.bundle_figures import bundle_report, print_bundle  # noqa: E402
from benchmarks.data_figures import data_figures  # noqa: E402
from benchmarks.insights_figures import insights_figures  # noqa: E402
from benchmarks.insights_page_report import print_insights_page  # noqa: E402
from benchmarks.startup_figures import startup_figures  # noqa: E402
from benchmarks.store_figures import Figure, kdf_figure, store_figures  # noqa: E402
from benchmarks.today_between_figures import print_today_between  # noqa: E402
from benchmarks.vaults import vault_for  # noqa: E402
from benchmarks.written_figures import written_figures  # noqa: E402

SEED = 20260630


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
        "date": datetime.now(UTC).strftime("%Y-%m-%d"),
    }


def _fmt(stats: dict[str, Any] | None, key: str = "median_ms") -> str:
    return "" if stats is None else f"{stats[key]:.2f}"


def print_table(figures: list[Figure]) -> None:
    """A plain-text table of every figure."""
    header = (
        f"{'figure':<52} {'entries':>8} {'median':>9} {'min':>8} {'max':>8} {'p95':>8}"
        f" {'plain':>8} {'ratio':>6}  target"
    )
    print(header)
    print("-" * len(header))
    for fig in figures:
        d = fig.as_dict()
        enc = d["encrypted"]
        ratio = f"{d['ratio']:.2f}" if "ratio" in d else ""
        print(
            f"{fig.name:<52} {fig.entries:>8,} {_fmt(enc):>9} {_fmt(enc, 'min_ms'):>8} "
            f"{_fmt(enc, 'max_ms'):>8} {_fmt(enc, 'p95_ms'):>8} {_fmt(d.get('plain')):>8} "
            f"{ratio:>6}  {fig.target}"
        )


def export_figures(*, quick: bool) -> dict[str, Any]:
    """One busy year exported, in a fresh process so its peak RSS is the export's own."""
    command = [sys.executable, str(ROOT / "benchmarks" / "export_figures.py"), "--json"]
    if quick:
        command += ["--per-day", "1.0", "--repeat", "1"]
    result = subprocess.run(command, capture_output=True, text=True, check=True, timeout=900)
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def export_data_memory(*, quick: bool) -> dict[str, Any]:
    """export-data's peak memory at 100 000 entries, in a fresh process (its peak is its own)."""
    command = [sys.executable, str(ROOT / "benchmarks" / "export_data_memory.py"), "--json"]
    if quick:
        command += ["--entries", "10000"]
    result = subprocess.run(command, capture_output=True, text=True, check=True, timeout=900)
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def print_export_data_memory(found: dict[str, Any]) -> None:
    """The peak memory of the full export, plain and encrypted, against its target."""
    print(f"\nexport-data of {found['entries']:,} entries (peak RSS, target ≤ 300 MB):")
    for name in ("json", "archive"):
        print(f"  {name:<8} {found[name + '_peak_rss_mb']:>6} MB peak  {found[name + '_s']:>6} s")


def journal_figures_in_process(directory: Path) -> dict[str, Any]:
    """The Journal page's figures, in a fresh process so its peak RSS is the app's own."""
    command = [sys.executable, "-m", "benchmarks.app_figures", str(directory), "--json"]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        command, capture_output=True, text=True, check=True, timeout=1800, cwd=ROOT, env=env
    )
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def shell_figures_in_process(directory: Path, runs: int) -> dict[str, Any]:
    """Unlock and lock through the real shell, in a fresh process."""
    command = [sys.executable, "-m", "benchmarks.shell_figures", str(directory), "--json"]
    command += ["--runs", str(runs)]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        command, capture_output=True, text=True, check=True, timeout=900, cwd=ROOT, env=env
    )
    report = dict(json.loads(result.stdout.strip().splitlines()[-1]))
    entries = int(directory.name.rsplit("-n", 1)[1])
    report["figures"] = [{**fig, "entries": entries} for fig in report["figures"]]
    return report


def today_between_in_process(directory: Path, runs: int) -> dict[str, Any]:
    """Today's first paint with 20 homework items and 50 goals, beside without, in a fresh
    process."""
    command = [sys.executable, "-m", "benchmarks.today_between_figures", str(directory)]
    command += ["--json", "--runs", str(runs)]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        command, capture_output=True, text=True, check=True, timeout=1800, cwd=ROOT, env=env
    )
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def insights_page_in_process(directory: Path, runs: int) -> dict[str, Any]:
    """Ctrl+3 and period switches on the Insights page, and `insights --json`, in a fresh
    process (its RSS growth is the page's own)."""
    command = [sys.executable, "-m", "benchmarks.insights_page", str(directory), "--json"]
    command += ["--runs", str(runs)]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        command, capture_output=True, text=True, check=True, timeout=900, cwd=ROOT, env=env
    )
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def writing_figures_in_process(*, quick: bool) -> dict[str, Any]:
    """Typing, counting and autosaving in a long reflection, in a fresh process."""
    command = [sys.executable, "-m", "benchmarks.writing_figures", "--json"]
    command += ["--words", "20000", "--keys", "50"] if quick else []
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        command, capture_output=True, text=True, check=True, timeout=900, cwd=ROOT, env=env
    )
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def print_writing(writing: dict[str, Any]) -> None:
    """The reflection editor's figures, with their targets."""
    targets = {
        "keystroke to paint": "≤ 16 ms median",
        "word count after a pause": "≤ 16 ms",
        "autosave, UI thread busy": "never > 16 ms",
    }
    print("\nWriting a long reflection (median / p95 / max ms):")
    for fig in writing["figures"]:
        target = next((t for key, t in targets.items() if key in fig["name"]), "")
        print(
            f"  {fig['name']:<58} {fig['median_ms']:>8.1f} {fig['p95_ms']:>8.1f} "
            f"{fig['max_ms']:>8.1f}  {target}"
        )


def print_shell(runs: list[dict[str, Any]], kdf: Figure) -> None:
    """Unlock and lock through the real shell, unlock beside the KDF alone."""
    kdf_ms = kdf.encrypted.median * 1000
    targets = {
        "unlock to a painted main window": f"≤ KDF + 100 ms ({kdf_ms + 100:.0f})",
        "unlock beyond its own Argon2id": "≤ 100 ms",
        "lock to a painted unlock screen": "≤ 100 ms",
    }
    print("\nUnlock and lock, the real shell (median / p95 ms):")
    for run in runs:
        for fig in run["figures"]:
            extra = ""
            if fig["name"] == "unlock to a painted main window":
                extra = f"  (KDF alone {kdf_ms:.0f}; +{fig['median_ms'] - kdf_ms:.0f})"
            print(
                f"  {fig['name']:<42} {fig['entries']:>8,} {fig['median_ms']:>9.1f} "
                f"{fig['p95_ms']:>9.1f}  {targets.get(fig['name'], '')}{extra}"
            )


def print_journal(runs: list[dict[str, Any]]) -> None:
    """The Journal page's figures at each vault size, and the process's peak RSS."""
    targets = {
        "journal: open, first rows painted": "≤ 50 ms",
        "journal: search re-filter, painted": "≤ 50 ms",
        "journal: Ctrl+Enter to timeline updated": "≤ 30 ms",
        "journal: scroll frame, a page at a time": "≤ 16 ms",
    }
    print("\nJournal page (median / p95 ms):")
    for run in runs:
        for fig in run["figures"]:
            print(
                f"  {fig['name']:<42} {fig['entries']:>8,} {fig['median_ms']:>9.1f} "
                f"{fig['p95_ms']:>9.1f}  {targets.get(fig['name'], '')}"
            )
        print(
            f"  {'RSS, journal scrolled to the end (MB)':<42} {'':>8} {run['rss_mb']:>9}  ≤ 200 MB"
        )
        print(f"  {'peak RSS incl. Argon2id 256 MiB (MB)':<42} {'':>8} {run['peak_rss_mb']:>9}")


def print_export(export: dict[str, Any]) -> None:
    """The export figures, with their targets."""
    print(
        f"\nexport of one year ({export['entries_in_summary']:,} entries, "
        f"{export['pdf_pages']} PDF pages):"
    )
    targets = {
        "preview_refresh_ms": "≤ 300 ms",
        "preview_built_in_worker_ms": "≤ 300 ms, off the UI thread",
        "preview_shown_on_ui_thread_ms": "never blocks typing",
        "pdf_written_ms": "≤ 1 000 ms",
        "peak_rss_mb": "≤ 300 MB",
    }
    for key, value in export.items():
        if key.endswith(("_ms", "_mb")):
            print(f"  {key:<30} {value:>10}  {targets.get(key, '')}")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000, help="largest vault size")
    parser.add_argument("--quick", action="store_true", help="small vaults, few runs (< 2 min)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument(
        "--bundle",
        type=Path,
        help="also the built Linux bundle's figures (dist/ of build-linux.sh)",
    )
    args = parser.parse_args(argv)

    started = time.perf_counter()
    sizes = [1_000, 5_000] if args.quick else sorted({1_000, 10_000, args.entries})
    runs = 5 if args.quick else 15
    kdf = kdf_figure(3 if args.quick else 7)
    figures: list[Figure] = [kdf]
    for size in sizes:
        directory = vault_for(size, SEED)
        figures.extend(store_figures(directory, size, runs))
        figures.extend(insights_figures(directory, size, runs))
        figures.extend(written_figures(directory, size, runs))
        figures.extend(between_figures(directory, size, runs))
    # The data targets are set at the largest vault (a backup ≤ 2 s, export-data ≤ 10 s).
    figures.extend(data_figures(vault_for(sizes[-1], SEED), sizes[-1], 3))

    app, bare = startup_figures(vault_for(sizes[0], SEED), 5 if args.quick else 25)
    figures.append(
        Figure("cold start to painted unlock screen", 0, app, bare, "within 1.3× bare Qt window")
    )
    journal = [journal_figures_in_process(vault_for(size, SEED)) for size in sizes]
    shell_runs = 3 if args.quick else 9
    ends = sorted({sizes[0], sizes[-1]})
    shell = [shell_figures_in_process(vault_for(size, SEED), shell_runs) for size in ends]
    today_between = today_between_in_process(vault_for(sizes[-1], SEED), shell_runs)
    # The page's targets are set at the largest vault (100 000 entries over 20 years).
    insights_page = insights_page_in_process(vault_for(sizes[-1], SEED), 3 if args.quick else 7)
    export = export_figures(quick=args.quick)
    writing = writing_figures_in_process(quick=args.quick)
    export_data = export_data_memory(quick=args.quick)
    bundle = None
    if args.bundle is not None:  # only with a built bundle: building it takes a minute or two
        bundle = bundle_report(args.bundle, vault_for(sizes[0], SEED), 5 if args.quick else 15)

    print(f"\nTrustJournal benchmark · {machine()}")
    print_table(figures)
    print_shell(shell, kdf)
    print_today_between(today_between)
    print_journal(journal)
    print_insights_page(insights_page)
    print_export(export)
    print_writing(writing)
    print_export_data_memory(export_data)
    if bundle is not None:
        print_bundle(bundle)
    print(f"\n(total {time.perf_counter() - started:.0f} s; times in ms)")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        report = {
            "machine": machine(),
            "figures": [f.as_dict() for f in figures],
            "journal": journal,
            "shell": shell,
            "today_between": today_between,
            "insights_page": insights_page,
            "export": export,
            "writing": writing,
            "export_data": export_data,
            "bundle": bundle,
        }
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
