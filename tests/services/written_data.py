"""A small journal of reflections, "I" statements and time together for the export tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tests.services.export_data import HOSTILE_TEXT, at
from trustjournal.core.entries import QualityTime, Reflection, Statement
from trustjournal.store.entries import EntryRepository

CHOSEN_REFLECTION = "Chosen reflection: the harbour at dusk"
OTHER_REFLECTION = "CANARY-REFLECTION-not-named-fennel"
PRIVATE_REFLECTION = "CANARY-PRIVATE-REFLECTION-sloe"
CHOSEN_STATEMENT = "plans change at the last minute"
CHOSEN_TOGETHER = "Chosen time together: a walk by the river"
LEFT_OUT_TOGETHER = "CANARY-LEFT-OUT-TOGETHER-damson"
MARKDOWN_BODY = "# not a heading\n\n**not bold** and *not soft*\n\n- not a list\n"


@dataclass(frozen=True)
class Written:
    """The ids of the written entries."""

    chosen_reflection: int
    other_reflection: int
    private_reflection: int
    hostile_reflection: int
    statement: int
    hostile_statement: int
    together: int
    left_out_together: int


def fill_written(repo: EntryRepository) -> Written:
    """Write reflections (one to choose, one not named, one private, one hostile), statements
    and time together (one to leave out), all inside the export tests' PERIOD."""

    def add(entry: Reflection | Statement | QualityTime) -> int:
        saved = repo.add(entry)
        assert saved.id is not None
        return saved.id

    return Written(
        chosen_reflection=add(
            Reflection(
                occurred_at=at(3), title="Dusk", body=CHOSEN_REFLECTION + "\n\n" + MARKDOWN_BODY
            )
        ),
        other_reflection=add(Reflection(occurred_at=at(4), body=OTHER_REFLECTION)),
        private_reflection=add(
            Reflection(occurred_at=at(4), body=PRIVATE_REFLECTION, private=True)
        ),
        hostile_reflection=add(
            Reflection(
                occurred_at=at(6), title=HOSTILE_TEXT, body=HOSTILE_TEXT, prompt=HOSTILE_TEXT
            )
        ),
        statement=add(
            Statement(
                occurred_at=at(5),
                feel=("hurt", "lonely"),
                when=CHOSEN_STATEMENT,
                because="I need to count on us",
                request="a message when it happens",
                said_on=date(2026, 3, 6),
                outcome="we listened to each other",
                felt_after="lighter",
            )
        ),
        hostile_statement=add(
            Statement(
                occurred_at=at(6),
                feel=("<b>bold feeling</b>",),
                when=HOSTILE_TEXT,
                because=HOSTILE_TEXT,
                request=HOSTILE_TEXT,
                said=True,
                outcome=HOSTILE_TEXT,
                felt_after=HOSTILE_TEXT,
            )
        ),
        together=add(
            QualityTime(
                occurred_at=at(8),
                what=CHOSEN_TOGETHER,
                minutes=90,
                connection=8,
                appreciated=HOSTILE_TEXT,
            )
        ),
        left_out_together=add(
            QualityTime(occurred_at=at(9), what=LEFT_OUT_TOGETHER, minutes=600, connection=1)
        ),
    )
