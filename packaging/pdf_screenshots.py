"""Render a therapist's and a partner's summary PDF of a demo journal, and their pages to PNG.

Usage: python packaging/pdf_screenshots.py OUT_DIR [--dpi 70]

Needs `pdftoppm` (poppler-utils). The first page of the therapist's summary at 50 dpi is the
README's docs/screenshots/therapist-summary-page1.png.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from trustjournal.core.periods import Period
from trustjournal.services.demo import fill
from trustjournal.services.export.request import Audience, ExportRequest
from trustjournal.services.export.summary import build_summary
from trustjournal.store.db import open_database
from trustjournal.store.entries import EntryRepository
from trustjournal.store.migrations import migrate
from trustjournal.ui.pdf import render_pdf

NOW = datetime(2026, 3, 14, 19, 40, tzinfo=timezone(timedelta(hours=1)))
NOTE = "I'd like to talk about the weekend, and about how the check-ins have helped."


def main() -> None:
    """Write both PDFs and every page of them as PNG."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--dpi", type=int, default=70)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    pdftoppm = shutil.which("pdftoppm")
    with tempfile.TemporaryDirectory(prefix="tj-pdf-") as tmp:
        db = open_database(Path(tmp) / "journal.db", os.urandom(32))
        migrate(db)
        repo = EntryRepository(db=db, clock=lambda: NOW)
        fill(repo.add_many, seed=7, today=NOW.date())
        period = Period(NOW.date() - timedelta(days=59), NOW.date())
        for audience in (Audience.THERAPIST, Audience.PARTNER):
            request = ExportRequest.for_audience(audience, period, note=NOTE)
            path = args.out / f"{audience.value}-summary.pdf"
            render_pdf(build_summary(repo, request, now=NOW), path, password=None)
            print(path)
            if pdftoppm is not None:
                prefix = args.out / f"{audience.value}-summary-page"
                command = [pdftoppm, "-r", str(args.dpi), "-png", str(path), str(prefix)]
                subprocess.run(command, check=True)  # noqa: S603 - our own file, a fixed tool
        db.close()


if __name__ == "__main__":
    main()
