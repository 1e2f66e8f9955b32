"""App figures: the Journal page opened, searched, saved into and scrolled, on a cached vault.

Usage: python -m benchmarks.app_figures VAULT_DIR [PASSPHRASE]
"""

from __future__ import annotations

import json
import os
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from benchmarks.timing import measure, peak_rss_mb, stats
from benchmarks.vaults import scratch_copy
from trustjournal.core.entries import EntryKind
from trustjournal.store.drafts import DraftRepository
from trustjournal.store.entries import EntryRepository
from trustjournal.store.settings import SettingsRepository
from trustjournal.store.vault import Vault
from trustjournal.ui.editors.mood import MoodEditor
from trustjournal.ui.events import JournalEvents
from trustjournal.ui.pages.journal_page import JournalPage
from trustjournal.ui.session import Session
from trustjournal.ui.tasks import ScopedTasks, SynchronousTasks

SEARCH_WORDS = ("walk", "tea", "phone", "late", "dinner", "quiet", "work", "kitchen")
RUNS = 7
SCROLL_FRAMES = 300  # page-down steps from the top: past several lazy fetches at any size


def _session(vault: Vault) -> Session:
    def clock() -> datetime:
        return datetime.now().astimezone()

    return Session(
        vault=vault,
        settings=SettingsRepository(db=vault.db),
        drafts=DraftRepository(db=vault.db, clock=clock),
        entries=EntryRepository(db=vault.db, clock=clock),
        tasks=ScopedTasks(tasks=SynchronousTasks(), is_current=lambda: True),
        events=JournalEvents(),
        clock=clock,
        is_open=lambda: True,
    )


def _painted(page: JournalPage) -> None:
    """Force the timeline's visible rows to be laid out and painted now."""
    page.view.viewport().grab()


def _open_figure(app: QApplication, session: Session, runs: int) -> dict[str, Any]:
    pages: list[JournalPage] = []

    def open_page() -> None:
        page = JournalPage(session=session)
        page.resize(1200, 800)
        page.show()
        _painted(page)
        pages.append(page)

    def close_pages() -> None:
        while pages:
            pages.pop().deleteLater()
        app.processEvents()

    stats = measure(open_page, runs=runs, setup=close_pages)
    close_pages()
    return {"name": "journal: open, first rows painted", **stats.as_ms()}


def _page_figures(page: JournalPage, runs: int) -> list[dict[str, Any]]:
    words = iter(SEARCH_WORDS * runs * 2)

    def search() -> None:
        page.filters.search.setText(next(words))
        page.filters.search_timer.stop()
        page.refilter()
        _painted(page)

    def save_check_in() -> None:
        page.pane.open(None, EntryKind.MOOD)
        editor = page.pane.editor
        assert isinstance(editor, MoodEditor)
        editor.scale.set_value(6)
        page.pane.save()
        _painted(page)

    def scroll_end() -> None:
        page.view.scrollToTop()
        _painted(page)
        page.model.fetch_all()
        page.view.scrollToBottom()
        _painted(page)

    figures = [{"name": "journal: search re-filter, painted", **measure(search, runs=runs).as_ms()}]
    figures.append(_scroll_figure(page))
    page.filters.search.setText("")
    page.filters.search_timer.stop()
    page.refilter()
    stats = measure(save_check_in, runs=runs)
    figures.append({"name": "journal: Ctrl+Enter to timeline updated", **stats.as_ms()})
    stats = measure(scroll_end, runs=runs, setup=page.refilter, warmup=0)
    figures.append({"name": "journal: read all and scroll to the end", **stats.as_ms()})
    return figures


def _scroll_figure(page: JournalPage) -> dict[str, Any]:
    """Each frame while paging down the timeline from the top: scroll, pending events, paint.

    The view fetches more rows itself when the scroll bar reaches its end, as it does for a
    person holding Page Down, so those frames carry the lazy reads.
    """
    app = QApplication.instance()
    assert app is not None
    page.filters.search.setText("")
    page.filters.search_timer.stop()
    page.refilter()
    page.view.scrollToTop()
    _painted(page)
    bar = page.view.verticalScrollBar()
    samples: list[float] = []
    for _ in range(SCROLL_FRAMES):
        if bar.value() >= bar.maximum() and not page.model.canFetchMore():
            break
        start = time.perf_counter()
        bar.setValue(bar.value() + bar.pageStep())
        app.processEvents()
        _painted(page)
        samples.append(time.perf_counter() - start)
    return {"name": "journal: scroll frame, a page at a time", **stats(samples).as_ms()}


_rss_at_end = 0


def _resident_mb() -> int:
    """This process's resident memory now (Linux), in MB."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024)
    except OSError:
        pass
    return 0


def journal_figures(directory: Path, passphrase: str, *, runs: int = RUNS) -> list[dict[str, Any]]:
    """Time the Journal page on a copy of the vault in `directory` (which is never modified).

    Returns:
        One dict per figure: name, entries, and median/min/max/p95 in milliseconds.
    """
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    with scratch_copy(directory, "tj-app-bench-") as copy:
        vault = Vault.unlock(copy, passphrase)
        try:
            session = _session(vault)
            entries = session.entries.count()
            figures = [_open_figure(app, session, runs)]
            page = JournalPage(session=session)
            page.resize(1200, 800)
            page.show()
            _painted(page)
            figures += _page_figures(page, runs)  # ends scrolled to the end of the timeline
            global _rss_at_end  # noqa: PLW0603 - read by main() for the JSON report
            _rss_at_end = _resident_mb()
            page.clear()
            page.deleteLater()
            app.processEvents()
            return [{**figure, "entries": entries} for figure in figures]
        finally:
            vault.lock()


def main() -> None:
    """Print the figures for one cached vault (`--json`: one JSON object, with peak RSS)."""
    args = [a for a in sys.argv[1:] if a != "--json"]
    directory = Path(args[0])
    passphrase = args[1] if len(args) > 1 else "benchmark passphrase"
    figures = journal_figures(directory, passphrase)
    if "--json" in sys.argv:
        peak = peak_rss_mb()
        report = {"figures": figures, "peak_rss_mb": round(peak), "rss_mb": _rss_at_end}
        print(json.dumps(report))
        return
    for figure in figures:
        print(
            f"{figure['name']:<45} n={figure['entries']:>6}  median {figure['median_ms']:>8.1f} ms"
            f"  p95 {figure['p95_ms']:>8.1f} ms"
        )


if __name__ == "__main__":
    main()
