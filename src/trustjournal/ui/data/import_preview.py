"""What an import would do, in words: added by year and kind, skipped, left out and where,
and a 1-10 choice for each Daylio mood of the person's own."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from trustjournal.core.entries import EntryKind
from trustjournal.core.i18n import _, format_number, ngettext
from trustjournal.core.wording import MOOD_WORDS, kind_word
from trustjournal.services.portable_files import ImportPreview
from trustjournal.ui.widgets.common import label


def format_name(kind: str, *, encrypted: bool) -> str:
    """What the file was recognised as, in words."""
    if kind == "trustjournal" and encrypted:
        return _("An encrypted TrustJournal archive")
    if kind == "daylio":
        return _("A Daylio export")
    if kind == "jrnl":
        return _("A jrnl export")
    return _("A TrustJournal export")


def _kind(kind: str) -> str:
    try:
        return kind_word(EntryKind(kind))
    except ValueError:  # a kind this version does not name yet
        return kind


def added_lines(preview: ImportPreview) -> list[str]:
    """One line per year and kind, e.g. "2026 · Mood: 5", then homework, goals and progress
    that would be added (an export of TrustJournal since format 2)."""
    lines = [
        _("{year} · {kind}: {count}").format(
            year=year, kind=_kind(kind), count=format_number(count)
        )
        for (kind, year), count in sorted(preview.plan.by_kind_and_year().items(), key=_by_year)
    ]
    between = preview.plan.between
    if between is None:
        return lines
    counts = (
        (_("Homework items: {count}"), len(between.homework_new)),
        (_("Goals: {count}"), len(between.goals_new)),
        (_("Progress records: {count}"), between.progress_new),
    )
    lines += [text.format(count=format_number(n)) for text, n in counts if n]
    return lines


def _by_year(item: tuple[tuple[str, int], int]) -> tuple[int, str]:
    (kind, year), _count = item
    return year, kind


def summary_text(preview: ImportPreview) -> str:
    """Added, skipped and left out, in one or two sentences."""
    plan = preview.plan
    added, skipped, left = len(plan.to_add), plan.skipped, len(plan.rejected)
    parts = [
        ngettext("{count} entry would be added.", "{count} entries would be added.", added).format(
            count=format_number(added)
        ),
        ngettext(
            "{count} is already in your journal and would be skipped.",
            "{count} are already in your journal and would be skipped.",
            skipped,
        ).format(count=format_number(skipped)),
    ]
    if left:
        parts.append(
            ngettext(
                "{count} part of the file could not be read and would be left out:",
                "{count} parts of the file could not be read and would be left out:",
                left,
            ).format(count=format_number(left))
        )
    return " ".join(parts)


def rejected_lines(preview: ImportPreview, *, most: int = 50) -> list[str]:
    """Where and why, for each part left out (never its text); the first `most` of them."""
    lines = [
        _("{where}: {reason}").format(where=r.where, reason=r.reason)
        for r in preview.plan.rejected[:most]
    ]
    more = len(preview.plan.rejected) - most
    if more > 0:
        lines.append(ngettext("…and {count} more.", "…and {count} more.", more).format(count=more))
    return lines


class MoodMapping(QWidget):
    """A 1-10 choice for each of the person's own Daylio moods (as `--mood-map` takes them)."""

    def __init__(self, labels: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(
            label(
                _(
                    "This file has moods of your own. Choose where each one sits, from 1 "
                    "({low}) to 10 ({high}):"
                ).format(low=MOOD_WORDS[1], high=MOOD_WORDS[10])
            )
        )
        form = QFormLayout()
        self.boxes: dict[str, QSpinBox] = {}
        for name in labels:
            box = QSpinBox(self)
            box.setRange(1, 10)
            box.setValue(5)
            box.setAccessibleName(_("Mood for “{label}”").format(label=name))
            edit = box.findChild(QLineEdit)
            if edit is not None:  # the field Tab reaches, named for a screen reader
                edit.setAccessibleName(box.accessibleName())
                # The style gives the inner field the box's height less its frame: room for
                # the text at any font size.
                box.setMinimumHeight(edit.minimumSizeHint().height() + 6)
            self.boxes[name] = box
            text = label(name, wrap=True)
            text.setBuddy(box)
            form.addRow(text, box)
        layout.addLayout(form)

    def mood_map(self) -> dict[str, int]:
        """The chosen mood for each label, as `--mood-map` takes them."""
        return {name.casefold(): box.value() for name, box in self.boxes.items()}
