"""Validation of an interview log: every problem at once, located, with how to fix it.

`validate_log` joins the problems found while reading (``log.attrs["problems"]``) with
the checks that need the whole log: empty contacts, dates in the wrong order, future dates
and duplicate rows here, and the checks on who is who (self-introductions, introduction
cycles, unknown introducers, near-duplicate names) in `netinsight.identity_checks`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from netinsight.identity_checks import start_introduction_problems, start_name_problems
from netinsight.io import read_log
from netinsight.memo import bare
from netinsight.memory import large_work, release_after
from netinsight.personcodes import People, people_codes
from netinsight.problems import LogValidationError, concat_problems, make_problems
from netinsight.rowlocator import RowLocator
from netinsight.schema import DATE_COLUMNS, PROVENANCE_COLUMNS
from netinsight.sortcodes import sorted_order

__all__ = ["validate_log"]


@large_work()
def validate_log(
    log: pd.DataFrame | str | Path,
    *,
    strict: bool = True,
    today: str | pd.Timestamp | None = None,
) -> pd.DataFrame:
    """Check a log and report every problem: errors, warnings and notes.

    Parameters
    ----------
    log
        A log from `read_log` (not modified), or a path to read first.
    strict
        Raise `LogValidationError`, listing every error, when there is at least one.
        Warnings never raise.
    today
        The day after which dates count as "in the future" (default: today).

    Returns
    -------
    pandas.DataFrame
        One row per problem: ``file, line, column, value, code, severity, message``,
        sorted by file and line. Empty when nothing was found.

    Raises
    ------
    LogValidationError
        With `strict` and at least one error; its ``problems`` attribute holds the table.

    See Also
    --------
    read_log : reads a log and records what could not be read.
    netinsight.problems.PROBLEM_CODES : every code and its severity.

    Examples
    --------
    >>> import pandas as pd
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({
    ...     "date": ["2026-03-02", "2026-03-09", "2026-03-10"],
    ...     "contact": ["Ana Ruiz", "Ben Okafor", "Ben Okafor"],
    ...     "introduced_by": ["Ben Okafor", "Ana Ruiz", "Ben Okafor"]}))
    >>> problems = validate_log(log, strict=False, today="2026-06-01")
    >>> problems[["line", "code"]].values.tolist()
    [[1, 'introduction_cycle'], [2, 'introduction_cycle'], [3, 'self_introduction']]
    >>> validate_log(log, today="2026-06-01")
    Traceback (most recent call last):
    ...
    netinsight.problems.LogValidationError: the log has 3 errors:
    ...
    """
    if not isinstance(log, pd.DataFrame):
        log = read_log(log)
    read_problems = log.attrs.get("problems")
    found: list[pd.DataFrame] = [] if read_problems is None else [read_problems]
    missing = (
        set() if read_problems is None else set(read_problems.loc[read_problems["code"] == "missing_column", "column"])
    )
    if len(log):
        at = RowLocator(log)
        log = bare(log)  # the same columns without attrs: pandas deep-copies attrs at every column taken
        day = pd.Timestamp(today if today is not None else pd.Timestamp.now()).normalize()
        people = people_codes(log)  # every name keyed once, for all the checks on people
        # the NumPy work of the introduction checks and the hashing of the companies run on threads meanwhile
        introductions = start_introduction_problems(at, people)
        names = start_name_problems(log, at, people)
        if "contact" not in missing:
            found.extend(_empty_contacts(log, at))
        found.extend(_date_order(log, at))
        found.extend(_future_dates(log, at, day))
        found.extend(_duplicate_rows(log, at, people))
        found.extend(introductions())
        found.extend(names())
    problems = concat_problems(found)
    release_after(len(log))
    if strict and (problems["severity"] == "error").any():
        raise LogValidationError(problems)
    return problems


def _empty_contacts(log: pd.DataFrame, at: RowLocator) -> list[pd.DataFrame]:
    empty = log["contact"].isna().to_numpy()
    if not empty.any():
        return []
    return [
        make_problems(
            code="empty_contact",
            value=[""] * int(empty.sum()),
            message="no contact on this row; fill in who you spoke with, or delete the row",
            **at(empty, "contact"),
        )
    ]


def _days(dates: pd.Series[Any]) -> np.ndarray[Any, np.dtype[np.datetime64]]:
    """The day of each date (NaT stays NaT; NumPy floors like `Series.dt.normalize`).

    Examples
    --------
    >>> _days(pd.Series(pd.to_datetime(["1969-12-31 23:00", None]))).tolist()
    [datetime.date(1969, 12, 31), None]
    """
    days: np.ndarray[Any, np.dtype[np.datetime64]] = dates.to_numpy(dtype="datetime64[ns]").astype("datetime64[D]")
    return days


def _date_order(log: pd.DataFrame, at: RowLocator) -> list[pd.DataFrame]:
    day = _days(log["date"])
    outreach = _days(log["outreach_date"])
    out = []
    for col, code, earlier, message in (
        ("thank_you_date", "thank_you_before_interview", day, "the thank-you note is dated before the interview"),
        ("response_date", "response_before_outreach", outreach, "the reply is dated before the request"),
        ("outreach_date", "interview_before_outreach", day, "the interview is dated before the request for it"),
    ):
        later = outreach if col == "outreach_date" else _days(log[col])
        wrong = later < earlier if code != "interview_before_outreach" else day < later  # NaT compares False
        if wrong.any():
            out.append(
                make_problems(
                    code=code,
                    value=_day_text(log[col], wrong),
                    message=f"{message}; check both dates",
                    **at(wrong, col),
                )
            )
    follow = pa.chunked_array(log["follow_up_date"].array._pa_array).combine_chunks()  # type: ignore[attr-defined]
    rows = pc.list_parent_indices(follow).to_numpy().astype(np.int64)
    if len(rows):
        dates = pc.list_flatten(follow).to_numpy(zero_copy_only=False).astype("datetime64[ns]")
        before = dates.astype("datetime64[D]") < day[rows]
        if before.any():
            out.append(
                make_problems(
                    code="follow_up_before_interview",
                    value=pd.Series(dates[before]).dt.strftime("%Y-%m-%d").to_numpy(dtype=object),
                    message="this follow-up is dated before the interview; check both dates",
                    **at(rows[before], "follow_up_date"),
                )
            )
    return out


def _day_text(dates: pd.Series[Any], rows: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """The picked dates as ``YYYY-MM-DD`` text (only those are formatted)."""
    text: np.ndarray[Any, Any] = dates[rows].dt.strftime("%Y-%m-%d").to_numpy(dtype=object)
    return text


def _future_dates(log: pd.DataFrame, at: RowLocator, today: pd.Timestamp) -> list[pd.DataFrame]:
    parts = []
    tomorrow = (today + pd.Timedelta(days=1)).to_datetime64()
    for col in DATE_COLUMNS:
        future = log[col].to_numpy(dtype="datetime64[ns]") >= tomorrow  # NaT compares False
        if future.any():
            parts.append(
                make_problems(
                    code="future_date",
                    value=_day_text(log[col], future),
                    message=f"this date is after today ({today:%Y-%m-%d}); check it, or plan it elsewhere",
                    **at(future, col),
                )
            )
    return parts


def _duplicate_rows(log: pd.DataFrame, at: RowLocator, people: People) -> list[pd.DataFrame]:
    columns = [c for c in log.columns if c not in PROVENANCE_COLUMNS]
    # rows repeated exactly repeat their owner, contact as written and date: only those are compared in full
    who = people.owner * (len(people.written.values) + 1) + people.written.codes
    when, days = pd.factorize(log["date"].to_numpy(dtype="datetime64[ns]").view(np.int64))
    if len(who) and int(who.max()) + 1 < 2**62 // (len(days) + 1):  # one integer per (owner, contact, date)
        rows = _repeated(who * (len(days) + 1) + when)
    else:
        rows = np.flatnonzero(pd.DataFrame({"who": who, "when": when}).duplicated(keep=False).to_numpy())
    rows = _narrowed(log, rows, columns)
    if not len(rows):
        return []
    keys = pd.DataFrame({c: _hashable(log[c].iloc[rows]) for c in columns})
    repeated = keys.duplicated(keep="first").to_numpy()
    if not repeated.any():
        return []
    first_of = keys.groupby(columns, dropna=False, sort=False).ngroup().to_numpy()
    first_line = pd.Series(at.row_line[rows]).groupby(first_of).transform("first").to_numpy()
    return [
        make_problems(
            code="duplicate_row",
            value=[f"same as line {n}" for n in first_line[repeated]],
            message="this row repeats an earlier one exactly; delete it unless you really met twice that day",
            **at(rows[repeated], ""),
        )
    ]


def _narrowed(log: pd.DataFrame, rows: np.ndarray[Any, Any], columns: list[str]) -> np.ndarray[Any, Any]:
    """The rows still repeated when compared column by column: cheap columns first, text (a slow take) last.

    A row whose values so far are unique among `rows` repeats no other row and is dropped;
    values are compared as `DataFrame.duplicated` compares them (missing values equal).
    """
    group = np.zeros(len(rows), dtype=np.int64)
    for column in sorted(columns, key=lambda c: isinstance(log[c].dtype, (pd.StringDtype, pd.ArrowDtype))):
        if not len(rows):
            break
        code = pd.factorize(_hashable(log[column].iloc[rows]))[0] + 1  # missing values: one code, 0
        group = pd.factorize(group * (int(code.max()) + 1) + code)[0]
        again = np.bincount(group)[group] > 1
        rows, group = rows[again], group[again]
    return rows


def _repeated(values: np.ndarray[Any, Any]) -> np.ndarray[Any, np.dtype[np.intp]]:
    """Positions of the values that occur more than once, ascending (one sort, no hash table)."""
    if len(values) < 2:
        return np.zeros(0, dtype=np.intp)
    ordered, order = sorted_order(values)
    same = ordered[1:] == ordered[:-1]
    again = np.zeros(len(values), dtype=bool)
    again[order[np.r_[same, False] | np.r_[False, same]]] = True
    return np.flatnonzero(again)


def _hashable(values: pd.Series[Any]) -> pd.Series[Any]:
    if isinstance(values.dtype, pd.ArrowDtype) and pa.types.is_list(values.dtype.pyarrow_dtype):
        array = pa.chunked_array(values.array._pa_array).combine_chunks()  # type: ignore[attr-defined]
        as_text = array.cast(pa.list_(pa.string()))
        return pd.Series(pc.binary_join(as_text, "|").to_pandas().array, index=values.index)
    return values
