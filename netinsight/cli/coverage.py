"""Commands on coverage and follow-up: ``coverage``, ``followup``, ``todo``, ``outcomes``, and their plots."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

import pandas as pd

from netinsight.cli.common import EXIT_OK, POLICY_HELP, UsageError, add_format, add_log_arguments, emit, load_log
from netinsight.cli.plot import add_plot_arguments, plot_runner
from netinsight.coverage import concentration, industry_coverage
from netinsight.followup import follow_up_rates, todo
from netinsight.linkedin import read_linkedin_connections
from netinsight.outcomes import outcomes
from netinsight.policy import FollowUpPolicy
from netinsight.reach import target_status, top_target_coverage
from netinsight.targets import read_targets

__all__ = ["register", "register_plots"]


def register(subparsers: Any) -> None:
    """Add ``coverage``, ``followup``, ``todo`` and ``outcomes``."""
    p = subparsers.add_parser(
        "coverage",
        help="interviews per industry, against a target list",
        description="Interviews, people and companies per industry; with --targets, the target employers "
        "reached (interviewed someone there), reachable (nobody interviewed there yet, but a LinkedIn connection "
        "works there; needs --connections) or untouched.",
    )
    add_log_arguments(p)
    p.add_argument("--targets", help="a target list of employers (employer, industry, optional scores)")
    _add_connections(p)
    p.add_argument("--by", help="group by these columns, comma-separated (e.g. owner, program, month)")
    p.add_argument(
        "--view",
        choices=("industries", "employers", "top", "concentration"),
        default="industries",
        help="industries (default), employers (each target's status; needs --targets), top (top-10/20/40 "
        "targets; needs --targets) or concentration (top industry share and evenness)",
    )
    add_format(p)
    p.set_defaults(run=_coverage)

    p = subparsers.add_parser(
        "followup",
        help="thank-you and check-in rates under a policy",
        description="Thank-you sent and on-time rates, lags, check-ins and repeat conversations.",
    )
    add_log_arguments(p)
    p.add_argument("--policy", default="standard", help=POLICY_HELP)
    p.add_argument("--by", help="group by these columns, comma-separated (owner, industry, channel, source, month)")
    p.add_argument("--today", help="leave out interviews whose window is still open on this day, YYYY-MM-DD")
    add_format(p)
    p.set_defaults(run=_followup)

    p = subparsers.add_parser(
        "todo",
        help="thank-you notes, check-ins and 3B7 steps due, most urgent first",
        description="What to do next: thank-you notes missing, check-ins due and 3B7 outreach steps "
        "(second contact after 3 business days, follow-up after 7), most urgent first.",
    )
    add_log_arguments(p)
    p.add_argument("--today", help="the day the list is for, YYYY-MM-DD (default: today)")
    p.add_argument("--policy", default="standard", help=POLICY_HELP)
    p.add_argument("--ahead", type=int, default=7, help="also list what falls due within this many days (default: 7)")
    add_format(p)
    p.set_defaults(run=_todo)

    p = subparsers.add_parser(
        "outcomes",
        help="the funnel interview -> thank-you -> check-in -> outcomes, with rates",
        description="Interviews reaching each stage (thank-you, check-in, job lead, referral, mentorship, "
        "offer), with counts and rates per group.",
    )
    add_log_arguments(p)
    p.add_argument("--by", help="group by these columns, comma-separated (e.g. source, channel, industry)")
    add_format(p)
    p.set_defaults(run=_outcomes)


def register_plots(kinds: Any) -> None:
    """Add the plot kinds ``coverage``, ``followup``, ``funnel`` and ``activity``."""
    p = kinds.add_parser("coverage", help="interviews per industry, target industries marked")
    add_plot_arguments(p)
    p.add_argument("--targets", help="a target list of employers")
    _add_connections(p)
    p.set_defaults(run=plot_runner(_draw_coverage))

    p = kinds.add_parser("followup", help="thank-you lag ECDF with the policy line, or rates by group with --by")
    add_plot_arguments(p)
    p.add_argument("--policy", default="standard", help=POLICY_HELP)
    p.add_argument("--by", help="draw rates per group of this column instead of the lag")
    p.set_defaults(run=plot_runner(_draw_followup))

    p = kinds.add_parser("funnel", help="the outcome funnel, or rates per group with --by")
    add_plot_arguments(p)
    p.add_argument("--by", help="compare the groups of this column (e.g. source)")
    p.set_defaults(run=plot_runner(_draw_funnel))

    p = kinds.add_parser("activity", help="interviews per week or month against a goal")
    add_plot_arguments(p)
    p.add_argument("--freq", default="W", help="W (weeks, default) or M (months)")
    p.add_argument("--goal", type=float, help="interviews wanted per period")
    p.set_defaults(run=plot_runner(_draw_activity))


def _add_connections(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--connections",
        metavar="FILE",
        help="LinkedIn Connections.csv: target employers where a connection works count as reachable "
        "(needs --targets; with --by owner on a log of several owners, --owner says whose they are)",
    )


def _check_connections(args: argparse.Namespace, targets: object) -> None:
    """Refuse --connections where it would change nothing (before reading any file)."""
    if not args.connections:
        return
    if getattr(args, "view", None) == "concentration":
        msg = "`--connections` does not change `--view concentration`; leave it out."
        raise UsageError(msg)
    if targets is None:
        msg = "`--connections` marks target employers as reachable: add --targets FILE."
        raise UsageError(msg)


def _read_connections(args: argparse.Namespace, log: pd.DataFrame, by: list[str] | None) -> pd.DataFrame | None:
    """The LinkedIn connections of --connections, as the log's owner's (or --owner's)."""
    if not args.connections:
        return None
    owners = log["owner"].astype(str).unique().tolist()
    owner = args.default_owner or (owners[0] if len(owners) == 1 else None)
    if owner is None and by and "owner" in by:
        msg = f"`--connections` needs `--owner` to say whose they are; the log has owners {sorted(owners)[:10]}."
        raise UsageError(msg)
    try:
        return read_linkedin_connections(args.connections, owner=owner)
    except OSError as exc:
        msg = f"{args.connections}: cannot be read ({exc.strerror or exc})."
        raise UsageError(msg) from None


def _by(args: argparse.Namespace) -> list[str] | None:
    return [c.strip() for c in args.by.split(",") if c.strip()] if args.by else None


def _policy(text: str) -> FollowUpPolicy:
    try:
        return FollowUpPolicy.parse(text)
    except ValueError as exc:
        raise UsageError(str(exc).replace("`policy`", "`--policy`")) from None


def _coverage(args: argparse.Namespace) -> int:
    needs = args.view in ("employers", "top")
    if needs and not args.targets:
        msg = f"`--view {args.view}` needs a target list: add --targets FILE."
        raise UsageError(msg)
    _check_connections(args, args.targets)
    targets = read_targets(args.targets) if args.targets else None
    log = load_log(args)
    by = _by(args)
    connections = _read_connections(args, log, by)
    table: pd.DataFrame
    if args.view == "employers" and targets is not None:
        table = target_status(log, targets, by=by, connections=connections)
    elif args.view == "top" and targets is not None:
        table = top_target_coverage(log, targets, by=by, connections=connections)
    elif args.view == "concentration":
        table = concentration(log, by=by)
    else:
        table = industry_coverage(log, targets=targets, by=by, connections=connections)
    emit(table, args.format)
    return EXIT_OK


def _followup(args: argparse.Namespace) -> int:
    policy = _policy(args.policy)
    log = load_log(args)
    emit(follow_up_rates(log, policy=policy, by=_by(args), today=args.today), args.format)
    return EXIT_OK


def _todo(args: argparse.Namespace) -> int:
    policy = _policy(args.policy)
    log = load_log(args)
    today = args.today or dt.date.today().isoformat()
    emit(todo(log, today=today, policy=policy, ahead=args.ahead), args.format)
    return EXIT_OK


def _outcomes(args: argparse.Namespace) -> int:
    log = load_log(args)
    emit(outcomes(log, by=_by(args)), args.format)
    return EXIT_OK


def _draw_coverage(log: pd.DataFrame, args: argparse.Namespace, ax: Any) -> Any:
    from netinsight.plots.coverage import plot_coverage

    _check_connections(args, args.targets)
    targets = read_targets(args.targets) if args.targets else None
    connections = _read_connections(args, log, None)
    return plot_coverage(log, targets=targets, connections=connections, ax=ax)


def _draw_followup(log: pd.DataFrame, args: argparse.Namespace, ax: Any) -> Any:
    from netinsight.plots.followup import plot_follow_up_rates, plot_thank_you_lag

    policy = _policy(args.policy)
    by = _by(args)
    if by:
        return plot_follow_up_rates(log, by=by, policy=policy, ax=ax)
    return plot_thank_you_lag(log, policy=policy, ax=ax)


def _draw_funnel(log: pd.DataFrame, args: argparse.Namespace, ax: Any) -> Any:
    from netinsight.plots.followup import plot_funnel

    return plot_funnel(log, by=args.by, ax=ax)


def _draw_activity(log: pd.DataFrame, args: argparse.Namespace, ax: Any) -> Any:
    from netinsight.plots.followup import plot_activity

    return plot_activity(log, freq=args.freq, goal=args.goal, ax=ax)
