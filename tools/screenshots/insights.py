"""Render the Insights page over the demo journal, light and dark: its top, and further down
the comparisons and "Writing and time together"."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from tools.screenshots.shots import demo_shell, settle, shot
from trustjournal.services.insights_figures import Span
from trustjournal.ui.pages.insights_page import InsightsPage
from trustjournal.ui.theme import ThemePreference

SIZE = (1280, 800)


def render(out: Path, scheme: ThemePreference, app: QApplication) -> list[Path]:
    """The Insights page of three months of the demo journal: top, then scrolled down."""
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="tj-shots-") as tmp:
        shell = demo_shell(app, Path(tmp), scheme, SIZE)
        frame = shell.controller.frame
        assert frame is not None
        frame.show_page("insights")
        page = frame.page("insights")
        assert isinstance(page, InsightsPage)
        page.bar.choose(Span.MONTHS_3)  # enough weeks to see a rhythm
        settle(app)
        name = scheme.value
        written.append(shot(app, shell.window, out / f"30-insights-{name}.png"))
        while not page.built:  # the later cards come one per turn of the loop
            app.processEvents()
        written_card = page.made_card("written_card")
        assert written_card is not None
        page.scroll_area.ensureWidgetVisible(written_card, 0, 0)
        written.append(shot(app, shell.window, out / f"31-insights-written-{name}.png"))
        shell.controller.lock("screenshots")
        shell.window.close()
    return written
