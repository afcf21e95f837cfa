"""Simulate interviews as integer arrays: dates, repeat meetings, introduction chains, who, what followed.

Rows are grouped by owner and sorted by date; names, companies, roles and spellings are
indices into `netinsight.datasets._catalogue`. Limits: chains at most `_MAX_DEPTH` (5) long.
"""

from __future__ import annotations

from typing import Final

import numpy as np

from netinsight.datasets._arrays import BoolArray, IntArray, _choice, _floor
from netinsight.datasets._catalogue import _tables
from netinsight.datasets._vocabulary import _NOTES, _OUTSIDERS

_MAX_DEPTH: Final = 5  # longest introduction chain (1 = reached directly)
_P_REPEAT: Final = 0.05  # a second conversation with someone met >= 14 days before
_P_INTRO: Final = 0.62  # introduced by an earlier contact (when one exists)
_P_OUTSIDER: Final = 0.08  # of the others: introduced by someone never interviewed
_P_RECENT: Final = 0.35  # introducer is one of the last three people met
_P_SAME_COMPANY: Final = 0.3  # an introducer's colleague
_P_SHARED: Final = 0.12  # cohort: an alumni volunteer from the shared pool


def _weekdays(days: IntArray, first: int, last: int) -> IntArray:
    d = days.astype("datetime64[D]")
    forward = np.busday_offset(d, 0, roll="forward").astype(np.int64)
    backward = np.busday_offset(d, 0, roll="backward").astype(np.int64)
    return np.where(forward <= last, forward, np.where(backward >= first, backward, days))


def _rank_within(mask: BoolArray, owner: IntArray, ostart: IntArray) -> IntArray:
    """0-based rank of each True row among the True rows of its owner (rows grouped by owner)."""
    before: IntArray = np.cumsum(mask, dtype=np.int64) - mask
    return (before - before[ostart][owner]).astype(np.int64)


def _strides(rng: np.random.Generator, modulus: int, n: int) -> IntArray:
    """Random steps coprime to `modulus`, so ``(a + step * k) % modulus`` never repeats for k < modulus."""
    if modulus <= 2:
        return np.ones(n, dtype=np.int64)
    candidates = np.arange(1, modulus, dtype=np.int64)
    return rng.choice(candidates[np.gcd(candidates, modulus) == 1], n)


def _depths(parent: IntArray, outsider: BoolArray) -> IntArray:
    """Chain depth of each row: 1 reached directly, 2 introduced by an outsider, else introducer's + 1."""
    has = parent >= 0
    up = np.where(has, parent, np.arange(parent.size))
    start = np.where(outsider, 2, 1).astype(np.int64)
    depth = start
    while True:  # as many passes as the longest chain
        new: IntArray = np.where(has, depth[up] + 1, start)
        if np.array_equal(new, depth):
            return depth
        depth = new


def _deepen(
    parent: IntArray, internal: BoolArray, outsider: BoolArray, base: BoolArray, day: IntArray, cap: int
) -> None:
    """Make one chain reach depth `cap` (one owner only), in place, if the log allows it.

    Repeatedly takes the deepest person met before some "leaf" (a person who introduced
    nobody) and hands them the earliest such later leaf as an introduction. Only the leaf's
    depth changes, and never beyond `cap`.
    """
    for _ in range(3 * cap):
        depth = np.where(base, _depths(parent, outsider), 0)
        if depth.max() >= cap:
            return
        introduced_someone = np.zeros(parent.size, dtype=bool)
        introduced_someone[parent[parent >= 0]] = True
        leaf = base & ~introduced_someone
        if not leaf.any():
            return
        usable = base & (day < day[leaf].max())
        if not usable.any():
            return
        deepest = int(np.argmax(np.where(usable, depth, 0)))
        later = np.flatnonzero(leaf & (day > day[deepest]) & (depth <= depth[deepest] + 1))
        if later.size == 0:
            return
        parent[later[0]] = deepest
        internal[later[0]] = True
        outsider[later[0]] = False


def _cap_depth(rng: np.random.Generator, parent: IntArray, outsider: BoolArray, cap: int) -> IntArray:
    """Re-point each person deeper than `cap` to a random earlier ancestor no deeper than ``cap - 1``.

    Depths come from the uncapped tree, whose rows up to depth ``cap`` keep their parents, so
    one pass is exact: a re-pointed person ends at most at depth `cap`.
    """
    has = parent >= 0
    up = np.where(has, parent, np.arange(parent.size))
    depth = _depths(parent, outsider)
    over = np.flatnonzero(depth > cap)
    ancestor = parent[over]
    goal = rng.integers(1, cap, over.size)
    while True:
        climb = (depth[ancestor] > goal) & has[ancestor]
        if not climb.any():
            break
        ancestor[climb] = up[ancestor[climb]]
    capped = parent.copy()
    capped[over] = ancestor
    return capped


