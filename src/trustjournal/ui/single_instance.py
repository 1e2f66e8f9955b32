"""One TrustJournal per vault (S11): a lock file in the vault, and a local "raise" message.

The lock is an OS lock on `<vault>/.lock` (core/instance_lock.py): the kernel releases it when
the process dies, so a crash at any moment, or an empty, garbled or stale lock file, never keeps
the owner out (S15). A second launch on the same vault does not open it; it
sends one line over a `QLocalServer` socket — a Unix domain socket (a named pipe on Windows),
local to this computer and this user, never a network socket (S14). The socket's name is a hash
of the vault path, so it does not reveal where the journal is.

The app listens only once its window has first painted, so a second launch in that moment
keeps trying to connect for a short while (the lock file already says the first one is there).
"""

from __future__ import annotations

import errno
import logging
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from trustjournal.core.instance_lock import LOCK_NAME, InstanceLock

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer

log = logging.getLogger(__name__)

__all__ = ["LOCK_NAME", "SingleInstance", "server_name"]
_RAISE = b"raise\n"
_CONNECT_MS = 1500
_RETRY_MS = 50


def server_name(vault_dir: Path) -> str:
    """The local socket name for a vault: a hash of its resolved path."""
    import hashlib  # only when listening or asking; not before the first paint

    digest = hashlib.sha256(os.fsencode(vault_dir.resolve())).hexdigest()[:24]
    return f"trustjournal-{digest}"


class SingleInstance(QObject):
    """Holds the vault's lock file and answers later launches by asking to be raised.

    Signals:
        activation_requested: another launch on the same vault wants this window in front.
    """

    activation_requested = Signal()

    def __init__(self, *, vault_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._vault_dir = vault_dir
        self._lock: InstanceLock | None = None
        self._server: QLocalServer | None = None

    @property
    def held(self) -> bool:
        """Whether this process holds the vault's lock."""
        return self._lock is not None

    def acquire(self) -> bool:
        """Take the vault for this process, taking over a stale lock left by a crash.

        Call it once the vault directory exists (a new journal: right after creating it).

        Returns:
            False only if another live process holds the vault. True if this process holds it
            now (or already did), and also if no lock can be taken here at all (a read-only
            folder): a lock must never keep the owner out, and SQLite still guards the file.
        """
        if self._lock is not None:
            return True
        try:
            self._lock = InstanceLock.try_acquire(self._vault_dir)
        except OSError as exc:
            log.warning(
                "the journal's lock file could not be taken: %s",
                errno.errorcode.get(exc.errno or 0, "unknown"),
            )
            return True
        return self._lock is not None

    def ask_running_instance_to_raise(self) -> bool:
        """Tell the process that holds the vault to bring its window to the front."""
        from PySide6.QtNetwork import QLocalSocket

        name = server_name(self._vault_dir)
        socket = QLocalSocket()
        deadline = time.monotonic() + _CONNECT_MS / 1000
        socket.connectToServer(name)
        # The first process may hold the lock but not listen yet (it is still painting).
        while not socket.waitForConnected(_CONNECT_MS):
            if time.monotonic() >= deadline:
                return False
            time.sleep(_RETRY_MS / 1000)
            socket.connectToServer(name)
        socket.write(_RAISE)
        sent = socket.waitForBytesWritten(_CONNECT_MS)
        socket.disconnectFromServer()
        return sent

    def release(self) -> None:
        """Stop answering and remove the lock file."""
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def listen(self) -> None:
        """Answer later launches (call once the vault is held; QtNetwork loads only now)."""
        from PySide6.QtNetwork import QLocalServer

        if self._lock is None or self._server is not None:
            return
        name = server_name(self._vault_dir)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(name):
            # A socket file left by a crash; we hold the lock, so no live process owns it.
            QLocalServer.removeServer(name)
            if not server.listen(name):
                log.warning("single-instance socket unavailable: %s", server.serverError().name)
                return
        server.newConnection.connect(self._on_server_new_connection)
        self._server = server

    def _on_server_new_connection(self) -> None:
        server = self._server
        if server is None:
            return
        while (conn := server.nextPendingConnection()) is not None:
            # The message is one short line, already sent when the client connects; waiting
            # briefly here keeps the exchange free of per-connection callbacks.
            arrived = conn.bytesAvailable() or conn.waitForReadyRead(_CONNECT_MS)
            if arrived and bytes(conn.readAll().data()).startswith(_RAISE.strip()):
                self.activation_requested.emit()
            conn.disconnectFromServer()
            conn.deleteLater()
