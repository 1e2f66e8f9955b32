"""Today's "still to finish" and "not shared yet" lists are read off the UI thread."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.ui.journal_helpers import NOW, MovableClock, create_vault, open_session, shown
from trustjournal.core.entries import About, GratitudeEntry, TriggerRecord
from trustjournal.ui.session import Session
from trustjournal.ui.tasks import BackgroundTasks, ScopedTasks, SynchronousTasks
from trustjournal.ui.today.unfinished import UnfinishedList
from trustjournal.ui.today.unshared import SHOWN, UnsharedList

LISTS = [UnfinishedList, UnsharedList]


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    vault = create_vault(tmp_path / "journal")
    session = open_session(vault, MovableClock())
    for hours in range(SHOWN + 2):  # more of each than the lists show
        moment = NOW - timedelta(hours=hours + 1)
        session.entries.add(
            TriggerRecord(
                occurred_at=moment, situation=f"late {hours}", intensity=6, unfinished=True
            )
        )
        session.entries.add(
            GratitudeEntry(occurred_at=moment, text=f"kind {hours}", about=About.PARTNER)
        )
    yield session
    vault.lock()


def _with_tasks(session: Session, tasks: ScopedTasks) -> Session:
    return replace(session, tasks=tasks)


def _held(session: Session) -> tuple[Session, ScopedTasks]:
    tasks = ScopedTasks(tasks=SynchronousTasks(), is_current=lambda: True)
    tasks.hold()
    return _with_tasks(session, tasks), tasks


def test_records_to_finish_show_only_once_read(qtbot: QtBot, session: Session) -> None:
    held, tasks = _held(session)
    box = shown(qtbot, QWidget(), (600, 400))
    listing = UnfinishedList(session=held, parent=box)
    listing.refresh()
    listing.show()
    assert listing.rows == []
    assert not listing.empty.isVisibleTo(box)  # never "Nothing waiting" before it is known
    assert not listing.more.isVisibleTo(box)
    tasks.release()
    assert [row.text.text() for row in listing.rows] == ["late 0", "late 1", "late 2"]
    assert listing.more.isVisibleTo(box)
    assert listing.more.text().startswith("And 2 more")


def test_appreciations_show_at_once_and_how_many_more_once_counted(
    qtbot: QtBot, session: Session
) -> None:
    # They stand high on Today, so they are in its first paint; only the count waits.
    held, tasks = _held(session)
    box = shown(qtbot, QWidget(), (600, 400))
    listing = UnsharedList(session=held, parent=box)
    listing.refresh()
    listing.show()
    assert [row.text.text() for row in listing.rows] == ["kind 0", "kind 1", "kind 2"]
    assert not listing.empty.isVisibleTo(box)
    assert not listing.more.isVisibleTo(box)
    tasks.release()
    assert listing.more.isVisibleTo(box)
    assert listing.more.text().startswith("And 2 more")


@pytest.mark.parametrize("kind", LISTS)
def test_a_read_that_arrives_after_clearing_is_dropped(
    qtbot: QtBot, session: Session, kind: type[UnfinishedList | UnsharedList]
) -> None:
    held, tasks = _held(session)
    box = shown(qtbot, QWidget(), (600, 400))
    listing = kind(session=held, parent=box)
    listing.refresh()
    listing.clear()  # the journal locks while the read is on its way
    tasks.release()
    assert listing.rows == []
    assert not listing.more.isVisibleTo(box)


@pytest.mark.parametrize("kind", LISTS)
def test_the_rows_arrive_from_a_worker_thread(
    qtbot: QtBot, session: Session, kind: type[UnfinishedList | UnsharedList]
) -> None:
    background = BackgroundTasks()
    threaded = _with_tasks(session, ScopedTasks(tasks=background, is_current=lambda: True))
    box = shown(qtbot, QWidget(), (600, 400))
    listing = kind(session=threaded, parent=box)
    with qtbot.waitSignal(background.idle, timeout=10_000):
        listing.refresh()
    assert len(listing.rows) == SHOWN
    assert listing.more.text().startswith("And 2 more")


def test_held_work_waits_for_release_and_runs_in_order() -> None:
    tasks = ScopedTasks(tasks=SynchronousTasks(), is_current=lambda: True)
    results: list[object] = []
    tasks.hold()
    tasks.run_in_background(lambda: 1, results.append, results.append)
    tasks.run_in_background(lambda: 2, results.append, results.append)
    assert results == []
    tasks.release()
    assert results == [1, 2]
    tasks.run_in_background(lambda: 3, results.append, results.append)  # no longer held
    assert results == [1, 2, 3]
    tasks.release()  # twice is harmless
    assert results == [1, 2, 3]
