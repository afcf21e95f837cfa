"""Target reach: which target employers the interviews reached, and how many of the top N.

A target employer is *reached* when someone there was interviewed, *reachable* when it was
not but someone in the network works there (a LinkedIn connection, when given), and
*untouched* otherwise; employers are compared with `netinsight.employers.match_employers`
(never fuzzily). Limits: "reachable" only knows the companies of interviewed contacts and of
the connections passed in; introducers who were never interviewed have no known employer.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import numpy as np
import pandas as pd

from netinsight.employers import match_employers, normalize_employer
from netinsight.groups import group_frame, person_key, rate
from netinsight.memory import large_work
from netinsight.targets import SCORES, Targets, as_targets

__all__ = ["STATUSES", "target_status", "top_target_coverage"]

#: A target employer's status, best first.
STATUSES: Final[tuple[str, ...]] = ("reached", "reachable", "untouched")


@large_work()
def target_status(
    log: pd.DataFrame,
    targets: Targets,
    *,
    by: str | Sequence[str] | None = None,
    connections: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per target employer (per group): reached, reachable or untouched, and how it matched.

    Parameters
    ----------
    log
        A log from `read_log`. Not modified.
    targets
        A target list from `read_targets`, or a path / DataFrame to read with it.
    by
        Column(s) to group by (``"owner"``, ``"program"``, ``"month"`` ...); each group's
        targets are judged on that group's interviews.
    connections
        People the owner knows, with a ``company`` column (e.g. LinkedIn connections);
        with an ``owner`` column too, each owner's connections count only for them
        when grouping by owner.

    Returns
    -------
    pandas.DataFrame
        By group then rank: the `by` keys, ``rank, employer, industry, sector``, the
        scores ``motivation, posting, advocacy``, ``status`` (one of `STATUSES`),
        ``interviews``, ``contacts`` (distinct people interviewed there),
        ``connections``, ``first_date, last_date`` and ``match, matched_as`` (how the
        employer was found among the log's and connections' companies, see
        `match_employers`).

    Examples
    --------
    >>> from netinsight import read_log
    >>> from netinsight.targets import read_targets
    >>> log = read_log(pd.DataFrame({"date": ["2026-01-05"], "contact": ["Ana"], "company": ["ACME Corporation"]}))
    >>> targets = read_targets(pd.DataFrame({"employer": ["Acme Corp.", "Bluefin"], "industry": ["Tech", "Banking"]}))
    >>> target_status(log, targets)[["employer", "status", "interviews", "match"]].values.tolist()
    [['Acme Corp.', 'reached', 1, 'normalised'], ['Bluefin', 'untouched', 0, 'not found']]
    """
    tg = as_targets(targets)
    keys, kf = group_frame(log, by)
    network = log["company"]
    conn = _connections(connections)
    if conn is not None:
        network = pd.concat([network, conn["company"]], ignore_index=True)
    matched = match_employers(tg["employer"], network)
    tg = tg[["rank", "employer", "industry", "sector", *SCORES, "key"]].assign(
        position=np.arange(len(tg)), match=matched["match"].to_numpy(), matched_as=matched["matched_as"].to_numpy()
    )
    work = kf.assign(key=normalize_employer(log["company"]), person=person_key(log), date=log["date"])
    work = work[work["key"].isin(set(tg["key"].dropna()))]
    per = (
        work.groupby([*keys, "key"], observed=True, dropna=False)
        .agg(
            interviews=("date", "size"),
            contacts=("person", "nunique"),
            first_date=("date", "min"),
            last_date=("date", "max"),
        )
        .reset_index()
    )
    if keys:
        groups = kf.drop_duplicates().sort_values(keys).reset_index(drop=True)
        out = groups.merge(tg, how="cross")
    else:
        out = tg.copy()
    out = out.merge(per, on=[*keys, "key"], how="left")
    on = [*(["owner"] if conn is not None and "owner" in conn.columns and "owner" in keys else []), "key"]
    if conn is not None:
        sizes = conn.assign(key=normalize_employer(conn["company"])).groupby(on, observed=True).size()
        counts = sizes.rename("connections").reset_index()
        if "owner" in on:
            counts["owner"] = counts["owner"].astype(out["owner"].dtype)
        out = out.merge(counts, on=on, how="left")
    else:
        out["connections"] = 0
    for col in ("interviews", "contacts", "connections"):
        out[col] = out[col].fillna(0).astype("int64")
    out["status"] = np.select(
        [out["interviews"].gt(0), out["connections"].gt(0)], ["reached", "reachable"], "untouched"
    ).astype(object)
    out = out.sort_values([*keys, "position"], kind="stable").reset_index(drop=True)
    columns = ["rank", "employer", "industry", "sector", *SCORES, "status", "interviews", "contacts", "connections"]
    return out[[*keys, *columns, "first_date", "last_date", "match", "matched_as", "position"]].drop(columns="position")


