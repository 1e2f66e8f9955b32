"""Choosing a passphrase: very weak ones refused, weak ones warned about, both typed alike."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from trustjournal.core.strength import estimate
from trustjournal.ui.theme import LIGHT, Colors, style_sheet
from trustjournal.ui.widgets.passphrase_form import PassphraseForm

STRONG = "copper lantern wistful harbour"


def _form(qtbot: QtBot, first: str, second: str) -> PassphraseForm:
    form = PassphraseForm()
    qtbot.addWidget(form)
    form.first.setText(first)
    form.second.setText(second)
    form.evaluate_now()
    return form


def test_very_weak_passphrases_are_refused(qtbot: QtBot) -> None:
    for weak in ("password", "123456", "trustjournal", "qwerty12"):
        assert estimate(weak).score <= 1
        form = _form(qtbot, weak, weak)
        assert not form.is_valid, weak
        assert form.verdict.property("role") == "error"


def test_a_fair_passphrase_is_allowed_with_a_warning(qtbot: QtBot) -> None:
    fair = "correcthorse"
    assert estimate(fair).score == 2
    form = _form(qtbot, fair, fair)
    assert form.is_valid
    assert form.verdict.property("role") == "warning"


def test_a_strong_passphrase_typed_twice_is_valid(qtbot: QtBot) -> None:
    form = _form(qtbot, STRONG, STRONG)
    assert form.is_valid
    assert form.verdict.property("role") == "good"
    assert form.passphrase() == STRONG


def test_different_repetitions_are_not_valid_and_say_so(qtbot: QtBot) -> None:
    form = _form(qtbot, STRONG, STRONG + "x")
    assert not form.is_valid
    assert not form.match.isHidden()
    assert "not the same" in form.match.text()


def test_enter_in_the_second_field_submits_only_a_valid_form(qtbot: QtBot) -> None:
    form = _form(qtbot, STRONG, STRONG)
    with qtbot.waitSignal(form.submitted):
        form.second.returnPressed.emit()
    weak = _form(qtbot, "password", "password")
    with qtbot.assertNotEmitted(weak.submitted):
        weak.second.returnPressed.emit()


def test_very_long_passphrases_are_estimated_from_their_start() -> None:
    assert estimate("a" * 5000 + STRONG).score == estimate("a" * 72).score


@pytest.mark.parametrize("colors", [None, LIGHT], ids=["plain", "styled"])
def test_the_form_keeps_its_height_as_hints_come_and_go(
    qtbot: QtBot, colors: Colors | None
) -> None:
    form = PassphraseForm()
    if colors is not None:  # as in the app: the error role is bold
        form.setStyleSheet(style_sheet(colors))
    qtbot.addWidget(form)
    form.resize(480, 10)
    form.show()

    def height() -> int:
        return form.heightForWidth(480)

    empty = height()
    heights = []
    for first, second in (("password", ""), ("password", "pass"), (STRONG, STRONG + "x")):
        form.first.setText(first)
        form.second.setText(second)
        form.evaluate_now()
        heights.append(height())
        if second == "pass":
            assert form.detail.text() and form.match.text()  # a warning and a mismatch shown
    assert heights == [empty] * 3
