"""Reports: a career office's cohort report and a student's personal report, as `Report` documents.

`cohort_report` assembles the protected tables of `netinsight.cohort` (and charts drawn from
those tables only, never from the log), the privacy note and a data-quality section that
counts problems by code without any personal data. `personal_report` assembles one student's
own referral tree, coverage against targets, follow-up record and to-do list. Both return a
`netinsight.document.Report`; `netinsight.write_html` and `netinsight.write_excel` render it.
The notebook ``05-career-office-report.ipynb`` and ``netinsight report`` call these functions,
so every path builds the same report.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Final

import pandas as pd

from netinsight.cohort import (
    cohort_activity,
    cohort_employers,
    cohort_funnel,
    cohort_industries,
    cohort_students,
    cohort_summary,
)
from netinsight.document import Figure, Report, Section, Table, figure_png
from netinsight.groups import by_keys
from netinsight.memory import large_work, release_after
from netinsight.outreach import parse_today
from netinsight.policy import FollowUpPolicy
from netinsight.privacy import privacy_note
from netinsight.problems import PROBLEM_CODES

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["cohort_report", "personal_report", "problem_counts"]

#: Progress callback: (step done, steps in all, what was done).
Progress = Callable[[int, int, str], None]

_COHORT_STEPS: Final = ("summary", "activity", "industries", "outcomes", "employers", "data quality", "charts")


def problem_counts(problems: pd.DataFrame) -> pd.DataFrame:
    """Problems counted by code, without any value, name, file or line: safe to publish.

    Parameters
    ----------
    problems
        A problems table (`netinsight.validate_log`). Not modified.

    Returns
    -------
    pandas.DataFrame
        ``severity``, ``code``, ``problems`` (rows affected) and ``meaning``, errors first,
        then most frequent.

    Examples
    --------
    >>> from netinsight.problems import make_problems
    >>> p = make_problems(code="bad_date", file="a.csv", line=[2, 3], column="date", value="x", message="m")
    >>> problem_counts(p).values.tolist()
    [['error', 'bad_date', 2, 'a date that cannot be read']]
    """
    counts = problems.groupby(["severity", "code"], observed=True).size().rename("problems").reset_index()
    order = {"error": 0, "warning": 1, "info": 2}
    counts = counts.assign(_order=counts["severity"].map(order))
    counts = counts.sort_values(["_order", "problems", "code"], ascending=[True, False, True], kind="stable")
    counts["meaning"] = counts["code"].map(lambda c: PROBLEM_CODES.get(c, ("", ""))[1])
    counts["problems"] = counts["problems"].astype("int64")
    return counts.drop(columns="_order").reset_index(drop=True)


def _figure(plot: Callable[..., Axes], data: Any, title: str, alt: str, **options: Any) -> tuple[Figure]:
    """``plot(data, ax=None, **options)`` drawn on a new figure, as a one-figure tuple for a `Section`."""
    ax = plot(data, ax=None, **options)
    fig = ax.get_figure(root=True)
    if fig is None:  # pragma: no cover - a new Axes always has a figure
        msg = "the chart has no figure"
        raise ValueError(msg)
    return (Figure(title=title, png=figure_png(fig), alt=alt),)


def _cell(table: pd.DataFrame, column: str) -> Any:
    """The total row's value of `column` (the last row), or the marker it was published as."""
    return table[column].iloc[-1] if len(table) and column in table.columns else None


def _text(value: Any, *, percent: bool = False) -> str:
    if value is None or (isinstance(value, float) and value != value) or value is pd.NA:
        return "—"
    if isinstance(value, str):
        return value
    if percent:
        return f"{float(value):.1%}"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.1f}"
    return f"{int(value):,}"


