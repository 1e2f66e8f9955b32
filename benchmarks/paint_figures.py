"""The Journal timeline's painting alone: pages of rows already read, scrolled to and repainted.

The scroll-frame figure in app_figures carries the vault's page reads and whatever else the
machine is doing; this one repeats the same 60 pages many times with their entries already read,
so the delegate's and the view's own cost shows with little noise.

Usage: python -m benchmarks.paint_figures VAULT_DIR [PASSPHRASE]
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from benchmarks.app_figures import _painted, _session
from benchmarks.timing import stats
from benchmarks.vaults import scratch_copy
from trustjournal.store.vault import Vault
from trustjournal.ui.pages.journal_page import JournalPage

PAGES = 60  # page-down steps from the top, all read before timing
ROUNDS = 5  # times each page is scrolled to and painted


def paint_figures(directory: Path, passphrase: str) -> list[dict[str, Any]]:
    """Time scrolling to and repainting pages whose entries are read (copy of `directory`).

    Returns:
        Two figures (scroll with its pending events; a repaint of the list), in milliseconds.
    """
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    with scratch_copy(directory, "tj-paint-bench-") as copy:
        vault = Vault.unlock(copy, passphrase)
        try:
            session = _session(vault)
            page = JournalPage(session=session)
            page.resize(1200, 800)
            page.show()
            bar = page.view.verticalScrollBar()
            for step in range(PAGES):
                bar.setValue(step * bar.pageStep())
                app.processEvents()
                _painted(page)
            scrolls: list[float] = []
            repaints: list[float] = []
            for _ in range(ROUNDS):
                for step in range(PAGES):
                    bar.setValue(step * bar.pageStep())
                    start = time.perf_counter()
                    app.processEvents()
                    scrolled = time.perf_counter()
                    page.view.viewport().grab()
                    scrolls.append(scrolled - start)
                    repaints.append(time.perf_counter() - scrolled)
            page.clear()
            page.deleteLater()
            app.processEvents()
        finally:
            vault.lock()
    return [
        {"name": "journal: scroll to a read page, events", **stats(scrolls).as_ms()},
        {"name": "journal: repaint a page of rows", **stats(repaints).as_ms()},
    ]


def main() -> None:
    """Print the figures for one cached vault."""
    directory = Path(sys.argv[1])
    passphrase = sys.argv[2] if len(sys.argv) > 2 else "benchmark passphrase"
    for figure in paint_figures(directory, passphrase):
        print(
            f"{figure['name']:<45}  median {figure['median_ms']:>8.2f} ms"
            f"  p95 {figure['p95_ms']:>8.2f} ms"
        )


if __name__ == "__main__":
    main()
