"""A `Report` as an Excel workbook: an "About" sheet, then one sheet per table; no cell can be a formula.

Every text cell is written as a string, and text that a spreadsheet would run as a formula gets a
leading apostrophe (the rule of `netinsight.safety.neutralize_formulas`). The same report gives
the same bytes (zip entries and document times fixed at 1980-01-01, the zip epoch). Limits:
paragraphs and figures are not exported (the HTML report carries them); text past Excel's 32,767
characters is cut.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
import zipfile
from collections.abc import Hashable, Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any, Final

import numpy as np
import pandas as pd

from netinsight.document import Report, Table, _clean_text, _column_label, _is_number, _is_rate_column, _plain
from netinsight.document import _shown_index as _shows_index
from netinsight.safety import FORMULA_PREFIXES

__all__ = ["write_excel"]

_MAX_TEXT: Final[int] = 32_767
_MAX_SHEET_NAME: Final[int] = 31
_BAD_SHEET_CHARS: Final = re.compile(r"[\[\]:*?/\\]")
#: Names Excel will not accept for a new sheet (compared without case).
_RESERVED_SHEETS: Final[frozenset[str]] = frozenset({"history"})
#: The fixed time stamped on the zip entries and the document properties (the zip format's epoch).
_FIXED_TIME: Final[dt.datetime] = dt.datetime(1980, 1, 1)
_ZIP_TIME: Final[tuple[int, int, int, int, int, int]] = (1980, 1, 1, 0, 0, 0)
_WIDTH_BOUNDS: Final[tuple[int, int]] = (8, 60)
_PERCENT, _INTEGER, _DECIMAL = "0.0%", "#,##0", "#,##0.00"
_DATE, _DATETIME = "yyyy-mm-dd", "yyyy-mm-dd hh:mm"


def write_excel(report: Report, path: str | Path) -> Path:
    """Write the report's tables to an Excel workbook, one sheet per table after an "About" sheet.

    "About" holds the title, subtitle, key figures, the list of tables (sheet, title, section,
    rows, caption) and the notes. A table sheet has a bold, frozen header row (and the index as
    the first columns when it carries information), column widths set from the content. Sheet
    names come from `Table.sheet` or the title, made valid (31 characters, none of ``[]:*?/\\``,
    no leading formula character or apostrophe) and unique (``" (2)"`` appended).

    Cells: numbers stay numbers (ints ``#,##0``; rates 0..1 in a column whose name ends in
    ``rate`` or ``share`` as percentages; other floats 2 decimals), dates stay dates, missing
    values are empty, lists are joined with ``"; "``, marker strings (``"*"``, ``"<5%"``) are text.
    Every text is a string cell with control characters removed, and a leading apostrophe when it
    starts with ``= + - @``, a tab or a carriage return.

    Parameters
    ----------
    report
        The document to write. Not modified.
    path
        The ``.xlsx`` file to write (its folder must exist); replaced if present.

    Returns
    -------
    pathlib.Path
        `path`.

    Examples
    --------
    >>> import tempfile
    >>> from openpyxl import load_workbook
    >>> from netinsight.document import Section
    >>> t = Table("By term", pd.DataFrame({"term": ["Fall", "=1+1"], "reply_rate": [0.5, "*"]}))
    >>> report = Report("Cohort", (Section("Replies", tables=(t,)),))
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     wb = load_workbook(write_excel(report, Path(folder) / "r.xlsx"))
    >>> wb.sheetnames, [c.value for c in wb["By term"]["A"]], wb["By term"]["B2"].number_format
    (['About', 'By term'], ['term', 'Fall', "'=1+1"], '0.0%')
    """
    if not isinstance(report, Report):
        msg = f"`report` must be a netinsight Report, got {type(report).__name__}."
        raise TypeError(msg)
    from openpyxl import Workbook  # lazily: openpyxl is slow to import

    workbook = Workbook()
    about = workbook.active
    about.title = "About"
    tables = report.tables()
    used = {"about", *_RESERVED_SHEETS}
    names = [
        _sheet_name(t.sheet if t.sheet is not None else t.title, used, fallback=f"Table {i}")
        for i, t in enumerate(tables, start=1)
    ]
    _write_about(about, report, names)
    for table, name in zip(tables, names, strict=True):
        _write_table(workbook.create_sheet(name), table)
    properties = workbook.properties
    properties.creator = "netinsight"
    properties.title = _clean_text(report.title)[:255] or None
    properties.created = properties.modified = _FIXED_TIME  # not the time of writing: same report, same bytes
    out = Path(path)
    out.write_bytes(_workbook_bytes(workbook))
    return out


def _sheet_name(raw: object, used: set[str], *, fallback: str) -> str:
    """A valid sheet name not in `used` (compared without case); added to `used`."""
    name = " ".join(_BAD_SHEET_CHARS.sub(" ", _clean_text(raw)).split())
    name = _fit(name.lstrip("'=+-@ "), _MAX_SHEET_NAME) or fallback
    candidate, k = name, 2
    while candidate.casefold() in used:
        suffix = f" ({k})"
        candidate = _fit(name, _MAX_SHEET_NAME - len(suffix)) + suffix
        k += 1
    used.add(candidate.casefold())
    return candidate


def _fit(name: str, limit: int) -> str:
    """`name` cut to `limit` UTF-16 code units (Excel's count), without a trailing space or apostrophe."""
    units = 0
    for i, char in enumerate(name):
        units += 2 if ord(char) > 0xFFFF else 1
        if units > limit:
            name = name[:i]
            break
    return name.rstrip("' ")


def _text(value: object) -> str:
    """Text for a cell: control characters removed, cut to Excel's limit, formula start neutralised."""
    text = _clean_text(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text[: _MAX_TEXT - 1]
    return text[:_MAX_TEXT]


def _put(sheet: Any, row: int, column: int, raw: object, *, rate: bool = False, bold: bool = False) -> int:
    """Write one cell; return the length of its text (for column widths)."""
    cell = sheet.cell(row=row, column=column)
    if bold:
        from openpyxl.styles import Font

        cell.font = Font(bold=True)
    value: Any = _plain(raw)
    if value is None:
        return 0
    if isinstance(value, Decimal):
        value = float(value)
    if isinstance(value, bool | np.bool_):
        cell.value = bool(value)
        return 5
    if _is_number(value) and math.isfinite(value):
        percent = rate and 0 <= value <= 1
        if isinstance(value, int | np.integer):
            cell.value = int(value)
            cell.number_format = _PERCENT if percent else _INTEGER
            return len(f"{int(value):,}") + 1
        cell.value = float(value)
        cell.number_format = _PERCENT if percent else _DECIMAL
        return len(f"{float(value):,.2f}") + 1
    if isinstance(value, np.datetime64):
        value = pd.Timestamp(value)
    if isinstance(value, dt.datetime):
        stamp = pd.Timestamp(value).tz_localize(None).to_pydatetime(warn=False)
        cell.value = stamp
        midnight = stamp.time() == dt.time()
        cell.number_format = _DATE if midnight else _DATETIME
        return 10 if midnight else 16
    if isinstance(value, dt.date):
        cell.value = value
        cell.number_format = _DATE
        return 10
    text = _text(value)
    cell.value = text
    cell.data_type = "s"  # explicitly: never a formula, never an error code such as "#N/A"
    return max((len(line) for line in text.splitlines()), default=0)


def _write_table(sheet: Any, table: Table) -> None:
    frame = table.frame
    index = _shows_index(frame)
    columns: list[tuple[Hashable, pd.Series[Any], bool]] = []
    if index:
        for level, name in enumerate(frame.index.names):
            columns.append((name, pd.Series(frame.index.get_level_values(level), dtype=object), False))
    for j, name in enumerate(frame.columns):
        values = frame.iloc[:, j]
        columns.append((name, values, _is_rate_column(name, values)))
    widths = []
    for col, (name, values, rate) in enumerate(columns, start=1):
        width = _put(sheet, 1, col, _column_label(name), bold=True)
        for row, value in enumerate(values.astype(object).tolist(), start=2):
            width = max(width, _put(sheet, row, col, value, rate=rate))
        widths.append(width)
    _set_widths(sheet, widths)
    if columns:
        from openpyxl.utils import get_column_letter

        sheet.freeze_panes = f"{get_column_letter(frame.index.nlevels + 1 if index else 1)}2"


def _write_about(sheet: Any, report: Report, names: list[str]) -> None:
    from openpyxl.styles import Font

    widths = [0] * 5  # only rows of several cells count: a lone long text may spill into empty cells
    row = _row(sheet, 1, [report.title], widths)
    sheet.cell(row=1, column=1).font = Font(bold=True, size=14)
    if report.subtitle:
        row = _row(sheet, row, [report.subtitle], widths)
    if report.headline:
        row = _row(sheet, row + 1, ["Key figures"], widths, bold=True)
        for label, value in report.headline:
            row = _row(sheet, row, [label, value], widths)
    entries = [(section, table) for section in report.sections for table in section.tables]
    if entries:
        row = _row(sheet, row + 1, ["Tables"], widths, bold=True)
        row = _row(sheet, row, ["Sheet", "Title", "Section", "Rows", "Caption"], widths, bold=True)
        for name, (section, table) in zip(names, entries, strict=True):
            row = _row(sheet, row, [name, table.title, section.heading, len(table.frame), table.caption], widths)
    if report.notes:
        row = _row(sheet, row + 1, ["Notes"], widths, bold=True)
        for note in report.notes:
            row = _row(sheet, row, [note], widths)
    _set_widths(sheet, widths)


def _row(sheet: Any, row: int, values: list[object], widths: list[int], *, bold: bool = False) -> int:
    """Write `values` from column A of `row`; widen `widths` when there are several; return the next row."""
    for col, value in enumerate(values, start=1):
        width = _put(sheet, row, col, value, bold=bold)
        if len(values) > 1:
            widths[col - 1] = max(widths[col - 1], width)
    return row + 1


def _set_widths(sheet: Any, widths: Iterable[int]) -> None:
    from openpyxl.utils import get_column_letter

    low, high = _WIDTH_BOUNDS
    for col, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = min(max(width + 2, low), high)


def _workbook_bytes(workbook: Any) -> bytes:
    """The .xlsx bytes, with every zip entry stamped 1980-01-01 so equal workbooks give equal bytes."""
    from openpyxl.writer.excel import ExcelWriter

    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(workbook, archive).write_data()
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()
