"""The composition root: builds the app's objects and hands them down as keyword arguments.

Nothing else constructs shell objects; tests call `build_shell` with a synchronous task runner,
cheap key-derivation parameters and a private settings file.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from trustjournal import APP_ID
from trustjournal.core.i18n import N_, _
from trustjournal.ui.first_paint import AfterFirstPaint
from trustjournal.ui.language import apply_language
from trustjournal.ui.main_window import MainWindow
from trustjournal.ui.paint_report import PaintReporter
from trustjournal.ui.process_arming import arm_process
from trustjournal.ui.screens.unlock import UnlockScreen
from trustjournal.ui.single_instance import SingleInstance
from trustjournal.ui.theme import ThemeManager, make_application
from trustjournal.ui.vault_folder import looks_like_vault

if TYPE_CHECKING:  # the shell's own modules load in build_shell: after the unlock screen paints
    from datetime import datetime

    from PySide6.QtWidgets import QSystemTrayIcon

    from trustjournal.store.keyfile import KdfParams
    from trustjournal.ui.clipboard import ClipboardGuard
    from trustjournal.ui.controller import ShellController
    from trustjournal.ui.events import JournalEvents
    from trustjournal.ui.lock import LockManager
    from trustjournal.ui.pages.registry import PageRegistry, PageSpec
    from trustjournal.ui.reminders import ReminderScheduler
    from trustjournal.ui.session import Session
    from trustjournal.ui.tasks import Tasks
    from trustjournal.ui.tray import TrayMaker

log = logging.getLogger(__name__)

APP_NAME = "TrustJournal"
VAULT_PATH_KEY = "vault/path"


def local_now() -> datetime:
    """The local time now (`core.times.local_now`; datetime loads at the first call, after
    the unlock screen has painted)."""
    from trustjournal.core.times import local_now as now

    return now()


def default_vault_dir() -> Path:
    """Where the journal lives unless told otherwise."""
    import platformdirs

    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def user_qsettings() -> QSettings:
    """The per-user settings file: window geometry, the vault path and the language (S4)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_NAME, APP_NAME)


class Shell:
    """Everything the running app is made of.

    A plain class, not a dataclass: this module loads before the unlock screen's first
    paint, and importing `dataclasses` and building one would cost it about 1 ms.
    """

    def __init__(
        self,
        *,
        window: MainWindow,
        controller: ShellController,
        lock_manager: LockManager,
        theme: ThemeManager,
        events: JournalEvents,
        clipboard: ClipboardGuard,
        pages: PageRegistry,
        after_paint: AfterFirstPaint,
    ) -> None:
        self.window = window
        self.controller = controller
        self.lock_manager = lock_manager
        self.theme = theme
        self.events = events
        self.clipboard = clipboard
        self.pages = pages
        self.after_paint = after_paint
        self.tray: QSystemTrayIcon | None = None  # made after the first paint, or on unlock
        self.reminders: ReminderScheduler | None = None  # none for the demo journal


def build_window(*, app: QApplication, qsettings: QSettings) -> tuple[MainWindow, ThemeManager]:
    """The one window, and the theme applied to the application (nothing is shown yet)."""
    window = MainWindow(qsettings=qsettings)
    theme = ThemeManager(app=app, parent=window)
    theme.apply()
    return window, theme


