"""The Share page in the real window, from its smallest size up: nothing overlaps, nothing is
squeezed, and Save can always be scrolled into view."""

from __future__ import annotations

import contextlib
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QLayout, QWidget
from pytestqt.exceptions import TimeoutError
from pytestqt.qtbot import QtBot

from tests.services.export_data import NOW, PERIOD, fill_journal
from tests.ui.shell_helpers import CHEAP, PASSPHRASE, start_shell, unlock
from trustjournal.store.entries import EntryRepository
from trustjournal.store.vault import Vault
from trustjournal.ui.pages.journal_pages import journal_pages
from trustjournal.ui.pages.share_page import SharePage
from trustjournal.ui.share.columns import Mode

SIZES = [(720, 520), (800, 600), (960, 680), (1920, 1080), (3840, 2160)]


def _managed(layout: QLayout) -> list[QWidget]:
    """The widgets a layout places, its nested layouts' included."""
    found: list[QWidget] = []
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item.widget() is not None:
            found.append(item.widget())
        elif item.layout() is not None:
            found += _managed(item.layout())
    return found


def _problems(root: QWidget) -> list[str]:
    """Visible siblings that overlap, and widgets given less than they need."""
    problems: list[str] = []
    for parent in [root, *root.findChildren(QWidget)]:
        layout = parent.layout()
        if not parent.isVisible() or layout is None:
            continue
        shown = [w for w in _managed(layout) if w.isVisible()]
        for i, first in enumerate(shown):
            for second in shown[i + 1 :]:
                if first.geometry().intersects(second.geometry()):
                    problems.append(f"{_name(first)} overlaps {_name(second)}")
            hint, minimum = first.minimumSizeHint(), first.minimumSize()
            need_w = minimum.width() or hint.width()
            need_h = minimum.height() or hint.height()
            if first.width() < need_w or first.height() < need_h:
                problems.append(f"{_name(first)} is {first.size()}, needs {need_w}x{need_h}")
    return problems


def _name(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    words = text() if callable(text) else ""
    return f"{type(widget).__name__}({words[:30]!r})"


def _share_page(qtbot: QtBot, app: QApplication, tmp_path: Path) -> tuple[QWidget, SharePage]:
    vault, _code = Vault.create(tmp_path / "journal", PASSPHRASE, kdf=CHEAP)
    fill_journal(EntryRepository(db=vault.db, clock=lambda: NOW - timedelta(days=3)))
    vault.lock()
    shell = start_shell(qtbot, app, tmp_path, pages=journal_pages())
    with qtbot.waitSignal(shell.controller.unlocked, timeout=30_000):
        unlock(shell, PASSPHRASE)
    frame = shell.controller.frame
    assert frame is not None
    frame.show_page("share")
    page = frame.page("share")
    assert isinstance(page, SharePage)
    assert PERIOD.start is not None and PERIOD.end is not None
    page.choices.set_custom_dates(PERIOD.start, PERIOD.end)
    page.flush()
    return shell.window, page


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_the_share_page_fits_every_window_size_and_save_is_reachable(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, size: tuple[int, int]
) -> None:
    window, page = _share_page(qtbot, qapp, tmp_path)
    window.resize(*size)
    qtbot.waitUntil(lambda: window.size().width() == max(size[0], window.minimumWidth()))
    # Moving blocks between columns posts layout requests; let them settle (as they do before
    # a person can look), then say what is still wrong.
    with contextlib.suppress(TimeoutError):
        qtbot.waitUntil(lambda: not _problems(page), timeout=5_000)
    assert page.model.rowCount() > 0
    problems = _problems(page)
    assert problems == [], "\n".join(problems)
    save = page.write.save_button
    page.columns.scroll_to(save)
    qapp.processEvents()
    assert save.isVisible() and save.isEnabled()
    top_left = save.mapTo(window, QPoint(0, 0))
    assert window.rect().contains(QRect(top_left, save.size()))
    scroll = page.columns.left if page.columns.mode != Mode.THREE else page.columns.middle
    viewport = scroll.viewport()
    seen = QRect(save.mapTo(viewport, QPoint(0, 0)), save.size())
    assert viewport.rect().contains(seen)
    expected = Mode.ONE if size[0] < 960 else Mode.TWO if size[0] < 1400 else Mode.THREE
    assert page.columns.mode == expected
