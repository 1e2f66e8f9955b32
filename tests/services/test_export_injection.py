"""S6: hostile text in entries is exported literally, never as markup, and loads nothing."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt

from tests.services.export_data import (
    INJECTION,
    LONG_CHAR,
    LONG_LINE,
    NOW,
    RTL,
    ZERO_WIDTH,
    Journal,
    at,
    fill_journal,
    request_for,
)
from trustjournal.core.entries import MAX_TEXT, MoodCheckIn
from trustjournal.services.export.html import CSP, STYLE, render_html
from trustjournal.services.export.markdown import escape, render_markdown
from trustjournal.services.export.model import Summary
from trustjournal.services.export.request import Audience
from trustjournal.services.export.summary import build_summary
from trustjournal.store.entries import EntryRepository

# Every element our HTML uses; anything else must have come from user text.
OUR_ELEMENTS = {
    "html", "head", "meta", "title", "style", "body", "main", "section", "h1", "h2", "h3",
    "p", "span", "div", "article", "dl", "dt", "dd", "table", "thead", "tbody", "tr", "th",
    "td", "svg", "line", "polyline", "circle", "text",
}  # fmt: skip
# What a CommonMark renderer may make of our Markdown; never img, a, script, pre or code.
OUR_MARKDOWN_ELEMENTS = {
    "h1", "h2", "h3", "p", "strong", "br", "ul", "li", "table", "thead", "tbody", "tr",
    "th", "td",
}  # fmt: skip


class Parsed(HTMLParser):
    """Collects elements, attributes and text of an HTML document."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend(attrs)
        self._in_style = tag == "style"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend(attrs)

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        (self.styles if self._in_style else self.text).append(data)


def _parse(html: str) -> Parsed:
    parsed = Parsed()
    parsed.feed(html)
    parsed.close()
    return parsed


@pytest.fixture
def hostile(repo: EntryRepository) -> Summary:
    journal: Journal = fill_journal(repo, long_line=True)
    return build_summary(repo, request_for(Audience.SELF, journal, note=LONG_LINE), now=NOW)


def _assert_literal(text: str) -> None:
    for hostile in INJECTION:
        assert hostile in text, hostile
    assert RTL in text
    assert ZERO_WIDTH in text
    assert LONG_CHAR * MAX_TEXT in text


def test_markdown_renders_hostile_text_literally_in_a_commonmark_renderer(
    hostile: Summary,
) -> None:
    markdown = render_markdown(hostile)
    rendered = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown)
    parsed = _parse(rendered)
    assert set(parsed.tags) <= OUR_MARKDOWN_ELEMENTS, set(parsed.tags) - OUR_MARKDOWN_ELEMENTS
    assert not [a for a in parsed.attrs if a[0] in {"src", "href"}]
    _assert_literal("".join(parsed.text))


def test_markdown_headings_are_only_ours(hostile: Summary) -> None:
    rendered = MarkdownIt("commonmark").render(render_markdown(hostile))
    assert "<h1>Summary for myself</h1>" in rendered
    assert "not a heading</h" not in rendered


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("a\\b", "a\\b"),
        ("ends with \\", "ends with \\"),
        ("two\nlines", "two<br />\nlines"),
        ("    four spaces", "four spaces"),
        ("===", "==="),
        ("---", "---"),
        ("2) not a list", "2) not a list"),
        ("+ plus", "+ plus"),
        ("~~strike~~", "~~strike~~"),
        ("<!-- comment -->", "&lt;!-- comment --&gt;"),
        ("a_b_c", "a_b_c"),
    ],
)
def test_markdown_escape_keeps_each_construct_literal(text: str, shown: str) -> None:
    rendered = MarkdownIt("commonmark").enable("strikethrough").render(escape(text))
    assert rendered == f"<p>{shown}</p>\n"


def test_html_has_only_our_elements_and_loads_nothing(hostile: Summary) -> None:
    html = render_html(hostile)
    parsed = _parse(html)
    assert set(parsed.tags) <= OUR_ELEMENTS, set(parsed.tags) - OUR_ELEMENTS
    assert parsed.tags.count("style") == 1 and parsed.styles == [STYLE]
    for name, value in parsed.attrs:
        assert name not in {"src", "href", "srcset", "action", "xlink:href"}
        assert not name.startswith("on")
        assert not any(s in (value or "") for s in ("http", "file:", "javascript:", "url("))
    assert ("content", CSP) in parsed.attrs
    _assert_literal("".join(parsed.text))


def test_html_keeps_a_closing_style_tag_in_text_from_ending_the_style(hostile: Summary) -> None:
    html = render_html(hostile)
    assert html.count("</style>") == 1
    assert "&lt;/style&gt;" in html
    assert "&amp;amp;" in html  # "&amp;" typed by the person stays "&amp;" on screen


def test_bidi_override_is_isolated_so_it_cannot_reorder_our_labels(hostile: Summary) -> None:
    markdown = render_markdown(hostile)
    assert "\u2068abc\u202edef\u2069" in markdown
    assert ".t { white-space: pre-wrap; overflow-wrap: anywhere; unicode-bidi: plaintext; }" in (
        STYLE
    )


def test_a_lone_surrogate_is_exported_as_a_replacement_character(repo: EntryRepository) -> None:
    journal = fill_journal(repo)
    saved = repo.add(MoodCheckIn(occurred_at=at(6), mood=5, note="half a pair \ud800 here"))
    summary = build_summary(repo, request_for(Audience.SELF, journal), now=NOW)
    assert saved.id in summary.entry_ids
    for text in (render_markdown(summary), render_html(summary)):
        assert "half a pair \ufffd here" in text
        text.encode("utf-8")  # would raise on a lone surrogate
