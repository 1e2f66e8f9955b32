"""The running app's reminders: a timer to the next due moment, locked or not (services/reminders).

The timer never waits longer than CHECK_MS: Qt's timers stop while the computer sleeps and do not
follow a clock set by hand, so each wake-up looks at the clock afresh (a reminder missed while
asleep shows on waking if it is recent, see `GRACE`). Notifications say only the neutral words.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt, QTimer

from trustjournal.core.i18n import _
from trustjournal.services.reminders import (
    DEFAULT_TEXT,
    JournalFacts,
    Outside,
    ReminderSettings,
    Schedule,
    due,
    next_moment,
    outside,
    parse_times,
    schedule,
    schedule_from_outside,
)

if TYPE_CHECKING:
    from trustjournal.store.vault import Vault
    from trustjournal.ui.controller import ShellController
    from trustjournal.ui.events import JournalEvents

log = logging.getLogger(__name__)

CHECK_MS = 60_000
DAILY_KEY = "reminders/daily"
TEXT_KEY = "reminders/text"
LAST_SHOWN_KEY = "reminders/last_shown"
_GROUP = "reminders"
_LEARN_ON = frozenset({"entries", "homework", "settings"})  # Change values that move a reminder


def read_outside(qsettings: QSettings) -> Outside:
    """The unlabelled daily times and words kept outside the vault (empty if none or garbled)."""
    raw = qsettings.value(DAILY_KEY, "")
    daily = parse_times(str(raw).split()) if isinstance(raw, str) else ()
    text = qsettings.value(TEXT_KEY, "")
    return Outside(daily=daily, text=text if isinstance(text, str) else "")


def write_outside(qsettings: QSettings, kept: Outside) -> None:
    """Keep `kept` outside the vault; nothing at all when no reminder is on."""
    if not kept.daily:
        qsettings.remove(_GROUP)
    else:
        qsettings.setValue(DAILY_KEY, " ".join(t.strftime("%H:%M") for t in kept.daily))
        if kept.text:
            qsettings.setValue(TEXT_KEY, kept.text)
        else:
            qsettings.remove(TEXT_KEY)
    qsettings.sync()


class ReminderScheduler(QObject):
    """Shows the neutral words through `notify` when a reminder is due, locked or unlocked."""

    def __init__(
        self,
        *,
        qsettings: QSettings,
        clock: Callable[[], datetime],
        notify: Callable[[str], object],
        parent: QObject | None = None,
    ) -> None:
        """Start from what is kept outside the vault; nothing is armed until `start()`.

        Args:
            qsettings: the per-user settings file (the unlabelled times and the words).
            clock: now, with its zone.
            notify: shows the words (the tray's message); the only way out of here.
            parent: the owning object.
        """
        super().__init__(parent)
        self._qsettings = qsettings
        self._clock = clock
        self._notify = notify  # its result (shown or not) is not ours to act on
        self._plan: Schedule = schedule_from_outside(read_outside(qsettings))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.check)

    @property
    def plan(self) -> Schedule:
        """What is scheduled now."""
        return self._plan

    def start(self) -> None:
        """Arm the timer (a reminder due right now shows at once)."""
        self.check()

    def learn(self, settings: ReminderSettings, facts: JournalFacts) -> None:
        """Take new settings and what the unlocked journal tells; keep the unlabelled part
        outside the vault, and re-arm."""
        write_outside(self._qsettings, outside(settings))
        self._plan = schedule(settings, facts)
        self._arm()

    def next_due(self) -> datetime | None:
        """The next reminder moment after now, or None when none is set."""
        return next_moment(self._plan, now=self._clock())

    def check(self) -> None:
        """Show the words if a reminder is due, then wait for the next one."""
        now = self._clock()
        if due(self._plan, now=now, last_shown=self._last_shown()):
            self._qsettings.setValue(LAST_SHOWN_KEY, now.astimezone(UTC).isoformat())
            self._qsettings.sync()
            self._notify(self._plan.text or _(DEFAULT_TEXT))
        self._arm()

    def _last_shown(self) -> datetime | None:
        raw = self._qsettings.value(LAST_SHOWN_KEY)
        try:
            moment = datetime.fromisoformat(str(raw)) if raw else None
        except ValueError:
            return None
        return moment if moment is not None and moment.tzinfo is not None else None

    def _arm(self) -> None:
        upcoming = self.next_due()
        if upcoming is None:
            self._timer.stop()
            return
        wait_ms = (upcoming - self._clock()).total_seconds() * 1000
        self._timer.start(int(max(0, min(CHECK_MS, wait_ms))))


def watch_journal(
    scheduler: ReminderScheduler,
    *,
    controller: ShellController,
    events: JournalEvents,
    clock: Callable[[], datetime],
) -> None:
    """Let the scheduler learn from the journal each time it is unlocked or changes."""

    def learn_from_journal() -> None:
        vault = controller.vault
        if vault is not None:
            learn_from(scheduler, vault=vault, clock=clock)

    def on_changed(changes: Iterable[object]) -> None:
        if any(str(change) in _LEARN_ON for change in changes):
            learn_from_journal()

    controller.unlocked.connect(learn_from_journal)
    events.changed.connect(on_changed)


def learn_from(
    scheduler: ReminderScheduler, *, vault: Vault, clock: Callable[[], datetime]
) -> None:
    """Read the reminders' settings and facts from an open vault into the scheduler."""
    from trustjournal.services.reminder_facts import journal_facts, reminder_settings

    try:
        settings = reminder_settings(vault=vault)
        facts = journal_facts(vault=vault, clock=clock)
    except Exception as exc:  # a reminder is never worth an error in the person's face
        log.warning("reminders could not read the journal: %s", type(exc).__name__)
        return
    scheduler.learn(settings, facts)
