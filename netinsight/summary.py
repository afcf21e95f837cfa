"""Log summaries: the headline counts of a log, and tallies of one column.

Both return tidy DataFrames; printing them is the caller's business.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from netinsight.names import id_key, name_key

__all__ = ["summarize_log", "tally"]


def summarize_log(log: pd.DataFrame, *, by: str | Sequence[str] | None = None) -> pd.DataFrame:
    """Headline counts: owners, interviews, contacts, companies, industries, date range.

    Contacts are distinct people per owner (by ``contact_id``, else by name key), so one
    professional met by two students counts twice unless an id links them; companies are
    compared without case; industries are normalised sectors.

    Parameters
    ----------
    log
        A log from `read_log`. Not modified.
    by
        Column(s) to group by (e.g. ``"owner"``, ``"program"``); None for one row.

    Returns
    -------
    pandas.DataFrame
        One row per group: ``owners, interviews, contacts, companies, industries,
        first_date, last_date``.

    Examples
    --------
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({
    ...     "date": ["2026-01-05", "2026-02-10", "2026-02-11"],
    ...     "contact": ["Ana Ruiz", "dr. ana ruiz", "Ben Okafor"],
    ...     "company": ["Acme", "ACME", "Bluefin"], "industry": ["Tech", "Software", "Banking"]}))
    >>> summarize_log(log).iloc[0].to_dict()  # doctest: +NORMALIZE_WHITESPACE
    {'owners': 1, 'interviews': 3, 'contacts': 2, 'companies': 2, 'industries': 2,
     'first_date': Timestamp('2026-01-05 00:00:00'), 'last_date': Timestamp('2026-02-11 00:00:00')}
    """
    keys = [by] if isinstance(by, str) else list(by or [])
    missing = [k for k in keys if k not in log.columns]
    if missing:
        msg = f"`by` column(s) {missing} not in log. Columns in log: {list(log.columns)}"
        raise KeyError(msg)
    person = id_key(log["contact_id"]).fillna("name:" + name_key(log["contact"]))
    frame = pd.DataFrame(
        {
            "owner": log["owner"].astype(str),
            "person": log["owner"].astype(str) + "\x1f" + person,
            "company": log["company"].str.casefold(),
            "industry": log["sector"].astype(object),
            "date": log["date"],
        },
        index=log.index,
    )
    for k in keys:
        frame["_by_" + k] = log[k]
    groups = [frame["_by_" + k] for k in keys]
    grouped = frame.groupby(groups, observed=True, sort=True, dropna=False) if keys else frame.groupby(lambda _: 0)
    out = grouped.agg(
        owners=("owner", "nunique"),
        interviews=("date", "size"),
        contacts=("person", "nunique"),
        companies=("company", "nunique"),
        industries=("industry", "nunique"),
        first_date=("date", "min"),
        last_date=("date", "max"),
    )
    if not keys:
        if not len(out):
            out = pd.DataFrame(
                [
                    {
                        "owners": 0,
                        "interviews": 0,
                        "contacts": 0,
                        "companies": 0,
                        "industries": 0,
                        "first_date": pd.NaT,
                        "last_date": pd.NaT,
                    }
                ]
            )
        return out.reset_index(drop=True)
    out.index.names = keys
    return out.reset_index()


def tally(log: pd.DataFrame, column: str, *, freq: str | None = None) -> pd.DataFrame:
    """Count interviews per value of one column (lists are counted per item), with shares.

    Parameters
    ----------
    log
        A log from `read_log`. Not modified.
    column
        Any column; list columns (``outcome``) count each item.
    freq
        For a date column, a pandas period frequency to count per period instead
        (``"M"`` months, ``"W"`` weeks); empty periods in between are shown as 0.

    Returns
    -------
    pandas.DataFrame
        ``column, interviews, share`` (share of all interviews, 0-1), most frequent
        first (periods in time order); missing values counted as ``"(none)"``.

    Examples
    --------
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({"date": ["2026-01-05", "2026-03-02", "2026-03-09"],
    ...                              "contact": ["A", "B", "C"], "channel": ["Zoom", "coffee", "Teams"]}))
    >>> tally(log, "channel").values.tolist()
    [['video', 2, 0.667], ['in_person', 1, 0.333]]
    >>> tally(log, "date", freq="M")["interviews"].tolist()
    [1, 0, 2]
    """
    if column not in log.columns:
        msg = f"column {column!r} not in log. Columns in log: {list(log.columns)}"
        raise KeyError(msg)
    values: pd.Series[Any] = log[column]
    total = len(log)
    if freq is not None:
        if not pd.api.types.is_datetime64_any_dtype(values):
            msg = f"`freq` needs a date column; {column!r} holds {values.dtype}."
            raise TypeError(msg)
        periods = values.dropna().dt.to_period(freq)
        counts = periods.value_counts().sort_index()
        if len(counts):
            full = pd.period_range(counts.index.min(), counts.index.max(), freq=counts.index.freq)
            counts = counts.reindex(full, fill_value=0)
        out = pd.DataFrame({column: counts.index.astype(str), "interviews": counts.to_numpy()})
    else:
        if isinstance(values.dtype, pd.ArrowDtype) and hasattr(values, "list"):
            values = values.explode()
        counts = values.astype(object).fillna("(none)").value_counts(sort=False)
        out = pd.DataFrame({column: counts.index.astype(str), "interviews": counts.to_numpy()})
        out = out.sort_values(["interviews", column], ascending=[False, True], kind="stable")
    out["share"] = (out["interviews"] / total).round(3) if total else float("nan")
    return out.reset_index(drop=True)
