"""Validation of an interview log: every problem at once, located, with how to fix it.

`validate_log` joins the problems found while reading (``log.attrs["problems"]``) with
the checks that need the whole log: empty contacts, dates in the wrong order, self-
introductions, introduction cycles, near-duplicate names, future dates, duplicate rows and
introducers seen nowhere else. Cycle detection peels the introduction graph with
vectorised passes; only the small remainder that lies on cycles is walked to name them.
Near-duplicate names are compared within an owner and company (or against an unknown
introducer's owner), which keeps the pairwise comparison small.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from netinsight.io import read_log
from netinsight.names import name_key, near_duplicate_pairs
from netinsight.problems import LogValidationError, concat_problems, make_problems
from netinsight.schema import DATE_COLUMNS, PROVENANCE_COLUMNS

__all__ = ["validate_log"]


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
        at = _Locator(log)
        day = pd.Timestamp(today if today is not None else pd.Timestamp.now()).normalize()
        if "contact" not in missing:
            found.append(_empty_contacts(log, at))
        found.extend(_date_order(log, at))
        found.append(_future_dates(log, at, day))
        found.append(_duplicate_rows(log, at))
        found.extend(_introductions(log, at))
        found.extend(_names(log, at))
    problems = concat_problems(found)
    if strict and (problems["severity"] == "error").any():
        raise LogValidationError(problems)
    return problems


class _Locator:
    """Where rows of the log came from, for `make_problems`."""

    def __init__(self, log: pd.DataFrame) -> None:
        self.file = log["source_file"].astype(object).fillna("<log>").to_numpy(dtype=object)
        self.line = log["source_line"].to_numpy(dtype="float64", na_value=np.nan)
        self.row_line = np.where(np.isnan(self.line), np.arange(1, len(log) + 1), self.line).astype(np.int64)
        self.headers: dict[str, dict[str, str]] = log.attrs.get("headers", {})

    def __call__(self, rows: Any, column: str) -> dict[str, Any]:
        """File, line and the column as the file names it, for the picked rows."""
        files = self.file[rows]
        names = [self.headers.get(f, {}).get(column, column) for f in files] if column else column
        return {"file": files, "line": self.row_line[rows], "column": names}


def _empty_contacts(log: pd.DataFrame, at: _Locator) -> pd.DataFrame:
    empty = log["contact"].isna().to_numpy()
    return make_problems(
        code="empty_contact",
        value=[""] * int(empty.sum()),
        message="no contact on this row; fill in who you spoke with, or delete the row",
        **at(empty, "contact"),
    )


def _date_order(log: pd.DataFrame, at: _Locator) -> list[pd.DataFrame]:
    day = log["date"].dt.normalize()
    out = []
    for col, code, earlier, message in (
        ("thank_you_date", "thank_you_before_interview", day, "the thank-you note is dated before the interview"),
        (
            "response_date",
            "response_before_outreach",
            log["outreach_date"].dt.normalize(),
            "the reply is dated before the request",
        ),
        ("outreach_date", "interview_before_outreach", day, "the interview is dated before the request for it"),
    ):
        later = log[col].dt.normalize()
        wrong = (later < earlier).to_numpy() if code != "interview_before_outreach" else (day < later).to_numpy()
        if wrong.any():
            out.append(
                make_problems(
                    code=code,
                    value=log[col].dt.strftime("%Y-%m-%d").to_numpy(dtype=object)[wrong],
                    message=f"{message}; check both dates",
                    **at(wrong, col),
                )
            )
    follow = pa.chunked_array(log["follow_up_date"].array._pa_array).combine_chunks()  # type: ignore[attr-defined]
    rows = pc.list_parent_indices(follow).to_numpy().astype(np.int64)
    if len(rows):
        dates = pc.list_flatten(follow).to_numpy(zero_copy_only=False).astype("datetime64[ns]")
        before = dates.astype("datetime64[D]") < day.to_numpy().astype("datetime64[D]")[rows]
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


def _future_dates(log: pd.DataFrame, at: _Locator, today: pd.Timestamp) -> pd.DataFrame:
    parts = []
    for col in DATE_COLUMNS:
        future = (log[col] >= today + pd.Timedelta(days=1)).to_numpy()
        if future.any():
            parts.append(
                make_problems(
                    code="future_date",
                    value=log[col].dt.strftime("%Y-%m-%d").to_numpy(dtype=object)[future],
                    message=f"this date is after today ({today:%Y-%m-%d}); check it, or plan it elsewhere",
                    **at(future, col),
                )
            )
    return concat_problems(parts)


def _duplicate_rows(log: pd.DataFrame, at: _Locator) -> pd.DataFrame:
    columns = [c for c in log.columns if c not in PROVENANCE_COLUMNS]
    keys = pd.DataFrame({c: _hashable(log[c]) for c in columns})
    repeated = keys.duplicated(keep="first").to_numpy()
    if not repeated.any():
        return concat_problems([])
    first_of = keys.groupby(columns, dropna=False, sort=False).ngroup().to_numpy()
    first_line = pd.Series(at.row_line).groupby(first_of).transform("first").to_numpy()
    return make_problems(
        code="duplicate_row",
        value=[f"same as line {n}" for n in first_line[repeated]],
        message="this row repeats an earlier one exactly; delete it unless you really met twice that day",
        **at(repeated, ""),
    )


def _hashable(values: pd.Series[Any]) -> pd.Series[Any]:
    if isinstance(values.dtype, pd.ArrowDtype) and pa.types.is_list(values.dtype.pyarrow_dtype):
        array = pa.chunked_array(values.array._pa_array).combine_chunks()  # type: ignore[attr-defined]
        as_text = array.cast(pa.list_(pa.string()))
        return pd.Series(pc.binary_join(as_text, "|").to_pandas(), index=values.index)
    return values


def _introductions(log: pd.DataFrame, at: _Locator) -> list[pd.DataFrame]:
    """Self-introductions, cycles and introducers seen nowhere else, per owner by name key."""
    owner = log["owner"].astype(str).to_numpy(dtype=object)
    contact = name_key(log["contact"]).to_numpy(dtype=object)
    introducer = name_key(log["introduced_by"]).to_numpy(dtype=object)
    has_intro = pd.notna(introducer)
    self_intro = has_intro & (introducer == contact)
    out = []
    if self_intro.any():
        out.append(
            make_problems(
                code="self_introduction",
                value=log["introduced_by"].to_numpy(dtype=object)[self_intro],
                message="this person is written as their own introducer; write who introduced you, or leave it empty",
                **at(self_intro, "introduced_by"),
            )
        )
    edge = has_intro & ~self_intro
    # one integer per (owner, name key): owners and names factorised together, no string joins
    owner_code = pd.factorize(owner)[0].astype(np.int64)
    name_codes, names_seen = pd.factorize(np.concatenate([contact, introducer]))
    contact_code, introducer_code = np.split(name_codes.astype(np.int64), 2)
    width = len(names_seen) + 1
    contact_id = np.where(contact_code >= 0, owner_code * width + contact_code, -1)
    introducer_id = np.where(introducer_code >= 0, owner_code * width + introducer_code, -1)
    ids, dense = np.unique(np.concatenate([contact_id, introducer_id]), return_inverse=True)
    dense_contact, dense_introducer = np.split(dense, 2)
    src, dst = dense_introducer[edge], dense_contact[edge]
    n_people = len(ids)
    on_cycle = _cyclic_edges(src, dst, n_people)
    if on_cycle.any():
        rows = np.flatnonzero(edge)[on_cycle]
        names = log["contact"].to_numpy(dtype=object)
        intro = log["introduced_by"].to_numpy(dtype=object)
        cycle_text = _cycle_descriptions(src[on_cycle], dst[on_cycle], rows, names, intro)
        out.append(
            make_problems(
                code="introduction_cycle",
                value=intro[rows],
                message=[
                    f"introductions go round in a circle ({c}); one of these introducers is wrong" for c in cycle_text
                ],
                **at(rows, "introduced_by"),
            )
        )
    unknown = edge & ~np.isin(introducer_id, contact_id[contact_id >= 0])
    if unknown.any():
        hints = _introducer_hints(owner, contact, introducer, unknown)
        out.append(
            make_problems(
                code="unknown_introducer",
                value=log["introduced_by"].to_numpy(dtype=object)[unknown],
                message=[
                    "this introducer was never interviewed and appears nowhere else in the log; "
                    + (f"did you mean {h!r}?" if isinstance(h, str) else "fine if so, else check the spelling")
                    for h in hints
                ],
                **at(unknown, "introduced_by"),
            )
        )
    return out


def _introducer_hints(
    owner: np.ndarray[Any, Any], contact: np.ndarray[Any, Any], introducer: np.ndarray[Any, Any], unknown: Any
) -> np.ndarray[Any, Any]:
    """For each unknown introducer, the owner's contact whose name is nearly the same (or None)."""
    contacts = pd.DataFrame({"owner": owner, "key": contact, "kind": "contact"}).dropna().drop_duplicates()
    asked = pd.DataFrame({"owner": owner[unknown], "key": introducer[unknown], "kind": "introducer"})
    both = pd.concat([contacts, asked.drop_duplicates()], ignore_index=True)
    pairs = near_duplicate_pairs(both["key"], groups=both["owner"])
    known = set(zip(contacts["owner"], contacts["key"], strict=True))
    best: dict[tuple[str, str], str] = {}
    for who, a, b in zip(pairs["group"], pairs["a"], pairs["b"], strict=True):
        for name, other in ((a, b), (b, a)):
            if (who, other) in known and (who, name) not in known:
                best.setdefault((who, name), other)
    return np.array([best.get((w, n)) for w, n in zip(asked["owner"], asked["key"], strict=True)], dtype=object)


