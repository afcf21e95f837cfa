"""Log summaries: the headline counts of a log, and tallies of one column.

Both return tidy DataFrames; printing them is the caller's business.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from netinsight.grouparrays import IntArray, distinct_per_group, group_codes, group_extremes, keyed_table
from netinsight.memo import bare
from netinsight.memory import large_work
from netinsight.names import id_key, name_key

__all__ = ["summarize_log", "tally"]


@large_work()
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
    log = bare(log)  # without attrs, which pandas would deep-copy into every intermediate result
    keys = [by] if isinstance(by, str) else list(by or [])
    missing = [k for k in keys if k not in log.columns]
    if missing:
        msg = f"`by` column(s) {missing} not in log. Columns in log: {list(log.columns)}"
        raise KeyError(msg)
    frame = pd.DataFrame({k: log[k] for k in keys}, index=log.index)
    group, key_table = group_codes(frame)
    if not keys and not len(key_table):  # an empty log still gives its one row of zeros
        key_table = pd.DataFrame(index=range(1))
    n = len(key_table)
    owner = pd.factorize(log["owner"].astype(str))[0]
    person = _person_codes(log)
    width = int(person.max()) + 1 if len(person) else 1
    person = np.where((owner >= 0) & (person >= 0), owner.astype(np.int64) * width + person, -1)
    first, last = group_extremes(group, log["date"].to_numpy(), n)
    if not len(log) and not keys:
        first, last = first.astype("datetime64[s]"), last.astype("datetime64[s]")  # as pandas infers for NaT alone
    return keyed_table(
        key_table,
        {
            "owners": distinct_per_group(group, owner.astype(np.int64), n)[0],
            "interviews": np.bincount(group, minlength=n).astype(np.int64),
            "contacts": distinct_per_group(group, person, n)[0],
            "companies": distinct_per_group(group, _distinct_codes(log["company"], _casefold), n)[0],
            "industries": distinct_per_group(group, pd.factorize(log["sector"])[0].astype(np.int64), n)[0],
            "first_date": first,
            "last_date": last,
        },
    )


def _casefold(values: pd.Series[Any]) -> pd.Series[Any]:
    return values.str.casefold()


def _distinct_codes(values: pd.Series[Any], key: Callable[[pd.Series[Any]], pd.Series[Any]]) -> IntArray:
    """Codes of `key` of each value (-1 where it is missing), `key` worked out once per distinct value."""
    codes, uniques = pd.factorize(values)
    if not len(uniques):
        return np.full(len(values), -1, dtype=np.int64)
    keyed = pd.factorize(key(pd.Series(uniques, dtype="str")))[0]
    return np.where(codes < 0, -1, keyed[codes]).astype(np.int64)


def _person_codes(log: pd.DataFrame) -> IntArray:
    """Each row's person, by ``contact_id`` key, else ``"name:"`` and the name key, as codes (-1 when neither)."""
    id_codes, ids = pd.factorize(log["contact_id"])
    name_codes, names = pd.factorize(log["contact"])
    id_keys = id_key(pd.Series(ids, dtype="str")).to_numpy(dtype=object)
    name_keys = ("name:" + name_key(pd.Series(names, dtype="str"))).to_numpy(dtype=object)
    label = pd.factorize(np.concatenate([id_keys, name_keys]))[0]  # one code per distinct person text
    by_id = np.where(id_codes < 0, -1, label[: len(ids)][id_codes] if len(ids) else id_codes)
    by_name = np.where(name_codes < 0, -1, label[len(ids) :][name_codes] if len(names) else name_codes)
    return np.where(by_id >= 0, by_id, by_name).astype(np.int64)


@large_work()
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
