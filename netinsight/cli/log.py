"""Commands on the log itself: ``validate`` and ``summary``."""

from __future__ import annotations

import argparse
from typing import Any

import pandas as pd

from netinsight.cli.common import EXIT_OK, EXIT_PROBLEMS, add_format, add_log_arguments, emit, load_log, say
from netinsight.problems import format_problems
from netinsight.summary import summarize_log
from netinsight.validate import validate_log

__all__ = ["register"]


def register(subparsers: Any) -> None:
    """Add ``validate`` and ``summary``."""
    p = subparsers.add_parser(
        "validate",
        help="check a log and list every problem",
        description="Check a log and list every problem as file:line: column: message. "
        "Exit 0 when there is no error (warnings allowed), 1 when there are errors, 2 when it cannot be read.",
    )
    add_log_arguments(p)
    add_format(p, default="text", choices=("text", "table", "json", "csv"))
    p.add_argument("--today", help="the day after which dates count as future (default: today), YYYY-MM-DD")
    p.add_argument("--errors-only", action="store_true", help="leave out warnings and notes")
    p.set_defaults(run=_validate)

    p = subparsers.add_parser(
        "summary",
        help="owners, interviews, contacts, companies, industries and date range",
        description="Headline counts of a log: owners, interviews, distinct contacts, companies, industries, "
        "first and last date.",
    )
    add_log_arguments(p)
    add_format(p)
    p.add_argument("--by", help="group by these columns, comma-separated (e.g. owner or program,class_year)")
    p.set_defaults(run=_summary)


def _validate(args: argparse.Namespace) -> int:
    log = load_log(args, quiet_problems=True)
    problems = validate_log(log, strict=False, today=args.today)
    if args.errors_only:
        problems = problems[problems["severity"] == "error"]
    if args.format == "text":
        for line in format_problems(problems):
            print(line)
    else:
        emit(problems, args.format)
    counts = problems["severity"].value_counts()
    errors, warnings = int(counts.get("error", 0)), int(counts.get("warning", 0))
    rows = len(log)
    say(f"{args.log}: {rows} interview(s), {errors} error(s), {warnings} warning(s)")
    return EXIT_PROBLEMS if errors else EXIT_OK


def _summary(args: argparse.Namespace) -> int:
    log = load_log(args)
    by = [c.strip() for c in args.by.split(",")] if args.by else None
    table: pd.DataFrame = summarize_log(log, by=by)
    emit(table, args.format)
    return EXIT_OK