def _cyclic_edges(src: np.ndarray[Any, Any], dst: np.ndarray[Any, Any], n: int) -> np.ndarray[Any, np.dtype[np.bool_]]:
    """Edges between nodes that lie on a cycle: peel sources and sinks until none is left."""
    alive = np.ones(len(src), dtype=bool)
    while alive.any():
        indeg = np.bincount(dst[alive], minlength=n)
        outdeg = np.bincount(src[alive], minlength=n)
        keep = alive & (indeg[src] > 0) & (outdeg[dst] > 0)
        if (keep == alive).all():
            break
        alive = keep
    if not alive.any():
        return alive
    # The remainder may hold paths between cycles; keep only edges inside a strongly connected part.
    import networkx as nx

    graph = nx.DiGraph()
    graph.add_edges_from(zip(src[alive].tolist(), dst[alive].tolist(), strict=True))
    component = {}
    for k, nodes in enumerate(nx.strongly_connected_components(graph)):
        for node in nodes:
            component[node] = k
    inside = np.array([component[a] == component[b] for a, b in zip(src[alive], dst[alive], strict=True)])
    alive[np.flatnonzero(alive)[~inside]] = False
    return alive


def _cycle_descriptions(
    src: np.ndarray[Any, Any],
    dst: np.ndarray[Any, Any],
    rows: np.ndarray[Any, Any],
    names: np.ndarray[Any, Any],
    intro: np.ndarray[Any, Any],
) -> list[str]:
    """'A introduced B, B introduced A' for the cycle each edge belongs to."""
    import networkx as nx

    graph = nx.DiGraph()
    for a, b, row in zip(src.tolist(), dst.tolist(), rows.tolist(), strict=True):
        graph.add_edge(a, b, text=f"{intro[row]} introduced {names[row]}")
    label = {}
    for nodes in nx.strongly_connected_components(graph):
        sub = graph.subgraph(nodes)
        texts = sorted({d["text"] for _, _, d in sub.edges(data=True)})
        for node in nodes:
            label[node] = ", ".join(texts)
    return [label[a] for a in src.tolist()]


