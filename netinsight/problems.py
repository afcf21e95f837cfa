"""Data problems: the table every reader and validator reports into, and its error.

A problem has a file, a line, a column, the value found, a code, a severity and a
message that says how to fix it. Problems are collected as DataFrames (built column-wise,
so thousands cost no Python loop) and raised together as one `LogValidationError`. Where a log's
rows came from is `netinsight.rowlocator.RowLocator`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Final

import numpy as np
import pandas as pd

__all__ = [
    "PROBLEM_CODES",
    "PROBLEM_COLUMNS",
    "LogReadError",
    "LogValidationError",
    "ValidationError",
    "concat_problems",
    "format_problems",
    "make_problems",
    "repeated_keys",
]

#: Columns of a problems table, in order.
PROBLEM_COLUMNS: Final[tuple[str, ...]] = ("file", "line", "column", "value", "code", "severity", "message")

#: Every problem code with its severity and what it means.
PROBLEM_CODES: Final[dict[str, tuple[str, str]]] = {
    "unreadable_file": ("error", "the file cannot be read (wrong type, corrupt, undecodable or empty)"),
    "duplicate_column": ("error", "two headers stand for the same log column"),
    "too_many_fields": ("error", "a row has more fields than the header"),
    "missing_column": ("error", "a required column is missing"),
    "bad_date": ("error", "a date that cannot be read"),
    "ambiguous_date": ("error", "a date that reads both day-first and month-first"),
    "bad_number": ("error", "a number that cannot be read"),
    "bad_boolean": ("error", "a yes/no value that cannot be read"),
    "empty_contact": ("error", "a row without the person interviewed"),
    "thank_you_before_interview": ("error", "a thank-you note dated before the interview"),
    "follow_up_before_interview": ("error", "a follow-up dated before the interview"),
    "response_before_outreach": ("error", "a reply dated before the request"),
    "self_introduction": ("error", "a person introduced by themselves"),
    "introduction_cycle": ("error", "introductions that go round in a circle"),
    "empty_value": ("error", "a required value left empty (a target without employer or industry)"),
    "duplicate_target": ("error", "the same employer twice in a target list"),
    "duplicate_student": ("error", "the same student twice in a roster"),
    "near_duplicate_name": ("warning", "two names that are probably one person"),
    "name_variant": ("warning", "one person written in several ways"),
    "future_date": ("warning", "a date after today"),
    "duplicate_row": ("warning", "a row repeated exactly"),
    "unknown_introducer": ("warning", "an introducer never seen elsewhere in the log"),
    "unknown_value": ("warning", "a value outside the known vocabulary, kept as written"),
    "interview_before_outreach": ("warning", "an interview dated before the request for it"),
    "blank_rows": ("info", "blank rows that were skipped"),
}

_SEVERITY_ORDER: Final[dict[str, int]] = {"error": 0, "warning": 1, "info": 2}

#: The longest value text kept in a problem; longer ones are cut and end with "...".
_LONGEST: Final = 200


def make_problems(
    *,
    code: str,
    message: str | Sequence[str] | pd.Series[Any],
    file: str | Sequence[str] | pd.Series[Any],
    line: int | Sequence[int] | pd.Series[Any] | np.ndarray[Any, Any] | None = None,
    column: str | Sequence[str] | None = None,
    value: object = None,
) -> pd.DataFrame:
    """Build a problems table for one code; every argument may be a scalar or per-row.

    Parameters
    ----------
    code
        A key of `PROBLEM_CODES`; it sets the severity.
    message
        How to fix it, one sentence (or one per problem).
    file, line, column, value
        Where the problem is and what was found there. Scalars are broadcast.

    Returns
    -------
    pandas.DataFrame
        Columns `PROBLEM_COLUMNS`, one row per problem.

    Examples
    --------
    >>> p = make_problems(code="bad_date", file="log.csv", line=[3, 7], column="date",
    ...                   value=["soon", "32/1/2026"], message="write the date as YYYY-MM-DD")
    >>> p[["line", "value", "severity"]].to_dict("list")
    {'line': [3, 7], 'value': ['soon', '32/1/2026'], 'severity': ['error', 'error']}
    """
    if code not in PROBLEM_CODES:
        msg = f"`code` must be one of {sorted(PROBLEM_CODES)}, not {code!r}."
        raise ValueError(msg)
    severity = PROBLEM_CODES[code][0]
    sizes = [len(v) for v in (message, file, line, column, value) if _is_sequence(v)]  # type: ignore[arg-type]
    n = max(sizes) if sizes else 1
    frame = pd.DataFrame(
        {
            "file": _broadcast(file, n),
            "line": pd.array(_broadcast(line, n), dtype="Int64"),  # type: ignore[call-overload]
            "column": _broadcast(column, n),
            "value": _broadcast(value, n),
            "code": code,
            "severity": severity,
            "message": _broadcast(message, n),
        },
        index=pd.RangeIndex(n),
    )
    frame["value"] = _value_texts(frame["value"])
    frame["column"] = frame["column"].astype(object)
    return frame


def repeated_keys(
    key: pd.Series[Any], shown: np.ndarray[Any, Any], lines: np.ndarray[Any, Any], *, what: str, **where: Any
) -> list[pd.DataFrame]:
    """A problem on every row whose `key` an earlier row has (missing keys aside): "the same `what` as line N".

    Parameters
    ----------
    key
        The comparison key of each row (say, a casefolded name).
    shown
        The value shown for each row (as written).
    lines
        The line of each row.
    what
        What a row stands for, in the message ("student", "employer").
    **where
        ``code``, ``file`` and ``column`` of the problems (see `make_problems`).

    Returns
    -------
    list of pandas.DataFrame
        One table, or none when no key repeats.

    Examples
    --------
    >>> key = pd.Series(["ana", "bo", "ana", None, None])
    >>> [p["message"].tolist() for p in repeated_keys(key, key.to_numpy(), np.array([2, 3, 5, 6, 7]), what="student",
    ...                                              code="duplicate_student", file="roster.csv", column="Student")]
    [['the same student as line 2; keep one of them']]
    """
    later = (key.duplicated(keep="first") & key.notna()).to_numpy()
    if not later.any():
        return []
    first_line = pd.Series(lines).groupby(key.to_numpy()).transform("min").to_numpy()
    return [
        make_problems(
            line=lines[later],
            value=shown[later],
            message=[f"the same {what} as line {int(v)}; keep one of them" for v in first_line[later]],
            **where,
        )
    ]


def concat_problems(frames: Iterable[pd.DataFrame]) -> pd.DataFrame:
    """Join problem tables and sort them by file, line, severity and column.

    Parameters
    ----------
    frames
        Tables made by `make_problems` (possibly none).

    Returns
    -------
    pandas.DataFrame
        One table with columns `PROBLEM_COLUMNS` and a fresh index.

    Examples
    --------
    >>> concat_problems([]).columns.tolist()
    ['file', 'line', 'column', 'value', 'code', 'severity', 'message']
    """
    parts = [f for f in frames if len(f)]
    if not parts:
        empty = pd.DataFrame({c: pd.Series(dtype=object) for c in PROBLEM_COLUMNS})
        empty["line"] = empty["line"].astype("Int64")
        return empty
    out = pd.concat(parts, ignore_index=True)
    codes, severities = pd.factorize(out["severity"], use_na_sentinel=False)
    rank = np.array([_SEVERITY_ORDER.get(s, np.nan) for s in severities], dtype=float)[codes]  # per severity
    line = out["line"].fillna(0).to_numpy(dtype=np.int64)
    order = np.lexsort((_text_rank(out["code"]), rank, line, _text_rank(out["file"])))
    return out.iloc[order].reset_index(drop=True)


def _text_rank(values: pd.Series[Any]) -> np.ndarray[Any, np.dtype[np.intp]]:
    """The rank of each value's text (``astype(str)``) among the texts: sorting by it sorts by the text.

    Examples
    --------
    >>> _text_rank(pd.Series(["b", "a", "b", None])).tolist()
    [1, 0, 1, 2]
    """
    codes, uniques = pd.factorize(values, use_na_sentinel=False)  # each text made once
    texts = pd.Index(uniques).astype(str).to_numpy(dtype=str)
    rank: np.ndarray[Any, np.dtype[np.intp]] = np.unique(texts, return_inverse=True)[1]
    return rank[codes]


def format_problems(problems: pd.DataFrame) -> list[str]:
    """Render problems as ``file:line: column: message`` lines, the way compilers do.

    Parameters
    ----------
    problems
        A problems table.

    Returns
    -------
    list of str
        One line per problem.

    Examples
    --------
    >>> p = make_problems(code="empty_contact", file="log.csv", line=4, column="contact",
    ...                   value="", message="fill in who you spoke with")
    >>> format_problems(p)
    ['log.csv:4: contact: error: fill in who you spoke with [empty_contact]']
    """
    lines = []
    for file, line, column, severity, message, code in zip(
        problems["file"],
        problems["line"],
        problems["column"],
        problems["severity"],
        problems["message"],
        problems["code"],
        strict=True,
    ):
        where = str(file) if pd.isna(line) else f"{file}:{line}"
        label = f" {column}:" if isinstance(column, str) and column else ""
        lines.append(f"{where}:{label} {severity}: {message} [{code}]")
    return lines


class LogReadError(ValueError):
    """A file (or other source) that cannot be read as a log at all."""


class ValidationError(ValueError):
    """Input with errors; ``problems`` holds every problem found, ``str()`` lists the errors.

    Parameters
    ----------
    problems
        The full problems table (errors, warnings and notes).
    what
        What was checked, for the first line of the message ("the log", "the target list").
    """

    def __init__(self, problems: pd.DataFrame, *, what: str = "the input") -> None:
        self.problems = problems
        errors = problems[problems["severity"] == "error"]
        noun = "error" if len(errors) == 1 else "errors"
        msg = "\n".join([f"{what} has {len(errors)} {noun}:", *("  " + s for s in format_problems(errors))])
        super().__init__(msg)


class LogValidationError(ValidationError):
    """A log with errors (see `ValidationError`)."""

    def __init__(self, problems: pd.DataFrame) -> None:
        super().__init__(problems, what="the log")


def _is_sequence(value: object) -> bool:
    return isinstance(value, (list, tuple, pd.Series, np.ndarray, pd.Index, pd.api.extensions.ExtensionArray))


def _broadcast(value: object, n: int) -> list[object]:
    if _is_sequence(value):
        items: list[object] = list(value)  # type: ignore[call-overload]
        if len(items) != n:
            msg = f"problem fields must have one value per problem ({n}), got {len(items)}."
            raise ValueError(msg)
        return items
    return [value] * n


def _value_texts(values: pd.Series[Any]) -> pd.Series[Any]:
    """`_value_text` of each value (missing values kept), as objects; text only cut where it is too long."""
    if not isinstance(values.dtype, pd.StringDtype):
        return values.map(_value_text, na_action="ignore").astype(object)
    texts = values.astype(object)
    long = (values.str.len() > _LONGEST).to_numpy(dtype=bool, na_value=False)
    if long.any():
        texts[long] = texts[long].map(_value_text)
    return texts


def _value_text(value: object) -> str:
    text = str(value)
    return text if len(text) <= _LONGEST else text[: _LONGEST - 3] + "..."
