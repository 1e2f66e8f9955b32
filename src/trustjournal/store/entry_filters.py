"""An `EntryQuery` as a SQL WHERE clause over `entries`, every value bound as a parameter.

Only fixed fragments and `?` placeholders are composed here. Literal kinds in fragments such as
`kind = 'trigger'` are deliberate: SQLite can use a partial index only when the query names
its condition literally.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from trustjournal.core.entries import About, EntryKind, clean_names, field_label
from trustjournal.core.errors import ValidationError
from trustjournal.core.i18n import _
from trustjournal.core.periods import Period
from trustjournal.core.query import EntryQuery
from trustjournal.store.search import to_fts_query

TIMELINE_ORDER = "ORDER BY occurred_utc DESC, id DESC"

# A search as a set of rowids. `id IN (…)` lets SQLite read every match by its id and sort them
# (best when few entries match); `+id IN (…)` cannot drive the query, so SQLite walks the
# timeline index in order and only checks each row against the matches (best for a first page
# of a common word: it stops after `limit` rows). Both select exactly the same rows.
SEARCH_DRIVES = "id IN (SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?)"
SEARCH_PROBED = "+id IN (SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?)"


@dataclass
class Where:
    """Conditions joined with AND, and their parameters in order."""

    conditions: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, condition: str, *params: Any) -> None:
        """Add one condition with its parameters."""
        self.conditions.append(condition)
        self.params.extend(params)

    def sql(self) -> str:
        """The WHERE clause (empty when there are no conditions)."""
        return "WHERE " + " AND ".join(self.conditions) if self.conditions else ""


def placeholders(count: int) -> str:
    """`?, ?, …` for an IN list of `count` values."""
    return ", ".join("?" * count)


def add_period(where: Where, period: Period | None, column: str = "local_day") -> None:
    """Limit to the local days of a period (either end may be open)."""
    if period is None:
        return
    if period.start is not None:
        where.add(f"{column} >= ?", period.start.isoformat())
    if period.end is not None:
        where.add(f"{column} <= ?", period.end.isoformat())


def _kinds(values: frozenset[EntryKind]) -> list[str]:
    try:
        return sorted(EntryKind(kind).value for kind in values)
    except ValueError:
        raise ValidationError(_("That kind of entry does not exist."), field="kinds") from None


def _abouts(values: frozenset[str]) -> list[str]:
    try:
        return sorted(About(value).value for value in values)
    except ValueError:
        raise ValidationError(
            _("{field} is not one of the choices.").format(field=field_label("about")),
            field="about",
        ) from None


def _single_name(value: str | None, field_name: str) -> str | None:
    if value is None:
        return None
    names = clean_names([value], field_name=field_name)
    return names[0] if names else None


def entry_where(query: EntryQuery, *, probe_search: bool = False) -> Where:
    """The conditions of a query over `entries`.

    Args:
        query: the filter.
        probe_search: check rows against the search instead of reading the matches first
            (see SEARCH_PROBED); the rows selected are the same either way.

    Raises:
        ValidationError: if the query names an unknown kind or `about`.
        SearchQueryError: if the search text cannot be understood.
    """
    where = Where()
    where.add("deleted_utc IS NOT NULL" if query.deleted else "deleted_utc IS NULL")
    if query.kinds:
        kinds = _kinds(query.kinds)
        where.add(f"kind IN ({placeholders(len(kinds))})", *kinds)
    add_period(where, query.period)
    if not query.include_private:
        where.add("private = 0")
    tag = _single_name(query.tag, "tag")
    if tag is not None:
        where.add(
            "id IN (SELECT entry_id FROM entry_names WHERE role = 'tag' AND name_key = ?)",
            tag.casefold(),
        )
    match = to_fts_query(query.search) if query.search is not None else ""
    if match:
        where.add(SEARCH_PROBED if probe_search else SEARCH_DRIVES, match)
    if query.for_session is not None:
        where.add("kind = 'trigger' AND for_session = ?", int(query.for_session))
    if query.unfinished is not None:
        where.add("kind = 'trigger' AND unfinished = ?", int(query.unfinished))
    if query.not_expressed is not None:
        where.add("kind = 'gratitude' AND expressed = ?", int(not query.not_expressed))
    category = _single_name(query.category, "category")
    if category is not None:
        where.add("kind = 'trigger' AND category = ? COLLATE NOCASE", category)
    if query.about:
        abouts = _abouts(query.about)
        where.add(f"kind = 'gratitude' AND about IN ({placeholders(len(abouts))})", *abouts)
    return where
