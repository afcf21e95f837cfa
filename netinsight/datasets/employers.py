"""Ranked target-employer lists (`targets`) drawn against the matching `personal_log`.

Limits: at most 500 employers, about 45 % of them in ``personal_log(seed=seed)``.
"""

from __future__ import annotations

from typing import Final

import numpy as np
import pandas as pd

from netinsight.datasets._arrays import _choice, _strings, _take
from netinsight.datasets._catalogue import _tables
from netinsight.datasets._vocabulary import _NOT_FOR_PROFIT, _SECTORS
from netinsight.datasets.logs import _personal

__all__ = ["targets"]

_SUFFIX_WORDS: Final[frozenset[str]] = frozenset(
    {"inc", "incorporated", "corp", "corporation", "co", "company", "llc", "llp", "ltd", "limited", "plc"}
)


def _split_suffix(name: str) -> tuple[str, str]:
    head, _, tail = name.rpartition(" ")
    if head and tail.strip(".,").lower() in _SUFFIX_WORDS:
        return head, tail
    return name, ""


def _variant(name: str, how: int, for_profit: bool) -> str:
    """Spell an employer differently but equal after normalisation (case, suffix, '&', punctuation)."""
    base, suffix = _split_suffix(name)
    if "&" in base:
        return base.replace("&", "and") + (f" {suffix}" if suffix and how % 2 else "")
    if suffix == "Corp.":
        return f"{base.upper()} Corporation"
    if suffix == "Inc.":
        return f"{base}, Inc" if how % 2 else base
    if suffix:
        return base if how % 2 else name.upper()
    return f"{base} Inc." if how % 2 and for_profit else base.upper()


def targets(n: int = 45, *, seed: int = 0) -> pd.DataFrame:
    """Generate a ranked target-employer list ("40 employers, ranked") for `personal_log`.

    About 45 % of the employers are in ``personal_log(seed=seed)``: most written exactly as
    in the log, some only equal after normalisation (case, legal suffixes such as "Corp." /
    "Corporation" / "LLC", "&" / "and", punctuation); the rest are not in the log at all.

    Parameters
    ----------
    n
        Number of employers, 1 to 500.
    seed
        Seed for `numpy.random.default_rng` (and of the matching `personal_log`).

    Returns
    -------
    pandas.DataFrame
        ``employer`` and ``industry`` (strings), ``motivation`` (1-5, how much the job
        seeker wants to work there), ``posting`` (1 no relevant posting, 2 some, 3 a
        relevant posting) and ``advocacy`` (0 nobody known, 1 a LinkedIn connection,
        2 one contact interviewed, 3 several), sorted by motivation, posting, then
        advocacy, all descending.

    Examples
    --------
    >>> t = targets(12, seed=3)
    >>> t.shape, list(t.columns)
    ((12, 5), ['employer', 'industry', 'motivation', 'posting', 'advocacy'])
    >>> bool(t["motivation"].is_monotonic_decreasing)
    True
    """
    if not 1 <= n <= 500:
        raise ValueError(f"n must be between 1 and 500, got {n}")
    tab = _tables()
    sim, pool, _last = _personal(60, seed, "2026-01-05", 6)
    rng = np.random.default_rng([seed, 2])
    met = sim["company"][sim["is_rep"] == 0]
    in_log, people = np.unique(met, return_counts=True)
    n_match = min(in_log.size, round(0.45 * n))
    n_norm = max(1, round(0.4 * n_match)) if n_match >= 2 else 0
    chosen = rng.choice(in_log.size, n_match, replace=False, p=people / people.sum())
    names = pd.Series(tab.company)
    special = (names.str.contains("&", regex=False) | names.str.endswith(" Corp.")).to_numpy(bool)
    # spell some of them differently, preferring names with "&" or "Corp." ("ACME Corporation")
    respelled = np.argsort(rng.random(n_match) - special[in_log[chosen]], kind="stable")[:n_norm]
    hows = rng.integers(0, 6, n_norm)
    variants = [  # a handful of names
        _variant(tab.company_names[c], int(h), _SECTORS[tab.sector[c]][0] not in _NOT_FOR_PROFIT)
        for c, h in zip(in_log[chosen][respelled], hows, strict=True)
    ]
    others = np.setdiff1d(np.arange(names.size), in_log)
    if others.size < n - n_match:
        raise ValueError(f"n must be at most {others.size + n_match}, got {n}")
    liked = np.isin(tab.sector[others], tab.sector[pool]) * 2.0 + 1.0
    unknown = rng.choice(others, n - n_match, replace=False, p=liked / liked.sum())
    company = np.concatenate([in_log[chosen], unknown]).astype(np.int64)
    written = company.copy()
    written[respelled] = names.size + np.arange(n_norm)
    matched = np.arange(n) < n_match
    motivation = np.where(
        matched, 2 + _choice(rng, (0.1, 0.25, 0.35, 0.3), n), 1 + _choice(rng, (0.15, 0.25, 0.3, 0.2, 0.1), n)
    )
    posting = 1 + _choice(rng, (0.45, 0.35, 0.2), n)
    known = np.concatenate([people[chosen], np.zeros(n - n_match, dtype=np.int64)])
    advocacy = np.where(matched, np.where(known >= 2, 3, 2), (rng.random(n) < 0.35).astype(np.int64))
    shuffle = rng.permutation(n)
    rank = shuffle[np.lexsort((-advocacy[shuffle], -posting[shuffle], -motivation[shuffle]))]
    return pd.DataFrame(
        {
            "employer": _take(_strings([*tab.company_names, *variants]), written[rank]),
            "industry": _take(tab.spelling, tab.spelling_of[company[rank]]),
            "motivation": motivation[rank].astype(np.int64),
            "posting": posting[rank].astype(np.int64),
            "advocacy": advocacy[rank].astype(np.int64),
        }
    )
