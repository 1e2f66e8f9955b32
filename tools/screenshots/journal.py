"""Render the Today and Journal pages over a two-year demo journal to PNG, light and dark."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from tools.screenshots.shots import demo_shell, settle
from trustjournal.app import Shell
from trustjournal.core.entries import GratitudeEntry
from trustjournal.ui.editors.mood import MoodEditor
from trustjournal.ui.editors.trigger import TriggerEditor
from trustjournal.ui.journal.timeline_model import Role
from trustjournal.ui.pages.journal_page import JournalPage
from trustjournal.ui.pages.today_page import TodayPage
from trustjournal.ui.theme import ThemePreference


def _shot(app: QApplication, shell: Shell, widget: QWidget, path: Path) -> Path:
    settle(app)
    widget.grab().save(str(path))
    return path


def _today_gratitude(
    app: QApplication, shell: Shell, today: TodayPage, out: Path, name: str
) -> list[Path]:
    """The gratitude card while typing (Ctrl+G), and just after "I told them"."""
    today.gratitude.field.setText("Fixed the kitchen light before I asked")
    today.focus_gratitude()
    typing = _shot(app, shell, shell.window, out / f"15-today-gratitude-{name}.png")
    today.gratitude.field.clear()
    today.gratitude.unshared.rows[0].told_button.click()
    return [typing, _shot(app, shell, shell.window, out / f"17-today-told-{name}.png")]


def _open_first_gratitude(journal: JournalPage) -> None:
    """Open the newest gratitude that answers a prompt and was told, so every field shows."""
    journal.filters.kind.setCurrentIndex(journal.filters.kind.findData("gratitude"))
    model = journal.model
    row = next(
        r
        for r in range(model.rowCount())
        if not model.is_header(r)
        and isinstance(found := model.entry(r), GratitudeEntry)
        and found.prompt
        and found.expressed_on
    )
    journal.view.setCurrentIndex(model.index(row))
    journal.open_entry_row(row)


def _triggers(
    app: QApplication, shell: Shell, today: TodayPage, journal: JournalPage, *, out: Path, name: str
) -> list[Path]:
    """The quick log (Ctrl+T), the trigger editor step by step, and the Journal's triggers."""
    frame = shell.controller.frame
    assert frame is not None
    frame.run_page_action("today", "focus_trigger")
    today.trigger.situation.setPlainText("Their phone lit up at dinner and they turned it over")
    today.trigger.intensity.set_value(7, notify=True)
    written = [_shot(app, shell, shell.window, out / f"20-today-trigger-{name}.png")]
    written.append(_shot(app, shell, today.trigger, out / f"21-quick-log-{name}.png"))
    today.trigger.save()
    written.append(_shot(app, shell, today.trigger, out / f"22-quick-log-saved-{name}.png"))
    today.trigger.unfinished.rows[0].finish_button.click()
    editor = journal.pane.editor
    assert isinstance(editor, TriggerEditor)
    editor.category.setEditText("Secrecy and phones")
    editor.emotions.choose("Anxious")
    editor.coping.choose("Slow breathing")
    editor.coping.choose("Naming the feeling")
    editor.intensity_after.set_value(4, notify=True)
    editor.need.setPlainText("To hear who it was without having to ask")
    area = editor.scroll_area
    assert area is not None
    bar = area.verticalScrollBar()
    for step, value in enumerate(range(0, bar.maximum() + bar.pageStep(), bar.pageStep())):
        bar.setValue(value)
        written.append(_shot(app, shell, shell.window, out / f"23-trigger-step{step}-{name}.png"))
    editor.body.resize(editor.body.width(), editor.body.sizeHint().height())
    written.append(_shot(app, shell, editor.body, out / f"24-trigger-editor-whole-{name}.png"))
    journal.pane.cancel()
    journal.filters.show_triggers()
    written.append(_shot(app, shell, shell.window, out / f"25-journal-triggers-{name}.png"))
    journal.filters.unfinished.setChecked(True)
    written.append(_shot(app, shell, shell.window, out / f"26-journal-unfinished-{name}.png"))
    journal.filters.unfinished.setChecked(False)
    journal.filters.kind.setCurrentIndex(0)
    return written


def _selected_marks(app: QApplication, shell: Shell, journal: JournalPage, path: Path) -> Path:
    """A trigger row with marks selected, a search hit in it, the next entry under the mouse."""
    journal.filters.show_triggers()
    journal.filters.search.setText("phone*")
    journal.filters.search_timer.stop()
    journal.refilter()
    model = journal.model
    row = next(
        r
        for r in range(model.rowCount())
        if not model.is_header(r) and model.data(model.index(r), Role.MARKS)
    )
    journal.view.setCurrentIndex(model.index(row))
    below = journal.view.visualRect(model.index(row + 2))  # past the next day heading
    QTest.mouseMove(journal.view.viewport(), below.center())
    return _shot(app, shell, shell.window, path)


def render(out: Path, scheme: ThemePreference, app: QApplication) -> list[Path]:
    """Today, Journal, Journal with an entry open, Journal searched, a selected row with marks.

    Returns:
        The files written.
    """
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="tj-shots-") as tmp:
        shell = demo_shell(app, Path(tmp), scheme)
        frame = shell.controller.frame
        assert frame is not None
        name = scheme.value
        frame.show_page("today")
        today = frame.page("today")
        assert isinstance(today, TodayPage)
        editor = today.pane.editor
        assert isinstance(editor, MoodEditor)
        editor.scale.set_value(7)
        editor.emotions.choose("Hopeful")
        editor.trust.setValue(6)
        written.append(_shot(app, shell, shell.window, out / f"10-today-{name}.png"))
        written.extend(_today_gratitude(app, shell, today, out, name))
        frame.show_page("journal")
        journal = frame.page("journal")
        assert isinstance(journal, JournalPage)
        written.append(_shot(app, shell, shell.window, out / f"11-journal-{name}.png"))
        journal.view.setCurrentIndex(journal.model.index(1))
        journal.open_entry_row(1)
        written.append(_shot(app, shell, shell.window, out / f"14-journal-read-only-{name}.png"))
        journal.view.setCurrentIndex(journal.model.index(2))
        journal.open_entry_row(2)
        written.append(_shot(app, shell, shell.window, out / f"12-journal-open-{name}.png"))
        _open_first_gratitude(journal)
        written.append(_shot(app, shell, shell.window, out / f"16-journal-gratitude-{name}.png"))
        written.extend(_triggers(app, shell, today, journal, out=out, name=name))
        journal.filters.search.setText("walk*")
        journal.filters.search_timer.stop()
        journal.refilter()
        written.append(_shot(app, shell, shell.window, out / f"13-journal-search-{name}.png"))
        path = out / f"27-journal-selected-marks-{name}.png"
        written.append(_selected_marks(app, shell, journal, path))
        shell.controller.lock("screenshots")
        shell.window.close()
    return written
