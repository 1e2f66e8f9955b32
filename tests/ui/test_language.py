"""The language follows the system unless the person chose one, and the app speaks it from the
unlock screen on (the choice lives in QSettings: the unlock screen needs it before the vault)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit
from pytestqt.qtbot import QtBot

from tests.ui.shell_helpers import make_vault
from trustjournal.core import i18n
from trustjournal.core.i18n import _
from trustjournal.ui.language import (
    apply_language,
    choose_language,
    language_choices,
    stored_choice,
)


@pytest.fixture(autouse=True)
def back_to_english() -> Iterator[None]:
    yield
    i18n.set_language("en")


def _settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def test_a_stored_choice_is_spoken_whatever_the_system_says(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    settings.setValue(i18n.LANGUAGE_SETTING_KEY, "de")
    assert apply_language(settings) == "de"
    assert _("Cancel") == "Abbrechen"


def test_without_a_choice_the_system_language_is_followed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("trustjournal.ui.language.system_choice", lambda: ["de-DE", "de"])
    assert apply_language(_settings(tmp_path)) == "de"
    assert _("&Unlock") == "&Entsperren"


@pytest.mark.parametrize("stored", ["../../etc/passwd", "de/../../x", 42, "", "klingon-too-long"])
def test_a_tampered_or_odd_setting_follows_the_system(tmp_path: Path, stored: object) -> None:
    settings = _settings(tmp_path)
    settings.setValue(i18n.LANGUAGE_SETTING_KEY, stored)
    assert stored_choice(settings) is None
    assert apply_language(settings) == "en"  # the tests' system: C.UTF-8


def test_choosing_stores_the_code_and_speaks_it_at_once(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    assert choose_language(settings, "de-DE") == "de"
    assert _("Cancel") == "Abbrechen"
    again = _settings(tmp_path)  # as the next start reads it
    assert again.value(i18n.LANGUAGE_SETTING_KEY) == "de_DE"
    assert apply_language(again) == "de"


def test_choosing_the_system_forgets_the_stored_choice(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    choose_language(settings, "de")
    assert choose_language(settings, None) == "en"
    assert not _settings(tmp_path).contains(i18n.LANGUAGE_SETTING_KEY)


@pytest.mark.parametrize("code", ["pseudo", "../x"])
def test_the_pseudo_locale_or_a_bad_code_is_never_stored(tmp_path: Path, code: str) -> None:
    settings = _settings(tmp_path)
    choose_language(settings, code)
    assert not _settings(tmp_path).contains(i18n.LANGUAGE_SETTING_KEY)


def test_the_choices_name_each_language_in_itself() -> None:
    assert ("de", "Deutsch") in language_choices()
    assert ("en", "English") in language_choices()


def _qt_words(qtbot: QtBot) -> tuple[list[str], str]:
    """A new text box's context menu and a new button box's Cancel, as Qt itself words them."""
    box = QLineEdit()
    qtbot.addWidget(box)
    box.setText("words")
    menu = box.createStandardContextMenu()
    entries = [action.text().split("\t")[0] for action in menu.actions() if action.text()]
    menu.deleteLater()
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel is not None
    return entries, cancel.text()


ENGLISH_MENU = ["&Undo", "&Redo", "Cu&t", "&Copy", "&Paste", "Delete", "Select All"]
GERMAN_MENU = [
    "&Rückgängig", "Wieder&herstellen", "&Ausschneiden", "&Kopieren", "Einf&ügen", "Löschen",
    "Alles auswählen",
]  # fmt: skip


def test_qt_own_words_follow_the_chosen_language(tmp_path: Path, qtbot: QtBot) -> None:
    settings = _settings(tmp_path)
    assert _qt_words(qtbot) == (ENGLISH_MENU, "Cancel")
    choose_language(settings, "de")
    assert _qt_words(qtbot) == (GERMAN_MENU, "Abbrechen")
    choose_language(settings, None)  # back to the system's: English here
    assert _qt_words(qtbot) == (ENGLISH_MENU, "Cancel")


def test_qt_own_words_speak_a_stored_choice_from_the_start(tmp_path: Path, qtbot: QtBot) -> None:
    settings = _settings(tmp_path)
    settings.setValue(i18n.LANGUAGE_SETTING_KEY, "de_AT")  # no catalogue of its own: German
    assert apply_language(settings) == "de"
    assert _qt_words(qtbot) == (GERMAN_MENU, "Abbrechen")


def test_the_pseudo_locale_leaves_qt_own_words_alone(qtbot: QtBot) -> None:
    i18n.set_language("de")
    i18n.set_language("pseudo")
    assert _qt_words(qtbot) == (ENGLISH_MENU, "Cancel")


# The real start-up (`trustjournal.app.run`), with the unlock screen reporting its prompt.
START_UP_PROBE = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox
import trustjournal.app as app_module
from trustjournal.ui.screens.unlock import UnlockScreen

class Reporting(UnlockScreen):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        qt_words = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)  # Qt's own words
        cancel = qt_words.buttons()[0].text()
        print(self.prompt.text(), "|", "babel" in sys.modules, "|", cancel, flush=True)
        QTimer.singleShot(0, QApplication.quit)

app_module.UnlockScreen = Reporting
sys.exit(app_module.run(vault_dir=Path(sys.argv[1])))
"""


def _start_up_prompt(tmp_path: Path, *, stored: str | None, system: str) -> str:
    journal = tmp_path / "journal"
    if not journal.exists():
        make_vault(journal)
    config = tmp_path / "config"
    ini = config / "TrustJournal" / "TrustJournal.ini"
    ini.parent.mkdir(parents=True, exist_ok=True)
    ini.write_text(f"[General]\nlanguage={stored}\n" if stored else "", encoding="utf-8")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(config),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_RUNTIME_DIR": str(tmp_path / "run"),
        "LANGUAGE": system,
        "LC_ALL": "",
        "LC_MESSAGES": "",
        "LANG": "C.UTF-8",
    }
    (tmp_path / "run").mkdir(mode=0o700, exist_ok=True)
    result = subprocess.run(
        [sys.executable, "-c", START_UP_PROBE, str(journal)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return next(line for line in result.stdout.splitlines() if "|" in line)


def test_the_unlock_screen_speaks_the_stored_choice_and_otherwise_the_system(
    tmp_path: Path,
) -> None:
    german = "Gib deine Passphrase ein, um dein Tagebuch zu öffnen. | False | Abbrechen"
    english = "Enter your passphrase to open your journal. | False | Cancel"
    assert _start_up_prompt(tmp_path, stored="de", system="") == german
    assert _start_up_prompt(tmp_path, stored=None, system="de") == german
    assert _start_up_prompt(tmp_path, stored="en", system="de") == english
    assert _start_up_prompt(tmp_path, stored=None, system="") == english