def build_shell(
    *,
    app: QApplication,
    vault_dir: Path,
    qsettings: QSettings,
    tasks: Tasks,
    clock: Callable[[], datetime] = local_now,
    kdf: KdfParams | None = None,
    demo_passphrase: str | None = None,
    instance: SingleInstance | None = None,
    extra_pages: tuple[PageSpec, ...] = (),
    paint: PaintReporter | None = None,
    window: MainWindow | None = None,
    theme: ThemeManager | None = None,
    after_paint: AfterFirstPaint | None = None,
    tray: TrayMaker | None = None,
    notify: Callable[[str], object] | None = None,
) -> Shell:
    """Build the window, the controller and their helpers (nothing new is shown yet).

    Everything but the window is parented to the window, so closing it takes the shell apart.
    `window`, `theme` and `after_paint` are given when they were made (and the window shown)
    before the rest of the shell, as `run` does. The tray icon waits in `after_paint` (see
    `AfterFirstPaint`): it is made after the window first paints, once
    `after_paint.watch(window)` is called, and at the latest before any journal opens.
    `tray` (default: `make_tray`, an icon where the desktop has a tray) and `notify` (default:
    the tray's message) are seams for tests.
    """
    from PySide6.QtGui import QGuiApplication

    from trustjournal.ui.clipboard import ClipboardGuard
    from trustjournal.ui.controller import ShellController
    from trustjournal.ui.events import JournalEvents
    from trustjournal.ui.icons import Icon
    from trustjournal.ui.journal_session import JournalSession
    from trustjournal.ui.lock import LockManager
    from trustjournal.ui.pages.registry import PageRegistry, PageSpec
    from trustjournal.ui.screen_switch import ScreenSwitch
    from trustjournal.ui.unlock_flow import UnlockFlow
    from trustjournal.ui.window_frame import WindowFrame

    if window is None or theme is None:
        window, theme = build_window(app=app, qsettings=qsettings)
    events = JournalEvents(parent=window)
    clipboard = ClipboardGuard(clipboard=QGuiApplication.clipboard(), parent=window)
    lock_manager = LockManager(app=app, parent=window)
    pages = PageRegistry()
    after_paint = after_paint or AfterFirstPaint(parent=window)

    def settings_page(session: Session) -> QWidget:
        from trustjournal.ui.pages.settings_page import SettingsPage  # after unlocking only

        return SettingsPage(
            session=session,
            lock_manager=lock_manager,
            theme=theme,
            clipboard=clipboard,
            qsettings=qsettings,
            is_demo=demo_passphrase is not None,
        )

    pages.register(
        PageSpec(
            key="settings",
            title=N_("Settings"),
            icon=Icon.SETTINGS,
            shortcut="Ctrl+5",
            build=settings_page,
        )
    )
    for spec in extra_pages:
        pages.register(spec)
    screens = ScreenSwitch(window=window)
    journal = JournalSession(
        tasks=tasks,
        events=events,
        lock_manager=lock_manager,
        theme=theme,
        clock=clock,
        parent=window,
    )
    paint = paint or PaintReporter(enabled=False)
    flow = UnlockFlow(
        screens=screens,
        session=journal,
        vault_dir=vault_dir,
        tasks=tasks,
        clipboard=clipboard,
        lock_manager=lock_manager,
        paint=paint,
        kdf=kdf,
        demo_passphrase=demo_passphrase,
        clock=clock,
        parent=window,
    )
    controller = ShellController(
        app=app,
        window=window,
        screens=screens,
        journal=journal,
        flow=flow,
        frame=WindowFrame(window=window, pages=pages),
        lock_manager=lock_manager,
        clipboard=clipboard,
        paint=paint,
        instance=instance,
        after_paint=after_paint,
        parent=window,
    )
    if demo_passphrase is None:
        controller.vault_opened.connect(
            lambda: qsettings.setValue(VAULT_PATH_KEY, str(vault_dir.resolve()))
        )
    shell = Shell(
        window=window,
        controller=controller,
        lock_manager=lock_manager,
        theme=theme,
        events=events,
        clipboard=clipboard,
        pages=pages,
        after_paint=after_paint,
    )

    def add_tray() -> None:
        from trustjournal.ui.tray import make_tray

        shell.tray = (tray or make_tray)(window=window, lock_manager=lock_manager, parent=window)

    after_paint.add(theme.use_control_style)  # check boxes come only after the first screen

    after_paint.add(add_tray)
    if demo_passphrase is None:  # the throwaway demo never changes the person's reminders
        # After the first paint (and before any unlock): its modules are not the lock screen's.
        after_paint.add(
            lambda: _add_reminders(shell, qsettings=qsettings, clock=clock, notify=notify)
        )
    return shell


def _add_reminders(
    shell: Shell,
    *,
    qsettings: QSettings,
    clock: Callable[[], datetime],
    notify: Callable[[str], object] | None,
) -> None:
    """Reminders run while the app does, locked or not; they speak through the tray, if any."""
    from trustjournal.ui.reminders import ReminderScheduler, watch_journal
    from trustjournal.ui.tray import show_reminder

    shell.reminders = ReminderScheduler(
        qsettings=qsettings,
        clock=clock,
        notify=notify or (lambda words: show_reminder(shell.tray, words)),
        parent=shell.window,
    )
    watch_journal(shell.reminders, controller=shell.controller, events=shell.events, clock=clock)
    shell.reminders.start()


