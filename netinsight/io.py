"""Reading and writing interview logs: `read_log` and `write_log`.

`read_log` takes a file (.csv/.tsv/.txt, .xlsx/.xlsm, .json, .jsonl, .parquet), a folder of
such files (one per student) or a DataFrame, and returns the typed, normalised log. It never
fails on a bad value: the value is left missing, the row is kept, and the problem is
recorded in ``log.attrs["problems"]`` for `netinsight.validate_log`. It fails only when a
source cannot be read at all (`LogReadError`).
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from netinsight.industries import sector_table
from netinsight.memory import large_work, release_after
from netinsight.normalize import coded_headers, empty_log, list_column, normalize_table
from netinsight.problems import LogReadError, concat_problems, make_problems
from netinsight.readers import SUFFIXES, RawTable, frame_to_raw, read_table
from netinsight.schema import CANONICAL_COLUMNS, DATE_COLUMNS, LIST_COLUMNS, PROVENANCE_COLUMNS

__all__ = ["read_log", "write_log"]

#: The owner of a personal log that has no ``owner`` column.
DEFAULT_OWNER = "me"


@large_work()
def read_log(
    source: str | Path | pd.DataFrame,
    *,
    owner: str | None = None,
    sheet: str | int | None = None,
    dayfirst: bool | None = None,
    sectors: Mapping[str, Sequence[str]] | None = None,
    builtin_sectors: bool = True,
    progress: Callable[[int, int, str], None] | None = None,
) -> pd.DataFrame:
    """Read an interview log into a typed, normalised DataFrame (one row per interview).

    Parameters
    ----------
    source
        A file, a folder of files (one per student; each file's owner comes from its
        ``owner`` column, else from the file name), or a DataFrame (not modified).
    owner
        The owner of rows that name none (default: the file name for files in a folder,
        else ``"me"``).
    sheet
        Excel only: the sheet name or 0-based position (default: the first sheet).
    dayfirst
        How to read numeric dates such as ``03/04/2026``: True day-first, False
        month-first; None (default) reports those that could be either.
    sectors
        Extra industry aliases, sector -> spellings (e.g. ``{"Climate": ["climate tech"]}``).
    builtin_sectors
        Use the built-in `netinsight.SECTOR_ALIASES` (set False to use only `sectors`).
    progress
        Called as ``progress(done, total, file)`` after each file of a folder is read (the
        command line uses it to show progress); the library itself prints nothing.

    Returns
    -------
    pandas.DataFrame
        The canonical columns of `netinsight.schema.CANONICAL_COLUMNS` (typed), then the
        file's unknown columns untouched, then ``source_file`` and ``source_line``.
        ``attrs["problems"]`` holds what could not be read; ``attrs["headers"]`` maps each
        file to {canonical column: its header as written}, so messages use the user's words.

    Raises
    ------
    LogReadError
        When the source cannot be read at all (missing, wrong type, corrupt, empty).

    See Also
    --------
    validate_log : every problem of a log, or an error listing them.
    write_log : the inverse, for CSV, Excel, JSON and Parquet.

    Examples
    --------
    >>> import pandas as pd
    >>> log = read_log(pd.DataFrame({"Date of interview": ["14 Mar 2026"], "Name": [" Ana  Ruiz "],
    ...                              "Industry": ["Tech"], "Introduced By": [""]}))
    >>> log[["owner", "date", "contact", "industry", "sector"]].to_dict("records")
    [{'owner': 'me', 'date': Timestamp('2026-03-14 00:00:00'), 'contact': 'Ana Ruiz',
      'industry': 'Tech', 'sector': 'Technology'}]
    """
    table = sector_table(sectors, replace=not builtin_sectors)
    if isinstance(source, pd.DataFrame):
        raws: list[RawTable] = [frame_to_raw(source, "<DataFrame>")]
        owners = [owner or DEFAULT_OWNER]
        problems: list[pd.DataFrame] = []
    else:
        path = Path(source)
        if path.is_dir():
            raws, owners, problems = _read_folder(path, owner, sheet, progress)
        else:
            raws, owners, problems = [read_table(path, sheet=sheet, encode=coded_headers)], [owner or DEFAULT_OWNER], []
    parts: list[pd.DataFrame] = []
    for raw, default_owner in zip(raws, owners, strict=True):
        part, found = normalize_table(raw, owner=default_owner, dayfirst=dayfirst, sectors=table)
        parts.append(part)
        problems.extend(found)
    log = _concat_logs(parts)
    if isinstance(source, pd.DataFrame):  # a log read before keeps what was found then
        problems.insert(0, source.attrs.get("problems", concat_problems([])))
        parts[0].attrs["headers"] = {**source.attrs.get("headers", {}), **parts[0].attrs.get("headers", {})}
    log.attrs["headers"] = {f: m for part in parts for f, m in part.attrs.get("headers", {}).items()}
    log.attrs["problems"] = concat_problems(problems)
    release_after(len(log))  # what the parse freed goes back to the system, not under the next step's peak
    return log


def _read_folder(
    folder: Path, owner: str | None, sheet: str | int | None, progress: Callable[[int, int, str], None] | None
) -> tuple[list[RawTable], list[str], list[pd.DataFrame]]:
    suffixes = {s for group in SUFFIXES.values() for s in group}
    files = sorted(
        p
        for p in folder.rglob("*")
        if p.is_file() and p.suffix.lower() in suffixes and not p.name.startswith((".", "~$"))
    )
    if not files:
        msg = f"{folder}: no log files in this folder (looked for {sorted(suffixes)})."
        raise LogReadError(msg)
    raws: list[RawTable] = []
    owners: list[str] = []
    problems: list[pd.DataFrame] = []
    for done, path in enumerate(files, start=1):
        name = str(path)
        if progress is not None:
            progress(done, len(files), name)
        try:
            raws.append(read_table(path, sheet=sheet, display_name=name, encode=coded_headers))
        except LogReadError as exc:
            problems.append(
                make_problems(
                    code="unreadable_file", file=name, value=path.name, message=str(exc).removeprefix(f"{name}: ")
                )
            )
            continue
        owners.append(owner or path.stem)
    if not raws:
        msg = f"{folder}: none of the {len(files)} files could be read; first: " + str(problems[0]["message"].iloc[0])
        raise LogReadError(msg)
    return raws, owners, problems


def _concat_logs(parts: list[pd.DataFrame]) -> pd.DataFrame:
    if len(parts) == 1:
        return parts[0]
    if not parts:
        return empty_log()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)  # all-NA columns in some parts
        log = pd.concat(parts, ignore_index=True, sort=False)
    for col in ("owner", "sector", "source", "channel", "source_file"):
        log[col] = log[col].astype("category")
    extra = [c for c in log.columns if c not in CANONICAL_COLUMNS and c not in PROVENANCE_COLUMNS]
    return log[[*CANONICAL_COLUMNS, *extra, *PROVENANCE_COLUMNS]]


@large_work()
def write_log(log: pd.DataFrame, path: str | Path) -> Path:
    """Write a log as a spreadsheet a person can edit; `read_log` reads it back unchanged.

    Dates are written as ISO ``YYYY-MM-DD`` (with the time where there is one), lists
    as values joined by ``"; "``, yes/no as ``yes`` / ``no``. The derived ``sector`` and
    the provenance columns are left out; unknown columns are written as they are. In
    Excel every text cell is stored as text, so nothing can turn into a formula.

    Parameters
    ----------
    log
        A log from `read_log`. Not modified.
    path
        The file to write; its ending (.csv, .tsv, .xlsx, .json, .jsonl, .parquet)
        chooses the format.

    Returns
    -------
    pathlib.Path
        The path written.

    Examples
    --------
    >>> import tempfile, pathlib, pandas as pd
    >>> log = read_log(pd.DataFrame({"date": ["2026-03-14"], "contact": ["Ana Ruiz"],
    ...                              "outcome": ["referral, job lead"]}))
    >>> p = write_log(log, pathlib.Path(tempfile.mkdtemp()) / "log.csv")
    >>> print(p.read_text().splitlines()[1][:40])
    me,2026-03-14,Ana Ruiz,,,,,,,,,,,,referr
    """
    path = Path(path)
    suffix = path.suffix.lower()
    table = _spreadsheet_table(log)
    if suffix in (".csv", ".txt"):
        table.to_csv(path, index=False, lineterminator="\n")
    elif suffix == ".tsv":
        table.to_csv(path, index=False, sep="\t", lineterminator="\n")
    elif suffix in SUFFIXES["excel"]:
        _write_excel(table, path)
    elif suffix in SUFFIXES["json"]:
        table.to_json(path, orient="records", force_ascii=False, indent=1)
    elif suffix in SUFFIXES["jsonl"]:
        table.to_json(path, orient="records", lines=True, force_ascii=False)
    elif suffix in SUFFIXES["parquet"]:
        table.to_parquet(path, index=False)
    else:
        msg = f"cannot write {path}: use one of the endings .csv, .tsv, .xlsx, .json, .jsonl, .parquet."
        raise ValueError(msg)
    return path


def _spreadsheet_table(log: pd.DataFrame) -> pd.DataFrame:
    """The log as text cells, the way a person writes them."""
    out: dict[str, pd.Series[Any]] = {}
    for col in log.columns:
        if col == "sector" or col in PROVENANCE_COLUMNS:
            continue
        values = log[col]
        if col in DATE_COLUMNS:
            out[col] = _date_text(values)
        elif col in LIST_COLUMNS and isinstance(values.dtype, pd.ArrowDtype):
            array = pa.chunked_array(values.array._pa_array).combine_chunks()  # type: ignore[attr-defined]
            if col == "follow_up_date":
                rows = pc.list_parent_indices(array).to_numpy()
                flat = pd.Series(pc.list_flatten(array).to_numpy(zero_copy_only=False))
                texts = pa.array(_date_text(flat).to_numpy(dtype=object), pa.string())
                array = list_column(rows.astype(np.int64), texts, len(values)).array._pa_array.combine_chunks()
            joined = pc.binary_join(array, "; ")
            out[col] = pd.Series(joined.to_pandas(), index=log.index).fillna("")
        elif col == "questions_prepared":
            out[col] = values.map({True: "yes", False: "no"}).astype(object).where(values.notna(), "")
        elif col in ("duration_min", "class_year"):
            out[col] = values.map(lambda v: f"{v:g}", na_action="ignore").astype(object).fillna("")
        elif col in CANONICAL_COLUMNS:
            out[col] = values.astype(object).where(values.notna(), "")
        else:
            out[col] = values
    return pd.DataFrame(out, index=log.index)


def _date_text(values: pd.Series[Any]) -> pd.Series[Any]:
    stamps = pd.to_datetime(values)
    has_time = bool((stamps.dropna() != stamps.dropna().dt.normalize()).any())
    text = stamps.dt.strftime("%Y-%m-%d %H:%M:%S" if has_time else "%Y-%m-%d")
    return text.astype(object).where(stamps.notna(), "")


def _write_excel(table: pd.DataFrame, path: Path) -> None:
    from openpyxl import Workbook  # heavy: imported only when an Excel file is written
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    sheet = book.create_sheet("log")
    sheet.append([WriteOnlyCell(sheet, value=str(c)) for c in table.columns])
    for row in table.itertuples(index=False, name=None):
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=None if value == "" else _excel_value(value))
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text stays text: "=1+1" is not a formula
            cells.append(cell)
        sheet.append(cells)
    book.save(path)


def _excel_value(value: object) -> object:
    if isinstance(value, (datetime, np.datetime64)):
        return pd.Timestamp(value).to_pydatetime()
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    return str(value)
