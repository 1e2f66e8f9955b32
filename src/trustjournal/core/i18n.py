"""Translation (gettext, one catalogue per area) and locale formatting (Babel, loaded lazily)."""

from __future__ import annotations

import gettext as _gettext
import os
import re
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # datetime must not load before the unlock screen paints
    from collections.abc import Callable, Iterable, Iterator
    from datetime import date, datetime, time

# The areas of the catalogue: engineers translating different areas never edit the same file.
AREAS = ("core", "cli", "screens", "pages", "share", "insights", "data", "journal")
DEFAULT_LANGUAGE = "en"  # the source language: no catalogue, the strings themselves
PSEUDO = "pseudo"  # generated on the fly, for tests that look for untranslated text
# Where the chosen language is kept: QSettings, because the unlock screen must speak it before
# the vault is open. A language code is not journal content (docs/translating.md, SECURITY S4).
LANGUAGE_SETTING_KEY = "language"
_CODE = re.compile(r"^[a-z]{2,3}(?:_[A-Z]{2})?$")  # also keeps path parts out of gettext.find

_active: _gettext.NullTranslations | None = None
_language = DEFAULT_LANGUAGE
# A summary may be written in another language than the UI: inside `speaking(lang)` this
# context (thread) uses that translation, while the process language stays as it was.
_speaking: ContextVar[tuple[str, _gettext.NullTranslations] | None] = ContextVar(
    "trustjournal_speaking", default=None
)
_loaded: dict[str, tuple[str, _gettext.NullTranslations]] = {}
_listeners: list[Callable[[str], None]] = []  # told each new process language (ui/language.py)


def locale_dir() -> Path:
    """The folder of compiled catalogues: <lang>/LC_MESSAGES/<area>.mo."""
    from trustjournal.core.resources import resource_path

    return resource_path("locale")


def normalise(code: str | None) -> str | None:
    """A language code in gettext form ("de", "pt_BR", "pseudo"), or None if it is not one.

    Accepts "de-DE", "de_DE.UTF-8", "de_DE@euro"; rejects anything else, so a tampered
    settings file cannot name a path.
    """
    if not code:
        return None
    code = code.split(".")[0].split("@")[0].replace("-", "_")
    if code.lower() == PSEUDO:
        return PSEUDO
    parts = code.split("_")
    if len(parts) > 2:
        return None
    code = parts[0].lower() + (f"_{parts[1].upper()}" if len(parts) == 2 else "")
    if code in ("c", "posix"):
        return DEFAULT_LANGUAGE
    return code if _CODE.match(code) else None


def system_languages() -> list[str]:
    """The languages the system asks for, most wanted first.

    POSIX: LANGUAGE (a colon list), then LC_ALL, LC_MESSAGES, LANG, as gettext reads them.
    Elsewhere (or with none set) the process locale. The app may pass Qt's
    QLocale.system().uiLanguages() to set_language instead, which knows macOS and Windows better.
    """
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            found = [c for c in (normalise(v) for v in value.split(":")) if c]
            if found:
                return found
    import locale

    code = normalise(locale.getlocale()[0])
    return [code] if code else [DEFAULT_LANGUAGE]


def available_languages() -> list[str]:
    """English and every language with a compiled catalogue, sorted; not the pseudo-locale."""
    folder = locale_dir()
    found = {p.name for p in folder.iterdir() if (p / "LC_MESSAGES").is_dir()}
    return sorted({DEFAULT_LANGUAGE} | found)


# The areas the unlock screen speaks; the others load the first time a string is not found in
# these (after the first paint, as a rule), so choosing a language costs the start little.
FIRST_AREAS = ("screens", "core")


def _chain(folder: Path, areas: Iterable[str]) -> _gettext.GNUTranslations | None:
    """The compiled catalogues of `areas` in `folder`, chained in that order; None if none."""
    chained: _gettext.GNUTranslations | None = None
    for area in areas:
        path = folder / f"{area}.mo"
        if not path.is_file():
            continue
        with path.open("rb") as fh:
            found = _gettext.GNUTranslations(fh)
        if chained is None:
            chained = found
        else:
            chained.add_fallback(found)
    return chained


