"""Industry coverage: which industries and target employers the interviews reach, and how evenly.

Industries are the log's normalised ``sector``. A target employer is *reached* when someone
there was interviewed, *reachable* when it was not but someone in the network works there (a
LinkedIn connection, when given), and *untouched* otherwise; employers are compared with
`netinsight.targets.match_employers` (never fuzzily). Limits: "reachable" only knows the
companies of interviewed contacts and of the connections passed in; introducers who were
never interviewed have no known employer.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

import numpy as np
import pandas as pd

from netinsight.graph import person_ids
from netinsight.targets import SCORES, match_employers, normalize_employer, read_targets

__all__ = [
    "STATUSES",
    "concentration",
    "coverage_over_time",
    "industry_coverage",
    "target_status",
    "top_target_coverage",
]

#: A target employer's status, best first.
STATUSES: Final[tuple[str, ...]] = ("reached", "reachable", "untouched")

#: Periods `by` may name without the log having such a column, derived from ``date``.
DERIVED_PERIODS: Final[dict[str, str]] = {"month": "%Y-%m", "week": "week"}

Targets = pd.DataFrame | str | Path


def group_frame(log: pd.DataFrame, by: str | Sequence[str] | None) -> tuple[list[str], pd.DataFrame]:
    """The `by` keys and a frame of their values aligned with `log` ("month"/"week" derived from ``date``)."""
    keys = [by] if isinstance(by, str) else list(by or [])
    missing = [k for k in keys if k not in log.columns and k not in DERIVED_PERIODS]
    if missing:
        msg = (
            f"`by` column(s) {missing} not in log. Columns in log: {list(log.columns)}; "
            f"'month' and 'week' are derived from 'date'."
        )
        raise KeyError(msg)
    frame = pd.DataFrame(index=log.index)
    for k in keys:
        if k in log.columns:
            frame[k] = log[k]
        elif k == "week":
            frame[k] = (log["date"].dt.normalize() - pd.to_timedelta(log["date"].dt.dayofweek, unit="D")).dt.strftime(
                "%Y-%m-%d"
            )
        else:
            frame[k] = log["date"].dt.strftime(DERIVED_PERIODS[k])
    return keys, frame


def person_key(log: pd.DataFrame) -> pd.Series[Any]:
    """Each row's person (`netinsight.graph.person_ids`), scoped to the owner."""
    return log["owner"].astype("str") + "\x1f" + person_ids(log)


def rate(numerator: Any, denominator: Any) -> pd.Series[Any]:
    """numerator / denominator rounded to 3 decimals; missing (NA) where the denominator is 0."""
    num = pd.Series(numerator).astype("Float64")
    den = pd.Series(denominator, index=num.index).astype("Float64")
    return (num / den.where(den > 0)).round(3)


def check_period(freq: str) -> None:
    """Raise a clear error when `freq` is not a pandas period frequency."""
    try:
        pd.Period("2026-01-05", freq=freq)
    except (ValueError, TypeError):
        msg = f"`freq` must be a period frequency such as 'W' (weeks), 'M' (months) or 'D' (days), not {freq!r}."
        raise ValueError(msg) from None


def as_targets(targets: Targets) -> pd.DataFrame:
    """A target list from `read_targets`, a DataFrame to read with it, or a path."""
    if isinstance(targets, pd.DataFrame) and {"rank", "employer", "sector", "key"} <= set(targets.columns):
        return targets
    return read_targets(targets)


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
    return out[[*keys, *columns, "first_date", "last_date", "match", "matched_as", "position"]].drop(
        columns="position"
    )


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


