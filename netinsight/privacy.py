"""Publishing protected tables: hidden rows shown as ``*``, rates near 0 % or 100 % coded, and the note.

`publish` applies `netinsight.suppression.suppression_pattern` to a table: every hidden cell
shows the same marker, so primary and complementary cells look alike, and rates below 5 % or
above 95 % are shown as ``<5%`` / ``>95%`` (never "every student in the group did X").
`privacy_note` says what was hidden and why, in words for the report. Limits: those of
`netinsight.suppression` (exact recovery only; each table on its own).
"""

from __future__ import annotations

import numbers
from collections.abc import Sequence
from typing import Any, Final

import numpy as np
import numpy.typing as npt
import pandas as pd

from netinsight.memory import large_work
from netinsight.suppression import Lines, check_min_cell, suppression_pattern

__all__ = [
    "RATE_HIGH",
    "RATE_LOW",
    "SUPPRESSED",
    "TOTAL",
    "code_rates",
    "privacy_note",
    "publish",
    "total_lines",
    "with_total",
]

#: The one marker for every hidden cell, primary or complementary.
SUPPRESSED: Final = "*"
#: Rates below `RATE_LOW` or above `RATE_HIGH` are published as ``<5%`` / ``>95%``.
RATE_LOW: Final = 0.05
RATE_HIGH: Final = 0.95


#: The label of a table's total row (in its first key column).
TOTAL: Final = "Total"


def with_total(groups: pd.DataFrame, total: pd.DataFrame, keys: Sequence[str]) -> pd.DataFrame:
    """The group rows, then the `total` row labelled `TOTAL` in the first of `keys` (the other keys empty).

    Examples
    --------
    >>> groups = pd.DataFrame({"program": ["A", "B"], "students": [6, 5]})
    >>> with_total(groups, pd.DataFrame({"students": [11]}), ["program"]).values.tolist()
    [['A', 6], ['B', 5], ['Total', 11]]
    """
    total = total.assign(**{k: (TOTAL if i == 0 else "") for i, k in enumerate(keys)})
    return pd.concat([groups, total[groups.columns]], ignore_index=True)


def total_lines(table: pd.DataFrame) -> Lines:
    """The `lines` of a table made by `with_total`: every group row adds up to the last row (none alone).

    Examples
    --------
    >>> total_lines(pd.DataFrame({"students": [6, 5, 11]})), total_lines(pd.DataFrame({"students": [0]}))
    ([([0, 1], 2)], [])
    """
    return [(list(range(len(table) - 1)), len(table) - 1)] if len(table) > 1 else []


def _rate_masks(values: pd.Series[Any], low: float, high: float) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
    if not 0 < low < high < 1:
        msg = f"`low` and `high` must satisfy 0 < low < high < 1; got low={low!r}, high={high!r}."
        raise ValueError(msg)
    try:
        rates = values.to_numpy(dtype="float64", na_value=np.nan)
    except (TypeError, ValueError):
        msg = f"rates in {values.name!r} must be numbers between 0 and 1; got dtype {values.dtype}."
        raise ValueError(msg) from None
    return rates < low, rates > high


def _percent(share: float) -> str:
    return f"{round(share * 100, 6):g}%"


def code_rates(values: pd.Series[Any], *, low: float = RATE_LOW, high: float = RATE_HIGH) -> pd.Series[Any]:
    """Rates with those below `low` shown as ``"<5%"`` and those above `high` as ``">95%"``.

    So 0 % and 100 % never appear: "every student in the group did X" is not published.

    Parameters
    ----------
    values
        Rates between 0 and 1; missing values stay missing. Not modified.
    low, high
        The bounds (0 < low < high < 1); a rate equal to a bound is shown as it is.

    Returns
    -------
    pandas.Series
        Object dtype, same index and name: the rate itself or the coded text.

    Examples
    --------
    >>> code_rates(pd.Series([0.0, 0.05, 0.5, 0.97, None])).tolist()
    ['<5%', 0.05, 0.5, '>95%', nan]
    """
    below, above = _rate_masks(values, low, high)
    cells = values.to_numpy(dtype=object, copy=True)
    cells[below] = "<" + _percent(low)
    cells[above] = ">" + _percent(high)
    return pd.Series(cells, index=values.index, name=values.name, dtype=object)


