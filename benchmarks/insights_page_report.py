"""Prints the Insights page's figures (run.py's table; kept apart from Qt so run.py loads none)."""

from __future__ import annotations

from typing import Any


def print_insights_page(report: dict[str, Any]) -> None:
    """The page's and the CLI's figures beside their targets (median / p95 / max ms)."""
    targets = {
        "Ctrl+3 to first period painted": "≤ 150 ms",
        "switch period to painted": "≤ 100 ms",
        "all time to painted": "≤ 250 ms",
        "longest UI stall": "never > 16 ms",
        "beyond Argon2id": "≤ 1 000 ms",
    }
    print("\nInsights page, the real shell (median / p95 / max ms):")
    if report.get("stall_clock") == "thread_time":
        print(
            "  (UI stalls on the UI thread's own CPU clock, time.thread_time: its bursts of work)"
        )
    else:
        print("  (UI stalls on wall time: gaps of a 1 ms timer on the UI thread)")
    for fig in report["figures"] + report["cli"]:
        target = next((t for key, t in targets.items() if key in fig["name"]), "")
        print(
            f"  {fig['name']:<46} {fig['median_ms']:>8.1f} {fig['p95_ms']:>8.1f} "
            f"{fig['max_ms']:>8.1f}  {target}"
        )
    rss = report["rss_mb"]
    print(
        f"  RSS growth making Insights ahead and opening it (MB): {rss['prepare']} ahead;"
        f" first {rss['first_open']}, then {rss['open']}"
        f"; after all switches: first {rss['first_after_switches']}, then"
        f" {rss['after_switches']}  (≤ 30 MB)"
    )
