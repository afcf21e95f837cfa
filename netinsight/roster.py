"""Cohort rosters: every student of a cohort with their groups, for participation rates.

`read_roster` reads the career office's list of students (one row per student: the id used
as ``owner`` in the logs, and program, class year, term ...) and validates it like a log:
every problem located by file and line, one `ValidationError` listing them. Students are
matched to log owners without regard to case or surrounding spaces. Limits: one row per
student, so a student's groups are fixed for the whole roster.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Final

import numpy as np
import pandas as pd

from netinsight.headers import map_headers, missing_columns
from netinsight.problems import ValidationError, concat_problems, make_problems, repeated_keys
from netinsight.readers import RawTable, frame_to_raw, read_table
from netinsight.schema import COLUMN_ALIASES, header_key
from netinsight.textclean import clean_text

__all__ = ["ROSTER_ALIASES", "read_roster"]

#: Header aliases of a roster, compared by `netinsight.schema.header_key`.
ROSTER_ALIASES: Final[dict[str, tuple[str, ...]]] = {
    "student": ("student", "owner", "student id", "student name", "id", "name", "email", "netid", "log owner"),
    "program": COLUMN_ALIASES["program"],
    "class_year": COLUMN_ALIASES["class_year"],
    "term": COLUMN_ALIASES["term"],
}

_HEADERS: Final[dict[str, str]] = {header_key(a): col for col, spellings in ROSTER_ALIASES.items() for a in spellings}


def read_roster(source: str | Path | pd.DataFrame, *, sheet: str | int | None = None) -> pd.DataFrame:
    """Read and validate a roster of students (CSV, Excel, JSON, Parquet or a DataFrame).

    Parameters
    ----------
    source
        A file or a DataFrame (not modified). Headers are recognised by `ROSTER_ALIASES`
        ("Student ID" = student, "Major" = program, "Graduation year" = class_year ...).
    sheet
        Excel only: the sheet name or 0-based position.

    Returns
    -------
    pandas.DataFrame
        ``student`` and the group columns found (``program``, ``class_year``, ``term``) as
        text, other columns as written, then ``source_file`` and ``source_line``.

    Raises
    ------
    ValidationError
        Listing every error with its line: no student column, an empty student, the same
        student twice.
    LogReadError
        When the file cannot be read at all.

    Examples
    --------
    >>> roster = read_roster(pd.DataFrame({"Student ID": ["S1", "S2"], "Major": ["History", "Biology"]}))
    >>> roster[["student", "program"]].values.tolist()
    [['S1', 'History'], ['S2', 'Biology']]
    >>> read_roster(pd.DataFrame({"Student ID": ["S1", "s1 "]}))
    Traceback (most recent call last):
    ...
    netinsight.problems.ValidationError: the roster has 1 error:
      <DataFrame>:2: Student ID: error: the same student as line 1; keep one of them [duplicate_student]
    """
    raw = frame_to_raw(source, "<DataFrame>") if isinstance(source, pd.DataFrame) else None
    if raw is None:
        raw = read_table(Path(str(source)), sheet=sheet, required=("student",))
    roster, problems = _roster_from_raw(raw)
    table = concat_problems(problems)
    if (table["severity"] == "error").any():
        raise ValidationError(table, what="the roster")
    roster.attrs["problems"] = table
    return roster


def _roster_from_raw(raw: RawTable) -> tuple[pd.DataFrame, list[pd.DataFrame]]:
    frame, file, lines = raw.frame, raw.file, raw.lines
    problems: list[pd.DataFrame] = list(raw.problems)
    headers = [str(h) for h in frame.columns]
    skip = {h for h in headers if h in ("source_file", "source_line")}
    mapping, extra = map_headers(
        headers, _HEADERS, skip=skip, file=file, header_line=raw.header_line, problems=problems
    )
    problems.extend(
        missing_columns(
            ["student"], mapping, headers, ROSTER_ALIASES, what="the roster", file=file, header_line=raw.header_line
        )
    )
    n = len(frame)
    out: dict[str, Any] = {}
    for col in ROSTER_ALIASES:
        if col in mapping:
            out[col] = clean_text(frame[mapping[col]])
    if "student" not in out:
        return pd.DataFrame(), problems
    student = out["student"]
    empty = student.isna().to_numpy()
    if empty.any():
        problems.append(
            make_problems(
                code="empty_value",
                file=file,
                line=lines[empty],
                column=mapping["student"],
                value="",
                message="no student on this row; fill it in or delete the row",
            )
        )
    problems.extend(
        repeated_keys(
            student.str.casefold(),
            student.to_numpy(dtype=object),
            np.asarray(lines),
            what="student",
            code="duplicate_student",
            file=file,
            column=mapping.get("student", "student"),  # no such column: no key repeats
        )
    )
    roster = pd.DataFrame(out)
    for header in extra:
        roster[header] = frame[header].to_numpy()
    roster["source_file"] = pd.Categorical([file] * n)
    roster["source_line"] = pd.array(np.asarray(lines), dtype="Int64")
    return roster, problems
