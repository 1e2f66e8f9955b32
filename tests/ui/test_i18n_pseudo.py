"""The pseudo-locale helper reports exactly the visible texts that escaped translation."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.i18n_helpers import escaped_texts
from trustjournal.core import i18n
from trustjournal.core.i18n import _


@pytest.mark.usefixtures("pseudo")
def test_only_untranslated_visible_texts_are_reported(qtbot: QtBot) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    page.setWindowTitle(_("TrustJournal"))
    layout = QVBoxLayout(page)
    layout.addWidget(QLabel(_("How are you today?")))
    layout.addWidget(QLabel("3 · " + i18n.format_date(date(2026, 3, 2))))
    save = QPushButton(_("&Save"))
    save.setToolTip("Save the entry")  # escaped
    layout.addWidget(save)
    name = QLineEdit("Alex")  # typed by the person: never reported
    name.setPlaceholderText(_("A name"))
    layout.addWidget(name)
    combo = QComboBox()
    combo.addItems([_("Partner"), "Myself"])  # one item escaped
    layout.addWidget(combo)
    layout.addWidget(QLabel("Monday"))  # escaped (a date made with strftime)
    layout.addWidget(QLabel("a note the test typed"))
    hidden = QLabel("Hidden")
    layout.addWidget(hidden)
    hidden.hide()
    page.show()

    assert escaped_texts(page, user_texts=["a note the test typed"]) == [
        "QPushButton.toolTip: 'Save the entry'",
        "QComboBox.item: 'Myself'",
        "QLabel.text: 'Monday'",
    ]
