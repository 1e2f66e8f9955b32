"""Repeated timing with medians: the benchmark's only clock."""

from __future__ import annotations

import resource
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Stats:
    """Seconds over several runs."""

    median: float
    low: float
    high: float
    p95: float
    runs: int

    def as_ms(self) -> dict[str, float | int]:
        """Milliseconds, rounded for reports."""
        return {
            "median_ms": round(self.median * 1000, 3),
            "min_ms": round(self.low * 1000, 3),
            "max_ms": round(self.high * 1000, 3),
            "p95_ms": round(self.p95 * 1000, 3),
            "runs": self.runs,
        }


def stats(samples: list[float]) -> Stats:
    """Summarise samples in seconds."""
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return Stats(statistics.median(ordered), ordered[0], ordered[-1], p95, len(ordered))


def measure(
    fn: Callable[[], Any], *, runs: int, setup: Callable[[], Any] | None = None, warmup: int = 1
) -> Stats:
    """Time fn() `runs` times (after `warmup` untimed calls); setup() runs untimed before each."""
    for _ in range(warmup):
        if setup:
            setup()
        fn()
    samples = []
    for _ in range(runs):
        if setup:
            setup()
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return stats(samples)


def peak_rss_mb() -> float:
    """This process's peak resident memory in MB, from the kernel's high-water mark.

    Not `getrusage().ru_maxrss`: across exec, Linux keeps the peak of the process image that
    called exec, so a figure started by `run.py` (which has just derived Argon2id keys, 256 MiB)
    would report the parent's peak, not its own.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
