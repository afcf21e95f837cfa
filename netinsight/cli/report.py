"""The ``report`` command: a career office's cohort report, or one student's personal report.

Both write one self-contained HTML file (``-o``) and, with ``--xlsx``, an Excel workbook of
the same tables. Progress goes to stderr when it is a terminal.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

import pandas as pd

from netinsight.cli.common import EXIT_OK, POLICY_HELP, UsageError, add_log_arguments, load_log, say
from netinsight.linkedin import read_linkedin_connections
from netinsight.personalreport import personal_report
from netinsight.pseudonyms import load_key
from netinsight.report_excel import write_excel
from netinsight.report_html import write_html
from netinsight.reports import cohort_report
from netinsight.roster import read_roster
from netinsight.targets import read_targets

__all__ = ["register"]


def register(subparsers: Any) -> None:
    """Add ``report``."""
    p = subparsers.add_parser(
        "report",
        help="a cohort report (career office) or a personal report, as HTML and Excel",
        description="Write a self-contained HTML report (and with --xlsx an Excel workbook of its tables). "
        "A cohort report (the default) groups students by --by and hides every figure resting on fewer than "
        "--min-cell students; --personal writes one student's own report instead.",
    )
    add_log_arguments(p)
    p.add_argument("-o", "--output", required=True, help="the HTML file to write")
    p.add_argument("--xlsx", help="also write the tables to this Excel workbook")
    p.add_argument("--by", default="program", help="cohort: group by these columns, comma-separated (default: program)")
    p.add_argument("--roster", help="cohort: a roster of every student (student id, program, ...) for participation")
    p.add_argument("--min-cell", type=int, default=10, help="cohort: hide figures resting on fewer students (>= 5)")
    p.add_argument("--policy", default="standard", help=POLICY_HELP)
    p.add_argument("--today", help="the day the report describes, YYYY-MM-DD (default: today)")
    p.add_argument("--title", help="the report's title")
    p.add_argument("--no-charts", action="store_true", help="tables only (faster)")
    p.add_argument(
        "--students",
        action="store_true",
        help="cohort: add a student-level table under keyed pseudonyms (needs a key: NETINSIGHT_KEY or --key-file)",
    )
    p.add_argument("--key-file", help="cohort: the pseudonymisation key file for --students")
    p.add_argument(
        "--personal", action="store_true", help="one student's own report (--owner O says whose, in a cohort log)"
    )
    p.add_argument("--targets", help="personal: a target list of employers for the coverage section")
    p.add_argument("--connections", help="personal: a LinkedIn Connections.csv for the coverage section")
    p.set_defaults(run=_report)


def _progress(done: int, total: int, step: str) -> None:
    if sys.stderr.isatty():
        end = "\n" if done == total else ""
        print(f"\rreport: {done}/{total} {step:<14}", end=end, file=sys.stderr, flush=True)


def _report(args: argparse.Namespace) -> int:
    personal_only = [n for n in ("targets", "connections") if getattr(args, n)]
    cohort_only = [n for n in ("roster", "key_file") if getattr(args, n)] + (["students"] if args.students else [])
    if args.personal and cohort_only:
        msg = f"--{cohort_only[0].replace('_', '-')} is for cohort reports; leave it out with --personal"
        raise UsageError(msg)
    if not args.personal and personal_only:
        msg = f"--{personal_only[0]} is for personal reports; add --personal"
        raise UsageError(msg)
    key = load_key(key_file=args.key_file) if args.students else None
    log = load_log(args)
    if args.personal:
        report = personal_report(
            log,
            owner=args.default_owner,
            targets=read_targets(args.targets) if args.targets else None,
            connections=_connections(args, log),
            policy=args.policy,
            today=args.today,
            charts=not args.no_charts,
            **({"title": args.title} if args.title else {}),
        )
    else:
        options: dict[str, Any] = {"title": args.title} if args.title else {}
        report = cohort_report(
            log,
            by=[c.strip() for c in args.by.split(",") if c.strip()],
            roster=read_roster(args.roster) if args.roster else None,
            policy=args.policy,
            min_cell=args.min_cell,
            today=args.today,
            charts=not args.no_charts,
            students_key=key,
            progress=_progress,
            **options,
        )
    path = write_html(report, args.output)
    say(f"wrote {path}")
    if args.xlsx:
        say(f"wrote {write_excel(report, args.xlsx)}")
    return EXIT_OK


def _connections(args: argparse.Namespace, log: pd.DataFrame) -> pd.DataFrame | None:
    """The LinkedIn connections of the report's owner (--owner, or the log's only owner)."""
    if not args.connections:
        return None
    owners = sorted(log["owner"].astype(str).unique())
    owner = args.default_owner or (owners[0] if len(owners) == 1 else None)
    if owner is None:
        msg = f"`--connections` needs `--owner` to say whose they are; the log has owners {owners[:10]}"
        raise UsageError(msg)
    return read_linkedin_connections(args.connections, owner=owner)
