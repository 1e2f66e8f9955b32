"""Render a therapist's and a partner's summary PDF of a demo journal, and their pages to PNG.

Needs `pdftoppm` (poppler-utils). The first page of the therapist's summary at 50 dpi,
therapist-summary-page1.png, is the README's.
"""

from __future__ import annotations

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
from trustjournal.ui.theme import ThemePreference

NOW = datetime(2026, 3, 14, 19, 40, tzinfo=timezone(timedelta(hours=1)))
NOTE = "I'd like to talk about the weekend, and about how the check-ins have helped."


def render(out: Path, scheme: ThemePreference, app: object, *, dpi: int = 70) -> list[Path]:
    """Write both PDFs and every page of them as PNG (once: a PDF has no dark variant)."""
    del app  # the PDF is painted with QPdfWriter; it needs no window
    if scheme is not ThemePreference.LIGHT:
        return []
    written: list[Path] = []
    pdftoppm = shutil.which("pdftoppm")
    with tempfile.TemporaryDirectory(prefix="tj-pdf-") as tmp:
        db = open_database(Path(tmp) / "journal.db", os.urandom(32))
        migrate(db)
        repo = EntryRepository(db=db, clock=lambda: NOW)
        fill(repo.add_many, seed=7, today=NOW.date())
        period = Period(NOW.date() - timedelta(days=59), NOW.date())
        for audience in (Audience.THERAPIST, Audience.PARTNER):
            request = ExportRequest.for_audience(audience, period, note=NOTE)
            path = out / f"{audience.value}-summary.pdf"
            render_pdf(build_summary(repo, request, now=NOW), path, password=None)
            written.append(path)
            if pdftoppm is not None:
                prefix = out / f"{audience.value}-summary-page"
                command = [pdftoppm, "-r", str(dpi), "-png", str(path), str(prefix)]
                subprocess.run(command, check=True)  # noqa: S603 - our own file, a fixed tool
                written += sorted(out.glob(f"{prefix.name}-*.png"))
                first = out / f"{audience.value}-summary-page1"  # the README's, at 50 dpi
                command = [pdftoppm, "-r", "50", "-png", "-singlefile", str(path), str(first)]
                subprocess.run(command, check=True)  # noqa: S603 - our own file, a fixed tool
                written.append(first.with_suffix(".png"))
        db.close()
    return written
