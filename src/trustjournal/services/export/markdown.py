"""Render a Summary as Markdown in which every piece of text is shown literally.

All text (the person's and ours) goes through `escape`: characters that CommonMark or GitHub
Flavored Markdown would read as markup are backslash-escaped, line starts that would make a
heading, list, quote or code block are neutralised, and line breaks are kept as hard breaks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from trustjournal.core import i18n
from trustjournal.core.i18n import _
from trustjournal.services.export import text as tx
from trustjournal.services.export.model import Field, Group, Item, Summary, SummarySection
from trustjournal.services.export.request import Section
from trustjournal.services.export.shared_charts import charts_heading, charts_intro

# Significant anywhere: emphasis, code, links/images, raw HTML and entities, tables, strike-
# through, math. Backslash-escaping any ASCII punctuation is always literal in CommonMark.
_ANYWHERE = re.compile(r"([\\`*_\[\]<>|~&$])")
# Significant at the start of a line: headings, bullets, setext underlines, ordered lists.
_LINE_START = re.compile(r"^([#+\-=])")
_ORDERED = re.compile(r"^(\d+)([.)])")


def escape_line(line: str, *, at_line_start: bool = True) -> str:
    """One line of text made literal for Markdown (leading indentation is dropped).

    `at_line_start=False` is for text placed after a label on the same line, where heading
    and list markers mean nothing.
    """
    line = _ANYWHERE.sub(r"\\\1", line.lstrip(" \t"))
    if not at_line_start:
        return line
    line = _LINE_START.sub(r"\\\1", line)
    return _ORDERED.sub(r"\1\\\2", line)


def escape(text: str, *, inline: bool = False) -> str:
    """Text made literal for Markdown, its line breaks kept.

    Lines of a paragraph end in a backslash (a CommonMark hard break); blank lines still
    separate paragraphs. Bidi controls are isolated so they cannot reorder what follows.
    `inline=True` means the text starts after a label on the same line.
    """
    paragraphs: list[list[str]] = [[]]
    for raw in text.splitlines():
        if raw.strip():
            start = not (inline and paragraphs == [[]])
            paragraphs[-1].append(tx.isolate(escape_line(raw, at_line_start=start)))
        elif paragraphs[-1]:
            paragraphs.append([])
    return "\n\n".join("\\\n".join(lines) for lines in paragraphs if lines)


def _item(item: Item) -> list[str]:
    out = [f"### {escape(tx.moment_text(item.occurred_at))} · {escape(item.heading)}", ""]
    return out + _fields(item.fields)


def _fields(fields: Sequence[Field]) -> list[str]:
    out: list[str] = []
    for field in fields:
        label = f"**{escape(field.label)}:**"
        if len(field.text.splitlines()) > 1:
            out += [label, "", escape(field.text), ""]
        else:
            out += [f"{label} {escape(field.text, inline=True)}", ""]
    return out


def _group(group: Group) -> list[str]:
    """Homework or goals: a heading of their own, then each part as an entry is shown."""
    out = [f"### {escape(group.title)}", "", escape(group.intro), ""]
    for part in group.parts:
        out += [f"#### {escape(part.heading)}", "", *_fields(part.fields)]
    return out


def _table(headers: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> list[str]:
    out = ["| " + " | ".join(escape(h) for h in headers) + " |"]
    out.append("|" + "|".join(" --- " for _ in headers) + "|")
    out += ["| " + " | ".join(escape(cell) for cell in row) + " |" for row in rows]
    return [*out, ""]


def _section(summary: Summary, section: SummarySection) -> list[str]:
    out = [f"## {escape(section.title)}", "", escape(section.intro), ""]
    if section.key == Section.MOOD and summary.figures is not None:
        for label, value in tx.figure_lines(summary.figures):
            out.append(f"- **{escape(label)}:** {escape(value, inline=True)}")
        out += [f"- {escape(tx.count_line(summary.figures))}", ""]
        return out
    if section.key == Section.PATTERNS and summary.patterns is not None:
        patterns = summary.patterns
        out += [escape(tx.patterns_intro(patterns)), ""]
        if patterns.top_categories:
            out += _table(tx.category_headers(), tx.category_rows(patterns))
        if patterns.coping:
            out += _table(tx.coping_headers(), tx.coping_rows(patterns))
        return out
    if not section.items and not section.groups:
        return [*out, escape(tx.none_chosen()), ""]
    for item in section.items:
        out += _item(item)
    for group in section.groups:
        out += _group(group)
    return out


def render_markdown(summary: Summary) -> str:
    """The summary as a Markdown document (UTF-8 text, ending with a newline), in its language."""
    with i18n.speaking(summary.language):
        return _document(summary)


def _document(summary: Summary) -> str:
    out = [f"# {escape(summary.title)}", "", escape(tx.made_line(summary.made_on, summary.period))]
    out += ["", escape(tx.selection_line(summary.audience)), ""]
    if summary.note.strip():
        out += ["## " + escape(_("What I want to say")), "", escape(summary.note), ""]
    for section in summary.sections:
        out += _section(summary, section)
    if summary.charts:  # a Markdown file cannot draw: each added chart in words
        out += ["## " + escape(charts_heading()), "", escape(charts_intro()), ""]
        for chart in summary.charts:
            out += ["### " + escape(chart.title), ""]
            out += ["- " + escape(line, inline=True) for line in chart.text] + [""]
    return "\n".join(out).rstrip("\n") + "\n"
