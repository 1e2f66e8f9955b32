"""Bundle figures: the frozen app's size, and its cold start beside the pip-installed app's.

    python -m benchmarks.bundle_figures DIST_DIR [--runs N]   (or run.py --bundle DIST_DIR)

DIST_DIR is where packaging/build-linux.sh left the unpacked bundle and its tarball (dist/).
All three start-ups (the frozen app, this interpreter's `-m trustjournal`, a bare Qt window) are
fresh processes timed to their first paint the same way as in `startup_figures`, alternated
in one run so the machine's load changes hit them alike.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from benchmarks.startup_figures import BARE_WINDOW, _env, _first_paint
from benchmarks.timing import Stats, stats
from benchmarks.vaults import scratch_copy

MB = 1_000_000


def find_bundle(dist: Path) -> tuple[Path, Path | None]:
    """(the folder holding the frozen `trustjournal`, the tarball beside it if any)."""
    programs = sorted(dist.glob("**/TrustJournal/trustjournal"))
    if not programs:
        raise FileNotFoundError(f"no built bundle under {dist}: run packaging/build-linux.sh")
    tarballs = sorted(dist.glob("TrustJournal-*.tar.gz"))
    return programs[-1].parent, (tarballs[-1] if tarballs else None)


def bundle_sizes(bundle: Path, tarball: Path | None) -> dict[str, float | None]:
    """Megabytes (10^6 bytes) of the unpacked folder's files and of the tarball."""
    unpacked = sum(
        p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()
    )
    return {
        "unpacked_mb": round(unpacked / MB, 1),
        "tarball_mb": round(tarball.stat().st_size / MB, 1) if tarball else None,
    }


def bundle_startup(bundle: Path, vault_dir: Path, runs: int) -> dict[str, Stats]:
    """Cold start to a painted unlock screen: frozen app, pip-installed app, bare Qt window."""
    samples: dict[str, list[float]] = {"frozen": [], "pip": [], "bare": []}
    with scratch_copy(vault_dir) as vault:
        env = _env(vault.parent)
        frozen_env = {k: v for k, v in env.items() if not k.startswith("PYTHON")}
        commands = {
            "frozen": ([str(bundle / "trustjournal"), "--vault", str(vault)], frozen_env, "unlock"),
            "pip": ([sys.executable, "-m", "trustjournal", "--vault", str(vault)], env, "unlock"),
            "bare": ([sys.executable, "-c", BARE_WINDOW], env, "bare"),
        }
        for command, command_env, screen in commands.values():  # warm the file cache
            _first_paint(command, command_env, screen)
        for _ in range(runs):
            for name, (command, command_env, screen) in commands.items():
                samples[name].append(_first_paint(command, command_env, screen))
    return {name: stats(values) for name, values in samples.items()}


def bundle_report(dist: Path, vault_dir: Path, runs: int) -> dict[str, Any]:
    """Sizes and start-ups as one JSON-ready record."""
    bundle, tarball = find_bundle(dist)
    startup = bundle_startup(bundle, vault_dir, runs)
    return {
        "bundle": str(bundle),
        "sizes": bundle_sizes(bundle, tarball),
        "size_targets": {"unpacked_mb": 150, "tarball_mb": 60},
        "startup": {name: s.as_ms() for name, s in startup.items()},
    }


def print_bundle(report: dict[str, Any]) -> None:
    """The bundle's figures as a short table."""
    sizes = report["sizes"]
    print("\nLinux bundle (target: ≤ 150 MB unpacked, ≤ 60 MB tarball; start no slower than pip):")
    print(f"  {'unpacked (MB)':<44} {sizes['unpacked_mb']:>9}")
    print(f"  {'tarball (MB)':<44} {sizes['tarball_mb']!s:>9}")
    labels = {
        "frozen": "cold start to unlock, frozen bundle",
        "pip": "cold start to unlock, pip-installed app",
        "bare": "bare Qt window painted",
    }
    for name, label in labels.items():
        s = report["startup"][name]
        print(
            f"  {label:<44} {s['median_ms']:>9.1f} (min {s['min_ms']:.1f}, max {s['max_ms']:.1f})"
        )


def main(argv: list[str] | None = None) -> int:
    """Measure and print the bundle figures alone."""
    from benchmarks.run import SEED
    from benchmarks.vaults import vault_for

    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("dist", type=Path)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args(argv)
    print_bundle(bundle_report(args.dist, vault_for(1_000, SEED), args.runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
