"""The flows that set or show a secret: create the journal, show the recovery code, choose a
new passphrase after a recovery unlock, and issue a fresh code if the last one went unconfirmed.

`ShellController` builds on this class; it supplies the vault, the screen switching and the
steps that follow (`_adopt`, `_on_unlocked`, `_enter_main`, `_fail_open`, `start`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from trustjournal.ui.clipboard import ClipboardGuard
from trustjournal.ui.errors import describe
from trustjournal.ui.lock import LockManager
from trustjournal.ui.main_window import MainWindow
from trustjournal.ui.tasks import Tasks

if TYPE_CHECKING:
    from trustjournal.store.keyfile import KdfParams
    from trustjournal.store.settings import SettingsRepository
    from trustjournal.store.vault import PendingRecoveryCode, Vault
    from trustjournal.ui.screens.passphrase import PassphraseScreen


class SecretFlows(QObject):
    """Screens around passphrases and recovery codes, with the screen-switching they share."""

    _window: MainWindow
    _vault_dir: Path
    _kdf: KdfParams | None
    _tasks: Tasks
    _clipboard: ClipboardGuard
    _lock_manager: LockManager
    _vault: Vault | None
    _flow: int  # bumped whenever the screen changes; stale callbacks are dropped

    # --- supplied by ShellController ----------------------------------------------------------

    def start(self, *, prepare: Callable[[], Any] | None = None) -> None:
        """Show the first screen."""
        raise NotImplementedError

    def _adopt(self, token: int, vault: Vault) -> bool:
        raise NotImplementedError

    def _on_unlocked(self, passphrase: str) -> None:
        raise NotImplementedError

    def _enter_main(self) -> None:
        raise NotImplementedError

    def _fail_open(self, exc: BaseException) -> None:
        raise NotImplementedError

    # --- shared helpers ------------------------------------------------------------------------

    def _if_current(self, token: int, fn: Callable[[Any], object]) -> Callable[[Any], None]:
        """`fn`, but only while the screen that started the work is still showing."""

        def call(value: Any) -> None:
            if token == self._flow:
                fn(value)

        return call

    def _show(self, widget: QWidget) -> int:
        self._flow += 1
        self._window.show_screen(widget)
        return self._flow

    # --- create ------------------------------------------------------------------------------

    def _show_create(self) -> None:
        from trustjournal.ui.screens import passphrase as passphrase_texts
        from trustjournal.ui.screens.passphrase import PassphraseScreen

        screen = PassphraseScreen(
            title=passphrase_texts.CREATE_TITLE,
            intro=passphrase_texts.CREATE_INTRO,
            submit_text="Create my &journal",
            back_text="&Back",
            busy_text="Protecting your journal with your passphrase. This takes a moment.",
        )
        token = self._show(screen)
        screen.back_requested.connect(self.start)
        screen.submitted.connect(lambda secret: self._create(screen, token, secret))

    def _create(self, screen: PassphraseScreen, token: int, secret: str) -> None:
        from trustjournal.store.keyfile import DEFAULT_KDF
        from trustjournal.store.vault import Vault

        screen.set_busy(True)
        directory, kdf = self._vault_dir, self._kdf or DEFAULT_KDF
        self._tasks.run_in_background(
            lambda: Vault.create(directory, secret, kdf=kdf),
            lambda result: self._on_created(token, result),
            self._if_current(token, lambda exc: screen.show_error(describe(exc))),
        )

    def _on_created(self, token: int, result: tuple[Vault, str]) -> None:
        from trustjournal.ui.preferences import RECOVERY_CONFIRMED

        vault, code = result
        if not self._adopt(token, vault):
            return
        self._settings().set(RECOVERY_CONFIRMED, False)
        self._show_recovery_code(code)

    def _show_recovery_code(self, code: str, *, pending: PendingRecoveryCode | None = None) -> None:
        """Show `code` until it is confirmed; a `pending` renewal is put in place only then."""
        from trustjournal.ui.screens.recovery_code import RecoveryCodeScreen

        screen = RecoveryCodeScreen(
            code=code, clipboard=self._clipboard, renewed=pending is not None
        )
        token = self._show(screen)
        self._lock_manager.arm()
        if pending is None:
            screen.finished.connect(self._on_recovery_code_finished)
            return
        vault = self._vault
        assert vault is not None

        def keep() -> None:
            screen.set_busy(True)
            self._tasks.run_in_background(
                lambda: vault.keep_recovery_code(pending),
                self._if_current(token, lambda _r: self._on_recovery_code_finished()),
                self._if_current(token, lambda exc: screen.show_error(not_installed(exc))),
            )

        screen.finished.connect(keep)

    def _on_recovery_code_finished(self) -> None:
        from trustjournal.ui.preferences import RECOVERY_CONFIRMED

        self._clipboard.clear_if_ours()
        if self._vault is not None:
            self._settings().set(RECOVERY_CONFIRMED, True)
            self._enter_main()

    def _settings(self) -> SettingsRepository:
        from trustjournal.store.settings import SettingsRepository

        assert self._vault is not None
        return SettingsRepository(db=self._vault.db)

    # --- passphrase after a recovery unlock; a fresh code ------------------------------------

    def _show_new_passphrase(self) -> None:
        from trustjournal.ui.screens import passphrase as passphrase_texts
        from trustjournal.ui.screens.passphrase import PassphraseScreen

        screen = PassphraseScreen(
            title=passphrase_texts.RESET_TITLE,
            intro=passphrase_texts.RESET_INTRO,
            submit_text="Save &passphrase",
            busy_text="Protecting your journal with the new passphrase. This takes a moment.",
        )
        token = self._show(screen)
        self._lock_manager.arm()
        vault = self._vault
        assert vault is not None

        def submitted(secret: str) -> None:
            screen.set_busy(True)
            self._tasks.run_in_background(
                lambda: vault.set_passphrase(secret),
                self._if_current(token, lambda _r: self._on_unlocked(secret)),
                self._if_current(token, lambda exc: screen.show_error(describe(exc))),
            )

        screen.submitted.connect(submitted)

    def _renew_unconfirmed_recovery_code(self, passphrase: str) -> None:
        """The journal was locked before its recovery code was confirmed: offer a fresh one,
        which replaces the earlier code only once it is confirmed in turn."""
        vault = self._vault
        assert vault is not None
        token = self._flow
        self._tasks.run_in_background(
            lambda: vault.prepare_recovery_code(passphrase),
            self._if_current(token, lambda p: self._show_recovery_code(p.code, pending=p)),
            self._if_current(token, self._fail_open),
        )


def not_installed(exc: BaseException) -> str:
    """Why a confirmed new recovery code could not be put in place, and that the old works."""
    return f"{describe(exc)} The new code was not put in place, so your earlier code still works."
