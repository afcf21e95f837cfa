"""Grouping helpers shared by the analyses: `by` keys, person keys, rates and period checks.

Every analysis that takes ``by=`` groups through `group_frame` (or its codes, `key_codes`,
`log_group_codes` and `log_group_labels`, worked out once per log with `netinsight.memo`),
counts people with `person_key` and divides with `rate`, so groups, people and rates mean
the same thing in every table. Limits: the derived periods are only ``"month"`` and
``"week"`` (Monday start), both taken from ``date``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

import numpy as np
import numpy.typing as npt
import pandas as pd

from netinsight.grouparrays import level_codes
from netinsight.groupcodes import labelled_codes, labelled_groups
from netinsight.memo import derived, freeze
from netinsight.people import person_codes
from netinsight.periods import period_codes, period_labels

__all__ = [
    "DERIVED_PERIODS",
    "by_keys",
    "check_period",
    "group_frame",
    "key_codes",
    "log_group_codes",
    "log_group_labels",
    "person_key",
    "rate",
]

IntArray = npt.NDArray[np.int64]

#: Periods `by` may name without the log having such a column, derived from ``date``.
DERIVED_PERIODS: Final[dict[str, str]] = {"month": "%Y-%m", "week": "week"}


def by_keys(by: str | Sequence[str] | None) -> list[str]:
    """The column names a `by` argument names: one, several or none.

    Parameters
    ----------
    by
        A column name, a sequence of them, or None.

    Returns
    -------
    list of str
        The names in order (empty for None).

    Examples
    --------
    >>> by_keys("owner"), by_keys(["owner", "month"]), by_keys(None)
    (['owner'], ['owner', 'month'], [])
    """
    return [by] if isinstance(by, str) else list(by or [])


def group_frame(log: pd.DataFrame, by: str | Sequence[str] | None) -> tuple[list[str], pd.DataFrame]:
    """The `by` keys and a frame of their values aligned with `log`.

    ``"month"`` (``2026-01``) and ``"week"`` (its Monday, ``2026-01-05``) are derived from
    ``date`` when the log has no such column.

    Parameters
    ----------
    log
        A log from `read_log`. Not modified.
    by
        Column(s) to group by: any log column, or ``"month"`` / ``"week"``.

    Returns
    -------
    keys : list of str
        The `by` column names (see `by_keys`).
    frame : pandas.DataFrame
        One column per key, index aligned with `log`.

    Raises
    ------
    KeyError
        When a `by` column is neither in the log nor derivable, naming the log's columns.

    Examples
    --------
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({"date": ["2026-01-07", "2026-02-12"], "contact": ["Ana", "Ben"]}))
    >>> keys, frame = group_frame(log, ["month", "week"])
    >>> keys, frame.values.tolist()
    (['month', 'week'], [['2026-01', '2026-01-05'], ['2026-02', '2026-02-09']])
    """
    keys = _checked_keys(log, by)
    columns = {k: log[k] if k in log.columns else period_labels(log["date"], k) for k in keys}
    return keys, pd.DataFrame(columns, index=log.index)


def _checked_keys(log: pd.DataFrame, by: str | Sequence[str] | None) -> list[str]:
    """The `by` keys, each a log column or a derived period (a clear KeyError otherwise)."""
    keys = by_keys(by)
    missing = [k for k in keys if k not in log.columns and k not in DERIVED_PERIODS]
    if missing:
        msg = (
            f"`by` column(s) {missing} not in log. Columns in log: {list(log.columns)}; "
            f"'month' and 'week' are derived from 'date'."
        )
        raise KeyError(msg)
    return keys


def key_codes(log: pd.DataFrame, key: str) -> tuple[IntArray, pd.Index[Any]]:
    """The `group_frame` column of `key` as sorted codes and values, worked out once per log (read-only).

    As ``pandas.factorize(group_frame(log, key)[1][key], sort=True, use_na_sentinel=False)``:
    a missing value is the last code. Months and weeks are coded from the dates without
    making their text per row (`netinsight.periods.period_codes`).

    Examples
    --------
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({"date": ["2026-02-07", "2026-01-11"], "contact": ["Ana", "Ben"]}))
    >>> codes, values = key_codes(log, "month")
    >>> codes.tolist(), values.tolist()
    ([1, 0], ['2026-01', '2026-02'])
    """
    (key,) = _checked_keys(log, key)
    return derived(log, f"key_codes:{key}", lambda frame: _key_codes(frame, key))


def _key_codes(log: pd.DataFrame, key: str) -> tuple[IntArray, pd.Index[Any]]:
    if key in log.columns:
        codes, uniques = pd.factorize(log[key], sort=True, use_na_sentinel=False)
    else:
        codes, uniques = period_codes(log["date"], key)
    codes = codes.astype(np.int64, copy=False)
    freeze(codes)
    return codes, uniques


def log_group_codes(log: pd.DataFrame, by: str | Sequence[str] | None) -> tuple[list[str], IntArray, pd.DataFrame]:
    """The `by` keys, and `netinsight.grouparrays.group_codes` of their `group_frame`, once per log.

    The codes are read-only and the key table is shared: do not modify them.

    Examples
    --------
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({"date": ["2026-02-07", "2026-01-11"], "contact": ["Ana", "Ben"]}))
    >>> keys, codes, table = log_group_codes(log, "month")
    >>> keys, codes.tolist(), table["month"].tolist()
    (['month'], [1, 0], ['2026-01', '2026-02'])
    """
    keys = _checked_keys(log, by)

    def compute(frame: pd.DataFrame) -> tuple[IntArray, pd.DataFrame]:
        codes, table = level_codes([key_codes(frame, k) for k in keys], keys, len(frame))
        freeze(codes)
        return codes, table

    codes, table = derived(log, f"group_codes:{keys}", compute)
    return keys, codes, table


def log_group_labels(log: pd.DataFrame, by: str | Sequence[str] | None) -> tuple[list[str], IntArray, pd.DataFrame]:
    """The `by` keys, and `netinsight.groupcodes.group_codes` (text labels) of their `group_frame`, once per log.

    The codes are read-only and the label table is shared: do not modify them.

    Examples
    --------
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({"date": ["2026-02-07", "2026-01-11"], "contact": ["Ana", "Ben"],
    ...                              "program": ["Law", None]}))
    >>> keys, codes, labels = log_group_labels(log, "program")
    >>> keys, codes.tolist(), labels["program"].tolist()
    (['program'], [1, 0], ['(not recorded)', 'Law'])
    """
    keys = _checked_keys(log, by)

    def compute(frame: pd.DataFrame) -> tuple[IntArray, pd.DataFrame]:
        levels = [labelled_codes(*key_codes(frame, k)) for k in keys]
        if len(levels) == 1 and len(frame):  # every value is used, so is every label: the codes are the groups
            codes, labels = levels[0][0], pd.DataFrame({keys[0]: levels[0][1]}, index=pd.RangeIndex(len(levels[0][1])))
        else:
            codes, labels = labelled_groups(levels, keys, len(frame))
        freeze(codes)
        return codes, labels

    codes, labels = derived(log, f"group_labels:{keys}", compute)
    return keys, codes, labels


def person_key(log: pd.DataFrame) -> pd.Series[Any]:
    """Each row's person (`netinsight.graph.person_ids`), scoped to the owner.

    The same professional met by two owners is two people, as in `summarize_log`.

    Parameters
    ----------
    log
        A log from `read_log`. Not modified.

    Returns
    -------
    pandas.Series
        One key per row, aligned with `log`: equal keys are the same person of the same owner
        (integer codes as floats, from `netinsight.people.person_codes`; NaN without a contact).

    Examples
    --------
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({"owner": ["me", "me", "you", "me"], "date": ["2026-01-05"] * 4,
    ...                              "contact": ["Ana Ruiz", "dr. ana ruiz", "Ana Ruiz", ""]}))
    >>> person_key(log).tolist()
    [0.0, 0.0, 1.0, nan]
    """
    key = pd.Series(person_codes(log), index=log.index, dtype="float64", name="person")
    return key.mask(key < 0)


def rate(numerator: Any, denominator: Any) -> pd.Series[Any]:
    """`numerator` / `denominator` rounded to 3 decimals; missing (NA) where the denominator is 0.

    Parameters
    ----------
    numerator, denominator
        Counts: Series (aligned) or array-likes of the same length.

    Returns
    -------
    pandas.Series
        Float64, with the numerator's index: 0 of 0 is NA (nothing to rate), never 0 %.

    Examples
    --------
    >>> rate(pd.Series([1, 0, 0]), pd.Series([3, 4, 0])).tolist()
    [0.333, 0.0, <NA>]
    """
    num = pd.Series(numerator).astype("Float64")
    den = pd.Series(denominator, index=num.index).astype("Float64")
    return (num / den.where(den > 0)).round(3)


def check_period(freq: str) -> None:
    """Raise a clear error when `freq` is not a pandas period frequency.

    Parameters
    ----------
    freq
        A period frequency such as ``"W"``, ``"M"`` or ``"D"``.

    Raises
    ------
    ValueError
        Naming the frequency that was given.

    Examples
    --------
    >>> check_period("W")
    >>> check_period("fortnight")
    Traceback (most recent call last):
    ...
    ValueError: `freq` must be a period frequency such as 'W' (weeks), 'M' (months) or 'D' (days), not 'fortnight'.
    """
    try:
        pd.Period("2026-01-05", freq=freq)
    except (ValueError, TypeError):
        msg = f"`freq` must be a period frequency such as 'W' (weeks), 'M' (months) or 'D' (days), not {freq!r}."
        raise ValueError(msg) from None