def _simulate(
    rng: np.random.Generator,
    sizes: IntArray,
    candidate: IntArray,
    *,
    first: int,
    last: int,
    n_shared: int,
    shared_company: IntArray,
    p_email: float,
    p_url: float,
    p_notes: float,
) -> dict[str, IntArray]:
    """Simulate the interviews of ``len(sizes)`` owners, rows grouped by owner and sorted by date.

    `candidate` is the employer of each row if it meets a new, non-shared person. Days are
    days since 1970-01-01; -1 means missing. Names, companies, roles and spellings are indices
    into `_tables`.
    """
    tab = _tables()
    total = int(sizes.sum())
    rows = np.arange(total, dtype=np.int64)
    owner = np.repeat(np.arange(sizes.size, dtype=np.int64), sizes)
    ostart = (np.cumsum(sizes) - sizes).astype(np.int64)
    span = last - first + 1
    gap = span + 30

    day = _weekdays(first + rng.integers(0, span, total), first, last)
    minute = rng.integers(32, 72, total) * 15
    order = np.argsort((owner * gap + day - first) * 1440 + minute, kind="stable")
    day, minute = day[order], minute[order]
    key = owner * gap + day - first
    new_day = np.ones(total, dtype=bool)
    new_day[1:] = key[1:] != key[:-1]
    first_of_day = np.maximum.accumulate(np.where(new_day, rows, 0))

    # repeat conversations with someone met at least 14 days earlier
    early = np.searchsorted(key, key - 14, side="left")
    is_rep = (early > ostart[owner]) & (rng.random(total) < _P_REPEAT)
    base = ~is_rep
    base_before = np.concatenate(([0], np.cumsum(base))).astype(np.int64)
    obase = base_before[ostart][owner]
    base_idx = np.flatnonzero(base)

    def nth_base(rank: IntArray) -> IntArray:
        found: IntArray = base_idx[np.minimum(obase + rank, base_idx.size - 1)]
        return found

    person = np.where(is_rep, nth_base(_floor(rng.random(total), base_before[early] - obase)), rows)

    # introductions: by an earlier contact, by an outsider, or none
    met = base_before[first_of_day] - obase  # people met on earlier days
    eligible = base & (met > 0)  # a share _P_INTRO of them per owner, in random order
    shuffled = np.lexsort((rng.random(total), ~eligible, owner))
    rank = np.empty(total, dtype=np.int64)
    rank[shuffled] = rows - ostart[owner[shuffled]]
    quota = np.floor(_P_INTRO * np.bincount(owner, weights=eligible, minlength=sizes.size) + rng.random(sizes.size))
    internal = eligible & (rank < quota[owner])
    outsider = base & ~internal & (rng.random(total) < _P_OUTSIDER)
    u = rng.random(total)
    pick = np.where(
        rng.random(total) < _P_RECENT,
        met - 1 - _floor(u, np.minimum(met, 3)),
        _floor(u, met),
    )
    parent = np.where(internal, nth_base(np.maximum(pick, 0)), -1)
    parent = _cap_depth(rng, parent, outsider, _MAX_DEPTH)
    if sizes.size == 1:
        _deepen(parent, internal, outsider, base, day, _MAX_DEPTH)
    ext_first = rng.integers(0, len(_OUTSIDERS), sizes.size)
    ext = np.where(outsider, (ext_first[owner] + (rng.random(total) < 0.35)) % len(_OUTSIDERS), -1)

    # who: shared alumni volunteers (cohort) or a regular contact; names unique per owner
    shared = np.zeros(total, dtype=bool)
    member = np.zeros(total, dtype=np.int64)
    m_name = tab.n_reserved + np.zeros(max(n_shared, 1), dtype=np.int64)
    m_role = np.zeros(max(n_shared, 1), dtype=np.int64)
    if n_shared > 0:  # a shared professional is the same person in every log
        shared = base & (rng.random(total) < _P_SHARED)
        rank = _rank_within(shared, owner, ostart)
        shared &= rank < n_shared
        offset = rng.integers(0, n_shared, sizes.size)
        member = np.where(shared, (offset[owner] + _strides(rng, n_shared, sizes.size)[owner] * rank) % n_shared, 0)
        m_name = rng.permutation(tab.n_reserved)[:n_shared].astype(np.int64)
        m_sector = tab.sector[shared_company]
        m_role = tab.role_start[m_sector] + _floor(rng.random(n_shared), tab.role_count[m_sector])
    rank = _rank_within(base & ~shared, owner, ostart)
    n_regular = len(tab.name) - tab.n_reserved
    offset = rng.integers(0, n_regular, sizes.size)
    permuted = tab.n_reserved + rng.permutation(n_regular)
    name = permuted[(offset[owner] + _strides(rng, n_regular, sizes.size)[owner] * rank) % n_regular]
    name = np.where(shared, m_name[member], name)

    company = candidate.copy()
    if n_shared > 0:
        company = np.where(shared, shared_company[member], company)
    colleague = internal & ~shared & (rng.random(total) < _P_SAME_COMPANY)
    up = np.where(parent >= 0, parent, rows)
    for _ in range(_MAX_DEPTH):  # an introducer's colleague works where the introducer works
        company = np.where(colleague, company[up], company)
    sector = tab.sector[company]
    role = np.where(shared, m_role[member], tab.role_start[sector] + _floor(rng.random(total), tab.role_count[sector]))
    spelling = np.where(
        shared | (rng.random(total) < 0.85),
        tab.spelling_of[company],
        tab.spelling_start[sector] + _floor(rng.random(total), tab.spelling_count[sector]),
    )
    kind = _choice(rng, (1 - p_email - p_url, p_email, p_url), total)
    kind = np.where(shared, 1, kind)
    # the same name at the same company in two logs: different people, different emails
    emailed = np.flatnonzero(base & (kind == 1) & ~shared)
    pair = name[emailed] * len(tab.company) + company[emailed]
    by_pair = np.argsort(pair, kind="stable")
    sorted_pair = pair[by_pair]
    group_start = np.ones(sorted_pair.size, dtype=bool)
    group_start[1:] = sorted_pair[1:] != sorted_pair[:-1]
    within = np.arange(sorted_pair.size)
    dup = np.zeros(total, dtype=np.int64)
    dup[emailed[by_pair]] = within - np.maximum.accumulate(np.where(group_start, within, 0))
    url = rng.integers(0, 16**6, total)

    # how they were reached
    source = np.select(
        [internal, outsider, shared],
        [
            np.array([5, 1, 0])[_choice(rng, (0.88, 0.07, 0.05), total)],
            np.array([5, 4])[_choice(rng, (0.55, 0.45), total)],
            np.array([0, 2, 1])[_choice(rng, (0.75, 0.1, 0.15), total)],
        ],
        _choice(rng, (0.3, 0.3, 0.12, 0.22, 0.06), total),
    )
    intro = np.where(parent >= 0, name[up], -1)
    by_person = {
        "name": name, "company": company, "role": role, "spelling": spelling, "kind": kind,
        "dup": dup, "url": url, "shared": shared, "member": member, "intro": intro, "ext": ext,
        "source": source,
    }  # fmt: skip
    out = {k: v[person] for k, v in by_person.items()}

    # what happened around each conversation
    outreach = np.where(rng.random(total) < np.where(is_rep, 0.5, 0.92), day - rng.integers(3, 21, total), -1)
    lag = _choice(rng, (0.2, 0.25, 0.2, 0.12, 0.08, 0.05, 0.04, 0.025, 0.015, 0.01, 0.01), total)
    reply = np.busday_offset(np.maximum(outreach, 0).astype("datetime64[D]"), lag, roll="forward")
    reply = np.clip(reply.astype(np.int64), outreach, day - 1)
    reply = np.where((outreach >= 0) & (rng.random(total) < 0.95), reply, -1)
    thanks = day + _choice(rng, (0.45, 0.3, 0.1, 0.07, 0.05, 0.03), total)
    thanks = np.where((rng.random(total) < 0.85) & (thanks <= last), thanks, -1)
    n_follow = _choice(rng, (0.35, 0.45, 0.2), total)
    follow1 = day + rng.integers(14, 36, total)
    follow2 = follow1 + 7 + _floor(rng.random(total), day + 57 - follow1 - 7)
    follow1 = np.where((n_follow >= 1) & (follow1 <= last), follow1, -1)
    follow2 = np.where((n_follow == 2) & (follow1 >= 0) & (follow2 <= last), follow2, -1)
    warm = (out["intro"] >= 0) | (out["ext"] >= 0)
    boost = np.where(warm, 1.25, np.where(out["source"] == 3, 0.55, 1.0))
    lead = rng.random(total) < 0.13 * boost
    referral = rng.random(total) < 0.13 * boost
    mentor = rng.random(total) < 0.1 * boost
    offer = (lead | referral) & (rng.random(total) < 0.11)
    outcome = lead * 1 + referral * 2 + mentor * 4 + offer * 8
    channel = _choice(rng, (0.33, 0.45, 0.22), total)
    out.update(
        owner=owner, day=day, minute=minute, is_rep=is_rep, outreach=outreach, reply=reply,
        thanks=thanks, follow1=follow1, follow2=follow2, outcome=outcome.astype(np.int64),
        channel=channel, synonym=(rng.random(total) < 0.06).astype(np.int64),
        prepared=(rng.random(total) < 0.8).astype(np.int64),
        duration=np.array([15, 20, 25, 30, 45, 60])[_choice(rng, (0.05, 0.15, 0.1, 0.4, 0.2, 0.1), total)],
        note=np.where(rng.random(total) < p_notes, rng.integers(0, len(_NOTES), total), -1),
    )  # fmt: skip
    return {k: np.asarray(v, dtype=np.int64) for k, v in out.items()}