@large_work()
def cohort_report(
    log: pd.DataFrame,
    *,
    by: str | Sequence[str] = ("program",),
    roster: pd.DataFrame | None = None,
    policy: str | FollowUpPolicy = "standard",
    min_cell: int = 10,
    today: object = None,
    charts: bool = True,
    students_key: bytes | None = None,
    title: str = "Informational interviews: cohort report",
    problems: pd.DataFrame | None = None,
    progress: Progress | None = None,
) -> Report:
    """A career office's cohort report: protected tables, charts of them, privacy note, data quality.

    Parameters
    ----------
    log
        A cohort log from `netinsight.read_log`. Not modified.
    by
        The groups of the summary and follow-up tables (e.g. ``("program", "class_year")``).
    roster
        Optional roster (`netinsight.read_roster`) for participation rates.
    policy
        The follow-up policy.
    min_cell
        The smallest number of students a published figure rests on (at least 5).
    today
        The day the report describes: interviews whose follow-up windows are still open
        are not yet counted as late, and the data-quality check flags dates after it.
    charts
        Draw the charts (False for a faster report of tables only).
    students_key
        When given, a pseudonymised student-level table is added (`cohort_students`).
    title
        The report's title.
    problems
        The log's problems from `netinsight.validate_log` when already at hand (otherwise the
        log is validated here, with `today`), for the data-quality section.
    progress
        Called after each step with (done, total, step name).

    Returns
    -------
    netinsight.document.Report

    Examples
    --------
    >>> from netinsight.datasets import cohort_log
    >>> from netinsight import read_log
    >>> report = cohort_report(read_log(cohort_log(40, interviews_per_student=3, seed=1)), min_cell=5, charts=False)
    >>> [s.heading for s in report.sections][:3]
    ['Summary by program', 'Activity over time', 'Industries reached']
    """
    from netinsight.validate import validate_log

    keys = by_keys(by)
    steps = [s for s in _COHORT_STEPS if charts or s != "charts"]

    def done(step: str) -> None:
        release_after(len(log))  # each step's temporaries, before the next step
        if progress is not None:
            progress(steps.index(step) + 1, len(steps), step)

    summary = cohort_summary(log, by=keys, roster=roster, policy=policy, min_cell=min_cell, today=today)
    done("summary")
    period = "term" if "term" in log.columns and log["term"].notna().any() else "month"
    monthly = cohort_activity(log, by="month", min_cell=min_cell)
    by_period = cohort_activity(log, by=period, min_cell=min_cell) if period != "month" else None
    done("activity")
    industries = cohort_industries(log, min_cell=min_cell)
    done("industries")
    funnel = cohort_funnel(log, min_cell=min_cell)
    done("outcomes")
    employers = cohort_employers(log, min_cell=min_cell)
    done("employers")
    if problems is None:
        problems = validate_log(log, strict=False, today=None if today is None else parse_today(today))
    quality = problem_counts(problems)
    done("data quality")
    group = ", ".join(k.replace("_", " ") for k in keys) or "cohort"
    figures: dict[str, tuple[Figure, ...]] = {"activity": (), "industries": (), "rates": (), "funnel": ()}
    if charts:
        from netinsight.plots.cohort import (
            plot_cohort_activity,
            plot_cohort_funnel,
            plot_cohort_industries,
            plot_cohort_rates,
        )

        figures = {
            "activity": _figure(
                plot_cohort_activity, monthly, "Interviews per month", "Bar chart of interviews per month"
            ),
            "industries": _figure(
                plot_cohort_industries, industries, "Industries reached", "Bar chart of students per industry"
            ),
            "rates": _figure(
                plot_cohort_rates,
                summary,
                f"Follow-up by {group}",
                f"Bar chart of on-time and check-in rates by {group}",
            ),
            "funnel": _figure(
                plot_cohort_funnel, funnel, "Outcome funnel", "Bar chart of the share of interviews reaching each stage"
            ),
        }
        done("charts")
    privacy = summary.attrs.get("privacy", {})
    suppressed = sum(t.attrs.get("privacy", {}).get("suppressed", 0) for t in (summary, monthly, industries, funnel))
    coded = sum(t.attrs.get("privacy", {}).get("coded", 0) for t in (summary, monthly, industries, funnel))
    note = privacy_note(min_cell=privacy.get("min_cell", min_cell), suppressed=suppressed, coded=coded)
    left_out = employers.attrs.get("privacy", {}).get("left_out", 0)
    sections = [
        Section(
            heading=f"Summary by {group}",
            paragraphs=(
                (
                    "Students are counted once per group (and once in the total); interviews are totals. "
                    "Rates of thank-you notes on time and check-ins follow the "
                    f"'{FollowUpPolicy.parse(policy).name}' policy; referral and job-lead rates are shares of "
                    "interviews; the introduced share is the share of contacts reached through an introduction."
                ),
            ),
            tables=(Table(f"Summary by {group}", summary, sheet="Summary"),),
            figures=figures["rates"],
        ),
        Section(
            heading="Activity over time",
            paragraphs=("Students active and interviews held in each period.",),
            tables=(
                Table("Activity by month", monthly, sheet="Activity by month"),
                *(
                    (Table(f"Activity by {period}", by_period, sheet=f"Activity by {period}"),)
                    if by_period is not None
                    else ()
                ),
            ),
            figures=figures["activity"],
        ),
        Section(
            heading="Industries reached",
            paragraphs=("Students who held at least one interview in each industry (normalised sectors).",),
            tables=(Table("Industries reached", industries, sheet="Industries"),),
            figures=figures["industries"],
        ),
        Section(
            heading="Outcomes",
            paragraphs=(
                "Each stage as a share of all interviews; stages are not nested (an offer does not need a check-in).",
            ),
            tables=(Table("Outcome funnel", funnel, sheet="Outcomes"),),
            figures=figures["funnel"],
        ),
        Section(
            heading="Top employers reached",
            paragraphs=(
                f"Employers reached by at least {min_cell} students; {left_out} reached by fewer are not listed.",
            ),
            tables=(Table("Top employers", employers, sheet="Employers"),),
        ),
        Section(
            heading="Data quality",
            paragraphs=(
                (
                    "Problems found in the input, counted by kind. Values, names and lines are not shown here; "
                    "run `netinsight validate` on the log to see and fix them."
                ),
            ),
            tables=(Table("Problems by kind", quality, sheet="Data quality"),),
        ),
    ]
    if students_key is not None:
        students = cohort_students(log, key=students_key, by=keys, policy=policy)
        sections.append(
            Section(
                heading="Students (pseudonymised)",
                paragraphs=(
                    (
                        "One row per student and group, under a keyed pseudonym: for internal follow-up, not for "
                        "publication (this table is not suppressed)."
                    ),
                ),
                tables=(Table("Students (pseudonymised)", students, sheet="Students"),),
            )
        )
    headline = (
        ("Students", _text(_cell(summary, "students"))),
        ("Interviews", _text(_cell(summary, "interviews"))),
        ("Interviews per student (median)", _text(_cell(summary, "interviews_per_student"))),
        ("Industries reached", _text(_cell(summary, "industries_reached"))),
        ("Thank-you notes on time", _text(_cell(summary, "on_time_rate"), percent=True)),
        ("Interviews leading to a referral", _text(_cell(summary, "referral_rate"), percent=True)),
    )
    subtitle = f"Grouped by {group}; figures resting on fewer than {min_cell} students are hidden."
    return Report(title=title, subtitle=subtitle, sections=tuple(sections), headline=headline, notes=(note,))


