"""Writing from the Share page: exactly the preview, recorded in the vault, failures calm (S7)."""

from __future__ import annotations

import io
import os
import resource
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

import pypdf
import pytest
from pytestqt.qtbot import QtBot

from tests.services.export_data import CHOSEN_SITUATION, LEFT_OUT, PRIVATE
from tests.ui.share_helpers import make_composer, save_to
from trustjournal.core.periods import Period
from trustjournal.services.export.log import ExportFormat
from trustjournal.services.export.markdown import render_markdown
from trustjournal.services.export.request import Audience
from trustjournal.services.export.writer import TEMP_PREFIX
from trustjournal.store.exports import ExportLogRepository
from trustjournal.ui.share import choices
from trustjournal.ui.tasks import BackgroundTasks, ScopedTasks

PASSWORD = "blue heron at dusk"


def _log(composer) -> ExportLogRepository:  # type: ignore[no-untyped-def]
    return ExportLogRepository(db=composer.vault.db, clock=composer.clock)


def test_the_written_markdown_is_the_preview_and_leaves_out_what_was_unticked(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    composer = make_composer(qtbot, tmp_path)
    page = composer.page
    page.model.set_excluded(composer.journal.left_out, True)
    page.note.setPlainText("Please read the evenings part first.")
    page.flush()
    out = tmp_path / "out" / "summary.md"
    out.parent.mkdir()
    asked = save_to(monkeypatch, page, out, ExportFormat.MARKDOWN)
    assert asked == ["summary-2026-03-14.md"]  # a neutral name: no audience, no words
    written = out.read_text(encoding="utf-8")
    assert page.shown is not None
    assert written == render_markdown(page.shown.summary)
    assert LEFT_OUT not in written and PRIVATE not in written
    assert CHOSEN_SITUATION in written and "Please read the evenings part first." in written
    assert out.stat().st_mode & 0o777 == 0o600
    [record] = _log(composer).list()
    assert frozenset(record.entry_ids) == page.shown.summary.entry_ids
    assert record.format == "md" and record.audience == "therapist"


def test_the_export_is_listed_on_the_page_after_writing(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    composer = make_composer(qtbot, tmp_path)
    page = composer.page
    assert page.history_lines() == ["Nothing shared yet."]
    save_to(monkeypatch, page, tmp_path / "s.html", ExportFormat.HTML)
    count = len(page.shown.summary.entry_ids) if page.shown else 0
    assert page.history_lines() == [
        f"Shared with your therapist on 14 March: {count} entries (web page)"
    ]
    assert page.write.status.text() == f"Saved for your therapist: {count} entries, in s.html."
    assert not page.write.error.isVisibleTo(page)


def test_since_the_last_export_starts_on_the_last_day_it_covered(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    composer = make_composer(qtbot, tmp_path)
    page = composer.page
    page.choices.set_period_choice(choices.SINCE)
    today = composer.clock.now.date()
    assert page.choices.chosen_period() == Period.last_days(30, today=today)
    assert "Nothing shared with your therapist yet" in page.choices.period_hint.text()
    page.choices.set_custom_dates(date(2026, 3, 1), date(2026, 3, 10))
    page.flush()
    save_to(monkeypatch, page, tmp_path / "s.md", ExportFormat.MARKDOWN)
    page.choices.set_audience(Audience.THERAPIST)  # back to the defaults: since the last one
    assert page.choices.chosen_period() == Period(date(2026, 3, 10), today)
    assert page.choices.period_hint.text().startswith("From March 10, 2026")
    page.choices.set_audience(Audience.PARTNER)
    assert page.choices.chosen_period() == Period.last_days(30, today=today)


def test_a_password_protected_pdf_opens_only_with_its_password(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    composer = make_composer(qtbot, tmp_path)
    page = composer.page
    out = tmp_path / "summary.pdf"
    page.write.set_format(ExportFormat.PDF)
    page.write.protect.setChecked(True)
    page.write.password.setText(PASSWORD)
    page.write.password_again.setText(PASSWORD + "x")
    save_to(monkeypatch, page, out, ExportFormat.PDF)
    assert "not the same" in page.write.error.text() and not out.exists()
    page.write.password_again.setText(PASSWORD)
    save_to(monkeypatch, page, out, ExportFormat.PDF)
    assert page.write.password.text() == "" and page.write.password_again.text() == ""
    reader = pypdf.PdfReader(io.BytesIO(out.read_bytes()))
    assert reader.is_encrypted
    assert not reader.decrypt("wrong password")
    reader = pypdf.PdfReader(io.BytesIO(out.read_bytes()))
    assert reader.decrypt(PASSWORD)
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "Summary for my therapist" in text and PRIVATE not in text


def test_the_pdf_is_written_off_the_ui_thread_and_the_page_shows_progress(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    composer = make_composer(qtbot, tmp_path)
    pool = BackgroundTasks()
    session = composer.session
    threaded = type(session)(
        **{**session.__dict__, "tasks": ScopedTasks(tasks=pool, is_current=lambda: True)}
    )
    from trustjournal.ui.pages.share_page import SharePage

    page = SharePage(session=threaded)
    qtbot.addWidget(page)
    page.show()
    page.flush()
    qtbot.waitUntil(lambda: page.shown is not None, timeout=20_000)
    out = tmp_path / "threaded.pdf"
    save_to(monkeypatch, page, out, ExportFormat.PDF)
    assert page.write.progress.isVisible() and not page.write.save_button.isEnabled()
    qtbot.waitUntil(lambda: not page.write.progress.isVisible(), timeout=30_000)
    assert out.read_bytes().startswith(b"%PDF")
    assert len(_log(composer).list()) == 1
    pool.finish()


def _fill_limit(limit: int) -> tuple[int, int]:
    previous = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, previous[1]))
    return previous


def test_a_failed_write_is_shown_calmly_and_keeps_the_old_file_and_no_temp_file(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    composer = make_composer(qtbot, tmp_path)
    page = composer.page
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "summary.md"
    out.write_bytes(b"the old summary")
    old_handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    previous = _fill_limit(256)  # the disk "fills up" after 256 bytes of any file
    try:
        save_to(monkeypatch, page, out, ExportFormat.MARKDOWN)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, previous)
        signal.signal(signal.SIGXFSZ, old_handler)
    assert page.write.error.text() == (
        "The summary was not saved. The disk is full. "
        "Nothing was lost; free some space and try again."
    )
    assert out.read_bytes() == b"the old summary"
    assert sorted(p.name for p in folder.iterdir()) == ["summary.md"]
    assert _log(composer).list() == []  # not recorded: nothing was shared
    assert page.write.save_button.isEnabled() and not page.write.progress.isVisibleTo(page)
    page.write.set_format(ExportFormat.MARKDOWN)
    save_to(monkeypatch, page, out, ExportFormat.MARKDOWN)  # works again once there is room
    assert not page.write.error.isVisibleTo(page) and len(_log(composer).list()) == 1


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write anywhere")
def test_an_unwritable_folder_is_shown_calmly_and_leaves_nothing(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    composer = make_composer(qtbot, tmp_path)
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        save_to(monkeypatch, composer.page, folder / "s.md", ExportFormat.MARKDOWN)
        assert "not allowed" in composer.page.write.error.text()
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


TRACE_SCRIPT = """
import sys
from pathlib import Path
import shiboken6
from PySide6.QtWidgets import QApplication, QFileDialog
from trustjournal.ui.share.save_dialog import forget_places

target = Path(sys.argv[1])
app = QApplication(["trustjournal"])
# The dialog as SaveSummaryDialog.ask leaves it once the person chose a file in a folder
# (exec() needs a person; the settings it saves come from this state).
dialog = QFileDialog(None)
dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
dialog.setDirectory(str(target.parent))
dialog.selectFile(target.name)
assert Path(dialog.selectedFiles()[0]) == target
if sys.argv[2] == "ours":
    forget_places(dialog)
shiboken6.delete(dialog)  # the destructor writes QtProject.conf
target.write_bytes(b"%PDF-1.7 stand-in")
"""


def _traces(tmp_path: Path, mode: str) -> list[str]:
    home = tmp_path / mode / "home"
    folder = home / "therapy-folder-1d9c"
    folder.mkdir(parents=True)
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    target = folder / "for-my-therapist-7a2e.pdf"
    subprocess.run(
        [sys.executable, "-c", TRACE_SCRIPT, str(target), mode],
        env=env,
        check=True,
        timeout=60,
        capture_output=True,
    )
    found = []
    for file in home.rglob("*"):
        if file.is_file() and file != target:
            data = file.read_bytes()
            if b"therapy-folder-1d9c" in data or b"for-my-therapist-7a2e" in data:
                found.append(str(file.relative_to(home)))
    return found


def test_the_save_dialog_leaves_no_trace_of_the_file_or_its_folder(tmp_path: Path) -> None:
    assert _traces(tmp_path, "plain") != []  # Qt's own dialog remembers the folder
    assert _traces(tmp_path, "ours") == []
    assert not list((tmp_path / "ours").rglob("recently-used.xbel"))
    assert not list((tmp_path / "ours").rglob(f"{TEMP_PREFIX}*"))


def test_the_preview_is_parsed_by_the_worker_and_only_swapped_in_on_the_ui_thread(
    qtbot: QtBot, tmp_path: Path
) -> None:
    composer = make_composer(qtbot, tmp_path)
    pool = BackgroundTasks()
    session = composer.session
    threaded = type(session)(
        **{**session.__dict__, "tasks": ScopedTasks(tasks=pool, is_current=lambda: True)}
    )
    from PySide6.QtCore import QThread

    from trustjournal.ui.pages.share_page import SharePage
    from trustjournal.ui.share.preview import PreviewDocument

    page = SharePage(session=threaded)
    qtbot.addWidget(page)
    page.show()
    page.flush()
    qtbot.waitUntil(lambda: page.shown is not None, timeout=20_000)
    shown = page.shown
    assert shown is not None and isinstance(shown.document, PreviewDocument)
    assert page.preview.document() is shown.document  # swapped in, not parsed again
    assert shown.document.thread() is QThread.currentThread()  # handed to the UI thread
    assert "Summary for my therapist" in page.preview.toPlainText()
    assert page.preview.refused == []
    pool.finish()


def test_after_a_save_the_screen_shows_what_the_next_save_writes(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = make_composer(qtbot, tmp_path, fill=False).page
    page.choices.set_audience(Audience.SELF)
    page.flush()
    today = date(2026, 3, 14)
    month = Period.last_days(30, today=today)
    assert page.choices.period_hint.text() == (
        "No summary saved for yourself yet, so the last 30 days."
    )
    first = tmp_path / "first.md"
    save_to(monkeypatch, page, first, ExportFormat.MARKDOWN)
    # The days just saved stay chosen, visibly, instead of silently becoming "today only".
    assert page.choices.period.currentData() == choices.CUSTOM
    assert not page.choices.period_hint.isVisibleTo(page)
    assert page.request().period == month
    assert not page.preview_timer.isActive()  # same days, same summary: nothing to rebuild
    second = tmp_path / "second.md"
    save_to(monkeypatch, page, second, ExportFormat.MARKDOWN)
    assert second.read_text(encoding="utf-8") == first.read_text(encoding="utf-8")
    page.choices.set_period_choice(choices.SINCE)  # asked for: since the one just saved
    assert page.choices.period_hint.text().startswith("From March 14, 2026")
    assert page.request().period == Period(today, today)
