"""Export figures: one busy year (about 2 000 entries) → Summary, Markdown, HTML and PDF.

    python benchmarks/export_figures.py [--per-day 5.5] [--repeat 3]

Runs in its own process so the peak RSS is the export's own. Figures are reported, never
asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT / "src"))
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.timing import peak_rss_mb  # noqa: E402
from trustjournal.core.periods import Period  # noqa: E402
from trustjournal.services.demo import generate_entries  # noqa: E402
from trustjournal.services.export.html import render_html  # noqa: E402
from trustjournal.services.export.markdown import render_markdown  # noqa: E402
from trustjournal.services.export.model import Summary  # noqa: E402
from trustjournal.services.export.request import Audience, ExportRequest  # noqa: E402
from trustjournal.services.export.summary import build_summary  # noqa: E402
from trustjournal.services.export.writer import atomic_write  # noqa: E402
from trustjournal.store.db import open_database  # noqa: E402
from trustjournal.store.entries import EntryRepository  # noqa: E402
from trustjournal.store.migrations import migrate  # noqa: E402

T = TypeVar("T")


def _timed(fn: Callable[[], T], repeat: int) -> tuple[float, T]:
    times: list[float] = []
    for _ in range(repeat - 1):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    start = time.perf_counter()
    result = fn()
    times.append(time.perf_counter() - start)
    return statistics.median(times), result


def _preview_figures(request: ExportRequest, summary: Summary, repeat: int) -> tuple[float, float]:
    """Seconds the Share page's worker takes (chart, parse) and the UI thread (swap in)."""
    from PySide6.QtWidgets import QApplication

    from trustjournal.ui.share.preview import PreviewBrowser, build_preview, parsed

    app = QApplication.instance() or QApplication([])
    browser = PreviewBrowser()
    browser.resize(520, 800)
    worker_s, preview = _timed(lambda: parsed(build_preview(request, summary), 480), repeat)
    shown: list[float] = []
    for _ in range(repeat):  # each time a freshly parsed document, as the worker sends one
        fresh = parsed(preview, 480)
        start = time.perf_counter()
        browser.show_preview(fresh)
        app.processEvents()
        shown.append(time.perf_counter() - start)
    return worker_s, statistics.median(shown)


def main() -> None:
    """Fill an encrypted database with a busy year and time each step of an export."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--per-day", type=float, default=5.5)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print one JSON object instead")
    args = parser.parse_args()
    now = datetime(2026, 6, 30, 20, 0, tzinfo=UTC).astimezone()
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "journal.db", os.urandom(32))
        migrate(db)
        repo = EntryRepository(db=db, clock=lambda: datetime.now(UTC))
        count = repo.add_many(
            generate_entries(seed=1, today=now.date(), years=1.0, per_day=args.per_day)
        )
        period = Period(now.date() - timedelta(days=364), now.date())
        request = ExportRequest.for_audience(Audience.SELF, period)
        build_s, summary = _timed(lambda: build_summary(repo, request, now=now), args.repeat)
        md_s, md = _timed(lambda: render_markdown(summary), args.repeat)
        html_s, html = _timed(lambda: render_html(summary), args.repeat)
        from trustjournal.ui.pdf import pdf_bytes

        preview_s, shown_s = _preview_figures(request, summary, args.repeat)

        pdf_path = Path(tmp) / "summary.pdf"
        pdf_s, data = _timed(lambda: pdf_bytes(summary), args.repeat)
        write_s, _ = _timed(lambda: atomic_write(pdf_path, data), args.repeat)
        enc_s, _ = _timed(lambda: pdf_bytes(summary, password="bench"), 1)  # noqa: S106
        db.close()
    peak = peak_rss_mb()
    pages = data.count(b"/Type /Page\n")
    if args.json:
        report = {
            "entries_in_year": count,
            "entries_in_summary": len(summary.entry_ids),
            "pdf_pages": pages,
            "preview_refresh_ms": round((build_s + html_s) * 1000, 1),
            "preview_built_in_worker_ms": round((build_s + preview_s) * 1000, 1),
            "preview_shown_on_ui_thread_ms": round(shown_s * 1000, 1),
            "summary_build_ms": round(build_s * 1000, 1),
            "markdown_ms": round(md_s * 1000, 1),
            "html_ms": round(html_s * 1000, 1),
            "pdf_render_ms": round(pdf_s * 1000, 1),
            "pdf_aes256_ms": round(enc_s * 1000, 1),
            "pdf_written_ms": round((build_s + pdf_s + write_s) * 1000, 1),
            "peak_rss_mb": round(peak),
        }
        print(json.dumps(report))
        return
    print(f"entries in the year: {count}; in the summary: {len(summary.entry_ids)}")
    print(f"PDF pages: {pages}")
    print(f"summary build   {build_s * 1000:8.0f} ms")
    print(f"markdown        {md_s * 1000:8.0f} ms  ({len(md) / 1e6:.1f} MB)")
    print(f"html            {html_s * 1000:8.0f} ms  ({len(html) / 1e6:.1f} MB)")
    worker_ms = (build_s + preview_s) * 1000
    print(f"Share preview   {worker_ms:8.0f} ms in the worker (build, chart, parse)")
    print(f"  shown         {shown_s * 1000:8.0f} ms on the UI thread (document swapped in)")
    print(f"pdf render      {pdf_s * 1000:8.0f} ms  ({len(data) / 1e6:.1f} MB)")
    print(f"pdf + AES-256   {enc_s * 1000:8.0f} ms")
    print(f"atomic write    {write_s * 1000:8.0f} ms")
    print(f"peak RSS        {peak:8.0f} MB")


if __name__ == "__main__":
    main()
