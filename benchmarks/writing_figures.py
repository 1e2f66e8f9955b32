"""Writing figures: typing into a 100 000-word reflection, its word count, and its autosave.

Each figure is time the UI thread is busy: a key pressed until the text box has painted it,
the word count added up after typing pauses, and the autosave of the draft (the timer's slot:
reading the text, comparing it, writing it encrypted). Runs on a fresh vault of its own.

Usage: python -m benchmarks.writing_figures [--words N] [--keys N] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from benchmarks.app_figures import _session
from benchmarks.timing import stats
from trustjournal.core.entries import EntryKind
from trustjournal.store.keyfile import KdfParams
from trustjournal.store.vault import Vault
from trustjournal.ui.editors.markdown_edit import MarkdownEdit
from trustjournal.ui.editors.pane import EditorPane
from trustjournal.ui.editors.reflection import ReflectionEditor
from trustjournal.ui.editors.registry import default_editors
from trustjournal.ui.session import Session
from trustjournal.ui.tasks import BackgroundTasks, ScopedTasks

WORDS = 100_000
KEYS = 200  # keystrokes timed
SAVES = 15  # autosaves timed
CHEAP = KdfParams(memory_kib=8192, iterations=1, lanes=1)  # the KDF is not what is measured
VOCABULARY = [
    "we",
    "talked",
    "about",
    "the",
    "week",
    "and",
    "what",
    "trust",
    "means",
    "when",
    "it",
    "is",
    "rebuilt",
    "slowly",
    "I",
    "noticed",
    "how",
    "tired",
    "we",
    "both",
    "were",
    "and",
    "how",
    "**careful**",
    "we",
    "were",
    "with",
    "each",
    "other",
    "a",
    "walk",
    "on",
    "Sunday",
    "_quiet_",
    "dinner",
    "asking",
    "not",
    "guessing",
]


def long_body(words: int, seed: int = 21) -> str:
    """Markdown of about `words` words: headings, lists and paragraphs of 40–160 words."""
    rng = random.Random(seed)
    parts: list[str] = []
    count = 0
    while count < words:
        size = rng.randint(40, 160)
        paragraph = " ".join(rng.choice(VOCABULARY) for _ in range(size))
        if rng.random() < 0.05:
            parts.append(f"## Day {len(parts)}")
        if rng.random() < 0.1:
            paragraph = "\n".join(f"- {line}" for line in paragraph.split(" and "))
        parts.append(paragraph)
        count += size
    return "\n\n".join(parts)


def _holds(session: Session, body: str) -> bool:
    """Whether the draft in the vault holds `body` (the worker's write has landed)."""
    draft = session.drafts.load("bench")
    return draft is not None and draft["data"]["body"] == body


def _typing(app: QApplication, box: MarkdownEdit, keys: int) -> list[float]:
    """Seconds from each key pressed until the text box has painted it."""
    typed: list[float] = []
    for i in range(keys):
        key = Qt.Key.Key_Space if i % 6 == 5 else Qt.Key.Key_A
        start = time.perf_counter()
        QTest.keyClick(box, key)
        app.processEvents()
        box.viewport().repaint()
        typed.append(time.perf_counter() - start)
    return typed


def _saving(
    app: QApplication, pane: EditorPane, box: MarkdownEdit, session: Session
) -> tuple[list[float], list[float], list[float]]:
    """Seconds of the word count, the autosave's UI-thread part, and until its write landed."""
    counted: list[float] = []
    stalls: list[float] = []
    written: list[float] = []
    for _ in range(SAVES):
        QTest.keyClick(box, Qt.Key.Key_A)  # something new to save
        expected = box.toPlainText()
        start = time.perf_counter()
        box.count_now()
        counted.append(time.perf_counter() - start)
        start = time.perf_counter()
        pane.timer.timeout.emit()  # the autosave timer's slot, on the UI thread
        stalls.append(time.perf_counter() - start)
        while not _holds(session, expected):  # the worker's write, until it is in the vault
            app.processEvents()
            time.sleep(0.0005)
        written.append(time.perf_counter() - start)
    return counted, stalls, written


def writing_figures(*, words: int = WORDS, keys: int = KEYS) -> list[dict[str, Any]]:
    """Time typing, counting and autosaving in a reflection of `words` words."""
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory(prefix="tj-writing-bench-") as folder:
        vault, _code = Vault.create(Path(folder) / "journal", "benchmark passphrase", kdf=CHEAP)
        try:
            # The app's own runner, so the autosave's write happens on a worker as it does there.
            session = replace(
                _session(vault),
                tasks=ScopedTasks(tasks=BackgroundTasks(parent=app), is_current=lambda: True),
            )
            pane = EditorPane(session=session, editors=default_editors(), draft_key="bench")
            pane.resize(900, 800)
            pane.show()
            pane.open(None, EntryKind.REFLECTION)
            editor = pane.editor
            assert isinstance(editor, ReflectionEditor)
            box = editor.text
            body = long_body(words)
            started = time.perf_counter()
            box.set_markdown(body)
            app.processEvents()
            loaded = time.perf_counter() - started
            box.setFocus()
            cursor = box.textCursor()
            cursor.setPosition(len(body) // 2)  # in the middle of the text
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
            box.setTextCursor(cursor)
            box.viewport().repaint()
            typed = _typing(app, box, keys)
            counted, stalls, written = _saving(app, pane, box, session)
            pane.clear()
            pane.deleteLater()
            app.processEvents()
        finally:
            vault.lock()
    label = f"{words:,} words"
    return [
        {"name": f"reflection: keystroke to paint ({label})", **stats(typed).as_ms()},
        {"name": f"reflection: word count after a pause ({label})", **stats(counted).as_ms()},
        {"name": f"reflection: autosave, UI thread busy ({label})", **stats(stalls).as_ms()},
        {
            "name": f"reflection: autosave, written by the worker ({label})",
            **stats(written).as_ms(),
        },
        {"name": f"reflection: open, text laid out ({label})", **stats([loaded]).as_ms()},
    ]


def main(argv: list[str] | None = None) -> int:
    """Print the figures (or one JSON line with --json)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=WORDS)
    parser.add_argument("--keys", type=int, default=KEYS)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    figures = writing_figures(words=args.words, keys=args.keys)
    if args.json:
        print(json.dumps({"figures": figures}))
        return 0
    for figure in figures:
        print(
            f"{figure['name']:<58}  median {figure['median_ms']:>8.2f} ms"
            f"  p95 {figure['p95_ms']:>8.2f} ms  max {figure['max_ms']:>8.2f} ms"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
