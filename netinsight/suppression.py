"""Small-cell suppression patterns for published tables: primary, complementary, checked by linear algebra.

A row of a published table (a group or a total) resting on fewer than `min_cell` students is
hidden; further rows are hidden so that no hidden value can be worked out from the published
totals, and an exact rank test proves it; rates near 0 % or 100 % are shown as ``<5%`` / ``>95%``.
Every hidden cell shows the same marker, so primary and complementary cells look alike.
Limits: hidden values are protected from exact recovery, not from bounds (values are
non-negative, so a hidden cell lies between 0 and what its line leaves over: interval attacks
are not covered); each table is protected on its own (differencing two tables that group the
same students differently is not covered); supports are added up as if groups did not overlap;
the pattern is greedy (smallest support first), not the least possible loss of information.
Applying a pattern to a table (markers, coded rates, the note) is `netinsight.privacy`.
"""

from __future__ import annotations

import numbers
from collections.abc import Sequence
from typing import Any, Final

import numpy as np
import numpy.typing as npt
import pandas as pd

__all__ = ["MIN_CELL_FLOOR", "Lines", "check_min_cell", "determined_rows", "suppression_pattern"]

#: `min_cell` values below this are refused.
MIN_CELL_FLOOR: Final = 5

#: ``(member row positions, total row position)`` pairs: the members add up to the total.
Lines = Sequence[tuple[Sequence[int], int]]
_Parsed = list[tuple[npt.NDArray[np.intp], int]]
_TOL: Final = 1e-9


def check_min_cell(min_cell: int) -> int:
    """Return `min_cell` if it is an integer of at least `MIN_CELL_FLOOR`, else raise ValueError.

    Examples
    --------
    >>> check_min_cell(10)
    10
    """
    if isinstance(min_cell, bool) or not isinstance(min_cell, numbers.Integral) or min_cell < MIN_CELL_FLOOR:
        msg = (
            f"`min_cell` must be an integer of at least {MIN_CELL_FLOOR} (smaller cells can expose a student); "
            f"got {min_cell!r}."
        )
        raise ValueError(msg)
    return int(min_cell)


def _support(support: npt.ArrayLike) -> npt.NDArray[np.float64]:
    series = support if isinstance(support, pd.Series) else pd.Series(np.asarray(support))
    try:
        values = series.to_numpy(dtype="float64", na_value=np.nan)
    except (TypeError, ValueError):
        values = np.array([np.nan])
    if pd.api.types.is_bool_dtype(series) or np.isnan(values).any() or (values < 0).any():
        msg = f"`support` must give the number of students (0 or more) of every row; got {series.tolist()[:10]}."
        raise ValueError(msg)
    return values


def _line(line: Any) -> tuple[npt.NDArray[np.intp], int] | None:
    """The (member positions, total position) of one line, or None if it is not such a pair of integers."""
    try:
        members, total = line
        rows = np.asarray(members).reshape(-1) if len(members) else np.empty(0, dtype=np.intp)
    except (TypeError, ValueError):
        return None
    if rows.dtype.kind not in "iu" or isinstance(total, bool) or not isinstance(total, numbers.Integral):
        return None
    return rows.astype(np.intp), int(total)


def _parse_lines(lines: Lines, n: int) -> _Parsed:
    """Lines as (member positions, total position), checked; lines without members say nothing and are dropped."""
    parsed: _Parsed = []
    for k, line in enumerate(lines):
        found = _line(line)
        every = np.append(*found) if found else np.empty(0, dtype=np.intp)
        if found is None or ((every < 0) | (every >= n)).any() or np.unique(every).size < every.size:
            msg = (
                f"line {k} of `lines` must be (distinct row positions, another row position) within the table's "
                f"{n} rows; got {line!r}."
            )
            raise ValueError(msg)
        if found[0].size:
            parsed.append(found)
    return parsed


def _equations(parsed: _Parsed, n: int) -> npt.NDArray[np.float64]:
    """One row per line: +1 at its members, -1 at its total (sum(members) - total = 0)."""
    matrix = np.zeros((len(parsed), n))
    for k, (members, total) in enumerate(parsed):
        matrix[k, members] = 1.0
        matrix[k, total] = -1.0
    return matrix


def _determined(hidden: npt.NDArray[np.bool_], matrix: npt.NDArray[np.float64]) -> npt.NDArray[np.bool_]:
    """Hidden rows fixed by the equations: e_i is in their row space (Gauss-Jordan over the hidden rows).

    In the reduced echelon form, hidden row i is determined iff it is a pivot whose row is zero at every
    free column (no null-space vector moves it). Plain numpy row operations, not LAPACK: an SVD is fast
    alone but can take seconds on a busy two-core machine when OpenBLAS threads contend.
    """
    out = np.zeros(hidden.size, dtype=bool)
    unknown = np.flatnonzero(hidden)
    sub = matrix[:, unknown]
    sub = sub[np.abs(sub).sum(axis=1) > 0]
    pivots: list[int] = []
    for j in range(sub.shape[1]):
        top = len(pivots)
        if top == sub.shape[0]:
            break
        k = top + int(np.argmax(np.abs(sub[top:, j])))
        if abs(sub[k, j]) < _TOL:
            continue
        sub[[top, k]] = sub[[k, top]]
        sub[top] /= sub[top, j]
        factor = sub[:, j].copy()
        factor[top] = 0.0
        sub -= np.multiply.outer(factor, sub[top])
        pivots.append(j)
    free = np.ones(sub.shape[1], dtype=bool)
    free[pivots] = False
    alone = ~(np.abs(sub[: len(pivots)][:, free]) > _TOL).any(axis=1)
    out[unknown[np.asarray(pivots, dtype=np.intp)[alone]]] = True
    return out


