"""Informational-interview logs: one job seeker's (`personal_log`) and a career office's (`cohort_log`).

Limits: at most 5,000 interviews per log owner (names stay unique within a log).
"""

from __future__ import annotations

import datetime as dt
from typing import Final

import numpy as np
import pandas as pd

from netinsight.datasets._arrays import IntArray, _choice, _strings, _take, _window
from netinsight.datasets._catalogue import _tables
from netinsight.datasets._format import _finish, _frame
from netinsight.datasets._simulate import _simulate
from netinsight.datasets._vocabulary import _CLASS_YEAR_P, _CLASS_YEARS, _PROGRAM_FOCUS, _PROGRAM_P, _PROGRAMS, _SECTORS

__all__ = ["cohort_log", "personal_log"]

_MAX_PER_OWNER: Final = 5000


def _personal(
    n_interviews: int, seed: int, start: str | dt.date, months: int
) -> tuple[dict[str, IntArray], IntArray, int]:
    """Simulate one job seeker; return the arrays, the companies they could meet and the last day."""
    if not 1 <= n_interviews <= _MAX_PER_OWNER:
        raise ValueError(f"n_interviews must be between 1 and {_MAX_PER_OWNER}, got {n_interviews}")
    tab = _tables()
    first, last = _window(start, months)
    rng = np.random.default_rng(seed)
    sectors = rng.choice(len(_SECTORS), 11, replace=False, p=tab.popularity / tab.popularity.sum())
    interest = np.repeat(np.linspace(2.0, 0.6, 11), 4)
    pool = np.concatenate([rng.choice(np.flatnonzero(tab.sector == s), 4, replace=False) for s in sectors])
    weights = interest * (rng.gamma(2.0, size=pool.size) + 0.2)
    candidate = pool[rng.choice(pool.size, n_interviews, p=weights / weights.sum())]
    sim = _simulate(
        rng,
        np.array([n_interviews], dtype=np.int64),
        candidate.astype(np.int64),
        first=first,
        last=last,
        n_shared=0,
        shared_company=np.zeros(0, dtype=np.int64),
        p_email=0.45,
        p_url=0.1,
        p_notes=0.6,
    )
    return sim, pool.astype(np.int64), last


def personal_log(
    n_interviews: int = 60,
    *,
    seed: int = 0,
    start: str | dt.date = "2026-01-05",
    months: int = 6,
    messy: bool = False,
) -> pd.DataFrame:
    """Generate one job seeker's informational-interview log.

    About 60 % of the interviews come through an introduction by a contact met earlier in
    the log, a few through someone never interviewed, the rest directly; introduction
    chains are at most 5 people long and, with 20 interviews or more, one almost always reaches 5.
    A few people are met twice. Thank-you notes, follow-ups, outreach and reply dates are
    consistent with the interview date; nothing is dated after the end of the period.

    Parameters
    ----------
    n_interviews
        Number of rows (one per interview), 1 to 5,000.
    seed
        Seed for `numpy.random.default_rng`; the same arguments give the same frame.
    start
        First day of the period (ISO string or date).
    months
        Length of the period; no date in the log falls after its end.
    messy
        Write the same interviews as a careless person would: header aliases ("Date of
        interview", "Introduced By", ...), mixed unambiguous date formats, stray spaces
        around names, channel synonyms, "Y"/"No" answers.

    Returns
    -------
    pandas.DataFrame
        Columns ``date, contact, contact_id, company, role, industry, introduced_by, source,
        channel, outreach_date, response_date, thank_you_date, follow_up_date, outcome,
        questions_prepared, duration_min, notes``: strings as typed (missing = NA) and
        ``duration_min`` as int64. Rows are sorted by date.

    Examples
    --------
    >>> log = personal_log(6, seed=1)
    >>> log.shape
    (6, 17)
    >>> list(log.columns[:4])
    ['date', 'contact', 'contact_id', 'company']
    >>> bool(log["date"].is_monotonic_increasing)
    True
    >>> personal_log(6, seed=1, messy=True).columns[0]
    'Date of interview'
    """
    sim, _pool, _last = _personal(n_interviews, seed, start, months)
    columns = _frame(sim, messy=messy, rng=np.random.default_rng([seed, 1]))
    return _finish(columns, messy)


