"""The Share page in the pseudo-locale: no visible word escapes translation, nothing clipped at
the window's minimum size; and the summary may be written in another language than the page."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.i18n_helpers import escaped_texts
from tests.ui.layout_checks import out_of_reach, overlaps, save_shot, settle, sideways, squeezed
from tests.ui.share_helpers import make_composer
from tests.ui.shell_helpers import open_journal
from trustjournal.core import i18n
from trustjournal.core.i18n import _
from trustjournal.ui.pages.share_page import SharePage


@pytest.mark.usefixtures("pseudo")
def test_no_word_of_the_share_page_escapes_translation(qtbot: QtBot, tmp_path: Path) -> None:
    composer = make_composer(qtbot, tmp_path)
    page = composer.page
    page.show()
    settle()
    # The entries' own words (and the test journal's categories) are the person's text.
    user = [page.model.label(row) for row in range(page.model.rowCount())]
    # Each language is named in itself ("Deutsch"), so anyone can find theirs: not translated.
    combo = page.choices.language
    user += [combo.itemText(i) for i in range(combo.count())]
    assert escaped_texts(page, user_texts=user) == []


@pytest.mark.usefixtures("pseudo")
def test_the_share_page_fits_800_by_600_in_the_pseudo_locale(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    shell, frame = open_journal(qtbot, qapp, tmp_path)
    shell.window.resize(800, 600)
    settle()
    frame.show_page("share")
    page = frame.page("share")
    assert isinstance(page, SharePage)
    settle()
    save_shot(page, "share-pseudo-800x600", tmp_path)
    assert overlaps(page) == []
    assert squeezed(page) == []
    assert out_of_reach(page) == []
    assert sideways(page) == []


@pytest.mark.usefixtures("english")
def test_choosing_german_rewrites_the_preview_and_leaves_the_page_english(
    qtbot: QtBot, tmp_path: Path
) -> None:
    composer = make_composer(qtbot, tmp_path)
    page = composer.page
    names = [page.choices.language.itemText(i) for i in range(page.choices.language.count())]
    assert names == ["English", "Deutsch"]
    assert page.choices.summary_language == "en"
    page.choices.set_summary_language("de")
    page.flush()
    assert page.request().language == "de"
    shown = page.shown
    assert shown is not None and shown.summary.language == "de"
    assert shown.summary.title == "Zusammenfassung für meine Therapeutin oder meinen Therapeuten"
    text = page.preview.toPlainText()
    assert "Für unsere nächste Sitzung" in text and "For our next session" not in text
    assert i18n.current_language() == "en"
    assert _("Save the summary") == "Save the summary"
    assert page.write.save_button.text() == "&Save the summary…"