def start_minimised(shell: Shell) -> None:
    """Start out of sight, locked (`trustjournal --minimised`, the autostart entry).

    No paint is coming to wait for, so the work queued for after it runs now: the tray, the
    reminders, the answer to a second launch. The window stays hidden in the tray, or is
    shown minimised where there is no tray; the tray, a reminder or a second launch brings
    it, on its lock screen.
    """
    from trustjournal.ui.tray import keep_out_of_sight

    shell.after_paint.run_now()
    keep_out_of_sight(shell.window, shell.tray)


def run(*, vault_dir: Path | None = None, demo: bool = False, minimised: bool = False) -> int:
    """Start the app and return its exit code.

    Args:
        vault_dir: the journal folder (default: the one used last, else the data folder).
        demo: open a throwaway copy of a generated demo journal instead.
        minimised: start out of sight (`start_minimised`) when there is a journal to unlock;
            with none yet, the welcome screen shows as usual (there is nothing to remind of).
    """
    logging.basicConfig(level=logging.WARNING, format="trustjournal: %(levelname)s %(message)s")
    app = make_application(sys.argv[0])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName(APP_ID)  # the desktop entry and icon Wayland shells look up
    paint = PaintReporter.from_environment(parent=app)
    qsettings = user_qsettings()
    apply_language(qsettings)  # before any widget: they read their words when built
    with ExitStack() as cleanup:
        instance: SingleInstance | None = None
        if demo:
            from trustjournal.demo_journal import demo_folder  # only for --demo

            directory = cleanup.enter_context(demo_folder())
        else:
            remembered = qsettings.value(VAULT_PATH_KEY)
            directory = vault_dir or (Path(str(remembered)) if remembered else default_vault_dir())
            instance = SingleInstance(vault_dir=directory, parent=app)
            cleanup.callback(instance.release)
            if looks_like_vault(directory) and not instance.acquire():
                # A second start at login must not bring a window up either.
                raised = not minimised and instance.ask_running_instance_to_raise()
                print(
                    _(
                        "TrustJournal is already open for this journal; its window was "
                        "brought to the front."
                    )
                    if raised
                    else _("TrustJournal is already open for this journal."),
                    file=sys.stderr,
                )
                return 0
        window, theme = build_window(app=app, qsettings=qsettings)
        after_paint = AfterFirstPaint(parent=window)
        # A journal to unlock: its screen paints first, and the rest of the shell is built in
        # the event loop's first turn after that paint (always before anything is unlocked).
        first = None if demo or not looks_like_vault(directory) else UnlockScreen()
        hidden = minimised and first is not None
        if first is not None:
            window.show_screen(first)

        def build_the_rest() -> None:
            from trustjournal.ui.pages.journal_pages import journal_pages
            from trustjournal.ui.tasks import BackgroundTasks

            tasks = BackgroundTasks(parent=app)
            # Unwinds first: work still running (the demo being written, a key being derived)
            # finishes before its folder is removed or the process ends.
            cleanup.callback(tasks.finish)
            if demo:
                from trustjournal import demo_journal
            shell = build_shell(
                app=app,
                vault_dir=directory,
                qsettings=qsettings,
                tasks=tasks,
                demo_passphrase=demo_journal.demo_passphrase() if demo else None,
                instance=instance,
                paint=paint,
                extra_pages=journal_pages(),
                window=window,
                theme=theme,
                after_paint=after_paint,
            )
            arm_process(app, shell, instance=instance, after_paint=after_paint, demo=demo)
            prepare = demo_journal.make_demo(directory, local_now) if demo else None
            shell.controller.start(prepare=prepare, showing=first)
            if hidden:
                start_minimised(shell)

        if hidden:  # nothing paints: the shell is built now, the window stays out of sight
            build_the_rest()
            return app.exec()
        window.show()
        after_paint.watch(window)  # before any paint report is set up, so that one comes first
        if first is None:  # the welcome screen, or the demo being written: built as before
            build_the_rest()
        else:
            paint.watch(first, "unlock")
            after_paint.add(build_the_rest)
        return app.exec()
    return 0  # pragma: no cover - the with block always returns
