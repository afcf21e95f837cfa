"""The fixed catalogue: 15,300 names, 572 companies in 22 sectors, their roles and industry spellings.

Built once (cached) from the word lists with its own fixed seed, whatever the caller's seed;
names ``[0, n_reserved)`` are kept for the cohort's shared professionals.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass

import numpy as np
from pandas.api.extensions import ExtensionArray

from netinsight.datasets._arrays import FloatArray, IntArray, _strings
from netinsight.datasets._vocabulary import (
    _COMPANIES_PER_SECTOR,
    _FIRST,
    _LAST,
    _LEGAL_P,
    _LEGAL_SUFFIXES,
    _NOT_FOR_PROFIT,
    _PARTNERS,
    _PREFIX_A,
    _PREFIX_B,
    _SECTORS,
)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()


@dataclass(frozen=True)
class _Tables:
    name: ExtensionArray  # "Ana Ruiz", index first * len(_LAST) + last
    local: ExtensionArray  # "ana.ruiz"
    slug: ExtensionArray  # "ana-ruiz"
    n_reserved: int  # names [0, n_reserved) are kept for the cohort's shared professionals
    company: ExtensionArray
    company_names: tuple[str, ...]
    domain: ExtensionArray  # "@northwind.example"
    sector: IntArray  # company -> sector
    spelling_of: IntArray  # company -> its usual industry spelling
    spelling: ExtensionArray
    spelling_start: IntArray
    spelling_count: IntArray
    role: ExtensionArray
    role_start: IntArray
    role_count: IntArray
    popularity: FloatArray  # sector -> weight


@functools.cache
def _tables() -> _Tables:
    names = [f"{first} {last}" for first in _FIRST for last in _LAST]
    locals_ = [f"{_fold(first)}.{_fold(last).replace(chr(39), '')}" for first in _FIRST for last in _LAST]
    slugs = [name.replace(".", "-") for name in locals_]
    crng = np.random.default_rng(20260105)  # a fixed catalogue, whatever the seed
    prefixes = [a + b for a in _PREFIX_A for b in _PREFIX_B]
    order = crng.permutation(len(prefixes))
    partners = [_PARTNERS[i] for i in crng.permutation(len(_PARTNERS))]
    n_pairs = {"Legal": 6, "Consulting": 2, "Finance": 2, "Marketing": 2}
    companies: list[str] = []
    domains: list[str] = []
    sectors: list[int] = []
    spelling_of: list[int] = []
    spellings: list[str] = []
    roles: list[str] = []
    spelling_start: list[int] = []
    role_start: list[int] = []
    next_prefix = 0
    next_pair = 0
    for s, (sector, _pop, typed, nouns, titles) in enumerate(_SECTORS):
        spelling_start.append(len(spellings))
        role_start.append(len(roles))
        spellings.extend(typed)
        roles.extend(titles)
        suffixes = crng.choice(len(_LEGAL_SUFFIXES), _COMPANIES_PER_SECTOR, p=_LEGAL_P)
        for k in range(_COMPANIES_PER_SECTOR):
            noun = nouns[int(crng.integers(len(nouns)))]
            if k < n_pairs.get(sector, 0):
                left, right = partners[2 * next_pair], partners[2 * next_pair + 1]
                next_pair += 1
                name = f"{left} & {right} " + ("LLP" if sector == "Legal" else noun)
                domain = f"{left}{right}".lower()
            else:
                prefix = prefixes[int(order[next_prefix])]
                next_prefix += 1
                suffix = _LEGAL_SUFFIXES[suffixes[k]]
                if sector == "Legal":
                    suffix = " LLP" if crng.random() < 0.5 else ""
                elif sector in _NOT_FOR_PROFIT:
                    suffix = ""
                name = f"{prefix} {noun}{suffix}"
                domain = prefix.lower()
            companies.append(name)
            domains.append(f"@{domain}.example")
            sectors.append(s)
            weights = np.ones(len(typed))
            weights[0] = 2.0
            spelling_of.append(spelling_start[-1] + int(crng.choice(len(typed), p=weights / weights.sum())))
    return _Tables(
        name=_strings(names),
        local=_strings(locals_),
        slug=_strings(slugs),
        n_reserved=len(names) // 3,
        company=_strings(companies),
        company_names=tuple(companies),
        domain=_strings(domains),
        sector=np.array(sectors, dtype=np.int64),
        spelling_of=np.array(spelling_of, dtype=np.int64),
        spelling=_strings(spellings),
        spelling_start=np.array(spelling_start, dtype=np.int64),
        spelling_count=np.array([len(row[2]) for row in _SECTORS], dtype=np.int64),
        role=_strings(roles),
        role_start=np.array(role_start, dtype=np.int64),
        role_count=np.array([len(row[4]) for row in _SECTORS], dtype=np.int64),
        popularity=np.array([row[1] for row in _SECTORS], dtype=np.float64),
    )
