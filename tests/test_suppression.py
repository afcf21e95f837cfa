from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netinsight.suppression import MIN_CELL_FLOOR, check_min_cell, determined_rows, suppression_pattern

Lines = list[tuple[list[int], int]]


def one_way(n_groups: int) -> Lines:
    """Groups 0..n-1 add up to the total row n."""
    return [(list(range(n_groups)), n_groups)]


def two_way(n_rows: int, n_cols: int) -> Lines:
    """Cells row by row, then row totals, column totals and the grand total; every sum is a line."""
    cell = np.arange(n_rows * n_cols).reshape(n_rows, n_cols)
    row_total = n_rows * n_cols + np.arange(n_rows)
    col_total = n_rows * n_cols + n_rows + np.arange(n_cols)
    grand = n_rows * n_cols + n_rows + n_cols
    lines = [(cell[i].tolist(), int(row_total[i])) for i in range(n_rows)]
    lines += [(cell[:, j].tolist(), int(col_total[j])) for j in range(n_cols)]
    return [*lines, (row_total.tolist(), grand), (col_total.tolist(), grand)]


def two_way_support(cells: list[list[int]]) -> list[int]:
    grid = np.array(cells)
    return [*grid.ravel().tolist(), *grid.sum(axis=1).tolist(), *grid.sum(axis=0).tolist(), int(grid.sum())]


def hidden_rows(support: list[int], lines: Lines, min_cell: int = 10) -> list[int]:
    return np.flatnonzero(suppression_pattern(support, lines, min_cell=min_cell)).tolist()


# --- check_min_cell ---------------------------------------------------------------------------


def test_check_min_cell_accepts_integers_from_the_floor() -> None:
    assert check_min_cell(10) == 10
    assert check_min_cell(MIN_CELL_FLOOR) == 5
    assert type(check_min_cell(np.int64(7))) is int  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [3, 0, -10, True, 5.0, "10", None])
def test_check_min_cell_refuses_small_bool_and_non_integers(bad: Any) -> None:
    with pytest.raises(ValueError, match=r"`min_cell` must be an integer of at least 5 .*; got "):
        check_min_cell(bad)


def test_check_min_cell_message_shows_the_value() -> None:
    with pytest.raises(ValueError, match=r"; got 3\.$"):
        check_min_cell(3)


# --- suppression_pattern: one-way tables (groups + total) -------------------------------------


def test_one_small_group_takes_the_next_smallest_with_it() -> None:
    # 4 < 10 is hidden; alone it would be total - the others, so the smallest published group (12) goes too.
    assert hidden_rows([4, 25, 12, 30, 18, 89], one_way(5)) == [0, 2]


def test_two_small_groups_resting_on_too_few_together_take_a_third() -> None:
    # 3 + 4 = 7 students could be recovered as a pair: the smallest published group (12) is added.
    assert hidden_rows([3, 4, 25, 12, 30, 74], one_way(5)) == [0, 1, 3]


def test_two_small_groups_resting_on_enough_together_are_enough() -> None:
    assert hidden_rows([4, 7, 25, 30, 66], one_way(4)) == [0, 1]


def test_all_groups_small_and_a_small_total_hides_everything() -> None:
    assert hidden_rows([2, 3, 4, 9], one_way(3)) == [0, 1, 2, 3]


def test_all_groups_small_but_together_enough_keeps_the_total() -> None:
    # 4 + 3 + 4 = 11 students: the total rests on enough students and reveals no single group.
    assert hidden_rows([4, 3, 4, 11], one_way(3)) == [0, 1, 2]


def test_no_member_left_to_hide_hides_the_total() -> None:
    # The total also counts students in no group (12 > 3 + 4); 7 students must not show as total - nothing.
    assert hidden_rows([3, 4, 12], one_way(2)) == [0, 1, 2]


def test_no_small_group_hides_nothing() -> None:
    assert hidden_rows([10, 20, 30, 60], one_way(3)) == []


def test_ties_take_the_lowest_position() -> None:
    assert hidden_rows([4, 12, 12, 30, 58], one_way(4)) == [0, 1]


