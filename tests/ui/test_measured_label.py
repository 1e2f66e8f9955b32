"""A measured label answers every height exactly as a plain label would, whatever changed."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from tests.ui.journal_helpers import new_session, open_insights
from trustjournal.ui.widgets.common import label, set_role
from trustjournal.ui.widgets.measured_label import MeasuredLabel

WORDS = ["a", "word", "longer", "Übermorgen", "together", "trust", "—", "12"]
_texts = st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join)
_steps = st.lists(
    st.one_of(
        st.tuples(st.just("text"), _texts),
        st.tuples(st.just("width"), st.integers(20, 900)),
        st.tuples(st.just("font"), st.integers(8, 20)),
        st.tuples(st.just("wrap"), st.booleans()),
        st.tuples(st.just("indent"), st.integers(-1, 12)),
        st.tuples(st.just("margin"), st.integers(0, 9)),
        st.tuples(st.just("contents"), st.integers(0, 9)),
        st.tuples(st.just("role"), st.sampled_from([None, "hint", "heading", "title"])),
    ),
    max_size=25,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=_steps)
def test_every_height_is_the_one_a_plain_label_gives(
    qapp: QApplication, steps: list[tuple[str, object]]
) -> None:
    measured = label("", measured=True)
    plain = label("")
    assert isinstance(measured, MeasuredLabel) and not isinstance(plain, MeasuredLabel)
    width = 300
    for kind, value in steps:
        for each in (measured, plain):
            if kind == "text":
                each.setText(value)
            elif kind == "font":
                font = QFont(each.font())
                font.setPointSize(value)
                each.setFont(font)
            elif kind == "wrap":
                each.setWordWrap(value)
            elif kind == "indent":
                each.setIndent(value)
            elif kind == "margin":
                each.setMargin(value)
            elif kind == "contents":
                each.setContentsMargins(value, value, value, value)
            elif kind == "role":
                set_role(each, value)
        if kind == "width":
            width = value
        assert measured.heightForWidth(width) == plain.heightForWidth(width)
        assert measured.heightForWidth(width + 37) == plain.heightForWidth(width + 37)


def test_the_insights_page_measures_its_words_once_per_width(qtbot: QtBot, tmp_path: Path) -> None:
    for session in new_session(tmp_path):
        frame, page = open_insights(qtbot, session)
        words = [w for w in page.findChildren(QLabel) if w.wordWrap()]
        assert words and all(isinstance(w, MeasuredLabel) for w in words)
        frame.stash_and_clear()
