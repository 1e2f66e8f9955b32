"""Copies secrets to the clipboard briefly: cleared after 30 s, and on lock, if still ours."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QClipboard

CLEAR_AFTER_MS = 30_000


def _digest(text: str) -> bytes:
    import hashlib  # on the first copy, not before the unlock screen paints

    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


class ClipboardGuard(QObject):
    """Puts text on the clipboard and takes it off again, unless something else replaced it.

    Only a hash of what we copied is kept, so the guard itself holds no secret.
    """

    def __init__(
        self,
        *,
        clipboard: QClipboard,
        clear_after_ms: int = CLEAR_AFTER_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clipboard = clipboard
        self._ours: bytes | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(clear_after_ms)
        self._timer.timeout.connect(self.clear_if_ours)

    @property
    def holds_ours(self) -> bool:
        """Whether the clipboard still holds what we put there."""
        return self._ours is not None and _digest(self._clipboard.text()) == self._ours

    def copy(self, text: str) -> None:
        """Copy `text` and clear it again after the timeout."""
        self._clipboard.setText(text)
        self._ours = _digest(text)
        self._timer.start()

    def clear_if_ours(self) -> None:
        """Clear the clipboard if it still holds our text; forget it either way."""
        self._timer.stop()
        if self.holds_ours:
            self._clipboard.clear()
        self._ours = None
