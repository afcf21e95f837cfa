"""Industry and employer coverage over time: cumulative industries and employers reached, period by period.

Industries are the log's normalised ``sector``; employers are compared by
`netinsight.employers.normalize_employer` keys, with a target list also the target industries
and employers reached. Limits: several owners are counted together; empty periods between the
first and the last interview are shown.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from netinsight.employers import normalize_employer
from netinsight.groups import check_period, rate
from netinsight.memo import bare
from netinsight.memory import large_work
from netinsight.targets import Targets, as_targets

__all__ = ["coverage_over_time"]


@large_work()
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
    log = bare(log)  # without attrs, which pandas would deep-copy into every intermediate result
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
