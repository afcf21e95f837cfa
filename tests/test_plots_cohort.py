"""Charts of published cohort tables: hidden cells are not drawn, coded rates are hatched at their bound."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

import netinsight as ni

SUMMARY = pd.DataFrame(
    {
        "program": ["Art", "Bio", "Chem", "Total"],
        "students": [12, "*", "*", 40],
        "on_time_rate": [0.5, "*", "*", ">95%"],
        "check_in_rate": ["<5%", "*", "*", 0.3],
    }
)


def test_rates_skip_hidden_groups_and_hatch_coded_rates() -> None:
    ax = ni.plot_cohort_rates(SUMMARY)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Art", "Total"]
    assert ax.get_title() == "Follow-up by program (2 hidden: fewer students than the threshold)"
    heights = [round(p.get_height(), 2) for p in ax.patches]
    assert heights == [0.5, 0.95, 0.05, 0.3]  # on-time Art, Total; check-in Art, Total
    assert [bool(p.get_hatch()) for p in ax.patches] == [False, True, True, False]
    assert "hatched" in ax.get_xlabel()


def test_draws_on_the_given_axes_and_returns_it() -> None:
    ax = Figure().add_subplot()
    assert ni.plot_cohort_rates(SUMMARY, ax=ax) is ax
    funnel = pd.DataFrame({"stage": ["thank_you", "offer"], "students": [30, "*"], "interviews": [80, "*"],
                           "rate": [0.8, "*"]})  # fmt: skip
    ax2 = Figure().add_subplot()
    assert ni.plot_cohort_funnel(funnel, ax=ax2) is ax2
    assert ax2.get_title() == "Outcome funnel (1 hidden: fewer students than the threshold)"


def test_industries_and_activity_leave_out_the_total_row() -> None:
    industries = pd.DataFrame({"industry": ["Finance", "Media", "Total"], "students": [14, 11, 20],
                               "student_share": [0.7, 0.55, ">95%"], "interviews": [30, 12, 42]})  # fmt: skip
    ax = ni.plot_cohort_industries(industries)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Finance", "Media"]
    activity = pd.DataFrame({"term": ["Fall 2025", "Spring 2026", "Total"], "students": [20, 22, 30],
                             "interviews": [50, 61, 111], "interviews_per_student": [2.0, 3.0, 3.0]})  # fmt: skip
    ax = ni.plot_cohort_activity(activity)
    assert [p.get_height() for p in ax.patches] == [50, 61]


def test_empty_table() -> None:
    empty = SUMMARY.iloc[:0]
    ax = ni.plot_cohort_rates(empty)
    assert len(ax.patches) == 0
