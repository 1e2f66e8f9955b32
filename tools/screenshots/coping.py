"""Render "What has helped", the Settings word lists and an opened Today row to PNG, light and dark,
and an own emotion refused by the picker (too long) in a new check-in.

"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QFrame, QScrollArea, QVBoxLayout, QWidget

from tools.screenshots.shots import CHEAP, NOW, PASSPHRASE, demo_shell, settle, shot
from trustjournal.app import Shell
from trustjournal.store.drafts import DraftRepository
from trustjournal.store.entries import EntryRepository
from trustjournal.store.settings import SettingsRepository
from trustjournal.store.vault import Vault
from trustjournal.ui.editors.mood import MoodEditor
from trustjournal.ui.events import JournalEvents
from trustjournal.ui.pages.journal_page import JournalPage
from trustjournal.ui.pages.settings_page import SettingsPage
from trustjournal.ui.pages.today_page import TodayPage
from trustjournal.ui.session import Session
from trustjournal.ui.tasks import ScopedTasks, SynchronousTasks
from trustjournal.ui.theme import ThemePreference
from trustjournal.ui.widgets.common import label
from trustjournal.ui.widgets.coping_figures import CopingFiguresView


def _framed(session: Session) -> QFrame:
    """The figures alone in a card, as the trigger editor's coping step will hold them."""
    frame = QFrame()
    frame.setProperty("card", True)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(28, 24, 28, 24)
    layout.addWidget(label("What has helped", role="heading"))
    layout.addWidget(CopingFiguresView(session=session))
    layout.addStretch(1)
    frame.resize(560, 900)
    frame.show()
    return frame


def _empty_figures(app: QApplication, tmp: Path, path: Path) -> Path:
    vault, _code = Vault.create(tmp / "empty", PASSPHRASE, kdf=CHEAP)
    session = Session(
        vault=vault,
        settings=SettingsRepository(db=vault.db),
        drafts=DraftRepository(db=vault.db, clock=lambda: NOW),
        entries=EntryRepository(db=vault.db, clock=lambda: NOW),
        tasks=ScopedTasks(tasks=SynchronousTasks(), is_current=lambda: True),
        events=JournalEvents(),
        clock=lambda: NOW,
        is_open=lambda: True,
    )
    frame = _framed(session)
    frame.resize(560, 260)
    written = shot(app, frame, path)
    frame.close()
    vault.lock()
    return written


def _scroll_area(widget: QWidget) -> QScrollArea:
    parent = widget.parentWidget()
    while not isinstance(parent, QScrollArea):
        assert parent is not None
        parent = parent.parentWidget()
    return parent


def _settings(app: QApplication, shell: Shell, out: Path, name: str) -> list[Path]:
    frame = shell.controller.frame
    assert frame is not None
    frame.show_page("settings")
    page = frame.page("settings")
    assert isinstance(page, SettingsPage)
    section = page.vocabulary
    categories = section.categories
    categories.list.setCurrentRow(2)
    categories.hide_button.click()
    area = _scroll_area(section)
    area.ensureWidgetVisible(section, 0, 0)
    shots = [shot(app, shell.window, out / f"22-settings-categories-{name}.png")]
    coping = section.coping
    coping.list.setCurrentRow(1)
    coping.start_rename()
    coping.field.setText(coping.items()[0].name)
    coping.save()  # a name already in the list: the calm message by the field
    area.ensureWidgetVisible(coping.error, 0, 40)
    shots.append(shot(app, shell.window, out / f"23-settings-coping-rename-{name}.png"))
    coping.cancel_rename()
    categories.list.setCurrentRow(2)
    categories.hide_button.click()  # shown again
    return shots


def _emotion_refused(app: QApplication, shell: Shell, out: Path, name: str) -> Path:
    """A new check-in whose own emotion is too long: the picker says so and keeps the words."""
    frame = shell.controller.frame
    assert frame is not None
    frame.show_page("journal")
    journal = frame.page("journal")
    assert isinstance(journal, JournalPage)
    journal.new_check_in()
    editor = journal.pane.editor
    assert isinstance(editor, MoodEditor)
    editor.emotions.search.setText(
        "like the floor went out from under me, and I could not find words for any of it yet"
    )
    editor.emotions.search.returnPressed.emit()
    path = shot(app, journal.pane, out / f"26-emotion-refused-{name}.png")
    journal.pane.clear()  # nothing of this scene is kept as a draft for the next
    return path


def render(out: Path, scheme: ThemePreference, app: QApplication) -> list[Path]:
    """Today's figures, the figures alone (full and empty), an opened row, Settings' lists."""
    written: list[Path] = []
    name = scheme.value
    with tempfile.TemporaryDirectory(prefix="tj-shots-") as tmp:
        shell = demo_shell(app, Path(tmp), scheme)
        frame = shell.controller.frame
        assert frame is not None
        today = frame.page("today")
        assert isinstance(today, TodayPage)
        frame.show_page("today")
        settle(app)
        bar = today.scroll_area.verticalScrollBar()
        bar.setValue(bar.maximum())  # "What has helped" is the last card
        written.append(shot(app, shell.window, out / f"20-today-what-helped-{name}.png"))
        today.scroll_area.ensureWidgetVisible(today.today_view, 0, 80)
        written.append(shot(app, shell.window, out / f"21-today-logged-{name}.png"))
        row = next(
            r for r in range(today.today_model.rowCount()) if not today.today_model.is_header(r)
        )
        today.today_view.setCurrentIndex(today.today_model.index(row))
        today.today_view.activated.emit(today.today_model.index(row))
        written.append(shot(app, shell.window, out / f"21-today-row-opened-{name}.png"))
        frame.show_page("today")
        today.coping.more_button.click()  # every strategy, as the trigger editor will show
        helped = today.coping.parentWidget()
        assert helped is not None
        written.append(shot(app, helped, out / f"24-coping-figures-{name}.png"))
        today.coping.more_button.click()
        written.extend(_settings(app, shell, out, name))
        written.append(_emotion_refused(app, shell, out, name))
        shell.controller.lock("screenshots")
        shell.window.close()
        written.append(_empty_figures(app, Path(tmp), out / f"25-coping-figures-empty-{name}.png"))
    return written