def industry_coverage(
    log: pd.DataFrame,
    *,
    targets: Targets | None = None,
    by: str | Sequence[str] | None = None,
    connections: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per industry (per group): interviews, people, companies, share, dates; with targets, reach.

    Parameters
    ----------
    log
        A log from `read_log`. Not modified.
    targets
        A target list (see `read_targets`); adds target industries with no interview
        (0 interviews) and the reach columns below.
    by
        Column(s) to group by: any log column, or ``"month"`` / ``"week"`` (from ``date``).
    connections
        Contacts outside the log with a ``company`` column, for "reachable" (see `target_status`).

    Returns
    -------
    pandas.DataFrame
        The `by` keys, ``industry`` (sector; "(none)" when not given), ``interviews``,
        ``contacts`` (distinct people), ``companies`` (distinct employers),
        ``all_interviews`` (of the group) and ``share`` (interviews / all_interviews),
        ``first_date, last_date``; with `targets` also ``target`` (a target industry?),
        ``target_employers``, ``reached, reachable, untouched`` (target employers by
        status) and ``reached_rate`` (reached / target_employers, NA when there are
        none). Most interviewed first.

    Examples
    --------
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({"date": ["2026-01-05", "2026-01-09", "2026-02-02"],
    ...                              "contact": ["Ana", "Ana", "Ben"], "company": ["Acme", "Acme", "Bluefin"],
    ...                              "industry": ["Tech", "Software", "Banking"]}))
    >>> industry_coverage(log)[["industry", "interviews", "contacts", "share"]].values.tolist()
    [['Technology', 2, 1, 0.667], ['Finance', 1, 1, 0.333]]
    """
    keys, kf = group_frame(log, by)
    work = kf.assign(
        industry=log["sector"].astype(object).fillna("(none)"),
        person=person_key(log),
        company=normalize_employer(log["company"]),
        date=log["date"],
    )
    out = (
        work.groupby([*keys, "industry"], observed=True, dropna=False)
        .agg(
            interviews=("date", "size"),
            contacts=("person", "nunique"),
            companies=("company", "nunique"),
            first_date=("date", "min"),
            last_date=("date", "max"),
        )
        .reset_index()
    )
    if targets is not None:
        status = target_status(log, targets, by=by, connections=connections)
        counts = pd.crosstab(
            [status[k] for k in keys] + [status["sector"].rename("industry")],
            pd.Categorical(status["status"], categories=STATUSES),
            dropna=False,
        ).reset_index() if len(status) else pd.DataFrame(columns=[*keys, "industry", *STATUSES])
        counts.columns = [*keys, "industry", *STATUSES]
        for k in keys:
            counts[k] = counts[k].astype(out[k].dtype)
        out = out.merge(counts, on=[*keys, "industry"], how="outer")
        out["target"] = out["industry"].isin(set(status["sector"].dropna()))
        for col in ("interviews", "contacts", "companies", *STATUSES):
            out[col] = out[col].fillna(0).astype("int64")
        out["target_employers"] = out[list(STATUSES)].sum(axis=1)
        out["reached_rate"] = rate(out["reached"], out["target_employers"])
    out["all_interviews"] = out.groupby(keys, observed=True, dropna=False)["interviews"].transform("sum") if keys else (
        out["interviews"].sum()
    )
    out["share"] = rate(out["interviews"], out["all_interviews"])
    columns = ["industry", "interviews", "contacts", "companies", "all_interviews", "share", "first_date", "last_date"]
    if targets is not None:
        columns += ["target", "target_employers", *STATUSES, "reached_rate"]
    order = out.assign(_neg=-out["interviews"]).sort_values([*keys, "_neg", "industry"], kind="stable").index
    return out.loc[order, [*keys, *columns]].reset_index(drop=True)


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


def concentration(log: pd.DataFrame, *, by: str | Sequence[str] | None = None) -> pd.DataFrame:
    """How concentrated the interviews are: the top industry's share and an evenness index.

    Evenness is Pielou's index, the Shannon entropy of the industry shares divided by
    its maximum, ln(number of industries): 1 when every industry has the same number
    of interviews, near 0 when nearly all are in one; 0 for a single industry. ``hhi``
    (Herfindahl-Hirschman, the sum of squared shares) is 1 for one industry and 1/k for
    k equal ones. Interviews without an industry are left out of all of these.

    Parameters
    ----------
    log
        A log from `read_log`. Not modified.
    by
        Column(s) to group by (as for `industry_coverage`).

    Returns
    -------
    pandas.DataFrame
        The `by` keys, ``interviews`` (with an industry), ``industries``,
        ``top_industry`` (alphabetically first on a tie), ``top_interviews``,
        ``top_share``, ``hhi``, ``evenness`` (NA without interviews).

    Examples
    --------
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({"date": ["2026-01-05"] * 4, "contact": list("ABCD"),
    ...                              "industry": ["Banking", "Banking", "Banking", "Tech"]}))
    >>> concentration(log).iloc[0].to_dict()  # doctest: +NORMALIZE_WHITESPACE
    {'interviews': 4, 'industries': 2, 'top_industry': 'Finance', 'top_interviews': 3, 'top_share': 0.75,
     'hhi': 0.625, 'evenness': 0.811}
    """
    keys, kf = group_frame(log, by)
    work = kf.assign(industry=log["sector"].astype(object))
    work = work[work["industry"].notna()]
    if not keys:
        work = work.assign(_all=0)
    gk = keys or ["_all"]
    counts = work.groupby([*gk, "industry"], observed=True, dropna=False).size().rename("n").reset_index()
    counts = counts.sort_values([*gk, "n", "industry"], ascending=[True] * len(gk) + [False, True], kind="stable")
    total = counts.groupby(gk, observed=True, dropna=False)["n"].transform("sum")
    share = counts["n"] / total
    counts["sq"] = share**2
    counts["h"] = -share * np.log(share)
    grouped = counts.groupby(gk, observed=True, dropna=False, sort=True)
    out = grouped.agg(
        interviews=("n", "sum"),
        industries=("n", "size"),
        top_industry=("industry", "first"),
        top_interviews=("n", "first"),
        hhi=("sq", "sum"),
        h=("h", "sum"),
    ).reset_index()
    if not keys:
        out = out.drop(columns="_all")
        if not len(out):
            out = pd.DataFrame({"interviews": [0], "industries": [0], "top_industry": [None], "top_interviews": [0],
                                "hhi": [np.nan], "h": [np.nan]})  # fmt: skip
    out["top_share"] = rate(out["top_interviews"], out["interviews"])
    ln_k = np.log(out["industries"].where(out["industries"] > 1).astype(float))
    evenness: pd.Series[Any] = (out["h"] / ln_k).where(out["industries"] > 1, 0.0).where(out["interviews"] > 0)
    out["evenness"] = evenness.astype("Float64").round(3)
    out["hhi"] = out["hhi"].astype("Float64").where(out["interviews"] > 0).round(3)
    columns = ["interviews", "industries", "top_industry", "top_interviews", "top_share", "hhi", "evenness"]
    return out[[*keys, *columns]]


def coverage_over_time(log: pd.DataFrame, *, targets: Targets | None = None, freq: str = "W") -> pd.DataFrame:
    """Cumulative industries and employers reached, period by period.

    Parameters
    ----------
    log
        A log from `read_log`. Not modified. Several owners are counted together.
    targets
        A target list (see `read_targets`); adds cumulative target employers and
        target industries reached.
    freq
        A pandas period frequency: ``"W"`` weeks (Monday-Sunday), ``"M"`` months, ``"D"`` days.

    Returns
    -------
    pandas.DataFrame
        One row per period from the first interview to the last (empty periods
        included): ``period`` (text), ``start`` (its first day), ``interviews``,
        ``industries`` and ``employers`` (distinct so far); with `targets` also
        ``target_industries_reached``, ``target_industries``,
        ``target_employers_reached``, ``target_employers`` and ``target_reached_rate``.

    Examples
    --------
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({"date": ["2026-01-05", "2026-01-20", "2026-03-02"],
    ...                              "contact": ["A", "B", "C"], "company": ["Acme", "Bluefin", "Acme"],
    ...                              "industry": ["Tech", "Banking", "Tech"]}))
    >>> coverage_over_time(log, freq="M")[["period", "interviews", "industries", "employers"]].values.tolist()
    [['2026-01', 2, 2, 2], ['2026-02', 0, 2, 2], ['2026-03', 1, 2, 2]]
    """
    check_period(freq)
    dates = log["date"]
    known = dates.notna()
    period = dates[known].dt.to_period(freq)
    work = pd.DataFrame(
        {
            "period": period,
            "industry": log.loc[known, "sector"].astype(object),
            "employer": normalize_employer(log.loc[known, "company"]),
        }
    )
    columns = ["period", "start", "interviews", "industries", "employers"]
    target_columns = [
        "target_industries_reached",
        "target_industries",
        "target_employers_reached",
        "target_employers",
        "target_reached_rate",
    ]
    if not len(work):
        return pd.DataFrame({c: [] for c in columns + (target_columns if targets is not None else [])})
    full = pd.period_range(period.min(), period.max(), freq=period.iloc[0].freq)
    out = pd.DataFrame(index=full)
    out["interviews"] = work["period"].value_counts().reindex(full, fill_value=0)

    def cumulative_firsts(values: pd.Series[Any], keep: pd.Series[Any] | None = None) -> pd.Series[Any]:
        picked = work[values.notna() & (keep if keep is not None else True)]
        firsts = picked.groupby(values[picked.index])["period"].min()
        return firsts.value_counts().reindex(full, fill_value=0).cumsum()

    out["industries"] = cumulative_firsts(work["industry"])
    out["employers"] = cumulative_firsts(work["employer"])
    if targets is not None:
        tg = as_targets(targets)
        sectors = set(tg["sector"].dropna())
        out["target_industries_reached"] = cumulative_firsts(work["industry"], work["industry"].isin(sectors))
        out["target_industries"] = len(sectors)
        out["target_employers_reached"] = cumulative_firsts(work["employer"], work["employer"].isin(set(tg["key"])))
        out["target_employers"] = len(tg)
        out["target_reached_rate"] = rate(out["target_employers_reached"], out["target_employers"]).to_numpy()
    out = out.reset_index(names="p")
    out.insert(0, "period", out["p"].astype(str))
    out.insert(1, "start", out["p"].dt.start_time)
    return out.drop(columns="p")
