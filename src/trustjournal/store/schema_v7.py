"""Schema 7: one covering index for the Insights figures, so they never read a whole entry row."""

from __future__ import annotations

from trustjournal.store.db import Database

INSIGHTS_INDEX = "entries_insights"

# The Insights page's figures (totals, gratitude, the hour × weekday grid, categories, emotions,
# "Together with") walk live entries of a period and read only these columns. An entry row is
# mostly encrypted text, so reading rows touched most pages of the table; this index is a few
# per cent of its size. (kind, local_day) lead, so every figure is one range per kind it counts
# (the totals name their kinds for that), sliced by the period. deleted_utc is a column
# as well as the filter, so SQLite sees every column the queries name in the index (as for
# migrations 3 and 4).
_V7 = f"""
CREATE INDEX {INSIGHTS_INDEX} ON entries (
    kind, local_day, local_hour, mood, connection, trust, expressed, unfinished, intensity,
    intensity_after, said, minutes, category, deleted_utc
) WHERE deleted_utc IS NULL
"""


def create_v7(db: Database) -> None:
    """Add the covering index of the Insights figures (no table is rebuilt)."""
    db.execute(_V7)