@large_work()
def publish(
    table: pd.DataFrame,
    *,
    support: str,
    lines: Lines,
    min_cell: int,
    rates: Sequence[str] = (),
    keep: Sequence[str] = (),
) -> pd.DataFrame:
    """A table safe to publish: hidden rows shown as ``*``, rates near 0 % or 100 % coded.

    Parameters
    ----------
    table
        One row per group or total. Not modified.
    support
        The column giving the number of students each row rests on (see `suppression_pattern`).
    lines
        ``(member positions, total position)`` pairs over the rows of `table`, counted from 0.
    min_cell
        The smallest number of students a published row may rest on (at least 5).
    rates
        Columns of rates (0 to 1) that go through `code_rates` in published rows.
    keep
        Columns shown in every row (the group keys).

    Returns
    -------
    pandas.DataFrame
        Same rows, order and index; in hidden rows every column but `keep` is ``*``. Columns not
        in `keep` have object dtype. ``attrs["privacy"]`` holds ``min_cell``, ``suppressed``
        (hidden rows) and ``coded`` (coded rate cells).

    Examples
    --------
    >>> t = pd.DataFrame({"program": ["A", "B", "C", "Total"], "students": [3, 12, 20, 35],
    ...                   "rate": [0.5, 1.0, 0.4, 0.6]})
    >>> out = publish(t, support="students", lines=[([0, 1, 2], 3)], min_cell=10, rates=["rate"], keep=["program"])
    >>> out.values.tolist()
    [['A', '*', '*'], ['B', '*', '*'], ['C', 20, 0.4], ['Total', 35, 0.6]]
    >>> out.attrs["privacy"]
    {'min_cell': 10, 'suppressed': 2, 'coded': 0}
    """
    for arg, columns in (("support", [support]), ("rates", list(rates)), ("keep", list(keep))):
        missing = [c for c in columns if c not in table.columns]
        if missing:
            msg = f"`{arg}` column(s) {missing} not in table. Columns in table: {list(table.columns)}"
            raise KeyError(msg)
    if set(rates) & set(keep):
        msg = f"`rates` and `keep` share column(s) {sorted(set(rates) & set(keep))}; a kept column is never coded."
        raise ValueError(msg)
    hidden = suppression_pattern(table[support], lines, min_cell=min_cell)
    out = table.copy()
    coded = 0
    for i, column in enumerate(table.columns):
        if column in keep:
            continue
        cells = table.iloc[:, i].to_numpy(dtype=object, copy=True)
        if column in rates:
            below, above = _rate_masks(table.iloc[:, i], RATE_LOW, RATE_HIGH)
            cells[below] = "<" + _percent(RATE_LOW)
            cells[above] = ">" + _percent(RATE_HIGH)
            coded += int(((below | above) & ~hidden).sum())
        cells[hidden] = SUPPRESSED
        out.isetitem(i, pd.Series(cells, index=table.index, dtype=object))  # type: ignore[arg-type]  # stubs lack Series
    out.attrs = {**table.attrs, "privacy": {"min_cell": int(min_cell), "suppressed": int(hidden.sum()), "coded": coded}}
    return out


def privacy_note(*, min_cell: int, suppressed: int, coded: int, unit: str = "students") -> str:
    """One or two plain sentences for a report saying what was hidden and coded (never which kind).

    Examples
    --------
    >>> privacy_note(min_cell=10, suppressed=3, coded=1)  # doctest: +NORMALIZE_WHITESPACE
    'Rows resting on fewer than 10 students, and further rows where needed so that no hidden value can be worked
    out from the totals, are shown as * (3 rows here). Rates below 5% or above 95% are shown as <5% / >95% (1 value).'
    """
    min_cell = check_min_cell(min_cell)
    for name, count in (("suppressed", suppressed), ("coded", coded)):
        if isinstance(count, bool) or not isinstance(count, numbers.Integral) or count < 0:
            msg = f"`{name}` must be a count (an integer of 0 or more); got {count!r}."
            raise ValueError(msg)
    if suppressed:
        rows = f"{suppressed} row{'s' if suppressed != 1 else ''}"
        text = (
            f"Rows resting on fewer than {min_cell} {unit}, and further rows where needed so that no hidden value "
            f"can be worked out from the totals, are shown as {SUPPRESSED} ({rows} here)."
        )
    else:
        text = f"No row here rests on fewer than {min_cell} {unit}, so none is hidden."
    if coded:
        low, high = _percent(RATE_LOW), _percent(RATE_HIGH)
        values = f"{coded} value{'s' if coded != 1 else ''}"
        text += f" Rates below {low} or above {high} are shown as <{low} / >{high} ({values})."
    return text