class _LaterAreas(_gettext.NullTranslations):
    """The fallback after the first areas: loads every other area when first asked."""

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self._folder = folder
        self._loaded: _gettext.NullTranslations | None = None

    def _rest(self) -> _gettext.NullTranslations:
        if self._loaded is None:
            rest = _chain(self._folder, [a for a in AREAS if a not in FIRST_AREAS])
            self._loaded = rest if rest is not None else _gettext.NullTranslations()
        return self._loaded

    def gettext(self, message: str) -> str:
        return self._rest().gettext(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return self._rest().ngettext(msgid1, msgid2, n)

    def pgettext(self, context: str, message: str) -> str:
        return self._rest().pgettext(context, message)

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return self._rest().npgettext(context, msgid1, msgid2, n)


def _candidates(code: str) -> list[str]:
    return [code, code.split("_", maxsplit=1)[0]] if "_" in code else [code]


def _load(wanted: Iterable[str]) -> tuple[str, _gettext.NullTranslations]:
    """The first wanted language we can speak, with all its areas chained into one."""
    for code in wanted:
        if code == PSEUDO:
            from trustjournal.core.i18n_pseudo import PseudoTranslations

            return PSEUDO, PseudoTranslations()
        for candidate in _candidates(code):
            if candidate == DEFAULT_LANGUAGE:
                return DEFAULT_LANGUAGE, _gettext.NullTranslations()
            if not (locale_dir() / candidate / "LC_MESSAGES").is_dir():
                continue  # de_AT without its own catalogue: try de
            folder = locale_dir() / candidate / "LC_MESSAGES"
            first = _chain(folder, FIRST_AREAS)
            if first is None:
                later = _chain(folder, [a for a in AREAS if a not in FIRST_AREAS])
                if later is not None:
                    return candidate, later
                continue
            first.add_fallback(_LaterAreas(folder))
            return candidate, first
    return DEFAULT_LANGUAGE, _gettext.NullTranslations()


def set_language(code: str | Iterable[str] | None) -> str:
    """Speak a language from now on; None follows the system. Returns the language chosen.

    A list (such as Qt's uiLanguages()) is tried in order. Unknown codes fall back to English.
    Widgets already built keep their words: call this before building them.
    """
    global _active, _language  # one language per process, as with gettext itself
    if code is None:
        wanted: list[str] = system_languages()
    elif isinstance(code, str):
        wanted = [c for c in [normalise(code)] if c]
    else:
        wanted = [c for c in (normalise(c) for c in code) if c]
    _language, _active = _load(wanted)
    for listener in _listeners:
        listener(_language)
    return _language


def on_language_change(listener: Callable[[str], None]) -> None:
    """Call `listener(language)` after every set_language (once per listener), e.g. so that
    Qt's own words follow the app's; `speaking` a summary's language does not call it."""
    if listener not in _listeners:
        _listeners.append(listener)


def translation_for(code: str | None) -> tuple[str, _gettext.NullTranslations]:
    """The language we can speak for `code` (None: the current one) and its translation.

    Loaded once per language; the process language is not changed.
    """
    if code is None:
        return current_language(), _translations()
    wanted = normalise(code) or DEFAULT_LANGUAGE
    if wanted not in _loaded:
        _loaded[wanted] = _load([wanted])
    return _loaded[wanted]


@contextmanager
def speaking(code: str | None) -> Iterator[str]:
    """Within the block, this thread speaks `code` (e.g. a summary's language); the UI does not.

    Yields the language actually spoken (English when there is no catalogue for `code`).
    """
    chosen = translation_for(code)
    token = _speaking.set(chosen)
    try:
        yield chosen[0]
    finally:
        _speaking.reset(token)


def current_language() -> str:
    """The language in use ("en", "de", "pseudo"); the system's until set_language is called.

    Inside `speaking(lang)`, that language.
    """
    spoken = _speaking.get()
    if spoken is not None:
        return spoken[0]
    _translations()
    return _language


def ui_language() -> str:
    """The process (UI) language, whatever a summary being written inside `speaking` uses."""
    if _active is None:
        set_language(None)
    return _language


def _translations() -> _gettext.NullTranslations:
    spoken = _speaking.get()
    if spoken is not None:
        return spoken[1]
    if _active is None:
        set_language(None)
    return _active or _gettext.NullTranslations()


def gettext(message: str) -> str:
    """The message in the current language."""
    return _translations().gettext(message)


_ = gettext


def N_(message: str) -> str:  # gettext's own name for the marker
    """Marks a string for the catalogue without translating it: pass it through _() when shown.

    For module-level constants (error defaults, word tables), read before a language is chosen.
    """
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The right plural form for n in the current language (pass n again when formatting)."""
    return _translations().ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """The message in the current language, told apart from the same English in another sense."""
    return _translations().pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    """ngettext with a context."""
    return _translations().npgettext(context, singular, plural, n)


def parse_language_setting(raw: object) -> str | None:
    """The stored language choice: a valid code, or None (follow the system) for anything else."""
    return normalise(raw) if isinstance(raw, str) else None


# --- locale formatting: Babel is imported on first use, never before the unlock screen paints ---


def babel_locale() -> str:
    """The Babel locale for formatting: the pseudo-locale formats like English."""
    return DEFAULT_LANGUAGE if current_language() == PSEUDO else current_language()


def _shown(text: str) -> str:
    if current_language() == PSEUDO:
        from trustjournal.core.i18n_pseudo import pseudo

        return pseudo(text)
    return text


def format_date(value: date, style: str = "long", *, language: str | None = None) -> str:
    """A date the locale's way; style is short, medium, long, full or a CLDR pattern."""
    from babel.dates import format_date as babel_format_date

    return _shown(babel_format_date(value, style, locale=language or babel_locale()))


def format_time(
    value: time | datetime, style: str = "short", *, language: str | None = None
) -> str:
    """A time of day the locale's way (24-hour or not, as the locale says)."""
    from babel.dates import format_time as babel_format_time

    return _shown(babel_format_time(value, style, locale=language or babel_locale()))


def format_weekday(
    value: date,
    width: Literal["abbreviated", "narrow", "short", "wide"] = "wide",
    *,
    language: str | None = None,
) -> str:
    """The weekday's name (wide "Monday", abbreviated "Mon", narrow "M")."""
    from babel.dates import get_day_names

    names = get_day_names(width, "format", locale=language or babel_locale())
    return _shown(str(names[value.weekday()]))


def format_number(value: float, *, language: str | None = None) -> str:
    """A number with the locale's decimal and grouping signs."""
    from babel.numbers import format_decimal

    return format_decimal(value, locale=language or babel_locale())


def first_weekday(*, language: str | None = None) -> int:
    """The first day of the week, 0 = Monday … 6 = Sunday (a language with its region decides)."""
    from babel import Locale

    return int(Locale.parse(language or babel_locale()).first_week_day)
