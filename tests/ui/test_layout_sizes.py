"""Every page and screen works from the window's minimum size up to a large screen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.layout_checks import (
    controls,
    out_of_reach,
    overlaps,
    save_shot,
    settle,
    sideways,
    squeezed,
)
from tests.ui.shell_helpers import (
    PASSPHRASE,
    fixed_clock,
    make_vault,
    open_journal,
    start_shell,
    unlock,
)
from trustjournal.app import Shell
from trustjournal.core.entries import EntryKind
from trustjournal.services.demo import fill
from trustjournal.store.entries import EntryRepository
from trustjournal.store.vault import Vault
from trustjournal.ui.clipboard import ClipboardGuard
from trustjournal.ui.main_frame import MainFrame
from trustjournal.ui.main_window import MINIMUM_SIZE
from trustjournal.ui.pages.insights_page import InsightsPage
from trustjournal.ui.pages.journal_page import JournalPage
from trustjournal.ui.pages.journal_pages import journal_pages
from trustjournal.ui.pages.today_page import TodayPage
from trustjournal.ui.screens.passphrase import PassphraseScreen
from trustjournal.ui.screens.recovery_code import RecoveryCodeScreen
from trustjournal.ui.screens.unlock import UnlockScreen
from trustjournal.ui.screens.welcome import WelcomeScreen

PAGE_KEYS = [spec.key for spec in journal_pages()] + ["settings"]
SIZES = [(MINIMUM_SIZE.width(), MINIMUM_SIZE.height()), (960, 680), (1920, 1080)]
CODE = "ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-6789"


def _open_filled(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> tuple[Shell, MainFrame]:
    """The shell unlocked on a journal with six weeks of made-up entries up to now."""
    directory = tmp_path / "journal"
    make_vault(directory)
    vault = Vault.unlock(directory, PASSPHRASE)
    try:
        now = fixed_clock()
        repo = EntryRepository(db=vault.db, clock=fixed_clock)
        fill(repo.add_many, seed=5, today=now.date(), years=0.12, per_day=4.0, until=now)
    finally:
        vault.lock()
    shell = start_shell(qtbot, qapp, tmp_path, pages=journal_pages())
    with qtbot.waitSignal(shell.controller.unlocked, timeout=30_000):
        unlock(shell, PASSPHRASE)
    assert shell.controller.frame is not None
    return shell, shell.controller.frame


def _check(widget: QWidget, name: str, tmp_path: Path) -> None:
    settle()
    save_shot(widget, name, tmp_path)
    assert overlaps(widget) == []
    assert squeezed(widget) == []
    assert out_of_reach(widget) == []
    assert sideways(widget) == []


def _resize(shell: Shell, size: tuple[int, int]) -> None:
    shell.window.resize(*size)
    QApplication.processEvents()
    assert (shell.window.width(), shell.window.height()) == size  # nothing holds it bigger


def test_the_window_allows_800_by_600(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> None:
    assert MINIMUM_SIZE.width() <= 800 and MINIMUM_SIZE.height() <= 600
    shell, _frame = open_journal(qtbot, qapp, tmp_path)
    assert shell.window.minimumSize() == MINIMUM_SIZE
    _resize(shell, (800, 600))


@pytest.mark.parametrize(
    ("key", "size"),
    [(k, size) for k in PAGE_KEYS for size in SIZES],
)
def test_every_page_fits_at_every_size(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, key: str, size: tuple[int, int]
) -> None:
    shell, frame = _open_filled(qtbot, qapp, tmp_path)
    _resize(shell, size)
    frame.show_page(key)
    page = frame.page(key)
    if isinstance(page, TodayPage):
        page.today_view  # noqa: B018 - the cards below the fold too
    if isinstance(page, InsightsPage):
        qtbot.waitUntil(lambda: page.built)  # the later cards, one per turn of the loop
    _check(page, f"page-{key}-{size[0]}x{size[1]}", tmp_path)


SCREENS: dict[str, Callable[[Shell], QWidget]] = {
    "welcome": lambda _shell: WelcomeScreen(),
    "create": lambda _shell: PassphraseScreen(
        title="Choose a passphrase",
        intro="It opens your journal. Only you know it.",
        submit_text="Create my journal",
        busy_text="Creating…",
        back_text="Back",
    ),
    "recovery": lambda shell: RecoveryCodeScreen(
        code=CODE, clipboard=ClipboardGuard(clipboard=QApplication.clipboard(), parent=shell.window)
    ),
    "unlock": lambda _shell: UnlockScreen(),
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("name", list(SCREENS))
def test_every_first_run_and_unlock_screen_fits_at_every_size(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, name: str, size: tuple[int, int]
) -> None:
    shell = start_shell(qtbot, qapp, tmp_path)
    screen = SCREENS[name](shell)
    shell.window.show_screen(screen)
    _resize(shell, size)
    _check(screen, f"screen-{name}-{size[0]}x{size[1]}", tmp_path)


def test_a_squeezed_or_overlapping_layout_is_noticed(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QPushButton

    holder = QWidget()
    qtbot.addWidget(holder)
    holder.resize(400, 100)
    first = QPushButton("A long button that needs room", holder)
    second = QPushButton("Another", holder)
    first.setGeometry(0, 0, 120, 30)
    second.setGeometry(100, 0, 120, 30)
    holder.show()
    assert overlaps(holder) == []  # not placed by a layout: nothing to compare
    assert [w.text() for w in controls(holder)] == [first.text(), second.text()]
    holder.resize(60, 100)
    assert "Another" in " ".join(out_of_reach(holder))  # beyond the right edge
    from PySide6.QtWidgets import QHBoxLayout

    row = QHBoxLayout(holder)
    row.setSizeConstraint(QHBoxLayout.SizeConstraint.SetNoConstraint)
    row.addWidget(first)
    row.addWidget(second)
    holder.resize(60, 40)  # smaller than the buttons' minimum: the layout squeezes them
    QApplication.processEvents()
    assert squeezed(holder) != []


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(
    "kind", [EntryKind.STATEMENT, EntryKind.QUALITY_TIME, EntryKind.SESSION], ids=str
)
def test_the_written_kinds_editors_fit_the_journal_at_every_size(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, kind: EntryKind, size: tuple[int, int]
) -> None:
    shell, frame = open_journal(qtbot, qapp, tmp_path)
    _resize(shell, size)
    frame.show_page("journal")
    journal = frame.page("journal")
    assert isinstance(journal, JournalPage)
    assert journal.start_entry(kind, {})
    editor = journal.pane.editor
    assert editor is not None and editor.isVisible()
    settle()
    save_shot(editor, f"editor-{kind.value}-{size[0]}x{size[1]}", tmp_path)
    assert overlaps(editor) == []
    assert squeezed(editor) == []
    assert sideways(editor) == []
