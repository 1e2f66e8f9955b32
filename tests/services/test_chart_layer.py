"""The chart layer's SVG writer: user text stays text, nothing runs, colours follow roles."""

from __future__ import annotations

from html.parser import HTMLParser

from trustjournal.services.charts.bars import BarRow, count_bars
from trustjournal.services.charts.scene import PAPER, themed
from trustjournal.services.charts.svg import write_svg

HOSTILE = '<script>alert(1)</script><img src="file:///etc/passwd"> & "quoted"'
SVG_ELEMENTS = {"svg", "line", "polyline", "circle", "rect", "polygon", "text"}


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_a_hostile_name_is_written_as_text_and_no_element_comes_from_it() -> None:
    scene = count_bars([BarRow(HOSTILE, 3, "3 times")], width=680, title=HOSTILE)
    svg = write_svg(scene)
    parsed = _Tags()
    parsed.feed(svg)
    assert set(parsed.tags) <= SVG_ELEMENTS
    assert "<script" not in svg and "<img" not in svg
    assert any("<script>" in t for t in parsed.text)  # shown literally (clipped by length)


def test_the_same_scene_takes_each_themes_colours() -> None:
    scene = count_bars([BarRow("Walk", 2, "2 times")], width=400, title="t")
    dark = themed(dark=True, ink="#eeeeee", muted="#aaaaaa", grid="#444444")
    assert PAPER.series[0] in write_svg(scene) and dark.series[0] in write_svg(scene, dark)
    assert PAPER.series[0] != dark.series[0]
