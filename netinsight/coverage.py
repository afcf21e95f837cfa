"""Industry coverage: which industries the interviews reach, how evenly, and how it grew.

Industries are the log's normalised ``sector``. With a target list, each industry also
counts its target employers by reach (see `netinsight.reach.target_status`: reached,
reachable or untouched); employers are compared by `netinsight.employers.normalize_employer`
keys (never fuzzily). Limits: interviews without an industry are counted as "(none)" in
`industry_coverage` and left out of `concentration`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from netinsight.employers import normalize_employer
from netinsight.groups import check_period, group_frame, person_key, rate
from netinsight.reach import STATUSES, target_status
from netinsight.targets import Targets, as_targets

__all__ = ["concentration", "coverage_over_time", "industry_coverage"]


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
        counts = (
            pd.crosstab(
                [status[k] for k in keys] + [status["sector"].rename("industry")],
                pd.Categorical(status["status"], categories=STATUSES),
                dropna=False,
            ).reset_index()
            if len(status)
            else pd.DataFrame(columns=[*keys, "industry", *STATUSES])
        )
        counts.columns = [*keys, "industry", *STATUSES]
        for k in keys:
            counts[k] = counts[k].astype(out[k].dtype)
        out = out.merge(counts, on=[*keys, "industry"], how="outer")
        out["target"] = out["industry"].isin(set(status["sector"].dropna()))
        for col in ("interviews", "contacts", "companies", *STATUSES):
            out[col] = out[col].fillna(0).astype("int64")
        out["target_employers"] = out[list(STATUSES)].sum(axis=1)
        out["reached_rate"] = rate(out["reached"], out["target_employers"])
    out["all_interviews"] = (
        out.groupby(keys, observed=True, dropna=False)["interviews"].transform("sum")
        if keys
        else out["interviews"].sum()
    )
    out["share"] = rate(out["interviews"], out["all_interviews"])
    columns = ["industry", "interviews", "contacts", "companies", "all_interviews", "share", "first_date", "last_date"]
    if targets is not None:
        columns += ["target", "target_employers", *STATUSES, "reached_rate"]
    order = out.assign(_neg=-out["interviews"]).sort_values([*keys, "_neg", "industry"], kind="stable").index
    return out.loc[order, [*keys, *columns]].reset_index(drop=True)


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
