"""Tests of netinsight.plots.network: what is drawn, never shown or saved."""

from __future__ import annotations

import pytest
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure

from netinsight.chains import UnknownPersonError
from netinsight.graph import graph_from_log
from netinsight.plots.network import plot_referral_chains, plot_referral_path
from tests.conftest import make_log
from tests.network_logs import cohort_log, hand_log


def texts(ax: Axes) -> list[str]:
    return sorted(t.get_text() for t in ax.texts)


def test_tree_labels_every_person_and_the_owner() -> None:
    ax = plot_referral_chains(graph_from_log(hand_log()))
    assert texts(ax) == ["Ana Ruiz", "Ben Okafor", "Carla Diaz", "Cy Tan", "Dan Wu", "Eve Li", "me"]
    assert ax.get_title() == "Referral chains of me"
    legend = ax.get_legend()
    assert legend is not None
    assert legend.get_title().get_text() == "industry"
    assert sorted(t.get_text() for t in legend.get_texts()) == ["Finance", "Technology", "unknown"]


def test_draws_on_the_given_axes_and_returns_it() -> None:
    ax = Figure().add_subplot()
    assert plot_referral_chains(hand_log(), ax=ax, color_by=None) is ax
    assert ax.get_legend() is None


def test_highlight_draws_the_chain_on_top() -> None:
    ax = plot_referral_chains(hand_log(), highlight="Cy Tan")
    lines = [c for c in ax.collections if isinstance(c, LineCollection)]
    assert len(lines) == 2
    highlighted = lines[1]
    assert len(highlighted.get_segments()) == 3  # me -> Ana -> Ben -> Cy
    assert highlighted.get_zorder() > lines[0].get_zorder()
    with pytest.raises(UnknownPersonError, match="did you mean 'Cy Tan'"):
        plot_referral_chains(hand_log(), highlight="Cy Tam")


def test_above_max_nodes_warns_and_marks_what_is_left_out() -> None:
    with pytest.warns(UserWarning, match=r"6 people are too many to draw readably; drawing the 3"):
        ax = plot_referral_chains(hand_log(), max_nodes=3)
    drawn = texts(ax)
    assert "Ana Ruiz" in drawn
    assert "Cy Tan" not in drawn
    assert sum(int(t.strip("+ more")) for t in drawn if t.endswith(" more")) == 3


def test_highlighted_person_is_drawn_even_when_pruned() -> None:
    with pytest.warns(UserWarning, match="too many"):
        ax = plot_referral_chains(hand_log(), max_nodes=2, highlight="Cy Tan")
    assert {"Ana Ruiz", "Ben Okafor", "Cy Tan"} <= set(texts(ax))


def test_every_owner_and_color_choices() -> None:
    ax = plot_referral_chains(cohort_log(), color_by="company")
    assert {"s1", "s2"} <= set(texts(ax))
    with pytest.raises(ValueError, match=r"`color_by` must be one of"):
        plot_referral_chains(hand_log(), color_by="shoe size")


def test_deterministic() -> None:
    a = plot_referral_chains(hand_log())
    b = plot_referral_chains(hand_log())
    assert [(t.get_text(), t.get_position()) for t in a.texts] == [(t.get_text(), t.get_position()) for t in b.texts]


def test_path_strip() -> None:
    ax = plot_referral_path(hand_log(), "Cy Tan")
    shown = [t.get_text() for t in ax.texts if t.get_text()]  # arrows are empty annotations
    assert shown[:3] == ["me", "Ana Ruiz", "Acme\nmet 2026-01-05"]
    assert shown[-1] == "Bluefin\nmet 2026-01-12"
    assert ax.get_title() == "How me reached Cy Tan"
    assert plot_referral_path(make_log(date=["2026-01-05"], contact=["Ana"]), "Ana", ax=ax) is ax