def cohort_log(
    n_students: int = 300,
    *,
    interviews_per_student: float = 8.0,
    seed: int = 0,
    start: str | dt.date = "2025-09-01",
    months: int = 9,
    messy: bool = False,
) -> pd.DataFrame:
    """Generate a career office's log of many students' informational interviews.

    Each student (``S00001``, ...) has a program and a class year, a number of interviews
    that varies around the mean (at least one) and contacts leaning to their program's
    sectors. A pool of shared professionals (alumni volunteers, about one per four students)
    appears in several students' logs under the same ``contact_id``; only that id links
    people across students.

    Parameters
    ----------
    n_students
        Number of students (at least 1).
    interviews_per_student
        Mean interviews per student, 1 to 500; the total is close to
        ``n_students * interviews_per_student``.
    seed
        Seed for `numpy.random.default_rng`; the same arguments give the same frame.
    start
        First day of the period (ISO string or date).
    months
        Length of the period; no date in the log falls after its end.
    messy
        Write the interviews with header aliases, mixed date formats, stray spaces and
        synonyms (see `personal_log`).

    Returns
    -------
    pandas.DataFrame
        ``owner``, the columns of `personal_log`, then ``program``, ``class_year`` (int64)
        and ``term`` ("Fall 2025", "Spring 2026", "Summer 2026"). Sorted by owner and date.

    Examples
    --------
    >>> log = cohort_log(5, interviews_per_student=3, seed=2)
    >>> list(log.columns[:2]), list(log.columns[-3:])
    (['owner', 'date'], ['program', 'class_year', 'term'])
    >>> log["owner"].iloc[0]
    'S00001'
    """
    if n_students < 1:
        raise ValueError(f"n_students must be at least 1, got {n_students}")
    if not 1.0 <= interviews_per_student <= 500.0:
        raise ValueError(f"interviews_per_student must be between 1 and 500, got {interviews_per_student}")
    tab = _tables()
    first, last = _window(start, months)
    rng = np.random.default_rng(seed)
    program = _choice(rng, _PROGRAM_P, n_students)
    class_year = np.array(_CLASS_YEARS)[_choice(rng, _CLASS_YEAR_P, n_students)]
    extra = interviews_per_student - 1.0
    more = rng.negative_binomial(3.0, 3.0 / (3.0 + extra), n_students) if extra > 0 else np.zeros(n_students)
    sizes = np.minimum(1 + more.astype(np.int64), _MAX_PER_OWNER)
    total = int(sizes.sum())

    # employers of new contacts, leaning to each program's sectors
    popular = rng.gamma(0.8, size=len(tab.company)) + 0.05
    sector_names = [row[0] for row in _SECTORS]
    row_program = np.repeat(program, sizes)
    u = rng.random(total)
    candidate = np.zeros(total, dtype=np.int64)
    for p, prog in enumerate(_PROGRAMS):
        focus = 0.15 * tab.popularity + np.array([_PROGRAM_FOCUS[prog].get(s, 0.0) for s in sector_names])
        cumulative = np.cumsum(focus[tab.sector] * popular)
        mask = row_program == p
        candidate[mask] = np.searchsorted(cumulative, u[mask] * cumulative[-1], side="right")
    candidate = np.minimum(candidate, len(tab.company) - 1)
    n_shared = int(np.clip(round(n_students / 4), 8, tab.n_reserved))
    general = tab.popularity[tab.sector] * popular
    shared_company = rng.choice(len(tab.company), n_shared, p=general / general.sum()).astype(np.int64)
    sim = _simulate(
        rng,
        sizes,
        candidate,
        first=first,
        last=last,
        n_shared=n_shared,
        shared_company=shared_company,
        p_email=0.5,
        p_url=0.0,
        p_notes=0.15,
    )
    width = max(5, len(str(n_students)))
    ids = _strings(("S" + pd.Series(np.arange(1, n_students + 1)).astype("str").str.zfill(width)).to_numpy(str))
    columns = {"owner": _take(ids, sim["owner"])}
    columns.update(_frame(sim, messy=messy, rng=np.random.default_rng([seed, 1])))
    columns["program"] = _take(_strings(_PROGRAMS), program[sim["owner"]])
    columns["class_year"] = pd.Series(class_year[sim["owner"]])
    days = sim["day"].astype("datetime64[D]")
    month = days.astype("datetime64[M]").astype(np.int64) % 12 + 1
    year = days.astype("datetime64[Y]").astype(np.int64) + 1970
    season = np.where(month >= 9, 0, np.where(month <= 5, 1, 2))
    lo_year = int(year.min())
    terms = [f"{s} {y}" for y in range(lo_year, int(year.max()) + 1) for s in ("Fall", "Spring", "Summer")]
    columns["term"] = _take(_strings(terms), (year - lo_year) * 3 + season)
    return _finish(columns, messy)