@large_work()
def personal_report(
    log: pd.DataFrame,
    *,
    owner: str | None = None,
    targets: pd.DataFrame | None = None,
    connections: pd.DataFrame | None = None,
    policy: str | FollowUpPolicy = "standard",
    today: object = None,
    charts: bool = True,
    title: str | None = None,
) -> Report:
    """One student's own report: referral tree, coverage against targets, follow-up record, to-do list.

    Parameters
    ----------
    log
        A log from `netinsight.read_log`. Not modified.
    owner
        Whose report (required when the log has several owners).
    targets
        Optional target list (`netinsight.read_targets`) for the coverage section.
    connections
        Optional LinkedIn connections (`netinsight.read_linkedin_connections`).
    policy
        The follow-up policy.
    today
        The day of the report, for the to-do list (default: the last interview's date).
    charts
        Draw the referral tree and the thank-you chart.
    title
        The report's title (default: "My informational interviews: " and the owner).

    Returns
    -------
    netinsight.document.Report

    Raises
    ------
    ValueError
        When the log has several owners and `owner` is not one of them.

    Examples
    --------
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({"date": ["2026-01-05", "2026-01-20"], "contact": ["Ana", "Ben"],
    ...                              "introduced_by": ["", "Ana"], "thank_you_date": ["2026-01-06", ""]}))
    >>> report = personal_report(log, charts=False)
    >>> report.title, dict(report.headline)["Interviews"]
    ('My informational interviews: me', '2')
    """
    from netinsight.chains import referral_chains
    from netinsight.coverage import industry_coverage
    from netinsight.followup import follow_up_rates, todo
    from netinsight.outcomes import outcomes
    from netinsight.reach import target_status
    from netinsight.summary import summarize_log

    mine = _owner_rows(log, owner)
    name = str(mine["owner"].iloc[0]) if len(mine) else (owner or "me")
    now = parse_today(today) if today is not None else mine["date"].max()
    summary = summarize_log(mine)
    follow = follow_up_rates(mine, policy=policy)
    chains = referral_chains(mine)
    sections = [_tree_section(mine, chains, charts)]
    if targets is not None:
        coverage = industry_coverage(mine, targets=targets, connections=connections)
        status = target_status(mine, targets, connections=connections)
        sections.append(
            Section(
                heading="Coverage of my targets",
                paragraphs=("How many of my target industries and employers my interviews have reached.",),
                tables=(Table("Industries", coverage, sheet="Coverage"), Table("Employers", status, sheet="Targets")),
                figures=_coverage_figures(mine, targets, connections) if charts else (),
            )
        )
    figures: tuple[Figure, ...] = ()
    if charts:
        from netinsight.plots.followup import plot_thank_you_lag

        figures = _figure(
            plot_thank_you_lag, mine, "Thank-you notes", "Chart of days to a thank-you note", policy=policy
        )
    sections.append(
        Section(
            heading="My follow-up record",
            paragraphs=("Thank-you notes and check-ins against the policy, and what the conversations led to.",),
            tables=(Table("Follow-up", follow, sheet="Follow-up"), Table("Outcomes", outcomes(mine), sheet="Outcomes")),
            figures=figures,
        )
    )
    if pd.notna(now):
        sections.append(
            Section(
                heading="To do",
                paragraphs=(f"What is due or overdue on {now:%Y-%m-%d}, most pressing first.",),
                tables=(Table("To do", todo(mine, today=now, policy=policy), sheet="To do"),),
            )
        )
    row = summary.iloc[0] if len(summary) else None
    headline = (
        ("Interviews", _text(row["interviews"] if row is not None else 0)),
        ("Contacts", _text(row["contacts"] if row is not None else 0)),
        ("Companies", _text(row["companies"] if row is not None else 0)),
        ("Industries", _text(row["industries"] if row is not None else 0)),
        ("Thank-you notes on time", _text(follow["on_time_rate"].iloc[0] if len(follow) else None, percent=True)),
    )
    return Report(
        title=title or f"My informational interviews: {name}",
        subtitle=f"Follow-up policy '{FollowUpPolicy.parse(policy).name}'.",
        sections=tuple(sections),
        headline=headline,
    )


