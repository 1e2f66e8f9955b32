"""The translation mechanism: languages, plurals, the pseudo-locale, formatting, resources."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, time
from pathlib import Path

import pytest

from trustjournal.core import i18n
from trustjournal.core.i18n import _, ngettext
from trustjournal.core.i18n_pseudo import is_pseudo, pseudo
from trustjournal.core.resources import load_json, resource_path_for

CHECKOUT = Path(__file__).resolve().parents[2]
HELP_DESCRIPTION = "A private, encrypted journal. With no command, the app starts."


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    yield
    i18n.set_language("en")


def test_german_is_chosen_by_code_and_by_region_and_english_is_the_fallback() -> None:
    assert i18n.set_language("de") == "de"
    assert _(HELP_DESCRIPTION).startswith("Ein privates, verschlüsseltes Tagebuch")
    assert i18n.set_language("de_AT.UTF-8") == "de"
    assert i18n.set_language("tlh") == "en"
    assert _(HELP_DESCRIPTION) == HELP_DESCRIPTION
    assert i18n.set_language(["fr-FR", "de-DE", "en-US"]) == "de"  # Qt's uiLanguages() order


def test_listeners_hear_each_new_process_language_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n, "_listeners", [])  # this test's own, not the UI's
    heard: list[str] = []
    i18n.on_language_change(heard.append)
    i18n.on_language_change(heard.append)  # a second registration changes nothing
    i18n.set_language("de_AT")
    with i18n.speaking("en"):  # a summary in another language leaves the UI's alone
        pass
    i18n.set_language("pseudo")
    assert heard == ["de", "pseudo"]


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"LANGUAGE": "de:en", "LANG": "en_GB.UTF-8"}, "de"),
        ({"LC_ALL": "de_CH.UTF-8"}, "de"),
        ({"LANG": "de_DE.UTF-8"}, "de"),
        ({"LANG": "C.UTF-8"}, "en"),
    ],
)
def test_none_follows_the_system(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], expected: str
) -> None:
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert i18n.set_language(None) == expected
    assert i18n.current_language() == expected


@pytest.mark.parametrize("raw", ["../../etc", "de/../../x", "", 7, None, "de_DE_x"])
def test_a_tampered_language_setting_follows_the_system(raw: object) -> None:
    assert i18n.parse_language_setting(raw) is None


def test_a_stored_language_setting_is_read_back() -> None:
    assert i18n.parse_language_setting("de") == "de"
    assert i18n.parse_language_setting("pseudo") == "pseudo"


def test_plural_forms_come_from_the_catalogue_header(tmp_path: Path) -> None:
    """A language with three forms (Polish) picks them by its Plural-Forms, not by n == 1."""
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo

    catalog = Catalog(locale="pl", domain="core")
    catalog.add(("%(n)d entry", "%(n)d entries"), ("%(n)d wpis", "%(n)d wpisy", "%(n)d wpisów"))
    folder = tmp_path / "pl" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    with (folder / "core.mo").open("wb") as fh:
        write_mo(fh, catalog)
    import gettext

    t = gettext.translation("core", tmp_path, languages=["pl"])
    forms = [t.ngettext("%(n)d entry", "%(n)d entries", n) % {"n": n} for n in (1, 3, 5, 22)]
    assert forms == ["1 wpis", "3 wpisy", "5 wpisów", "22 wpisy"]
    i18n.set_language("en")
    assert ngettext("%(n)d entry", "%(n)d entries", 1) % {"n": 1} == "1 entry"


def test_the_pseudo_locale_is_accented_longer_bracketed_and_keeps_placeholders() -> None:
    i18n.set_language("pseudo")
    text = _("Save the entry")
    assert text.startswith("[") and text.endswith("]") and is_pseudo(text)
    assert len(text) >= 1.4 * len("Save the entry")
    assert not any(c in text for c in "aeiouSv")
    kept = pseudo("&Save %(count)d of {total} at %s, 100%% <b>now</b> &amp; &&")
    for piece in ("&S", "%(count)d", "{total}", "%s", "%%", "<b>", "</b>", "&amp;", "&&"):
        assert piece in kept
    assert pseudo("%(count)d entries") % {"count": 7} == "[7 éñţŕîéš ~~~~~~~]"
    assert not is_pseudo("Save")
    assert is_pseudo("3 · " + pseudo("entries") + " — " + pseudo("Today"))


def test_the_pseudo_padding_wraps_like_words_do() -> None:
    long = pseudo("word " * 40)  # 200 letters and spaces: 80 of padding
    padding = long.rsplit("  ", 1)[-1].rstrip("]").split(" ")
    assert padding == ["~" * 10] * 8 and is_pseudo(long)


def test_dates_numbers_and_weekdays_follow_the_locale() -> None:
    day = date(2026, 3, 2)  # a Monday
    assert i18n.format_date(day, language="de") == "2. März 2026"
    assert i18n.format_date(day, language="en") == "March 2, 2026"
    assert i18n.format_weekday(day, language="de") == "Montag"
    assert i18n.format_time(time(21, 5), language="de") == "21:05"
    assert i18n.format_number(1234.5, language="de") == "1.234,5"
    assert i18n.first_weekday(language="de_DE") == 0
    assert i18n.first_weekday(language="en_US") == 6
    i18n.set_language("pseudo")
    assert is_pseudo(i18n.format_date(day))  # so a page test sees dates made by strftime


def test_translations_load_without_babel_json_or_datetime() -> None:
    """The unlock screen paints before these load (tests/ui/test_app_process.py)."""
    code = (
        "import sys; from trustjournal.core.i18n import _, set_language; set_language('de');"
        f" _({HELP_DESCRIPTION!r}); print(*sys.modules)"
    )
    env = {**os.environ, "PYTHONPATH": str(CHECKOUT / "src")}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    assert not [m for m in out if m.split(".")[0] in ("babel", "json", "datetime")]


def test_cli_help_answers_in_the_systems_language() -> None:
    env = {**os.environ, "PYTHONPATH": str(CHECKOUT / "src"), "LANGUAGE": "de"}
    out = subprocess.run(
        [sys.executable, "-m", "trustjournal", "--help"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Ein privates, verschlüsseltes Tagebuch. Ohne Befehl startet die App." in out


def test_localised_resources_fall_back_to_english(tmp_path: Path) -> None:
    english = resource_path_for("en", "prompts", "gratitude_prompts.json")
    assert english.parts[-3:] == ("prompts", "en", "gratitude_prompts.json")
    assert resource_path_for("tlh", "prompts", "gratitude_prompts.json") == english
    assert load_json("vocabulary", "emotions.json", lang="xx")["families"]


def test_every_area_speaks_though_only_the_unlock_screens_load_at_once() -> None:
    """Choosing a language reads the first areas' catalogues; the rest come on first use."""
    from babel.messages.pofile import read_po

    from trustjournal.core import i18n
    from trustjournal.core.resources import resource_path

    try:
        i18n.set_language("de")
        for area in i18n.AREAS:
            path = resource_path("locale", "de", "LC_MESSAGES", f"{area}.po")
            with path.open("rb") as fh:
                catalog = read_po(fh)
            plain = [m for m in catalog if m.id and isinstance(m.id, str) and m.string]
            plain = [m for m in plain if not m.context]
            if not plain:
                continue
            message = plain[0]
            assert i18n.gettext(message.id) == message.string, (area, message.id)
    finally:
        i18n.set_language("en")
