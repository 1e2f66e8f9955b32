"""Emotions, trigger categories and coping strategies: the shipped lists plus the person's own.

The shipped lists are data files in `resources/`. The `vocabulary` table holds the person's
own names and their choices about shipped ones (a new spelling, hidden), keyed by the shipped
name. Nothing here touches entries: an entry keeps the words it was saved with.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from trustjournal.core.entries import clean_names, field_label
from trustjournal.core.errors import ValidationError
from trustjournal.core.i18n import _, current_language
from trustjournal.core.resources import load_json
from trustjournal.core.times import to_micros
from trustjournal.store.db import Database

OWN_FAMILY = "My own"  # the family of emotions added without one


class VocabularyList(StrEnum):
    """The lists a person can extend."""

    EMOTION = "emotion"
    CATEGORY = "category"
    COPING = "coping"


@dataclass(frozen=True)
class VocabularyItem:
    """One name of a list as the person sees it.

    Attributes:
        name: the name, with the person's spelling if they renamed a shipped one.
        family: the emotion family (emotions only).
        description: the shipped explanation, if any.
        shipped: whether it came with TrustJournal.
        hidden: whether the person hid it from choices.
    """

    name: str
    family: str | None = None
    description: str | None = None
    shipped: bool = False
    hidden: bool = False


@dataclass(frozen=True)
class _Resolved:
    item: VocabularyItem
    row_id: int | None  # the vocabulary row behind it, if any
    shipped_key: str | None  # the casefolded shipped name, for shipped items
    renamed: bool = False  # a shipped item the person gave their own spelling


def _list(list_name: str) -> VocabularyList:
    try:
        return VocabularyList(list_name)
    except ValueError:
        raise ValidationError(_("There is no such list."), field="list") from None


def _name(value: str, field_name: str = "name") -> str:
    names = clean_names([value], field_name=field_name)
    if not names:
        raise ValidationError(
            _("Please write a {field}.").format(field=field_label(field_name)), field=field_name
        )
    return names[0]


def _key_and_name(raw: Any) -> tuple[str, str]:
    """A shipped word's stable key and its name in the file's language.

    English files list plain names, which are their own keys. A translated file gives each
    word as {"id": <the English name>, "name": <the translation>}, so a rename or a hide
    (stored under the key) holds in every language (docs/translating.md).
    """
    if isinstance(raw, dict):
        name = str(raw["name"])
        return str(raw.get("id") or name).casefold(), name
    return str(raw).casefold(), str(raw)


def _shipped(kind: VocabularyList, lang: str) -> list[tuple[str, VocabularyItem]]:
    """The shipped items of a list with their stable keys, in file order."""
    if kind is VocabularyList.EMOTION:
        data = load_json("vocabulary", "emotions.json", lang=lang)
        return [
            (key, VocabularyItem(name, family=str(family["name"]), shipped=True))
            for family in data["families"]
            for key, name in map(_key_and_name, family["emotions"])
        ]
    file, list_key = {
        VocabularyList.CATEGORY: ("trigger_categories.json", "categories"),
        VocabularyList.COPING: ("coping_strategies.json", "strategies"),
    }[kind]
    found = []
    for raw in load_json("vocabulary", file, lang=lang)[list_key]:
        key, name = _key_and_name(raw)
        found.append((key, VocabularyItem(name, description=raw.get("description"), shipped=True)))
    return found


class VocabularyRepository:
    """The lists offered when writing entries, combining shipped and own names."""

    def __init__(self, *, db: Database, clock: Callable[[], datetime]) -> None:
        self._db = db
        self._clock = clock
        self._shipped_cache: dict[VocabularyList, list[tuple[str, VocabularyItem]]] = {}
        self._english_cache: dict[VocabularyList, dict[str, str]] = {}

    def _shipped(self, kind: VocabularyList) -> list[tuple[str, VocabularyItem]]:
        if kind not in self._shipped_cache:
            self._shipped_cache[kind] = _shipped(kind, current_language())
        return self._shipped_cache[kind]

    def _english(self, kind: VocabularyList) -> dict[str, str]:
        """The English spelling of each shipped key: how a hide is recorded (see hide())."""
        if kind not in self._english_cache:
            self._english_cache[kind] = {key: item.name for key, item in _shipped(kind, "en")}
        return self._english_cache[kind]

    def _resolve(self, kind: VocabularyList) -> list[_Resolved]:
        """Every item of a list, hidden ones included, shipped first; one per name."""
        rows = self._db.query(
            "SELECT id, name, family, shipped_key, hidden FROM vocabulary"
            " WHERE list = ? ORDER BY id",
            (kind.value,),
        )
        overrides = {str(row[3]): row for row in rows if row[3] is not None}
        resolved: list[_Resolved] = []
        used: set[int] = set()
        english = self._english(kind)
        for key, item in self._shipped(kind):
            row = overrides.get(key)
            if row is None:
                resolved.append(_Resolved(item, None, key))
                continue
            used.add(int(row[0]))
            # A row spelled as the English word is a choice (hidden) about the word, not a new
            # spelling: the word shows in the language of the moment.
            renamed = str(row[1]) != english.get(key)
            shown = VocabularyItem(
                str(row[1]) if renamed else item.name,
                item.family,
                item.description,
                shipped=True,
                hidden=bool(row[4]),
            )
            resolved.append(_Resolved(shown, int(row[0]), key, renamed))
        for row_id, name, family, _shipped_key, hidden in rows:
            # Own names, and choices about a name no longer shipped, which stay the person's.
            if row_id not in used:
                own = VocabularyItem(str(name), family, None, shipped=False, hidden=bool(hidden))
                resolved.append(_Resolved(own, int(row_id), None))
        seen: set[str] = set()
        unique: list[_Resolved] = []
        for entry in resolved:
            key = entry.item.name.casefold()
            if key not in seen:
                seen.add(key)
                unique.append(entry)
        return unique

    def _find(self, kind: VocabularyList, name: str) -> _Resolved:
        key = _name(name).casefold()
        for entry in self._resolve(kind):
            if entry.item.name.casefold() == key:
                return entry
        raise ValidationError(_("That name is not in the list."), field="name")

    def _check_free(self, kind: VocabularyList, name: str, but: _Resolved | None = None) -> None:
        for entry in self._resolve(kind):
            if entry.item.name.casefold() == name.casefold() and entry != but:
                if entry.item.hidden:
                    message = _("That name is already in the list (hidden; it can be shown again).")
                else:
                    message = _("That name is already in the list.")
                raise ValidationError(message, field="name")

    def items(self, list_name: str, *, include_hidden: bool = False) -> list[VocabularyItem]:
        """The names of a list: shipped ones in their order, then the person's own.

        Raises:
            ValidationError: if there is no such list.
        """
        kind = _list(list_name)
        return [r.item for r in self._resolve(kind) if include_hidden or not r.item.hidden]

    def emotion_families(self) -> list[tuple[str, list[str]]]:
        """Visible emotions by family: shipped families first, then the person's own."""
        families: dict[str, tuple[str, list[str]]] = {}
        for item in self.items(VocabularyList.EMOTION):
            family = item.family or OWN_FAMILY
            families.setdefault(family.casefold(), (family, []))[1].append(item.name)
        return list(families.values())

    def add(self, list_name: str, name: str, *, family: str | None = None) -> VocabularyItem:
        """Add one of the person's own names (emotions may name a family).

        Raises:
            ValidationError: if the list does not exist, the name is blank or already in the
                list (in any letter case), or a family is given for anything but an emotion.
        """
        kind = _list(list_name)
        clean = _name(name)
        if family is not None and kind is not VocabularyList.EMOTION:
            raise ValidationError(_("Only emotions belong to a family."), field="family")
        clean_family = _name(family, "family") if family is not None else None
        self._check_free(kind, clean)
        with self._db.transaction():
            self._db.execute(
                "INSERT INTO vocabulary (list, name, name_key, family, created_utc)"
                " VALUES (?, ?, ?, ?, ?)",
                (kind.value, clean, clean.casefold(), clean_family, self._now()),
            )
        return VocabularyItem(clean, family=clean_family)

    def rename(self, list_name: str, old: str, new: str) -> None:
        """Give a name a new spelling; entries keep the spelling they were saved with.

        Raises:
            ValidationError: if the list or the old name does not exist, or the new name is
                blank or already another name of the list.
        """
        kind = _list(list_name)
        target = self._find(kind, old)
        clean = _name(new)
        self._check_free(kind, clean, but=target)
        self._write(kind, target, name=clean, hidden=target.item.hidden)

    def hide(self, list_name: str, name: str, hidden: bool = True) -> None:
        """Hide a name from the choices (or show it again); entries keep it.

        Raises:
            ValidationError: if the list or the name does not exist.
        """
        kind = _list(list_name)
        target = self._find(kind, name)
        spelling = target.item.name
        if target.shipped_key is not None and not target.renamed:
            # Recorded under the English name, so the choice holds in every language.
            spelling = self._english(kind).get(target.shipped_key, spelling)
        self._write(kind, target, name=spelling, hidden=hidden)

    def prompts(self) -> list[str]:
        """The shipped gratitude prompts, in order."""
        return [
            str(prompt)
            for prompt in load_json("prompts", "gratitude_prompts.json", lang=current_language())[
                "prompts"
            ]
        ]

    def _now(self) -> int:
        return to_micros(self._clock())

    def _write(self, kind: VocabularyList, target: _Resolved, *, name: str, hidden: bool) -> None:
        """Record a name and hidden flag for an item, creating its row if it has none."""
        values: tuple[Any, ...] = (name, name.casefold(), int(hidden))
        with self._db.transaction():
            row_id = target.row_id
            if row_id is None:
                # A shipped item seen for the first time; an own row of the same name (from
                # before that name shipped) becomes its row rather than a clashing second one.
                row_id = self._db.scalar(
                    "SELECT id FROM vocabulary WHERE list = ? AND name_key = ?",
                    (kind.value, target.item.name.casefold()),
                )
            if row_id is None:
                self._db.execute(
                    "INSERT INTO vocabulary"
                    " (list, name, name_key, hidden, shipped_key, created_utc)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    (kind.value, *values, target.shipped_key, self._now()),
                )
            else:
                self._db.execute(
                    "UPDATE vocabulary SET name = ?, name_key = ?, hidden = ?,"
                    " shipped_key = coalesce(?, shipped_key) WHERE id = ?",
                    (*values, target.shipped_key, row_id),
                )