def _owner_rows(log: pd.DataFrame, owner: str | None) -> pd.DataFrame:
    owners = sorted(log["owner"].dropna().astype(str).unique())
    if owner is None:
        if len(owners) > 1:
            more = " ..." if len(owners) > 10 else ""
            msg = f"the log has {len(owners)} owners; pass `owner` (one of {owners[:10]}{more})"
            raise ValueError(msg)
        return log
    if owner not in owners:
        msg = f"`owner` {owner!r} not in the log; owners in the log: {owners[:10]}{' ...' if len(owners) > 10 else ''}"
        raise ValueError(msg)
    return log[log["owner"].astype(str).eq(owner)]


def _tree_section(mine: pd.DataFrame, chains: pd.DataFrame, charts: bool) -> Section:
    figures: tuple[Figure, ...] = ()
    if charts and len(chains):
        import warnings

        from netinsight.plots.network import plot_referral_chains

        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            drawn = _figure(
                plot_referral_chains, mine, "My referral tree", "Tree of who introduced whom, from me at the root"
            )
        caption = " ".join(str(w.message) for w in caught)  # e.g. too many people: the top branches are drawn
        figures = (replace(drawn[0], caption=caption),)
    columns = [
        c for c in ("name", "depth", "chain_text", "company", "industry", "introduced_on", "downstream") if c in chains
    ]
    table = chains[columns].rename(columns={"chain_text": "chain"})
    return Section(
        heading="My referral tree",
        paragraphs=("Who introduced me to whom: depth 1 people I reached directly, depth 2 through one of them ...",),
        tables=(Table("Referral chains", table, sheet="Chains"),),
        figures=figures,
    )


def _coverage_figures(
    mine: pd.DataFrame, targets: pd.DataFrame, connections: pd.DataFrame | None
) -> tuple[Figure, ...]:
    from netinsight.plots.coverage import plot_coverage

    return _figure(
        plot_coverage,
        mine,
        "Coverage",
        "Bar chart of target industries reached",
        targets=targets,
        connections=connections,
    )
