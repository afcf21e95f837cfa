"""A student's personal report: their referral tree, coverage against targets, follow-up record, to-do list.

`personal_report` assembles one student's own tables and charts as a
`netinsight.document.Report`; `netinsight.write_html` and `netinsight.write_excel` render it, and
``netinsight report --owner`` calls it. The cohort report is `netinsight.reports`.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from netinsight.document import Figure, Report, Section, Table, chart, headline_text
from netinsight.memory import large_work
from netinsight.outreach import parse_today
from netinsight.policy import FollowUpPolicy

__all__ = ["personal_report"]


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

        figures = chart(plot_thank_you_lag, mine, "Thank-you notes", "Chart of days to a thank-you note", policy=policy)
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
    on_time = follow["on_time_rate"].iloc[0] if len(follow) else None
    headline = (
        ("Interviews", headline_text(row["interviews"] if row is not None else 0)),
        ("Contacts", headline_text(row["contacts"] if row is not None else 0)),
        ("Companies", headline_text(row["companies"] if row is not None else 0)),
        ("Industries", headline_text(row["industries"] if row is not None else 0)),
        ("Thank-you notes on time", headline_text(on_time, percent=True)),
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
            drawn = chart(
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

    return chart(
        plot_coverage,
        mine,
        "Coverage",
        "Bar chart of target industries reached",
        targets=targets,
        connections=connections,
    )