def test_empty_table_and_a_total_over_no_groups() -> None:
    assert suppression_pattern([], [], min_cell=10).shape == (0,)
    assert suppression_pattern([], [], min_cell=10).dtype == bool
    # A line with no members says nothing about other rows: the total row stands on its own support.
    assert hidden_rows([0], one_way(0)) == [0]
    assert hidden_rows([12], one_way(0)) == []


def test_single_group_and_its_total() -> None:
    # A small single group takes the total with it (the total is the group's value).
    assert hidden_rows([4, 4], one_way(1)) == [0, 1]
    assert hidden_rows([4, 15], one_way(1)) == [0, 1]
    # A big single group is published with its total: the two are equal and rest on the same students.
    assert hidden_rows([40, 40], one_way(1)) == []


def test_a_hidden_total_that_equals_one_group_hides_the_group_too() -> None:
    # Row 1 is the total of the single group row 0 and a member of the line (1, 2) -> 3. Row 2 (3 students)
    # takes row 1 with it, but row 1 = row 0 is then known: the linear-algebra check hides row 0 as well.
    assert hidden_rows([20, 20, 3, 23], [([0], 1), ([1, 2], 3)]) == [0, 1, 2]


def test_rows_in_no_line_only_hide_themselves() -> None:
    assert hidden_rows([3, 20, 20, 40], [([1, 2], 3)]) == [0]
    assert hidden_rows([3, 20, 4], []) == [0, 2]


def test_support_may_be_a_series_with_any_index() -> None:
    support = pd.Series([4, 25, 12, 30, 18, 89], index=list("abcdef"))
    assert suppression_pattern(support, one_way(5), min_cell=10).tolist() == [True, False, True, False, False, False]


# --- suppression_pattern: two-way tables (cells + row, column and grand totals) ----------------


def test_one_small_cell_in_a_3x3_table_hides_a_rectangle_of_four() -> None:
    cells = [[3, 20, 30], [15, 25, 35], [40, 45, 50]]
    # Row 0 adds (0,1) = 20, column 0 adds (1,0) = 15, column 1 adds (1,1) = 25: cells 0, 1, 3, 4; totals stay.
    assert hidden_rows(two_way_support(cells), two_way(3, 3)) == [0, 1, 3, 4]


def test_one_small_cell_in_a_2x2_table_hides_all_four_cells_not_the_totals() -> None:
    assert hidden_rows(two_way_support([[3, 20], [15, 25]]), two_way(2, 2)) == [0, 1, 2, 3]


def test_a_small_row_in_a_two_way_table_leaves_nothing_solvable() -> None:
    support = two_way_support([[2, 3, 1], [30, 40, 50], [20, 25, 35]])
    hidden = suppression_pattern(support, two_way(3, 3), min_cell=10)
    assert hidden[[0, 1, 2, 9]].all()  # the whole small row and its total (6 students)
    assert not determined_rows(hidden, two_way(3, 3)).any()


# --- suppression_pattern: errors -----------------------------------------------------------


@pytest.mark.parametrize(
    "lines",
    [
        [([0, 5], 2)],
        [([0, 1], 1)],
        [([0, 0], 2)],
        [([0.5, 1], 2)],
        [([0, 1], -1)],
        [([0, 1], True)],
        [[0, 1, 2]],
        [(0, 2)],
    ],
)
def test_bad_lines_are_refused(lines: Any) -> None:
    with pytest.raises(ValueError, match=r"line 0 of `lines` must be \(distinct row positions, another row position\)"):
        suppression_pattern([10, 10, 20], lines, min_cell=10)


@pytest.mark.parametrize("support", [[10, -1, 9], [10, None, 9], ["a", "b", "c"], [True, False, True]])
def test_bad_support_is_refused(support: Any) -> None:
    with pytest.raises(ValueError, match=r"`support` must give the number of students \(0 or more\) of every row"):
        suppression_pattern(support, one_way(2), min_cell=10)


def test_min_cell_is_checked() -> None:
    with pytest.raises(ValueError, match="`min_cell` must be an integer of at least 5"):
        suppression_pattern([10, 10, 20], one_way(2), min_cell=4)


