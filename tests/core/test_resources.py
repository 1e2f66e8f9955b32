"""The shipped resources: found in a checkout, a wheel and a frozen app; every file well formed."""

from __future__ import annotations

import json
import re
import shutil
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from trustjournal.core import resources
from trustjournal.core.entries import MAX_NAME, clean_names
from trustjournal.core.resources import load_json, resource_path, resources_root

CHECKOUT = Path(__file__).resolve().parents[2]
SHIPPED = CHECKOUT / "resources"


@pytest.fixture
def fresh_root() -> Iterator[None]:
    """Forget the cached root before and after, so each layout is looked up anew."""
    resources_root.cache_clear()
    yield
    resources_root.cache_clear()


def _install(tmp_path: Path, where: str) -> Path:
    """Copy the shipped resources to `where` under tmp_path and return the copy."""
    target = tmp_path / where
    shutil.copytree(SHIPPED, target)
    return target


def _pretend_module_lives_in(monkeypatch: pytest.MonkeyPatch, package_dir: Path) -> None:
    """Make the accessor believe it was imported from `package_dir`/core/resources.py."""
    monkeypatch.setattr(resources, "__file__", str(package_dir / "core" / "resources.py"))


# --- where the resources are found -------------------------------------------------------------


@pytest.mark.usefixtures("fresh_root")
def test_source_checkout_uses_the_top_level_resources_folder() -> None:
    assert resources_root() == SHIPPED
    assert resource_path("icons", "lock.svg") == SHIPPED / "icons" / "lock.svg"
    assert load_json("vocabulary", "emotions.json")["families"]


@pytest.mark.usefixtures("fresh_root")
def test_wheel_install_uses_the_copy_inside_the_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "venv" / "site-packages" / "trustjournal"
    copy = _install(tmp_path, "venv/site-packages/trustjournal/resources")
    _pretend_module_lives_in(monkeypatch, package)

    assert resources_root() == copy
    assert load_json("prompts", "gratitude_prompts.json")["prompts"]


@pytest.mark.usefixtures("fresh_root")
def test_frozen_app_uses_the_bundle_under_meipass(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = _install(tmp_path, "bundle/trustjournal/resources")
    _pretend_module_lives_in(monkeypatch, tmp_path / "archive" / "lib" / "trustjournal")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "bundle"), raising=False)

    assert resources_root() == bundle
    assert load_json("vocabulary", "coping_strategies.json")["strategies"]


@pytest.mark.usefixtures("fresh_root")
def test_frozen_bundle_comes_before_any_other_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = _install(tmp_path, "bundle/trustjournal/resources")
    _install(tmp_path, "site/trustjournal/resources")
    _pretend_module_lives_in(monkeypatch, tmp_path / "site" / "trustjournal")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "bundle"), raising=False)

    assert resources_root() == bundle


@pytest.mark.usefixtures("fresh_root")
def test_a_stray_meipass_is_ignored_when_not_frozen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _install(tmp_path, "bundle/trustjournal/resources")
    wheel_copy = _install(tmp_path, "site/trustjournal/resources")
    _pretend_module_lives_in(monkeypatch, tmp_path / "site" / "trustjournal")
    monkeypatch.delattr(sys, "frozen", raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "bundle"), raising=False)

    assert resources_root() == wheel_copy


@pytest.mark.usefixtures("fresh_root")
def test_an_incomplete_folder_is_passed_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "src" / "trustjournal" / "resources" / "icons").mkdir(parents=True)
    checkout_copy = _install(tmp_path, "resources")
    _pretend_module_lives_in(monkeypatch, tmp_path / "src" / "trustjournal")

    assert resources_root() == checkout_copy


@pytest.mark.usefixtures("fresh_root")
def test_missing_resources_raise_a_calm_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _pretend_module_lives_in(monkeypatch, tmp_path / "a" / "b" / "trustjournal")

    with pytest.raises(FileNotFoundError, match="reinstall"):
        resources_root()


def test_the_wheel_ships_the_resources_where_the_accessor_looks() -> None:
    config = tomllib.loads((CHECKOUT / "pyproject.toml").read_text(encoding="utf-8"))
    wheel = config["tool"]["hatch"]["build"]["targets"]["wheel"]
    assert wheel["force-include"]["resources"] == "trustjournal/resources"


# --- what the vocabulary files hold --------------------------------------------------------------

SCHEMAS = {
    "vocabulary/emotions.json",
    "vocabulary/trigger_categories.json",
    "vocabulary/coping_strategies.json",
    "prompts/gratitude_prompts.json",
    "prompts/reflection_prompts.json",
    "prompts/blame_phrases.json",
}
_INNER_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s")


def _load(name: str) -> Any:
    """An English vocabulary file; English is complete, other languages fall back to it."""
    folder, file = name.split("/")
    return json.loads((SHIPPED / folder / "en" / file).read_text(encoding="utf-8"))


