"""Message catalogues: extract the wrapped strings per area, merge them into each language, compile.

python tools/i18n.py extract   # src/ -> resources/locale/messages-<area>.pot
python tools/i18n.py update    # .pot -> resources/locale/<lang>/LC_MESSAGES/<area>.po
python tools/i18n.py compile   # .po -> .mo (committed: editable installs, wheel, frozen app)
python tools/i18n.py check     # non-zero if a string lacks a translation or a .mo is stale
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "trustjournal"
LOCALE = ROOT / "resources" / "locale"
# Which area a source file's strings belong to: the first prefix that matches (paths under
# src/trustjournal). One catalogue per area, so people translating different areas never
# edit the same file. Areas must match trustjournal.core.i18n.AREAS.
AREA_OF_PATH = (
    # The Journal page, its editor pane, the menus and Undo, Today's page and gratitude card:
    # their own catalogue, so they can be translated while the rest of 'pages' is.
    ("ui/pages/journal_page.py", "journal"),
    ("ui/editors/pane.py", "journal"),
    ("ui/menus.py", "journal"),
    ("ui/journal/undo_bar.py", "journal"),
    ("ui/undo.py", "journal"),
    ("ui/pages/today_page.py", "journal"),
    ("ui/today/gratitude_card.py", "journal"),
    ("ui/today/unshared.py", "journal"),
    ("ui/journal_session.py", "journal"),
    ("ui/pages/insights", "insights"),
    ("ui/insights/", "insights"),
    ("services/insights_", "insights"),
    ("services/reminder", "pages"),  # Settings → Reminders, with its section
    ("services/backups", "data"),
    ("ui/settings/backup", "data"),  # Settings → Backups: backups_section.py, backup_words.py
    ("ui/settings/restore_dialog.py", "data"),
    ("ui/settings/auto_backup.py", "data"),
    ("services/portable", "data"),
    ("services/imports", "data"),
    ("cli/data_", "data"),
    ("ui/data/", "data"),  # File → Export everything… and Import…
    ("cli/insights_", "insights"),
    ("cli/", "cli"),
    ("__main__.py", "cli"),
    ("core/", "core"),
    ("store/", "core"),
    ("services/", "share"),
    ("ui/share/", "share"),
    ("ui/pdf", "share"),
    ("ui/pages/share_page.py", "share"),  # the Share page's words live with the summaries'
    ("ui/screens/", "screens"),
    ("ui/dialogs/", "screens"),
    ("ui/widgets/", "screens"),
    ("", "pages"),  # the rest of ui/, app.py: Today, Journal, Settings, editors, menus, tray
)
AREAS = ("core", "cli", "screens", "pages", "share", "insights", "data", "journal")
COMPLETE = ("de",)  # languages whose every string must be translated (CI fails otherwise)
COMMENT_TAGS = ("Translators:",)
FIXED_DATE = datetime(2026, 1, 1, tzinfo=UTC)


def area_of(path: Path) -> str:
    """The catalogue area of a source file under src/trustjournal."""
    relative = path.resolve().relative_to(SRC).as_posix()
    return next(area for prefix, area in AREA_OF_PATH if relative.startswith(prefix))


def sources(area: str) -> Iterator[Path]:
    """The source files of an area, sorted."""
    yield from (p for p in sorted(SRC.rglob("*.py")) if area_of(p) == area)


def template(area: str) -> Catalog:
    """The messages wrapped in an area's source, with where they occur (no line numbers)."""
    catalog = Catalog(project="TrustJournal", domain=area, charset="utf-8")
    for path in sources(area):
        for lineno, message, comments, context in extract_from_file(
            "python", path, keywords=DEFAULT_KEYWORDS, comment_tags=COMMENT_TAGS
        ):
            where = (path.relative_to(ROOT).as_posix(), lineno)
            catalog.add(message, locations=[where], auto_comments=comments, context=context)
    return catalog


def _write_po(catalog: Catalog, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        # No line numbers and no dates: parallel edits of other lines never touch the file.
        write_po(fh, catalog, include_lineno=False, omit_header=False, width=100, sort_output=True)


def _read_po(path: Path, lang: str | None = None) -> Catalog:
    with path.open("rb") as fh:
        return read_po(fh, locale=lang, domain=path.stem)


def languages() -> list[str]:
    """The languages with catalogues, sorted."""
    return sorted(p.name for p in LOCALE.iterdir() if (p / "LC_MESSAGES").is_dir())


def po_path(lang: str, area: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / f"{area}.po"


def compiled(po: Path) -> bytes:
    """The .mo bytes of a .po file (fuzzy entries left out, so English shows instead)."""
    buffer = io.BytesIO()
    write_mo(buffer, _read_po(po), use_fuzzy=False)
    return buffer.getvalue()


def extract() -> None:
    for area in AREAS:
        catalog = template(area)
        catalog.creation_date = FIXED_DATE  # no churn (and no conflicts) from timestamps
        _write_po(catalog, LOCALE / f"messages-{area}.pot")


def update() -> None:
    for area in AREAS:
        pot = _read_po(LOCALE / f"messages-{area}.pot")
        for lang in languages():
            path = po_path(lang, area)
            catalog = _read_po(path, lang) if path.exists() else Catalog(locale=lang, domain=area)
            catalog.update(pot, update_header_comment=False)
            _write_po(catalog, path)


def compile_all() -> None:
    for lang in languages():
        for po in sorted((LOCALE / lang / "LC_MESSAGES").glob("*.po")):
            po.with_suffix(".mo").write_bytes(compiled(po))


def problems() -> list[str]:
    """Every wrapped string without a translation in a complete language, and every stale .mo."""
    found: list[str] = []
    for lang in languages():
        for po in sorted((LOCALE / lang / "LC_MESSAGES").glob("*.po")):
            mo = po.with_suffix(".mo")
            if not mo.exists() or mo.read_bytes() != compiled(po):
                found.append(f"{mo.relative_to(ROOT)} is stale: run python tools/i18n.py compile")
    for area in AREAS:
        for lang in COMPLETE:
            path = po_path(lang, area)
            catalog = _read_po(path, lang) if path.exists() else Catalog(locale=lang)
            for message in template(area):
                if not message.id:
                    continue
                entry = catalog.get(message.id, context=message.context)
                strings = entry.string if entry is not None else ""
                texts = strings if isinstance(strings, tuple) else (strings,)
                if entry is None or entry.fuzzy or not all(texts):
                    where = ", ".join(f"{f}" for f, _ in message.locations)
                    found.append(f"{lang}/{area}.po lacks {message.id!r} ({where})")
    return found


def check() -> int:
    found = problems()
    for line in found:
        print(line, file=sys.stderr)
    return 1 if found else 0


def main(argv: list[str]) -> int:
    commands = {"extract": extract, "update": update, "compile": compile_all}
    if len(argv) == 1 and argv[0] == "check":
        return check()
    if len(argv) == 1 and argv[0] in commands:
        commands[argv[0]]()
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
