"""Write simulated interviews as a person types them: names, ids, date formats, synonyms, messy headers.

The same interviews with ``messy=False`` or ``messy=True`` differ only in presentation.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from netinsight.datasets._arrays import IntArray, _choice, _date_table, _floor, _hex, _strings, _take
from netinsight.datasets._catalogue import _tables
from netinsight.datasets._vocabulary import _CHANNELS, _MESSY_HEADERS, _NOTES, _OUTCOME_LABELS, _OUTSIDERS, _SOURCES


def _frame(sim: dict[str, IntArray], *, messy: bool, rng: np.random.Generator) -> dict[str, pd.Series[str]]:
    """Write the simulated interviews as a person types them (canonical column names)."""
    tab = _tables()
    total = sim["day"].size
    dates = [sim[k] for k in ("day", "outreach", "reply", "thanks", "follow1", "follow2")]
    lo = int(min(int(d[d >= 0].min()) for d in dates if (d >= 0).any()))
    hi = int(max(int(d.max()) for d in dates))
    table = _date_table(lo, hi)
    n_days = hi - lo + 1

    def when(days: IntArray, *, commas: bool = True, clock: bool = False) -> pd.Series[str]:
        fmt = np.zeros(days.size, dtype=np.int64)
        if messy:
            fmt = _choice(rng, (0.4, 0.15, 0.2, 0.15 if commas else 0.0, 0.1 if clock else 0.0), days.size)
            safe = np.maximum(days, lo).astype("datetime64[D]")
            day_of_month = (safe - safe.astype("datetime64[M]")).astype(np.int64) + 1
            fmt = np.where((fmt == 1) & (day_of_month <= 12), 2, fmt)  # m/d/Y only when unambiguous
        text = _take(table, np.where(days >= 0, np.where(fmt == 4, 0, fmt) * n_days + days - lo, -1))
        if clock and messy:  # some interview dates carry a time: "2026-03-14 14:30"
            hours = pd.Series(sim["minute"] // 60).astype("str").str.zfill(2)
            text = text.where(
                fmt != 4, text + " " + hours + ":" + pd.Series(sim["minute"] % 60).astype("str").str.zfill(2)
            )
        return text

    def padded(text: pd.Series[str]) -> pd.Series[str]:
        if not messy:
            return text
        pad = _choice(rng, (0.82, 0.06, 0.06, 0.06), total)
        text = text.where((pad != 1) & (pad != 3), " " + text)
        return text.where((pad != 2) & (pad != 3), text + "  ")

    name = _take(tab.name, sim["name"])
    emailed = sim["kind"] == 1
    numbered = pd.Series(sim["dup"] + 1).astype("str").where(sim["dup"] > 0, "")  # ana.ruiz2@...
    contact_id = (
        _take(tab.local, np.where(emailed, sim["name"], -1))
        + numbered
        + _take(tab.domain, np.where(emailed, sim["company"], -1))
    )
    if (sim["kind"] == 2).any():  # LinkedIn profile URLs (personal logs only; cheap there)
        slug = _take(tab.slug, np.where(sim["kind"] == 2, sim["name"], -1))
        contact_id = contact_id.fillna("https://www.linkedin.com/in/" + slug + "-" + _hex(sim["url"]))
    introducer = _take(tab.name, sim["intro"]).fillna(_take(_strings(_OUTSIDERS), sim["ext"]))
    flat = [c for group in _CHANNELS for c in group]
    starts = np.cumsum([0, *[len(g) for g in _CHANNELS[:-1]]])
    if messy:
        variant = np.where(
            rng.random(total) < 0.35,
            1 + _floor(rng.random(total), np.array([len(g) - 1 for g in _CHANNELS])[sim["channel"]]),
            0,
        )
    else:
        variant = sim["synonym"]
    channel = _take(_strings(flat), starts[sim["channel"]] + variant)
    outcomes = ["; ".join(lab for b, lab in enumerate(_OUTCOME_LABELS) if code >> b & 1) for code in range(16)]
    outcome = _take(_strings(outcomes), np.where(sim["outcome"] > 0, sim["outcome"], -1))
    follow = when(sim["follow1"], commas=False)
    follow = follow.where(sim["follow2"] < 0, follow + "; " + when(sim["follow2"], commas=False))
    answers = ("no", "yes", "No", "Yes", "N", "Y")
    prepared = sim["prepared"] + (2 * _choice(rng, (0.5, 0.3, 0.2), total) if messy else 0)
    return {
        "date": when(sim["day"], clock=True),
        "contact": padded(name),
        "contact_id": contact_id,
        "company": _take(tab.company, sim["company"]),
        "role": _take(tab.role, sim["role"]),
        "industry": _take(tab.spelling, sim["spelling"]),
        "introduced_by": padded(introducer),
        "source": _take(_strings(_SOURCES), sim["source"]),
        "channel": channel,
        "outreach_date": when(sim["outreach"]),
        "response_date": when(sim["reply"]),
        "thank_you_date": when(sim["thanks"]),
        "follow_up_date": follow,
        "outcome": outcome,
        "questions_prepared": _take(_strings(answers), prepared),
        "duration_min": pd.Series(sim["duration"]),
        "notes": _take(_strings(_NOTES), sim["note"]),
    }


def _finish(columns: dict[str, pd.Series[str]], messy: bool) -> pd.DataFrame:
    frame = pd.DataFrame(columns)
    if messy:
        frame = frame.rename(columns=_MESSY_HEADERS)
    return frame
