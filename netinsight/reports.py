"""A career office's cohort report, as a `Report` document.

`cohort_report` assembles the protected tables of `netinsight.cohort` (and charts drawn from
those tables only, never from the log), the privacy note and a data-quality section that
counts problems by code without any personal data. It returns a `netinsight.document.Report`;
`netinsight.write_html` and `netinsight.write_excel` render it. The notebook
``05-career-office-report.ipynb`` and ``netinsight report`` call it, so every path builds the
same report. A student's own report is `netinsight.personalreport`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Final

import pandas as pd

from netinsight.cohort import cohort_students, cohort_summary
from netinsight.cohortbreakdowns import cohort_activity, cohort_employers, cohort_funnel, cohort_industries
from netinsight.document import Figure, Report, Section, Table, chart, headline_text
from netinsight.groups import by_keys
from netinsight.memory import large_work, release_after
from netinsight.outreach import parse_today
from netinsight.policy import FollowUpPolicy
from netinsight.privacy import privacy_note
from netinsight.problems import PROBLEM_CODES

__all__ = ["cohort_report", "problem_counts"]

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


def _cell(table: pd.DataFrame, column: str) -> Any:
    """The total row's value of `column` (the last row), or the marker it was published as."""
    return table[column].iloc[-1] if len(table) and column in table.columns else None


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
            "activity": chart(
                plot_cohort_activity, monthly, "Interviews per month", "Bar chart of interviews per month"
            ),
            "industries": chart(
                plot_cohort_industries, industries, "Industries reached", "Bar chart of students per industry"
            ),
            "rates": chart(
                plot_cohort_rates,
                summary,
                f"Follow-up by {group}",
                f"Bar chart of on-time and check-in rates by {group}",
            ),
            "funnel": chart(
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
        ("Students", headline_text(_cell(summary, "students"))),
        ("Interviews", headline_text(_cell(summary, "interviews"))),
        ("Interviews per student (median)", headline_text(_cell(summary, "interviews_per_student"))),
        ("Industries reached", headline_text(_cell(summary, "industries_reached"))),
        ("Thank-you notes on time", headline_text(_cell(summary, "on_time_rate"), percent=True)),
        ("Interviews leading to a referral", headline_text(_cell(summary, "referral_rate"), percent=True)),
    )
    subtitle = f"Grouped by {group}; figures resting on fewer than {min_cell} students are hidden."
    return Report(title=title, subtitle=subtitle, sections=tuple(sections), headline=headline, notes=(note,))