def _names(log: pd.DataFrame, at: _Locator) -> list[pd.DataFrame]:
    """Names written in several ways, and near-duplicate names at one company."""
    owner = log["owner"].astype(str)
    written = log["contact"]
    key = name_key(written)
    frame = pd.DataFrame({"owner": owner, "key": key, "written": written, "company": log["company"].str.casefold()})
    frame = frame[frame["key"].notna()]
    out = []
    spellings = frame.groupby(["owner", "key"], sort=False)["written"].transform("nunique")
    variants = frame[spellings > 1]
    if len(variants):
        first = variants.groupby(["owner", "key"], sort=False)["written"].transform("first")
        later = variants["written"] != first
        rows = variants.index[later].to_numpy()
        out.append(
            make_problems(
                code="name_variant",
                value=variants.loc[later, "written"].to_numpy(dtype=object),
                message=[
                    f"written {w!r} here and {f!r} elsewhere; counted as one person; write it the same way"
                    for w, f in zip(variants.loc[later, "written"], first[later], strict=True)
                ],
                **at(rows, "contact"),
            )
        )
    distinct = frame[frame["company"].notna()].drop_duplicates(["owner", "company", "key"])
    group = distinct["owner"] + "\x1f" + distinct["company"]
    pairs = near_duplicate_pairs(distinct["key"], groups=group)
    if len(pairs):
        first_row = pd.Series(distinct.index.to_numpy(), index=pd.MultiIndex.from_arrays([group, distinct["key"]]))
        shown = pd.Series(distinct["written"].to_numpy(), index=first_row.index)
        row_a = first_row.loc[list(zip(pairs["group"], pairs["a"], strict=True))].to_numpy()
        row_b = first_row.loc[list(zip(pairs["group"], pairs["b"], strict=True))].to_numpy()
        later = np.maximum(row_a, row_b)
        name_a = shown.loc[list(zip(pairs["group"], pairs["a"], strict=True))].to_numpy()
        name_b = shown.loc[list(zip(pairs["group"], pairs["b"], strict=True))].to_numpy()
        here = np.where(later == row_b, name_b, name_a)
        other = np.where(later == row_b, name_a, name_b)
        out.append(
            make_problems(
                code="near_duplicate_name",
                value=here,
                message=[
                    f"probably the same person as {o!r} at the same company (similarity {r:.2f}); "
                    "write the name the same way, or add a contact_id to tell them apart"
                    for o, r in zip(other, pairs["ratio"], strict=True)
                ],
                **at(log.index.get_indexer(pd.Index(later)), "contact"),
            )
        )
    return out
