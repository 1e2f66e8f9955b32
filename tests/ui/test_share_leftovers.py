"""S18 in the app: a summary save killed at its rename leaves a hidden temp file, which the
Share page sweeps from every folder it saved into, the next time it is built (the next start)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.share_helpers import make_composer, save_to
from trustjournal.services.export.log import ExportFormat
from trustjournal.services.export.writer import TEMP_PREFIX
from trustjournal.ui.pages.share_page import SharePage


def test_the_next_share_page_sweeps_what_a_killed_save_left(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    composer = make_composer(qtbot, tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    save_to(monkeypatch, composer.page, out / "summary.md", ExportFormat.MARKDOWN)
    assert (out / "summary.md").is_file()
    # What a kill between naming the temp file and renaming it leaves (the rename never ran).
    leftover = out / f"{TEMP_PREFIX}0123456789abcdef.part"
    leftover.write_bytes((out / "summary.md").read_bytes())

    again = SharePage(session=composer.session)
    qtbot.addWidget(again)

    assert sorted(p.name for p in out.iterdir()) == ["summary.md"]