def _connections(connections: pd.DataFrame | None) -> pd.DataFrame | None:
    if connections is None:
        return None
    if not isinstance(connections, pd.DataFrame) or "company" not in connections.columns:
        found = list(connections.columns) if isinstance(connections, pd.DataFrame) else type(connections).__name__
        msg = (
            "`connections` must be a DataFrame with a 'company' column (as from read_linkedin_connections); "
            f"found {found}."
        )
        raise TypeError(msg)
    return connections


@large_work()
def top_target_coverage(
    log: pd.DataFrame,
    targets: Targets,
    *,
    top: int | Sequence[int] = (10, 20, 40),
    by: str | Sequence[str] | None = None,
    connections: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """How many of the top-N targets (by rank) are reached, reachable or untouched.

    Parameters
    ----------
    log
        A log from `read_log`. Not modified.
    targets
        A target list (see `read_targets`), best first.
    top
        One N or several.
    by, connections
        As for `target_status`.

    Returns
    -------
    pandas.DataFrame
        The `by` keys, ``top`` (N), ``targets`` (how many the top N holds: N or fewer),
        ``reached, reachable, untouched``, ``reached_rate`` (reached / targets) and
        ``network_rate`` ((reached + reachable) / targets); NA rates for no targets.

    Examples
    --------
    >>> from netinsight import read_log
    >>> from netinsight.targets import read_targets
    >>> log = read_log(pd.DataFrame({"date": ["2026-01-05"], "contact": ["Ana"], "company": ["Bluefin"]}))
    >>> targets = read_targets(pd.DataFrame({"employer": ["Acme", "Bluefin", "Cobalt"], "industry": ["Tech"] * 3}))
    >>> top_target_coverage(log, targets, top=[1, 2]).values.tolist()
    [[1, 1, 0, 0, 1, 0.0, 0.0], [2, 2, 1, 0, 1, 0.5, 0.5]]
    """
    tops = [top] if isinstance(top, int) else list(top)
    if not tops or any(not isinstance(n, (int, np.integer)) or n < 1 for n in tops):
        msg = f"`top` must be a whole number of 1 or more, or a list of them, not {top!r}."
        raise ValueError(msg)
    keys, _ = group_frame(log, by)
    status = target_status(log, targets, by=by, connections=connections)
    status["_pos"] = status.groupby(keys, observed=True, dropna=False).cumcount() if keys else np.arange(len(status))
    parts = []
    for n in tops:  # a handful of N values, each one vectorised
        part = status[status["_pos"] < n]
        dummies = pd.get_dummies(pd.Categorical(part["status"], categories=STATUSES)).astype("int64")
        dummies.index = part.index
        frame = pd.concat([part[keys], dummies], axis=1)
        if keys:
            counts = frame.groupby(keys, observed=True, dropna=False)[list(STATUSES)].sum().reset_index()
        else:
            counts = pd.DataFrame([frame[list(STATUSES)].sum().to_dict()])
        counts.insert(len(keys), "top", n)
        parts.append(counts)
    out = pd.concat(parts, ignore_index=True)
    out = out.sort_values([*keys, "top"], kind="stable").reset_index(drop=True)
    out.insert(len(keys) + 1, "targets", out[list(STATUSES)].sum(axis=1).astype("int64"))
    out["reached_rate"] = rate(out["reached"], out["targets"])
    out["network_rate"] = rate(out["reached"] + out["reachable"], out["targets"])
    return out