def _assert_name(name: object) -> None:
    assert isinstance(name, str)
    assert name.strip()
    assert len(name) <= MAX_NAME
    assert clean_names([name], field_name="name") == (name,), "stored exactly as shipped"


def _assert_unique(names: list[str]) -> None:
    folded = [n.casefold() for n in names]
    duplicates = sorted({n for n in folded if folded.count(n) > 1})
    assert not duplicates


def _assert_one_sentence(text: object) -> None:
    assert isinstance(text, str)
    assert text.strip() == text
    assert text[0].isupper() or text[0] == '"'
    assert text.endswith(".")
    assert not _INNER_SENTENCE_END.search(text), text


def test_every_vocabulary_file_has_a_schema_check() -> None:
    shipped = {
        p.relative_to(SHIPPED).as_posix().replace("/en/", "/")
        for folder in ("vocabulary", "prompts")
        for p in (SHIPPED / folder / "en").iterdir()
    }
    assert shipped == SCHEMAS


def test_emotions_are_families_of_plain_lowercase_words() -> None:
    data = _load("vocabulary/emotions.json")
    assert set(data) == {"families"}
    families = data["families"]
    assert 8 <= len(families) <= 10
    words: list[str] = []
    for family in families:
        assert set(family) == {"name", "emotions"}
        _assert_name(family["name"])
        assert isinstance(family["emotions"], list)
        assert 6 <= len(family["emotions"]) <= 10
        for word in family["emotions"]:
            _assert_name(word)
            assert word == word.lower()
        words.extend(family["emotions"])
    _assert_unique([f["name"] for f in families])
    _assert_unique(words)  # one word, one family: the vault's vocabulary is keyed by the word


@pytest.mark.parametrize(
    ("name", "key", "low", "high"),
    [
        ("vocabulary/trigger_categories.json", "categories", 10, 14),
        ("vocabulary/coping_strategies.json", "strategies", 14, 20),
    ],
)
def test_named_lists_have_short_unique_names_and_one_sentence_each(
    name: str, key: str, low: int, high: int
) -> None:
    data = _load(name)
    assert set(data) == {key}
    items = data[key]
    assert low <= len(items) <= high
    for item in items:
        assert set(item) == {"name", "description"}
        _assert_name(item["name"])
        assert item["name"][0].isupper() or item["name"][0] == '"'
        _assert_one_sentence(item["description"])
    _assert_unique([item["name"] for item in items])


def test_trigger_categories_are_in_sentence_case() -> None:
    for item in _load("vocabulary/trigger_categories.json")["categories"]:
        name = item["name"]
        assert name[0].isupper()
        assert name[1:] == name[1:].lower()


def test_gratitude_prompts_are_many_unique_single_sentences() -> None:
    data = _load("prompts/gratitude_prompts.json")
    assert set(data) == {"prompts"}
    prompts = data["prompts"]
    assert len(prompts) >= 70
    for prompt in prompts:
        _assert_one_sentence(prompt)
        assert len(prompt) <= 120
    _assert_unique(prompts)


def test_reflection_prompts_are_questions_with_stable_ids_in_every_language() -> None:
    english = _load("prompts/reflection_prompts.json")
    assert set(english) == {"prompts"}
    prompts = english["prompts"]
    assert 8 <= len(prompts) <= 30
    ids = [p["id"] for p in prompts]
    for prompt in prompts:
        assert set(prompt) == {"id", "text"}
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", prompt["id"])
        assert prompt["text"][0].isupper() and prompt["text"].endswith("?")
        assert len(prompt["text"]) <= 120
    _assert_unique(ids)
    _assert_unique([p["text"] for p in prompts])
    for folder in (SHIPPED / "prompts").iterdir():
        local = json.loads((folder / "reflection_prompts.json").read_text(encoding="utf-8"))
        assert [p["id"] for p in local["prompts"]] == ids, folder.name  # the same, in order


def test_gratitude_prompts_are_mostly_about_the_partner_and_the_relationship() -> None:
    prompts = _load("prompts/gratitude_prompts.json")["prompts"]
    relational = [p for p in prompts if re.search(r"\b(my partner|we|us|our)\b", p)]
    assert len(relational) >= len(prompts) / 3


@pytest.mark.parametrize("lang", ["en", "de"])
def test_blame_phrases_have_stable_ids_words_and_a_kind_hint_in_each_language(lang: str) -> None:
    data = json.loads((SHIPPED / "prompts" / lang / "blame_phrases.json").read_text("utf-8"))
    assert set(data) == {"phrases"}
    english = _load("prompts/blame_phrases.json")["phrases"]
    assert [p["id"] for p in data["phrases"]] == [p["id"] for p in english]  # the same ids
    for phrase in data["phrases"]:
        assert set(phrase) == {"id", "match", "hint"}
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", phrase["id"])
        assert phrase["match"] and all(m.strip() == m and m for m in phrase["match"])
        assert phrase["hint"].strip() and len(phrase["hint"]) <= 200
    _assert_unique([m for p in data["phrases"] for m in p["match"]])
