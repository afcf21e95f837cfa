"""Checks on names: a person written in several ways, and near-duplicate names at one company.

People are compared by owner and name key (`netinsight.names`), as integer codes
(`netinsight.personcodes`). Name variants are looked for only among keys written in several
ways. Near-duplicates are searched per (owner, company), companies compared case-folded, by
a blocked self-join on integer codes (`netinsight.nearnames`) over each (owner, company,
key) once, found by one sort (`netinsight.sortcodes`). Limits: an (owner, company) group is the
text ``owner + "\x1f" + company``; owners or companies holding that character are grouped
by hashing those texts instead of by integer arithmetic.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from netinsight.distinct import Distinct, distinct, start_distinct_columns
from netinsight.memo import keep
from netinsight.names import casefold
from netinsight.nearnames import near_duplicate_codes
from netinsight.personcodes import People, first_rows, people_codes
from netinsight.problems import make_problems
from netinsight.rowlocator import RowLocator
from netinsight.sortcodes import run_starts, sorted_firsts

__all__ = ["name_problems", "start_name_problems"]


def name_problems(log: pd.DataFrame, at: RowLocator, *, people: People | None = None) -> list[pd.DataFrame]:
    """Names written in several ways, and near-duplicate names at one company.

    `people` (from `people_codes`) saves keying the names again when several checks run.

    Examples
    --------
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({"date": ["2026-01-05"] * 3, "contact": ["Jon Smith", "John Smith", "jon smith"],
    ...                              "company": ["Acme", "ACME", "Acme"]}))
    >>> [(p["line"].tolist(), p["code"].tolist()) for p in name_problems(log, RowLocator(log))]
    [([3], ['name_variant']), ([2], ['near_duplicate_name'])]
    """
    return _name_problems(log, at, people_codes(log) if people is None else people)


def start_name_problems(log: pd.DataFrame, at: RowLocator, people: People) -> Callable[[], list[pd.DataFrame]]:
    """`name_problems`, the hashing of the companies started on a thread now; call the result to collect the problems.

    This thread may go on with other work meanwhile (the date checks of `netinsight.validate`);
    the log must not change until then.

    Examples
    --------
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({"date": ["2026-01-05"] * 2, "contact": ["Jon Smith", "John Smith"],
    ...                              "company": ["Acme", "ACME"]}))
    >>> [p["code"].tolist() for p in start_name_problems(log, RowLocator(log), people_codes(log))()]
    [['near_duplicate_name']]
    """
    companies = start_distinct_columns([log["company"]], rows=len(log))
    return lambda: _name_problems(log, at, people, companies()[0])


def _name_problems(
    log: pd.DataFrame, at: RowLocator, people: People, companies: Distinct | None = None
) -> list[pd.DataFrame]:
    owner, owner_names, key, _, keys, written_d = people[:6]
    width = len(keys) + 1
    shown = written_d.values.to_numpy(dtype=object)
    out = []
    # a person written in several ways has a key written in several ways somewhere: only those rows
    key_of_written = np.full(len(shown), -1, dtype=np.int64)
    key_of_written[written_d.codes] = key
    several_ways = np.bincount(key_of_written[key_of_written >= 0], minlength=len(keys)) > 1
    several_ways = np.append(several_ways, False)[key_of_written]  # per text written (no key: -1, the False)
    rows = np.flatnonzero(several_ways[written_d.codes])  # a row's key is its written text's
    person, first_of_person = first_rows(owner[rows] * width + key[rows])
    written = written_d.codes[rows].astype(np.int64)
    first_written = written[first_of_person[person]]
    spelled = pd.unique(person * (len(shown) + 1) + written) // (len(shown) + 1)
    spellings = np.bincount(spelled, minlength=len(first_of_person))
    later = (spellings[person] > 1) & (written != first_written)
    if later.any():
        here, there = shown[written[later]], shown[first_written[later]]
        out.append(
            make_problems(
                code="name_variant",
                value=here,
                message=[
                    f"written {w!r} here and {f!r} elsewhere; counted as one person; write it the same way"
                    for w, f in zip(here, there, strict=True)
                ],
                **at(rows[later], "contact"),
            )
        )
    companies = distinct(log["company"]) if companies is None else companies
    text = companies.text_codes()
    if text is not None:  # handed over to the network's coding (`netinsight.logcodes.column_codes`)
        keep(log, "text:company", text)
    company_code, company_names = pd.factorize(casefold(companies.values))
    company = company_code[companies.codes]
    rows = np.flatnonzero((key >= 0) & (company >= 0))
    group, group_text = _company_groups(owner[rows], owner_names, company[rows], np.asarray(company_names, object))
    if len(group) and (int(group.max()) + 1) * width >= 2**62:  # keep (group, key) in 64 bits
        dense, uniques = pd.factorize(group)
        group, group_text = dense.astype(np.int64), _compose(group_text, np.asarray(uniques))
    triples, first_of_triple = sorted_firsts(group * width + key[rows], overwrite=True)  # (owner, company, key)
    triple_group = triples // width
    starts = run_starts(triple_group)
    sizes = np.diff(np.append(np.flatnonzero(starts), len(starts)))
    several = np.repeat(sizes > 1, sizes)  # one name at a company: no pair
    starts = starts[several]
    group_of_dense = triple_group[several][starts]  # the groups left, numbered in order
    pairs = near_duplicate_codes(np.cumsum(starts) - 1, triples[several] % width, keys)
    if len(pairs):
        pairs["group"] = group_of_dense[pairs["group"].to_numpy()]
        pairs = pairs.assign(
            group_text=group_text(pairs["group"].to_numpy()),
            a_key=keys[pairs["a"].to_numpy()],
            b_key=keys[pairs["b"].to_numpy()],
        ).sort_values(["group_text", "a_key", "b_key"], kind="stable")
        g = pairs["group"].to_numpy().astype(np.int64) * width
        row_a = rows[first_of_triple[np.searchsorted(triples, g + pairs["a"].to_numpy())]]
        row_b = rows[first_of_triple[np.searchsorted(triples, g + pairs["b"].to_numpy())]]
        later_row = np.maximum(row_a, row_b)
        name_a, name_b = shown[written_d.codes[row_a]], shown[written_d.codes[row_b]]
        here = np.where(later_row == row_b, name_b, name_a)
        other = np.where(later_row == row_b, name_a, name_b)
        out.append(
            make_problems(
                code="near_duplicate_name",
                value=here,
                message=[
                    f"probably the same person as {o!r} at the same company (similarity {r:.2f}); "
                    "write the name the same way, or add a contact_id to tell them apart"
                    for o, r in zip(other, pairs["ratio"], strict=True)
                ],
                **at(later_row, "contact"),
            )
        )
    return out


def _compose(text: Any, codes: np.ndarray[Any, Any]) -> Any:
    """`text` of the group codes that the given new codes stand for."""
    return lambda new: text(codes[new])


def _company_groups(
    owner: np.ndarray[Any, Any], owner_names: np.ndarray[Any, Any], company: np.ndarray[Any, Any], names: Any
) -> tuple[np.ndarray[Any, np.dtype[np.int64]], Any]:
    """A code per group ``owner + "\x1f" + company`` (as text), and a function from codes to that text."""
    separator = "\x1f" in "".join(map(str, owner_names)) or "\x1f" in "".join(map(str, names))  # one C-level join
    if not separator:  # the text is one-to-one with (owner, company): the pair is the code
        per_owner = len(names) + 1

        def text(codes: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
            joined: np.ndarray[Any, Any] = owner_names[codes // per_owner] + "\x1f" + names[codes % per_owner]
            return joined

        return owner * per_owner + company, text
    pair, first = first_rows(owner * (len(names) + 1) + company)
    joined = owner_names[owner[first]] + "\x1f" + names[company[first]]
    merged, uniques = pd.factorize(joined)  # equal texts are one group, as text
    unique_text = np.asarray(uniques, dtype=object)
    return merged[pair].astype(np.int64), lambda codes: unique_text[codes]
