"""Industry coverage: which industries the interviews reach, how evenly, and how it grew.

Industries are the log's normalised ``sector``. With a target list, each industry also
counts its target employers by reach (see `netinsight.reach.target_status`: reached,
reachable or untouched); employers are compared by `netinsight.employers.normalize_employer`
keys (never fuzzily); `coverage_over_time` (in `netinsight.coveragetime`) is reachable from here.
Limits: interviews without an industry are counted as "(none)" in `industry_coverage` and left
out of `concentration`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from netinsight.coveragetime import coverage_over_time
from netinsight.employers import employer_codes
from netinsight.grouparrays import (
    IntArray,
    dense_codes,
    distinct_per_group,
    group_codes,
    group_extremes,
    keyed_table,
    rate_array,
)
from netinsight.groups import by_keys, group_frame, key_codes, log_group_codes, rate
from netinsight.memo import bare
from netinsight.memory import large_work
from netinsight.people import person_codes
from netinsight.reach import STATUSES, target_status
from netinsight.targets import Targets

__all__ = ["concentration", "coverage_over_time", "industry_coverage"]


@large_work()
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
    log = bare(log)  # without attrs, which pandas would deep-copy into every intermediate result
    keys, group, key_table = log_group_codes(log, _checked_by(by))
    labels, industry = _industry_codes(log, missing="(none)")
    width = max(len(labels), 1)
    pair, used = dense_codes(group * width + industry, max(len(key_table), 1) * width)
    of_group, of_industry = np.divmod(used, width)
    first, last = group_extremes(pair, log["date"].to_numpy(), len(used))
    values = {
        "industry": _text(labels[of_industry]),
        "interviews": np.bincount(pair, minlength=len(used)).astype(np.int64),
        "contacts": distinct_per_group(pair, person_codes(log), len(used))[0],
        "companies": distinct_per_group(pair, employer_codes(log).row_keys(), len(used))[0],
        "first_date": first,
        "last_date": last,
    }
    if targets is None:
        interviews = values["interviews"]
        all_interviews = np.bincount(of_group, weights=interviews, minlength=len(key_table)).astype(np.int64)
        values["all_interviews"] = all_interviews[of_group]
        values["share"] = rate_array(interviews, values["all_interviews"])
        rows = np.lexsort((of_industry, -interviews, of_group))
        names = (
            "industry",
            "interviews",
            "contacts",
            "companies",
            "all_interviews",
            "share",
            "first_date",
            "last_date",
        )
        return keyed_table(key_table.take(of_group[rows]), {c: values[c][rows] for c in names})
    out = keyed_table(key_table.take(of_group), values)
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


@large_work()
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
    log = bare(log)  # without attrs, which pandas would deep-copy into every intermediate result
    keys, kf = group_frame(log, _checked_by(by))
    labels, industry = _industry_codes(log, missing=None)
    known = industry >= 0
    group, key_table = group_codes(kf[known] if not known.all() else kf)
    industry = industry[known]
    width = max(len(labels), 1)
    pair, used = dense_codes(group * width + industry, max(len(key_table), 1) * width)
    of_group, of_industry = np.divmod(used, width)
    n = np.bincount(pair, minlength=len(used))
    order = np.lexsort((of_industry, -n, of_group))  # per group: most interviews first, then by name
    n, of_group, of_industry = n[order], of_group[order], of_industry[order]
    size = np.bincount(of_group, minlength=len(key_table))
    starts = (np.cumsum(size) - size).astype(np.int64)
    interviews = np.bincount(of_group, weights=n, minlength=len(key_table)).astype(np.int64)
    share = n / interviews[of_group]
    hhi = np.add.reduceat(share**2, starts) if len(n) else np.zeros(0)  # pandas sums sorted groups this way
    h = np.add.reduceat(-share * np.log(share), starts) if len(n) else np.zeros(0)
    top = starts
    if not keys and not len(key_table):
        key_table, size, interviews = pd.DataFrame(index=range(1)), np.zeros(1, np.int64), np.zeros(1, np.int64)
        top_industry, top_interviews, hhi, h = (
            pd.array([None], dtype=object),
            np.zeros(1, np.int64),
            *np.full((2, 1), np.nan),
        )
    else:
        top_industry, top_interviews = _text(labels[of_industry[top]]), n[top].astype(np.int64)
    with np.errstate(divide="ignore", invalid="ignore"):
        evenness = np.where(size > 1, h / np.log(np.where(size > 1, size, 2).astype(float)), 0.0)
    return keyed_table(
        key_table,
        {
            "interviews": interviews,
            "industries": size.astype(np.int64),
            "top_industry": top_industry,
            "top_interviews": top_interviews,
            "top_share": rate_array(top_interviews, interviews),
            "hhi": _rounded(hhi, interviews > 0),
            "evenness": _rounded(evenness, interviews > 0),
        },
    )


def _checked_by(by: str | Sequence[str] | None) -> str | Sequence[str] | None:
    """`by`, refusing ``"industry"``: the rows are industries already."""
    if "industry" in by_keys(by):
        msg = "`by` cannot name 'industry': the rows are industries already; group by another column."
        raise ValueError(msg)
    return by


def _text(values: npt.NDArray[np.object_]) -> Any:
    """Labels as pandas text (``object`` when there are none, as pandas gives for an empty group-by)."""
    return pd.array(values, dtype="str") if len(values) else pd.Series(values, dtype=object).array


def _rounded(values: npt.NDArray[np.float64], keep: npt.NDArray[np.bool_]) -> pd.arrays.FloatingArray:
    """Float64 rounded to 3 decimals, NA where not `keep` or NaN."""
    missing = ~keep | np.isnan(values)
    return pd.arrays.FloatingArray(np.round(np.where(missing, 0.0, values), 3), missing)


def _industry_codes(log: pd.DataFrame, *, missing: str | None) -> tuple[npt.NDArray[np.object_], IntArray]:
    """The industry labels in text order and each row's code; a row without one gets `missing` (or -1 for None)."""
    codes, uniques = key_codes(log, "sector")  # sorted, a missing sector last
    has_missing = len(uniques) > 0 and bool(pd.isna(uniques[-1]))
    names = np.asarray(uniques[:-1] if has_missing else uniques, dtype=object)
    if missing is not None:
        names = np.append(names, missing)  # the missing sector's code, if any, is now this name's
    elif has_missing:
        codes = np.where(codes == len(names), -1, codes)
    ranks, ranked = pd.factorize(pd.Index(names, dtype=object), sort=True)  # text order; "(none)" may be a sector too
    out = np.where(codes < 0, -1, ranks[codes] if len(ranks) else codes).astype(np.int64)
    return np.asarray(ranked, dtype=object), out