# --- determined_rows -------------------------------------------------------------------------


def test_determined_rows_one_way() -> None:
    lines = one_way(3)
    assert determined_rows([True, False, False, False], lines).tolist() == [True, False, False, False]
    assert not determined_rows([True, True, False, False], lines).any()
    assert not determined_rows([True, False, False, True], lines).any()  # a member and the total
    assert not determined_rows([False] * 4, lines).any()
    assert determined_rows([False, False, False, True], lines).tolist() == [False, False, False, True]


def test_determined_rows_two_way() -> None:
    lines = two_way(3, 3)
    corner = np.zeros(16, dtype=bool)
    corner[[0, 1, 3]] = True  # an L: (1,0) is alone in row 1, (0,1) alone in column 1, then (0,0) follows
    assert np.flatnonzero(determined_rows(corner, lines)).tolist() == [0, 1, 3]
    rectangle = np.zeros(16, dtype=bool)
    rectangle[[0, 1, 3, 4]] = True
    assert not determined_rows(rectangle, lines).any()


def test_determined_rows_empty_and_without_lines() -> None:
    assert determined_rows([], []).shape == (0,)
    assert not determined_rows([True, True], []).any()


# --- property tests ------------------------------------------------------------------------


def check_pattern(support: list[int], lines: Lines, min_cell: int) -> None:
    hidden = suppression_pattern(support, lines, min_cell=min_cell)
    sizes = np.asarray(support)
    assert (sizes[~hidden] >= min_cell).all()
    assert not determined_rows(hidden, lines).any()
    for members, total in lines:
        shut = [m for m in members if hidden[m]]
        if shut and not hidden[total]:
            assert len(shut) >= 2
            assert sizes[shut].sum() >= min_cell
    again = suppression_pattern(pd.Series(support), [(list(m), t) for m, t in lines], min_cell=min_cell)
    assert np.array_equal(again, hidden)


@settings(max_examples=150, deadline=None)
@given(
    groups=st.lists(st.integers(0, 60), max_size=40),
    outside=st.integers(0, 10),
    min_cell=st.integers(5, 20),
)
def test_one_way_patterns_are_safe(groups: list[int], outside: int, min_cell: int) -> None:
    # `outside`: students counted in the total but in no group.
    check_pattern([*groups, sum(groups) + outside], one_way(len(groups)), min_cell)


@settings(max_examples=150, deadline=None)
@given(data=st.data(), n_rows=st.integers(1, 5), n_cols=st.integers(1, 5), min_cell=st.integers(5, 20))
def test_two_way_patterns_are_safe(data: st.DataObject, n_rows: int, n_cols: int, min_cell: int) -> None:
    cells = data.draw(
        st.lists(st.lists(st.integers(0, 40), min_size=n_cols, max_size=n_cols), min_size=n_rows, max_size=n_rows)
    )
    check_pattern(two_way_support(cells), two_way(n_rows, n_cols), min_cell)


@settings(max_examples=100, deadline=None)
@given(groups=st.lists(st.integers(0, 10), min_size=1, max_size=5), min_cell=st.integers(5, 8))
def test_hidden_values_of_small_one_way_tables_cannot_be_solved(groups: list[int], min_cell: int) -> None:
    # Each group's value is its number of students. Try every non-negative value up to max + 1 for each hidden
    # group, keep the assignments that agree with everything published, and see every hidden row take two values.
    n = len(groups)
    hidden = suppression_pattern([*groups, sum(groups)], one_way(n), min_cell=min_cell)
    shut = np.flatnonzero(hidden[:n])
    if shut.size == 0:
        assert not hidden[n]
        return
    tried = np.indices((max(groups) + 2,) * shut.size).reshape(shut.size, -1).T
    values = np.tile(np.asarray(groups), (len(tried), 1))
    values[:, shut] = tried
    totals = values.sum(axis=1)
    agree = np.ones(len(tried), dtype=bool) if hidden[n] else totals == sum(groups)
    assert agree.sum() >= 2
    for row in shut:
        assert np.unique(values[agree, row]).size >= 2
    if hidden[n]:
        assert np.unique(totals[agree]).size >= 2
