"""Render the Share page over a demo journal (therapist and partner), light and dark, and
export a therapist and a partner PDF from the page.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from tools.screenshots.shots import demo_shell, shot
from trustjournal.services.export.log import ExportFormat
from trustjournal.services.export.request import Audience
from trustjournal.ui.pages.share_page import SharePage
from trustjournal.ui.share.save_dialog import SaveSummaryDialog
from trustjournal.ui.theme import ThemePreference

SIZE = (1400, 860)
NOTE = "I want to talk about the evenings. I am trying, and some days it is still hard."


def _export(page: SharePage, path: Path) -> None:
    original = SaveSummaryDialog.ask
    SaveSummaryDialog.ask = classmethod(lambda cls, parent, suggested, fmt: path)  # type: ignore[method-assign,assignment]
    try:
        page.write.set_format(ExportFormat.PDF)
        page.save()
    finally:
        SaveSummaryDialog.ask = original  # type: ignore[method-assign]


def render(out: Path, scheme: ThemePreference, app: QApplication) -> list[Path]:
    """The Share page for a therapist and for a partner; in light, their PDFs too."""
    pdfs = scheme is ThemePreference.LIGHT
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="tj-shots-") as tmp:
        shell = demo_shell(app, Path(tmp), scheme, SIZE)
        frame = shell.controller.frame
        assert frame is not None
        frame.show_page("share")
        page = frame.page("share")
        assert isinstance(page, SharePage)
        name = scheme.value
        page.note.setPlainText(NOTE)
        page.flush()
        if page.model.total() > 1:
            page.model.set_excluded(page.model.candidate(1).entry_id, True)
            page.flush()
        written.append(shot(app, shell.window, out / f"20-share-therapist-{name}.png"))
        if pdfs:
            _export(page, out / "therapist-summary.pdf")
            written.append(out / "therapist-summary.pdf")
        page.choices.set_audience(Audience.PARTNER)
        page.note.clear()
        page.flush()
        written.append(shot(app, shell.window, out / f"21-share-partner-{name}.png"))
        if pdfs:
            _export(page, out / "partner-summary.pdf")
            written.append(out / "partner-summary.pdf")
            written.append(shot(app, shell.window, out / f"22-share-after-export-{name}.png"))
        shell.controller.lock("screenshots")
        shell.window.close()
    return written
