from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from netinsight.document import PNG_SIGNATURE, Figure, Report, Section, Table
from netinsight.report_html import CONTENT_SECURITY_POLICY, render_html, write_html
from tests.test_document import HOSTILE, hostile_report, tiny_png

FORBIDDEN_TAGS = {"script", "link", "iframe", "object", "embed", "base", "form", "frame", "svg", "math", "meta-refresh"}


class Page(HTMLParser):
    """Start tags with their attributes, text data, style text, and the cells of each table row."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.starts: list[tuple[str, dict[str, str | None]]] = []
        self.data: list[str] = []
        self.style: list[str] = []
        self.rows: list[list[str]] = []
        self._open: list[str] = []
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.starts.append((tag, dict(attrs)))
        if tag == "tr":
            self.rows.append([])
        if tag in {"td", "th"}:
            self.rows[-1].append("")
        self._open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._open:
            del self._open[len(self._open) - 1 - self._open[::-1].index(tag) :]

    def handle_data(self, data: str) -> None:
        if self._open and self._open[-1] == "style":
            self.style.append(data)
            return
        self.data.append(data)
        if self._open and self._open[-1] in {"td", "th"} and "tr" in self._open:
            self.rows[-1][-1] += data

    def attrs(self, tag: str) -> list[dict[str, str | None]]:
        return [a for t, a in self.starts if t == tag]

    def text(self) -> str:
        return "\x1f".join(self.data)


def table_rows(frame: pd.DataFrame) -> list[list[str]]:
    page = Page(render_html(Report("r", (Section("s", tables=(Table("t", frame),)),))))
    return page.rows


def test_hostile_text_survives_as_text_only() -> None:
    page = Page(render_html(hostile_report()))
    tags = {tag for tag, _ in page.starts}
    assert not tags & FORBIDDEN_TAGS
    assert [t for t, _ in page.starts].count("style") == 1
    for tag, attrs in page.starts:
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            assert name != "style", tag  # inline styles would break the CSP (and are never written)
            if name == "alt":  # alt text is shown, never fetched: checked below to be the hostile text itself
                continue
            low = (value or "").lower()
            assert not re.search(r"https?:|javascript:", low), (tag, name, value)
            assert not low.startswith("//"), (tag, name, value)
    images = page.attrs("img")
    assert len(images) == len(HOSTILE)
    for img in images:
        src = img["src"] or ""
        assert src.startswith("data:image/png;base64,")
        assert base64.b64decode(src.split(",", 1)[1]).startswith(PNG_SIGNATURE)
    assert [img["alt"] for img in images] == [shown for _, shown in HOSTILE]
    text = page.text()
    for raw, shown in HOSTILE:
        assert shown in text, repr(raw)
    assert not re.search("[\x00\x07\ud800]", text)
    title = re.search(r"<title>(.*?)</title>", render_html(hostile_report()), flags=re.S)
    assert title is not None
    assert title.group(1) == "&lt;script&gt;alert(1)&lt;/script&gt;"


def test_head_has_the_policy_and_its_style_hash_matches() -> None:
    page_text = render_html(Report("r", ()))
    assert page_text.startswith("<!DOCTYPE html>\n")
    page = Page(page_text)
    metas = page.attrs("meta")
    assert {"charset": "utf-8"} in metas
    assert {"name": "referrer", "content": "no-referrer"} in metas
    assert any(m.get("name") == "viewport" for m in metas)
    (csp,) = [m["content"] for m in metas if m.get("http-equiv") == "Content-Security-Policy"]
    assert csp == CONTENT_SECURITY_POLICY
    match = re.fullmatch(
        r"default-src 'none'; img-src data:; style-src 'sha256-([A-Za-z0-9+/=]+)'; base-uri 'none'; form-action 'none'",
        csp or "",
    )
    assert match is not None
    (style,) = page.style
    assert base64.b64encode(hashlib.sha256(style.encode("utf-8")).digest()).decode() == match.group(1)
    assert "@media print" in style
    assert "break-inside: avoid" in style


def test_anchors_are_generated_and_resolve() -> None:
    page = Page(render_html(hostile_report()))
    ids = [a["id"] for _, a in page.starts if "id" in a]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"section-\d+(-(table|figure)-\d+)?|notes", i or "") for i in ids)
    hrefs = [a["href"] for a in page.attrs("a")]
    assert hrefs[:2] == ["#section-1", "#section-2"]
    assert all(h is not None and h[1:] in ids for h in hrefs)


def test_cells_are_formatted_for_reading() -> None:
    frame = pd.DataFrame(
        {
            "term": ["Fall", None, "<b>"],
            "students": [1234567, 12, 0],
            "reply_rate": [0.4567, "<5%", None],
            "Industry share": [1.0, 0.0, 0.005],
            "hours": [2.5, 3.0, -0.001],
            "pct_rate": [45.0, 50.0, 55.5],
            "when": pd.to_datetime(["2026-01-05", "2026-01-06 14:30", None], format="ISO8601"),
            "tags": [["a", "b"], [], None],
            "ok": [True, False, None],
        }
    )
    header, *rows = table_rows(frame)
    assert header == list(frame.columns)
    assert rows == [
        ["Fall", "1,234,567", "45.7%", "100.0%", "2.5", "45", "2026-01-05", "a; b", "yes"],
        ["—", "12", "<5%", "0.0%", "3", "50", "2026-01-06 14:30", "—", "no"],
        ["<b>", "0", "—", "0.5%", "0", "55.5", "—", "—", "—"],
    ]


def test_numbers_and_markers_align_right() -> None:
    frame = pd.DataFrame({"name": ["a", "b"], "n": [1, 2], "rate": [0.5, "*"], "mixed": [1, "many"]})
    page = render_html(Report("r", (Section("s", tables=(Table("t", frame),)),)))
    assert '<th scope="col">name</th><th scope="col" class="num">n</th><th scope="col" class="num">rate</th>' in page
    assert '<td>a</td><td class="num">1</td><td class="num">50.0%</td><td>1</td>' in page


def test_index_is_shown_as_row_headers_when_it_carries_information() -> None:
    frame = pd.DataFrame({"term": ["Fall", "Spring"], "n": [3, 4]}).set_index("term")
    assert table_rows(frame) == [["term", "n"], ["Fall", "3"], ["Spring", "4"]]
    assert '<th scope="row">Fall</th>' in render_html(Report("r", (Section("s", tables=(Table("t", frame),)),)))
    assert table_rows(frame.reset_index().iloc[1:]) == [["term", "n"], ["Spring", "4"]]


def test_single_row_zero_rows_and_zero_columns() -> None:
    assert table_rows(pd.DataFrame({"n": [5]})) == [["n"], ["5"]]
    for frame, line in [(pd.DataFrame({"n": []}), "No rows."), (pd.DataFrame(index=[0, 1]), "No columns.")]:
        page = render_html(Report("r", (Section("s", tables=(Table("t", frame),)),)))
        assert f'<p class="empty">{line}</p>' in page
        assert "<table>" not in page


def test_report_without_sections_has_no_contents() -> None:
    page = render_html(Report("Just a title", (), subtitle="sub", headline=(("Students", "12"),)))
    parsed = Page(page)
    assert parsed.attrs("nav") == []
    assert parsed.attrs("section") == [{"class": "headline", "aria-label": "Key figures"}]
    assert "Just a title" in parsed.text()
    assert '<p class="value">12</p><p class="label">Students</p>' in page


def test_figure_caption_and_alt() -> None:
    figure = Figure("Reach", tiny_png(), alt="Bars: 3 industries", caption="By depth")
    page = render_html(Report("r", (Section("s", figures=(figure,)),)))
    assert 'alt="Bars: 3 industries"' in page
    assert '<figcaption><bdi class="figure-title">Reach</bdi> <bdi>By depth</bdi></figcaption>' in page


def test_output_is_deterministic_and_written_as_utf8(tmp_path: Path) -> None:
    report = hostile_report()
    assert render_html(report) == render_html(report)
    path = tmp_path / "report.html"
    assert write_html(report, str(path)) == path
    assert path.read_bytes().decode("utf-8") == render_html(report)
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_not_a_report_is_refused() -> None:
    with pytest.raises(TypeError, match=r"`report` must be a netinsight Report, got dict\."):
        render_html({})  # type: ignore[arg-type]
