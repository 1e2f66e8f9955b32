"""Render a Summary as one self-contained HTML file: inline CSS and SVG, nothing to load.

Every string is escaped with `html.escape`, so no text becomes markup. A strict Content
Security Policy forbids scripts and any external resource even if a browser were tricked.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from trustjournal.core import i18n
from trustjournal.core.i18n import _
from trustjournal.services.charts.svg import write_svg
from trustjournal.services.export import text as tx
from trustjournal.services.export.model import Field, Group, Item, Summary, SummarySection
from trustjournal.services.export.request import Section
from trustjournal.services.export.shared_charts import charts_heading, charts_intro
from trustjournal.services.export.svg import legend_label, render_svg, series_style

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

STYLE = """
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
  color: #222; background: #fff; margin: 0; }
main { max-width: 46rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 2.2rem 0 .4rem; padding-bottom: .2rem;
  border-bottom: 1px solid #ddd; break-after: avoid; }
h3 { font-size: 1rem; margin: 0 0 .3rem; break-after: avoid; }
h3.group { font-size: 17px; margin: 22px 0 3px; }
.meta, .when, .intro { color: #666; }
.when { font-weight: normal; margin-right: .5rem; }
.entry { margin: 0 0 1rem; padding: .6rem .8rem; border-left: 3px solid #cfd8e3;
  background: #f7f9fb; break-inside: avoid; }
dl { margin: 0; }
dt { font-weight: 600; color: #444; margin-top: .3rem; }
dd { margin: 0 0 .2rem; }
.t { white-space: pre-wrap; overflow-wrap: anywhere; unicode-bidi: plaintext; }
.legend span { margin-right: 1.2rem; white-space: nowrap; }
.swatch { display: inline-block; width: 1.4rem; height: 0; border-top: 3px solid;
  vertical-align: middle; margin-right: .35rem; }
table { border-collapse: collapse; margin: .6rem 0 1rem; }
th, td { text-align: left; padding: .25rem .8rem .25rem 0; border-bottom: 1px solid #e4e4e4;
  vertical-align: top; }
th { color: #444; }
"""


def _t(text: str, tag: str = "span", cls: str = "t") -> str:
    return f'<{tag} class="{cls}">{escape(text)}</{tag}>'


def _item(item: Item) -> str:
    parts = [
        '<article class="entry"><h3>',
        _t(tx.moment_text(item.occurred_at), cls="when"),
        _t(item.heading),
        "</h3>",
    ]
    parts += _fields(item.fields)
    parts.append("</article>")
    return "".join(parts)


def _fields(fields: Sequence[Field]) -> list[str]:
    if not fields:
        return []
    return ["<dl>", *(_t(f.label, "dt") + _t(f.text, "dd") for f in fields), "</dl>"]


def _group(group: Group) -> str:
    """Homework or goals: a heading of their own, then each part as an entry is shown."""
    out = [_t(group.title, "h3", "group"), _t(group.intro, "p", "intro")]
    for part in group.parts:
        out += ['<article class="entry"><h3>', _t(part.heading), "</h3>", *_fields(part.fields)]
        out.append("</article>")
    return "".join(out)


def _table(headers: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> str:
    head = "".join(_t(h, "th") for h in headers)
    body = "".join("<tr>" + "".join(_t(c, "td") for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _mood(summary: Summary) -> list[str]:
    out: list[str] = []
    if summary.chart is not None and not summary.chart.is_empty:
        out.append(render_svg(summary.chart))
        legend = ['<p class="legend">']
        for series in summary.chart.series:
            if not series.points:
                continue
            colour, _dash = series_style(series.name)
            label = legend_label(series)
            legend.append(
                f'<span><span class="swatch" style="border-color:{colour}"></span>'
                f"{escape(label)}</span>"
            )
        out.append("".join(legend) + "</p>")
    if summary.figures is not None:
        out.append("<dl>")
        for label, value in tx.figure_lines(summary.figures):
            out.append(_t(label, "dt") + _t(value, "dd"))
        out.append("</dl>")
        out.append(_t(tx.count_line(summary.figures), "p", "intro"))
    return out


def _section(summary: Summary, section: SummarySection) -> str:
    out = ["<section>", _t(section.title, "h2"), _t(section.intro, "p", "intro")]
    if section.key == Section.MOOD:
        out += _mood(summary)
    elif section.key == Section.PATTERNS and summary.patterns is not None:
        patterns = summary.patterns
        out.append(_t(tx.patterns_intro(patterns), "p"))
        if patterns.top_categories:
            out.append(_table(tx.category_headers(), tx.category_rows(patterns)))
        if patterns.coping:
            out.append(_table(tx.coping_headers(), tx.coping_rows(patterns)))
    elif not section.items and not section.groups:
        out.append(_t(tx.none_chosen(), "p", "intro"))
    else:
        out += [_item(item) for item in section.items]
        out += [_group(group) for group in section.groups]
    out.append("</section>")
    return "\n".join(out)


def _charts(summary: Summary) -> list[str]:
    """The charts added from Insights: each drawn by the chart layer, then said in words."""
    if not summary.charts:
        return []
    out = ["<section>", _t(charts_heading(), "h2"), _t(charts_intro(), "p", "intro")]
    for chart in summary.charts:
        out.append(_t(chart.title, "h3"))
        if chart.scene is not None:
            out.append(write_svg(chart.scene))
        out += [_t(line, "p") for line in chart.text]
    out.append("</section>")
    return out


def render_html(summary: Summary) -> str:
    """The summary as a complete, self-contained HTML document, in the summary's language."""
    with i18n.speaking(summary.language) as language:
        return _document(summary, language)


def _document(summary: Summary, language: str) -> str:
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(language.replace("_", "-"))}"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(summary.title)}</title>",
        f"<style>{STYLE}</style>",
        "</head><body><main>",
        _t(summary.title, "h1"),
        _t(tx.made_line(summary.made_on, summary.period), "p", "meta"),
        _t(tx.selection_line(summary.audience), "p", "meta"),
    ]
    if summary.note.strip():
        out += [
            "<section>",
            _t(_("What I want to say"), "h2"),
            _t(summary.note, "div"),
            "</section>",
        ]
    out += [_section(summary, section) for section in summary.sections]
    out += _charts(summary)
    out.append("</main></body></html>")
    return "\n".join(out) + "\n"
