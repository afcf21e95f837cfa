"""A `Report` as one self-contained, script-free HTML file: every text escaped, charts inlined as PNG.

The page loads nothing: a Content-Security-Policy allows only the one inline style block (by hash)
and ``data:`` images. Limits: tables are rendered whole (no paging), so very large tables make
large files; the page is meant to be read, printed or mailed, not edited.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import math
import re
from collections.abc import Hashable
from functools import reduce
from operator import add
from pathlib import Path
from typing import Any, Final

import numpy as np
import pandas as pd

from netinsight.document import (
    Figure,
    Report,
    Section,
    Table,
    _clean_text,
    _column_label,
    _is_number,
    _is_rate_column,
    _plain,
    _shown_index,
)

__all__ = ["CONTENT_SECURITY_POLICY", "render_html", "write_html"]

_CSS: Final[str] = """
*, *::before, *::after { box-sizing: border-box; }
body { margin: 0; background: #fff; color: #1f2328;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 64rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 0 0 .25rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; padding-bottom: .25rem; border-bottom: 1px solid #d0d7de; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .4rem; }
h1, h2, h3, p, li, th, td, figcaption { overflow-wrap: anywhere; }
a { color: #0550ae; }
.subtitle { margin: 0; color: #57606a; }
.headline { display: flex; flex-wrap: wrap; gap: .75rem; margin: 1.25rem 0; }
.card { flex: 1 1 9rem; padding: .6rem .8rem; border: 1px solid #d0d7de; border-radius: 6px; background: #f6f8fa; }
.card .value { margin: 0; font-size: 1.5rem; font-weight: 600; font-variant-numeric: tabular-nums; }
.card .label { margin: 0; color: #57606a; font-size: .9rem; }
nav ol, nav ul { margin: .25rem 0; padding-left: 1.4rem; }
.table-wrap { overflow-x: auto; margin: .25rem 0; }
table { border-collapse: collapse; font-size: .9rem; font-variant-numeric: tabular-nums; }
th, td { padding: .3rem .6rem; border-bottom: 1px solid #d0d7de; text-align: left; vertical-align: top;
  white-space: pre-line; max-width: 28rem; }
thead th { border-bottom: 2px solid #8c959f; background: #eaeef2; }
tbody tr:nth-child(even) { background: #f6f8fa; }
tbody th { font-weight: 600; }
th.num, td.num { text-align: right; }
.caption, figcaption { margin: .3rem 0 0; color: #57606a; font-size: .9rem; }
figcaption .figure-title { font-weight: 600; color: #1f2328; margin-right: .5rem; }
.empty { font-style: italic; color: #57606a; }
figure { margin: 1rem 0; }
img { display: block; max-width: 100%; height: auto; }
footer { margin-top: 2.5rem; padding-top: .5rem; border-top: 1px solid #d0d7de; color: #57606a; font-size: .9rem; }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  .table-wrap { overflow: visible; }
  th, td { max-width: none; }
  table, figure, img, tr, .card, .headline { break-inside: avoid; page-break-inside: avoid; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  thead { display: table-header-group; }
  thead th, tbody tr:nth-child(even), .card { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
"""

_STYLE_HASH: Final[str] = base64.b64encode(hashlib.sha256(_CSS.encode("utf-8")).digest()).decode("ascii")

#: The page's Content-Security-Policy: nothing may load but the inline style block and data: images.
CONTENT_SECURITY_POLICY: Final[str] = (
    f"default-src 'none'; img-src data:; style-src 'sha256-{_STYLE_HASH}'; base-uri 'none'; form-action 'none'"
)

_NA_TEXT: Final[str] = "—"
# Suppression and rounding markers ("*", "<5%", ">95%", "-") keep a numeric column right-aligned.
_MARKER: Final = re.compile(r"^(?:[<>≤≥~]?\s*[\d.,]*\s*%?\s*\**|[-–—])$")


def render_html(report: Report) -> str:
    """The report as one self-contained HTML page (no script, no external request).

    Every text of the report is escaped. Numbers are formatted for reading: ints with thousands
    separators, rates (0..1 in a column whose name ends in ``rate`` or ``share``) as percentages with
    one decimal, other floats with up to 2 decimals; missing cells show an em dash; lists are joined
    with ``"; "``; marker strings such as ``"<5%"`` are shown as they are. The output depends only
    on the report, so the same report gives the same page.

    Parameters
    ----------
    report
        The document to render. Not modified.

    Returns
    -------
    str
        The HTML page.

    Examples
    --------
    >>> t = Table("Reply rate", pd.DataFrame({"term": ["Fall", "<b>"], "reply_rate": [0.5, "*"]}))
    >>> page = render_html(Report("Cohort", (Section("Replies", tables=(t,)),)))
    >>> page.startswith("<!DOCTYPE html>"), "<script" in page, "&lt;b&gt;" in page, "50.0%" in page
    (True, False, True, True)
    """
    if not isinstance(report, Report):
        msg = f"`report` must be a netinsight Report, got {type(report).__name__}."
        raise TypeError(msg)
    title = _text(report.title) or "Report"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        "<main>",
        "<header>",
        f"<h1>{_text(report.title)}</h1>",
    ]
    if report.subtitle:
        parts.append(f'<p class="subtitle">{_text(report.subtitle)}</p>')
    parts.append("</header>")
    if report.headline:
        cards = "".join(
            f'<div class="card"><p class="value">{_cell_text(value)}</p><p class="label">{_text(label)}</p></div>'
            for label, value in report.headline
        )
        parts.append(f'<section class="headline" aria-label="Key figures">{cards}</section>')
    if report.sections:
        parts.append(_contents(report.sections))
    parts.extend(_section(section, i) for i, section in enumerate(report.sections, start=1))
    if report.notes:
        notes = "".join(f"<li>{_text(note)}</li>" for note in report.notes)
        parts.append(f'<footer><h2 id="notes">Notes</h2><ul>{notes}</ul></footer>')
    parts.extend(["</main>", "</body>", "</html>", ""])
    return "\n".join(parts)


def write_html(report: Report, path: str | Path) -> Path:
    """Write `render_html` of the report to `path` (UTF-8); nothing else is created.

    Parameters
    ----------
    report
        The document to render.
    path
        The file to write (its folder must exist); replaced if present.

    Returns
    -------
    pathlib.Path
        `path`.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     out = write_html(Report("Empty", ()), Path(folder) / "r.html")
    ...     out.name, out.read_text(encoding="utf-8").count("<h1>")
    ('r.html', 1)
    """
    out = Path(path)
    out.write_text(render_html(report), encoding="utf-8", newline="\n")
    return out


def _text(value: object) -> str:
    """Report text made safe for HTML: unsafe control characters dropped, then escaped."""
    return html.escape(_clean_text(value), quote=True)


def _contents(sections: tuple[Section, ...]) -> str:
    items = []
    for i, section in enumerate(sections, start=1):
        inner = [
            f'<li><a href="#section-{i}-table-{j}">{_text(table.title)}</a></li>'
            for j, table in enumerate(section.tables, start=1)
        ] + [
            f'<li><a href="#section-{i}-figure-{k}">{_text(figure.title)}</a></li>'
            for k, figure in enumerate(section.figures, start=1)
        ]
        sub = f"<ul>{''.join(inner)}</ul>" if inner else ""
        items.append(f'<li><a href="#section-{i}">{_text(section.heading)}</a>{sub}</li>')
    return f'<nav aria-label="Contents"><h2>Contents</h2><ol>{"".join(items)}</ol></nav>'


def _section(section: Section, i: int) -> str:
    parts = [f'<section id="section-{i}">', f"<h2>{_text(section.heading)}</h2>"]
    parts.extend(f"<p>{_text(paragraph)}</p>" for paragraph in section.paragraphs)
    parts.extend(_table(table, f"section-{i}-table-{j}") for j, table in enumerate(section.tables, start=1))
    parts.extend(_figure(figure, f"section-{i}-figure-{k}") for k, figure in enumerate(section.figures, start=1))
    parts.append("</section>")
    return "\n".join(parts)


def _figure(figure: Figure, anchor: str) -> str:
    data = base64.b64encode(bytes(figure.png)).decode("ascii")
    caption = f'<bdi class="figure-title">{_text(figure.title)}</bdi>'
    if figure.caption:
        caption += f" <bdi>{_text(figure.caption)}</bdi>"
    return (
        f'<figure id="{anchor}"><img src="data:image/png;base64,{data}" alt="{_text(figure.alt)}">'
        f"<figcaption>{caption}</figcaption></figure>"
    )


def _table(table: Table, anchor: str) -> str:
    parts = [f'<div class="table-block" id="{anchor}">', f"<h3>{_text(table.title)}</h3>"]
    frame = table.frame
    index = _shown_index(frame)
    if len(frame) == 0:
        parts.append('<p class="empty">No rows.</p>')
    elif frame.shape[1] == 0 and not index:
        parts.append('<p class="empty">No columns.</p>')
    else:
        parts.append(f'<div class="table-wrap"><table>{_table_body(frame, index=index)}</table></div>')
    if table.caption:
        parts.append(f'<p class="caption">{_text(table.caption)}</p>')
    parts.append("</div>")
    return "\n".join(parts)


def _table_body(frame: pd.DataFrame, *, index: bool) -> str:
    """``<thead>`` and ``<tbody>`` of a non-empty frame, built column by column."""
    heads: list[str] = []
    cells: list[np.ndarray[Any, np.dtype[np.object_]]] = []
    if index:
        for level, name in enumerate(frame.index.names):
            values = pd.Series(frame.index.get_level_values(level), dtype=object)
            numeric = _numeric(values)
            heads.append(_th(name, numeric))
            cells.append(_column_cells(values, rate=False, tag='th scope="row"', numeric=numeric))
    for j, name in enumerate(frame.columns):
        values = frame.iloc[:, j]
        numeric = _numeric(values)
        heads.append(_th(name, numeric))
        cells.append(_column_cells(values, rate=_is_rate_column(name, values), tag="td", numeric=numeric))
    rows = "<tr>" + reduce(add, cells) + "</tr>"
    body = "\n".join(rows.tolist())
    return f"<thead><tr>{''.join(heads)}</tr></thead>\n<tbody>\n{body}\n</tbody>"


def _th(name: Hashable, numeric: bool) -> str:
    cls = ' class="num"' if numeric else ""
    return f'<th scope="col"{cls}>{_text(_column_label(name))}</th>'


def _column_cells(
    values: pd.Series[Any], *, rate: bool, tag: str, numeric: bool
) -> np.ndarray[Any, np.dtype[np.object_]]:
    """One ``<td>``/``<th>`` per value, as an object array (added column-wise into rows)."""
    text = values.astype(object).map(lambda v: _cell_text(v, rate=rate)).to_numpy(dtype=object)
    name = tag.split(" ", 1)[0]
    open_tag = f'<{tag} class="num">' if numeric else f"<{tag}>"
    return np.asarray(open_tag + text + f"</{name}>", dtype=object)


def _numeric(values: pd.Series[Any]) -> bool:
    """True when every present value is a number or a marker string (so the column aligns right)."""
    dtype = values.dtype
    if pd.api.types.is_bool_dtype(dtype):
        return False
    if pd.api.types.is_numeric_dtype(dtype):
        return True
    if dtype.kind != "O":  # object and text columns may hold numbers and markers
        return False
    seen_number = False
    for value in values.dropna().tolist():
        if _is_number(value):
            seen_number = True
        elif not (isinstance(value, str) and len(value) <= 12 and _MARKER.match(value.strip())):
            return False
    return seen_number


def _cell_text(value: object, *, rate: bool = False) -> str:
    """One cell, formatted and escaped."""
    return _text(_format_value(_plain(value), rate=rate))


def _format_value(value: Any, *, rate: bool) -> str:
    if value is None:
        return _NA_TEXT
    if isinstance(value, str):
        return value
    if isinstance(value, bool | np.bool_):
        return "yes" if value else "no"
    if _is_number(value):
        if rate and 0 <= value <= 1:
            return f"{float(value) * 100:.1f}%"
        if isinstance(value, int | np.integer):
            return f"{int(value):,}"
        number = float(value)
        if not math.isfinite(number):
            return str(number)
        text = f"{number:,.2f}".rstrip("0").rstrip(".")
        return "0" if text == "-0" else text
    if isinstance(value, np.datetime64):
        value = pd.Timestamp(value)
    if isinstance(value, dt.datetime):
        midnight = (value.hour, value.minute, value.second, value.microsecond) == (0, 0, 0, 0)
        return value.strftime("%Y-%m-%d" if midnight else "%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)
