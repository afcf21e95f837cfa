"""The people table of a coded log, reduced from the log's rows with scatters instead of sorts or groupby.

`people_from_codes` gives one row per owner's root, person interviewed and introducer never
interviewed: first spelling, latest company, role and industry, first and last interview,
owners and outcomes. Each per-person reduction is one ``numpy.minimum.at`` /
``numpy.maximum.at`` over date ranks (each person's latest row is found once and serves
every column without missing values), and each text column one take of its codes. Used by
`netinsight.people`; the list columns come from `netinsight.peoplelists`. Limits: owners
are listed by their earliest introduction (ties by order of appearance in the log).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final

import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow as pa

from netinsight.logcodes import CodedLog, stable_order, start_column_codes
from netinsight.peoplelists import owner_lists, start_outcome_lists
from netinsight.tables import text_series, typed_people
from netinsight.textcodes import TextCodes, encode_text, str_series
from netinsight.threads import in_background

__all__ = ["ATTRIBUTES", "PeopleCodes", "people_from_codes", "start_attribute_codes", "take_text"]

IntArray = npt.NDArray[np.int64]
_LAST: Final = np.iinfo(np.int64).max


def take_text(column: pd.Series[Any], rows: IntArray) -> pa.Array:
    """The text of a column at `rows` (-1 gives missing) through its dictionary codes, as ``large_string``.

    Examples
    --------
    >>> take_text(pd.Series(["a", "b"], dtype="category"), np.array([1, -1, 0])).to_pylist()
    ['b', None, 'a']
    """
    return encode_text(column).take(rows)


def _distinct_text(column: pd.Series[Any]) -> list[str]:
    """The distinct non-missing values of a column as text (a categorical's used categories)."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        codes = column.cat.codes.to_numpy()
        used = np.flatnonzero(np.bincount(codes[codes >= 0], minlength=len(column.cat.categories)))
        return [str(v) for v in pd.Index(column.cat.categories[used]).astype("str").unique()]
    return [str(v) for v in column.dropna().astype("str").unique()]


@dataclass(frozen=True)
class _Owners:
    """What the ``owners`` lists are made of (see `_owner_lists`)."""

    position: IntArray
    roots: IntArray
    person: IntArray
    owner: IntArray
    stamp: IntArray
    text: pa.Array


@dataclass(frozen=True)
class PeopleCodes:
    """The people table of a coded log as arrays: ids, text columns as codes, dates, counts and outcomes.

    `frame` builds the table itself (with the ``owners`` lists); the analyses read the arrays.
    """

    ids: pa.Array
    text: dict[str, TextCodes]
    first_interview: npt.NDArray[np.datetime64]
    last_interview: npt.NDArray[np.datetime64]
    interviews: IntArray
    outcomes: pd.Series[Any]
    source: str
    owners: _Owners

    def column(self, name: str) -> Any:
        """A column that is not text: a NumPy array (dates, counts) or the outcome lists.

        Examples
        --------
        >>> from netinsight import read_log
        >>> from netinsight.people import coded_network_from_log
        >>> people = coded_network_from_log(read_log(pd.DataFrame({"date": ["2026-01-05"], "contact": ["A"]})))[0]
        >>> people.column("interviews").tolist()
        [0, 1]
        """
        if name == "connected_on":
            return np.full(len(self.ids), np.datetime64("NaT"), dtype="datetime64[ns]")
        if name == "outcomes":
            return self.outcomes.array
        values: Any = getattr(self, name)
        return values

    def owner_lists(self) -> pd.Series[Any]:
        """The ``owners`` column: each row's owners, first first.

        Examples
        --------
        >>> from netinsight import read_log
        >>> from netinsight.people import coded_network_from_log
        >>> people = coded_network_from_log(read_log(pd.DataFrame({"date": ["2026-01-05"], "contact": ["A"]})))[0]
        >>> people.owner_lists().tolist()
        [['me'], ['me']]
        """
        o = self.owners
        return owner_lists(o.position, o.roots, o.person, o.owner, o.stamp, o.text, len(self.ids))

    def frame(self) -> pd.DataFrame:
        """The people table (`netinsight.people.people_table`).

        Examples
        --------
        >>> from netinsight import read_log
        >>> from netinsight.people import coded_network_from_log
        >>> people = coded_network_from_log(read_log(pd.DataFrame({"date": ["2026-01-05"], "contact": ["A"]})))[0]
        >>> people.frame().index.tolist()
        ['owner:me', 'me/a']
        """
        frame: dict[str, Any] = {col: str_series(codes.decode()).array for col, codes in self.text.items()}
        frame["first_interview"] = self.first_interview
        frame["last_interview"] = self.last_interview
        frame["interviews"] = self.interviews
        people = pd.DataFrame(frame, index=pd.Index(text_series(self.ids), name="person"))
        people["owners"] = self.owner_lists().set_axis(people.index)
        people["outcomes"] = self.outcomes.set_axis(people.index)
        out = typed_people(people)
        out.attrs["source"] = self.source
        return out


#: The people table's columns that come from the log's latest row with a value.
ATTRIBUTES: Final = ("company", "role", "industry", "sector")


def start_attribute_codes(log: pd.DataFrame, *, later: bool = True) -> Callable[[], list[TextCodes]]:
    """The codes of the log's `ATTRIBUTES` (`netinsight.logcodes.start_column_codes`); call the result to collect them.

    Examples
    --------
    >>> from netinsight import read_log
    >>> collect = start_attribute_codes(read_log(pd.DataFrame({"date": ["2026-01-05"], "role": ["Analyst"]})))
    >>> [t.values.to_pylist() for t in collect()]
    [[], ['Analyst'], [], []]
    """
    return start_column_codes(log, ATTRIBUTES, later=later)


def people_from_codes(
    log: pd.DataFrame,
    coded: CodedLog,
    g_owner: IntArray,
    g_dst: IntArray,
    g_stamp: IntArray,
    u_owner: IntArray,
    u_person: IntArray,
    *,
    attributes: Callable[[], list[TextCodes]] | None = None,
) -> tuple[PeopleCodes, IntArray, IntArray]:
    """The people table as arrays, the row of each person code in it, and the row of each owner's root.

    `g_owner`, `g_dst`, `g_stamp` are the introductions (owner, person, date stamp) and
    `u_owner`, `u_person` the introducers an owner never interviewed. `attributes` collects
    the codes of the log's `ATTRIBUTES` (`start_attribute_codes`, started before the log was
    coded); by default they are encoded here.

    Examples
    --------
    >>> from netinsight import read_log
    >>> from netinsight.logcodes import code_log
    >>> log = read_log(pd.DataFrame({"date": ["2026-01-05"], "contact": ["Ana"]}))
    >>> coded, none = code_log(log), np.zeros(0, dtype=np.int64)
    >>> people, position, root_row = people_from_codes(log, coded, coded.owner, coded.person, np.zeros(1), none, none)
    >>> people.ids.to_pylist(), position.tolist(), root_row.tolist()
    (['owner:me', 'me/ana'], [1], [0])
    """
    rows, person, order, rank = coded.rows, coded.person, coded.by_date, coded.rank
    n_people, m = coded.n_people, len(rows)
    # each person's first and last row by date rank (kept-row positions)
    first_rank = np.full(n_people, m, dtype=np.int64)
    np.minimum.at(first_rank, person, rank)
    last_rank = np.full(n_people, -1, dtype=np.int64)
    np.maximum.at(last_rank, person, rank)
    is_contact = first_rank < m
    c_person = np.flatnonzero(is_contact)
    c_first, c_last = order[first_rank[c_person]], order[last_rank[c_person]]
    sizes = np.bincount(person, minlength=n_people)[c_person].astype(np.int64)

    def last_valid(valid: npt.NDArray[np.bool_] | None) -> IntArray:
        """The kept-row position of each contact's last row where `valid` (None: every row), -1 if none."""
        if valid is None or valid.all():
            return c_last
        best = np.full(n_people, -1, dtype=np.int64)
        np.maximum.at(best, person[valid], rank[valid])
        at = best[c_person]
        return np.where(at >= 0, order[np.maximum(at, 0)], -1)

    first_stamp = coded.stamp[c_first]
    last_at = last_valid(coded.stamp != _LAST)
    last_stamp = coded.stamp[last_at] if last_at is c_last else np.where(last_at >= 0, coded.stamp[last_at], _LAST)
    # introducers never interviewed: name as first written, their owner
    k_keep = ~is_contact[u_person]
    k_person, k_owner = u_person[k_keep], u_owner[k_keep]
    named = coded.introducer >= 0
    first_named = np.full(n_people, m, dtype=np.int64)
    np.minimum.at(first_named, coded.introducer[named], rank[named])
    k_name = order[first_named[k_person]] if len(k_person) else np.zeros(0, dtype=np.int64)
    # the body: contacts then unmet introducers, sorted by owner and first interview (missing last)
    owner_names = coded.owner_names
    root_order = np.argsort(owner_names.astype(str), kind="stable")
    owner_rank = np.empty(len(root_order), dtype=np.int64)
    owner_rank[root_order] = np.arange(len(root_order))
    n_c, n_u, n_roots = len(c_person), len(k_person), len(root_order)
    b_owner = np.concatenate([coded.owner[c_first], k_owner]).astype(np.int64)
    b_stamp = np.concatenate([first_stamp, np.full(n_u, _LAST, dtype=np.int64)])
    by_stamp = stable_order(b_stamp)
    body = by_stamp[stable_order(owner_rank[b_owner][by_stamp])]
    b_person = np.concatenate([c_person, k_person])[body]
    # the node ids (Arrow: the largest step here) and the outcome lists are made on threads while the columns
    # are coded
    node_ids = in_background(lambda: coded.node_ids(b_person, root_order), rows=len(b_person))
    n_rows = n_roots + len(b_person)
    position = np.full(n_people, -1, dtype=np.int64)
    position[b_person] = np.arange(n_roots, n_roots + len(b_person))
    row_position = np.full(len(log), -1, dtype=np.int64)
    row_position[rows] = position[person]
    outcomes = start_outcome_lists(log, row_position, n_rows)
    none_u = np.full(n_u, -1, dtype=np.int64)
    log_rows = np.append(rows, -1)  # kept-row position -1 -> no row

    def body_rows(c_at: IntArray, u_at: IntArray) -> IntArray:
        """The log rows of the body: kept-row positions of its contacts and of its unmet introducers (-1 none)."""
        at: IntArray = log_rows[np.concatenate([c_at, u_at])[body]]
        return at

    def body_codes(source: TextCodes, at: IntArray) -> IntArray:
        """Codes of a log column at log rows of the body (-1 none or missing), the roots -1 first."""
        out = np.full(n_roots + len(at), -1, dtype=np.int64)
        got = out[n_roots:]
        np.take(source.codes, at, out=got, mode="clip")
        got[at < 0] = -1
        return out

    owners_text = coded.owner_text
    names = coded.contact_name.values
    said = body_codes(coded.contact_name, body_rows(c_first, none_u))
    written = body_codes(coded.intro_name, body_rows(np.full(n_c, -1, dtype=np.int64), k_name))
    name = np.where(said >= 0, said, written)
    name[:n_roots] = len(names) + root_order
    text: dict[str, TextCodes] = {
        "name": TextCodes(name, pa.concat_arrays([names, owners_text])),
        "kind": TextCodes(
            np.concatenate([np.zeros(n_roots, np.int64), np.where(body < n_c, 1, 2)]),
            pa.array(["owner", "contact", "introducer"], pa.large_string()),
        ),
        "owner": TextCodes(np.concatenate([root_order, b_owner[body]]), owners_text),
    }
    last_rows = body_rows(c_last, none_u)  # the latest row: the latest value of a column without gaps
    collect = attributes if attributes is not None else start_attribute_codes(log, later=False)
    for col, source in zip(ATTRIBUTES, collect(), strict=True):
        given = source.codes >= 0
        at = last_rows if given.all() else body_rows(last_valid(given[rows]), none_u)
        text[col] = TextCodes(body_codes(source, at), source.values)
    owners = _Owners(
        position,
        root_order,
        np.concatenate([g_dst, u_person]).astype(np.int64),
        np.concatenate([g_owner, u_owner]).astype(np.int64),
        np.concatenate([g_stamp, np.full(len(u_person), _LAST)]).astype(np.int64),
        owners_text.cast(pa.string()),
    )
    ids = node_ids.result()
    people = PeopleCodes(
        ids=ids,
        text=text,
        first_interview=_dates(np.concatenate([np.full(n_roots, _LAST), b_stamp[body]])),
        last_interview=_dates(
            np.concatenate([np.full(n_roots, _LAST), np.concatenate([last_stamp, np.full(n_u, _LAST)])[body]])
        ),
        interviews=np.concatenate([np.zeros(n_roots, np.int64), np.concatenate([sizes, none_u * 0])[body]]),
        outcomes=outcomes(),
        source="; ".join(sorted(_distinct_text(log["source_file"]))) if "source_file" in log else "",
        owners=owners,
    )
    root_row = np.empty(n_roots, dtype=np.int64)
    root_row[root_order] = np.arange(n_roots)
    return people, position, root_row


def _dates(stamps: IntArray) -> npt.NDArray[np.datetime64]:
    """Nanosecond stamps as dates, the largest int64 (a missing date) as NaT."""
    return np.where(stamps == _LAST, np.iinfo(np.int64).min, stamps).view("datetime64[ns]")