def _smallest(rows: npt.NDArray[np.intp], support: npt.NDArray[np.float64]) -> int | None:
    """The row with the smallest support (ties: lowest position), or None."""
    return int(rows[np.lexsort((rows, support[rows]))[0]]) if rows.size else None


def _complete(hidden: npt.NDArray[np.bool_], support: npt.NDArray[np.float64], parsed: _Parsed, min_cell: int) -> None:
    """Complementary suppression, in place on the private `hidden`, until no line needs another row."""
    changed = True
    while changed:
        changed = False
        for members, total in parsed:
            shut = hidden[members]
            n_shut = int(shut.sum())
            if n_shut == 0 or (n_shut >= 2 and support[members[shut]].sum() >= min_cell):
                continue
            pick = _smallest(members[~shut], support)
            if pick is None and not hidden[total]:
                pick = total
            if pick is not None:
                hidden[pick] = True
                changed = True


def suppression_pattern(support: npt.ArrayLike, lines: Lines, *, min_cell: int) -> npt.NDArray[np.bool_]:
    """Which rows of a table to hide so that no row resting on fewer than `min_cell` students can be seen or solved.

    1. Primary: rows whose support is below `min_cell`.
    2. Complementary, until stable: in every line with hidden members, if only one member is
       hidden or the hidden members rest on fewer than `min_cell` students together (their sum
       is the total minus the published members), the published member with the smallest
       support is hidden too (ties: lowest position); with no member left, the total.
    3. While `determined_rows` finds a hidden row that the published rows fix, one more row is
       hidden (the smallest published member of a line holding such a row), then back to 2.

    A single group with its total: a small group takes the total with it; a big one is published
    with its total (the two are equal, both rest on the same students), unless another line
    hides the total, in which case step 3 hides the group too.

    Parameters
    ----------
    support
        For each row (groups and total rows), the number of students its values rest on.
    lines
        ``(member positions, total position)`` pairs: the total row's additive values are the
        sum of its members' values. Positions count rows from 0. A line without members is ignored.
    min_cell
        The smallest number of students a published row may rest on (at least 5).

    Returns
    -------
    numpy.ndarray
        Boolean, True for each row to hide. Deterministic.

    Examples
    --------
    >>> suppression_pattern([4, 25, 12, 30, 18, 89], [([0, 1, 2, 3, 4], 5)], min_cell=10).tolist()
    [True, False, True, False, False, False]
    """
    min_cell = check_min_cell(min_cell)
    sizes = _support(support)
    parsed = _parse_lines(lines, sizes.size)
    matrix = _equations(parsed, sizes.size)
    hidden = sizes < min_cell
    every = np.unique(np.concatenate([np.append(m, t) for m, t in parsed])) if parsed else np.empty(0, dtype=np.intp)
    while True:
        _complete(hidden, sizes, parsed, min_cell)
        solved = _determined(hidden, matrix)
        if not solved.any():
            return hidden
        touched = [(m, t) for m, t in parsed if solved[m].any() or solved[t]]
        members = np.unique(np.concatenate([m for m, _ in touched]))
        totals = np.array(sorted({t for _, t in touched}), dtype=np.intp)
        picks = (_smallest(rows[~hidden[rows]], sizes) for rows in (members, totals, every))
        pick = next((p for p in picks if p is not None), None)
        if pick is None:
            return hidden
        hidden[pick] = True


def determined_rows(suppressed: npt.ArrayLike, lines: Lines) -> npt.NDArray[np.bool_]:
    """Which hidden rows the published rows determine through the lines (sum of members = total).

    Every hidden row is an unknown; row i is determined when every solution of the line
    equations over the unknowns has the same value at i, i.e. every null-space vector is 0 at i
    (tested on the reduced row echelon form).

    Parameters
    ----------
    suppressed
        Boolean, True for each hidden row.
    lines
        ``(member positions, total position)`` pairs, as for `suppression_pattern`.

    Returns
    -------
    numpy.ndarray
        Boolean, True for each hidden row whose value can be worked out.

    Examples
    --------
    >>> determined_rows([True, False, False, False], [([0, 1, 2], 3)]).tolist()
    [True, False, False, False]
    >>> determined_rows([True, True, False, False], [([0, 1, 2], 3)]).tolist()
    [False, False, False, False]
    """
    hidden = np.asarray(suppressed, dtype=bool).reshape(-1)
    return _determined(hidden, _equations(_parse_lines(lines, hidden.size), hidden.size))
