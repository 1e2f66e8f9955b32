"""What the app's process does beside its window: a second launch, core dumps, signals, garbage."""

from __future__ import annotations

import gc
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from trustjournal.ui.first_paint import AfterFirstPaint
from trustjournal.ui.single_instance import SingleInstance

if TYPE_CHECKING:
    from trustjournal.app import Shell

log = logging.getLogger(__name__)
SIGNAL_POLL_MS = 250


def arm_process(
    app: QApplication,
    shell: Shell,
    *,
    instance: SingleInstance | None,
    after_paint: AfterFirstPaint,
    demo: bool,
) -> None:
    """What the process does beside the shell: answer a second launch, forbid core dumps,
    collect garbage again, lock on quit, and quit properly on Ctrl+C or SIGTERM."""
    if instance is not None:
        instance.activation_requested.connect(shell.window.bring_to_front)
        after_paint.add(instance.listen)  # a second launch retries until it answers
    after_paint.add(_forbid_core_dumps)  # before any journal opens (S4)
    if not gc.isenabled():  # __main__ starts the app with the collector off
        after_paint.add(_resume_collecting)
    app.aboutToQuit.connect(shell.controller.shutdown)
    if demo:  # the throwaway journal is written from the start: remove it whatever comes
        _quit_on_signals(app)
    else:  # nothing is open before the first paint; until then a signal just ends it
        after_paint.add(lambda: _quit_on_signals(app))


def _forbid_core_dumps() -> None:
    from trustjournal.core.process import forbid_core_dumps  # ctypes: not before the paint

    if not forbid_core_dumps():
        log.warning("core dumps could not be turned off for this process")


def _quit_on_signals(app: QApplication) -> None:
    """Ctrl+C or SIGTERM quit properly: the journal locks (drafts kept), the demo is removed.

    Python handles signals only when it runs; a light timer lets it run while Qt waits.
    """
    import signal  # its enums cost a millisecond or two; set up after the first paint

    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda *_args: app.quit())
    waker = QTimer(app)
    waker.timeout.connect(lambda: None)
    waker.start(SIGNAL_POLL_MS)


def _resume_collecting() -> None:
    """Turn the cyclic garbage collector back on after a start-up that ran without it.

    What start-up built lives as long as the app, so it is frozen out of later collections
    (`gc.freeze`) instead of being walked by each of them.
    """
    gc.freeze()
    gc.enable()
