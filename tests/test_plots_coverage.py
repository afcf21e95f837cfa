from __future__ import annotations

import pandas as pd
import pytest
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from netinsight.plots.coverage import plot_coverage, plot_coverage_over_time
from netinsight.plots.followup import plot_activity, plot_follow_up_rates, plot_funnel, plot_thank_you_lag
from netinsight.targets import read_targets

from .conftest import make_log


@pytest.fixture
def log() -> pd.DataFrame:
    return make_log(
        date=["2026-03-02", "2026-03-02", "2026-03-04", "2026-03-18"],
        contact=["Ana", "Ben", "Cy", "Dee"],
        company=["Acme", "Acme", "Bluefin", "Cobalt"],
        industry=["Tech", "Tech", "Banking", "Consulting"],
        channel=["video", "phone", "video", "video"],
        thank_you_date=["2026-03-02", "2026-03-05", "", "2026-03-19"],
        outcome=["referral", "", "offer", ""],
    )


@pytest.fixture
def targets() -> pd.DataFrame:
    return read_targets(pd.DataFrame({"employer": ["Acme", "Delta"], "industry": ["Tech", "Energy"]}))


def new_ax() -> Axes:
    return Figure().add_subplot()


def test_coverage_bars_and_target_markers(log: pd.DataFrame, targets: pd.DataFrame) -> None:
    before = log.copy()
    ax = new_ax()
    assert plot_coverage(log, targets=targets, ax=ax) is ax
    bars = {t.get_text(): p.get_width() for t, p in zip(ax.get_yticklabels(), ax.patches, strict=True)}
    assert bars == {"Technology": 2, "Finance": 1, "Consulting": 1, "Energy": 0}
    texts = sorted(t.get_text() for t in ax.texts)
    assert texts == ["reached 0/1", "reached 1/1"]
    assert len(ax.collections[0].get_offsets()) == 2
    pd.testing.assert_frame_equal(log, before)


def test_coverage_over_time_lines(log: pd.DataFrame, targets: pd.DataFrame) -> None:
    ax = plot_coverage_over_time(log, targets=targets)
    lines = {line.get_label(): list(line.get_ydata()) for line in ax.get_lines()}
    assert lines["industries"] == [2, 2, 3]  # weeks of 2, 9 and 16 March
    assert lines["target employers reached"] == [1, 1, 1]
    assert lines["target employers"] == [2, 2]  # the horizontal line


@pytest.mark.parametrize(("policy", "x"), [("standard", 2.0), ("strict", 1.0), ("3bd", 3.0), ("relaxed", 5.0)])
def test_thank_you_ecdf_with_policy_line(log: pd.DataFrame, policy: str, x: float) -> None:
    ax = plot_thank_you_lag(log, policy=policy)
    ecdf, rule = ax.get_lines()
    assert list(ecdf.get_xdata()) == [0.0, 0.0, 1.0, 3.0]  # lags 0, 1, 3 days
    assert list(ecdf.get_ydata()) == pytest.approx([0, 1 / 3, 2 / 3, 1])
    assert list(rule.get_xdata()) == [x, x]
    assert ax.get_title() == "Thank-you lag (3 notes; 1 never sent)"


def test_follow_up_rates_bars(log: pd.DataFrame) -> None:
    ax = plot_follow_up_rates(log, by="channel", policy="strict")
    widths = [p.get_width() for p in ax.patches]
    # thank-you, on-time and check-in rates of phone (1 of 1, 0, 0) and video (2 of 3, 2 of 3, 0)
    assert widths == pytest.approx([1.0, 2 / 3, 0.0, 2 / 3, 0.0, 0.0], abs=1e-3)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["phone (n=1)", "video (n=3)"]


def test_too_many_groups_warns() -> None:
    many = make_log(date=["2026-03-02"] * 30, contact=[f"P{i}" for i in range(30)])
    with pytest.warns(UserWarning, match=r"30 groups make this chart hard to read"):
        plot_follow_up_rates(many, by="contact")


def test_funnel(log: pd.DataFrame) -> None:
    ax = plot_funnel(log)
    assert [p.get_width() for p in ax.patches] == [4, 3, 0, 0, 1, 0, 1, 2]
    assert [t.get_text() for t in ax.texts][:2] == ["4 (100%)", "3 (75%)"]
    by = plot_funnel(log, by="channel")
    assert len(by.patches) == 16
    assert sorted(t.get_text() for t in by.get_legend().get_texts()) == ["phone (n=1)", "video (n=3)"]


def test_activity(log: pd.DataFrame) -> None:
    ax = plot_activity(log, goal=2)
    assert [p.get_height() for p in ax.patches] == [3, 0, 1]
    assert list(ax.get_lines()[0].get_ydata()) == [2, 2]


def test_empty_log_draws_empty_axes() -> None:
    empty = make_log(date=[], contact=[])
    assert len(plot_coverage(empty).patches) == 0
    assert plot_thank_you_lag(empty).get_title() == "Thank-you lag (0 notes; 0 never sent)"
    assert len(plot_activity(empty).patches) == 0
    assert len(plot_coverage_over_time(empty).get_lines()) == 2
