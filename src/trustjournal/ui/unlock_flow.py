"""The way into a journal: welcome → create → recovery code; unlock; a new passphrase after a
recovery unlock; a fresh recovery code if the last one went unconfirmed (S5).

The store is imported only when it is first needed, so the unlock screen paints before any
database or crypto module loads. Every slow step (key derivation) runs through `tasks`; a
result that arrives after the window moved on is dropped, and a vault it opened is locked.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal

from trustjournal.core.i18n import _
from trustjournal.ui.clipboard import ClipboardGuard
from trustjournal.ui.errors import describe
from trustjournal.ui.journal_session import JournalSession
from trustjournal.ui.lock import LockManager
from trustjournal.ui.paint_report import PaintReporter
from trustjournal.ui.screen_switch import ScreenSwitch
from trustjournal.ui.screens.unlock import UnlockScreen
from trustjournal.ui.tasks import Tasks
from trustjournal.ui.vault_folder import looks_like_vault

if TYPE_CHECKING:
    from trustjournal.store.keyfile import KdfParams
    from trustjournal.store.vault import PendingRecoveryCode, Vault
    from trustjournal.ui.screens.passphrase import PassphraseScreen


class UnlockFlow(QObject):
    """The screens before the main window; the vault they open goes to `session`.

    Signals:
        unlocking: a key is being derived to unlock the journal (the interpreter is free).
        ready: the journal is open and its secrets are settled: the main window may show.
        failed(str): opening went wrong after the vault was taken; the message says why.
    """

    unlocking = Signal()
    ready = Signal()
    failed = Signal(str)

    def __init__(
        self,
        *,
        screens: ScreenSwitch,
        session: JournalSession,
        vault_dir: Path,
        tasks: Tasks,
        clipboard: ClipboardGuard,
        lock_manager: LockManager,
        paint: PaintReporter,
        kdf: KdfParams | None = None,
        demo_passphrase: str | None = None,
        clock: Callable[[], datetime] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._screens = screens
        self._session = session
        self._vault_dir = vault_dir
        self._tasks = tasks
        self._clipboard = clipboard
        self._lock_manager = lock_manager
        self._paint = paint
        self._kdf = kdf
        self._demo_passphrase = demo_passphrase
        self._clock = clock or _utc_now

    # --- start -------------------------------------------------------------------------------

    def start(
        self, *, prepare: Callable[[], Any] | None = None, showing: UnlockScreen | None = None
    ) -> None:
        """Show the first screen; `prepare` (e.g. building the demo journal) runs first.

        `showing` is an unlock screen the window already shows (painted before the shell was
        built); the flow takes it over instead of building another.
        """
        if showing is not None:
            self.show_unlock(showing)
            if showing.field.isReadOnly():  # submitted before we were listening
                showing.set_busy(False)
                showing.unlock_button.click()
            return
        if prepare is not None:
            screen = self.show_unlock()
            screen.set_busy(True)
            turn = self._screens.turn
            self._tasks.run_in_background(
                prepare,
                self._screens.if_current(turn, lambda _r: screen.set_busy(False)),
                self._screens.if_current(turn, lambda exc: screen.show_error(describe(exc))),
            )
            return
        if looks_like_vault(self._vault_dir):
            self.show_unlock()
        else:
            from trustjournal.ui.screens.welcome import WelcomeScreen

            welcome = WelcomeScreen()
            welcome.create_requested.connect(self._show_create)
            self._screens.show(welcome)

    # --- unlock ------------------------------------------------------------------------------

    def show_unlock(self, screen: UnlockScreen | None = None) -> UnlockScreen:
        """Show the unlock screen (`screen`, if one was built already)."""
        if screen is None:
            screen = UnlockScreen(demo_passphrase=self._demo_passphrase)
        turn = self._screens.show(screen)
        self._paint.watch(screen, "unlock")
        screen.unlock_requested.connect(
            lambda secret, recovery: self._unlock(screen, turn, secret, recovery)
        )
        screen.restore_requested.connect(lambda: self._offer_backups(screen, turn))
        return screen

    def _unlock(self, screen: UnlockScreen, turn: int, secret: str, recovery: bool) -> None:
        from trustjournal.store.vault import Vault

        directory = self._vault_dir
        opener = Vault.unlock_with_recovery if recovery else Vault.unlock

        def opened(vault: Vault) -> None:
            if self._adopt(turn, vault):
                self._go_on(secret)

        def failed(exc: BaseException) -> None:
            screen.show_error(describe(exc))
            if cannot_be_opened(exc):
                screen.offer_restore()

        self._tasks.run_in_background(
            lambda: opener(directory, secret), opened, self._screens.if_current(turn, failed)
        )
        self.unlocking.emit()

    def _offer_backups(self, screen: UnlockScreen, turn: int) -> None:
        """The journal does not open: choose a backup to restore in its place."""
        from trustjournal.ui.settings.backup_locked_restore import LockedRestoreDialog

        dialog = LockedRestoreDialog(
            vault_dir=self._vault_dir, tasks=self._tasks, clock=self._clock, parent=screen
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.outcome.connect(self._screens.if_current(turn, screen.note_restored))
        dialog.open()

    def _adopt(self, turn: int, vault: Vault) -> bool:
        """Hand an opened vault to the session, unless the window moved on (then lock it)."""
        if turn != self._screens.turn:
            vault.lock()
            return False
        return self._session.adopt(vault)

    def _go_on(self, passphrase: str) -> None:
        """Go on after unlocking; `passphrase` is what opened it (never kept beyond this)."""
        vault = self._session.vault
        assert vault is not None
        if vault.needs_new_passphrase:
            self._show_new_passphrase(vault)
        elif self._session.recovery_code_unconfirmed():
            self._renew_unconfirmed_recovery_code(vault, passphrase)
        else:
            self.ready.emit()

    # --- create ------------------------------------------------------------------------------

    def _show_create(self) -> None:
        from trustjournal.ui.screens import passphrase as passphrase_texts
        from trustjournal.ui.screens.passphrase import PassphraseScreen

        screen = PassphraseScreen(
            title=passphrase_texts.CREATE_TITLE,
            intro=passphrase_texts.CREATE_INTRO,
            submit_text=_("Create my &journal"),
            back_text=_("&Back"),
            busy_text=_("Protecting your journal with your passphrase. This takes a moment."),
        )
        turn = self._screens.show(screen)
        screen.back_requested.connect(self.start)
        screen.submitted.connect(lambda secret: self._create(screen, turn, secret))

    def _create(self, screen: PassphraseScreen, turn: int, secret: str) -> None:
        from trustjournal.store.keyfile import DEFAULT_KDF
        from trustjournal.store.vault import Vault

        screen.set_busy(True)
        directory, kdf = self._vault_dir, self._kdf or DEFAULT_KDF
        self._tasks.run_in_background(
            lambda: Vault.create(directory, secret, kdf=kdf),
            lambda result: self._on_created(turn, result),
            self._screens.if_current(turn, lambda exc: screen.show_error(describe(exc))),
        )

    def _on_created(self, turn: int, result: tuple[Vault, str]) -> None:
        vault, code = result
        if not self._adopt(turn, vault):
            return
        self._session.note_recovery_code(confirmed=False)
        self._show_recovery_code(code)

    # --- the recovery code -------------------------------------------------------------------

    def _show_recovery_code(self, code: str, *, pending: PendingRecoveryCode | None = None) -> None:
        """Show `code` until it is confirmed; a `pending` renewal is put in place only then."""
        from trustjournal.ui.screens.recovery_code import RecoveryCodeScreen

        screen = RecoveryCodeScreen(
            code=code, clipboard=self._clipboard, renewed=pending is not None
        )
        turn = self._screens.show(screen)
        self._lock_manager.arm()
        if pending is None:
            screen.finished.connect(self._on_recovery_code_finished)
            return
        vault = self._session.vault
        assert vault is not None

        def keep() -> None:
            screen.set_busy(True)
            self._tasks.run_in_background(
                lambda: vault.keep_recovery_code(pending),
                self._screens.if_current(turn, lambda _r: self._on_recovery_code_finished()),
                self._screens.if_current(turn, lambda exc: screen.show_error(not_installed(exc))),
            )

        screen.finished.connect(keep)

    def _on_recovery_code_finished(self) -> None:
        self._clipboard.clear_if_ours()
        if self._session.vault is not None:
            self._session.note_recovery_code(confirmed=True)
            self.ready.emit()

    # --- passphrase after a recovery unlock; a fresh code ------------------------------------

    def _show_new_passphrase(self, vault: Vault) -> None:
        from trustjournal.ui.screens import passphrase as passphrase_texts
        from trustjournal.ui.screens.passphrase import PassphraseScreen

        screen = PassphraseScreen(
            title=passphrase_texts.RESET_TITLE,
            intro=passphrase_texts.RESET_INTRO,
            submit_text=_("Save &passphrase"),
            busy_text=_("Protecting your journal with the new passphrase. This takes a moment."),
        )
        turn = self._screens.show(screen)
        self._lock_manager.arm()

        def submitted(secret: str) -> None:
            screen.set_busy(True)
            self._tasks.run_in_background(
                lambda: vault.set_passphrase(secret),
                self._screens.if_current(turn, lambda _r: self._go_on(secret)),
                self._screens.if_current(turn, lambda exc: screen.show_error(describe(exc))),
            )

        screen.submitted.connect(submitted)

    def _renew_unconfirmed_recovery_code(self, vault: Vault, passphrase: str) -> None:
        """The journal was locked before its recovery code was confirmed: offer a fresh one,
        which replaces the earlier code only once it is confirmed in turn."""
        turn = self._screens.turn
        self._tasks.run_in_background(
            lambda: vault.prepare_recovery_code(passphrase),
            self._screens.if_current(turn, lambda p: self._show_recovery_code(p.code, pending=p)),
            self._screens.if_current(turn, lambda exc: self.failed.emit(describe(exc))),
        )


def _utc_now() -> datetime:
    return datetime.now(UTC)


def cannot_be_opened(exc: BaseException) -> bool:
    """Whether an unlock failed because the journal's files are damaged (not the secret):
    then restoring a backup is offered."""
    from trustjournal.core.errors import NotAVaultError, VaultCorruptError, VaultIncompleteError

    return isinstance(exc, VaultCorruptError | NotAVaultError | VaultIncompleteError)


def not_installed(exc: BaseException) -> str:
    """Why a confirmed new recovery code could not be put in place, and that the old works."""
    return _(
        "{reason} The new code was not put in place, so your earlier code still works."
    ).format(reason=describe(exc))
