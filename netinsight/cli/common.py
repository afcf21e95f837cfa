"""What every command shares: reading the log, printing tables, exit codes, messages.

Data goes to stdout, messages to stderr. Exit codes: 0 success, 1 problems found in the
data, 2 usage errors and sources that cannot be read.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, Final, TextIO

import numpy as np
import pandas as pd

from netinsight.io import read_log
from netinsight.policy import POLICIES
from netinsight.safety import neutralize_formulas

__all__ = [
    "EXIT_OK",
    "EXIT_PROBLEMS",
    "EXIT_USAGE",
    "POLICY_HELP",
    "UsageError",
    "add_format",
    "add_log_arguments",
    "emit",
    "load_log",
    "say",
]

EXIT_OK: Final = 0
EXIT_PROBLEMS: Final = 1
EXIT_USAGE: Final = 2


#: The help of every ``--policy`` option.
POLICY_HELP: Final = (
    f"thank-you policy: {', '.join(POLICIES)} (24 h, 48 h, 5 days) or a window like 24h, 3bd (business days), "
    "5d; add /14d for the check-in window (default: standard)"
)


class UsageError(ValueError):
    """A command-line mistake: printed as one line, exit code 2."""


def say(message: str) -> None:
    """Print a message for the person at the terminal (stderr)."""
    print(message, file=sys.stderr)


def add_log_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the LOG argument and the options that control how it is read."""
    parser.add_argument("log", metavar="LOG", help="a log file (.csv .xlsx .json .jsonl .parquet) or a folder of them")
    parser.add_argument("--sheet", help="Excel: the sheet to read (name or 0-based number; default: the first)")
    parser.add_argument("--owner", dest="default_owner", help="owner of rows that name none (default: 'me')")
    order = parser.add_mutually_exclusive_group()
    order.add_argument(
        "--dayfirst",
        dest="dayfirst",
        action="store_const",
        const=True,
        default=None,
        help="read dates like 03/04/2026 as day/month (4 March)",
    )
    order.add_argument(
        "--monthfirst",
        dest="dayfirst",
        action="store_const",
        const=False,
        help="read dates like 03/04/2026 as month/day (3 April)",
    )


def add_format(
    parser: argparse.ArgumentParser, *, default: str = "table", choices: tuple[str, ...] = ("table", "json", "csv")
) -> None:
    """Add ``--format``."""
    parser.add_argument("--format", choices=choices, default=default, help=f"output format (default: {default})")


def load_log(args: argparse.Namespace, *, quiet_problems: bool = False) -> pd.DataFrame:
    """Read the LOG argument; say on stderr when it has errors (the command goes on)."""
    sheet: str | int | None = args.sheet
    if isinstance(sheet, str) and sheet.isdigit():
        sheet = int(sheet)
    log = read_log(args.log, owner=args.default_owner, sheet=sheet, dayfirst=args.dayfirst, progress=progress)
    problems = log.attrs.get("problems")
    if not quiet_problems and problems is not None:
        errors = int((problems["severity"] == "error").sum())
        if errors:
            say(
                f"netinsight: {args.log} has {errors} problem(s) that left values unread; "
                f"run 'netinsight validate {args.log}' to see them."
            )
    return log


def progress(done: int, total: int, _name: str) -> None:
    """Show "reading 12/300 files" on stderr when it is a terminal (long folder reads)."""
    if not sys.stderr.isatty() or total < 2:
        return
    end = "\n" if done == total else ""
    print(f"\rreading {done}/{total} files", end=end, file=sys.stderr, flush=True)


def emit(frame: pd.DataFrame, fmt: str, stream: TextIO | None = None) -> None:
    """Print a table to stdout as an aligned table, JSON records or CSV."""
    stream = stream or sys.stdout
    if fmt == "json":
        json.dump(_records(frame), stream, indent=2, ensure_ascii=False, default=str)
        stream.write("\n")
    elif fmt == "csv":
        neutralize_formulas(_flat(frame)).to_csv(stream, index=False, lineterminator="\n")
    else:
        if frame.empty:
            stream.write("(no rows)\n")
        else:
            stream.write(_flat(frame).to_string(index=False) + "\n")


def _flat(frame: pd.DataFrame) -> pd.DataFrame:
    """Lists as "a; b", dates as ISO text."""
    out = frame.copy()
    for col in out.columns:
        values = out[col]
        if _holds_lists(values):
            out[col] = values.map(lambda v: "; ".join(_text(x) for x in v), na_action="ignore")
        elif pd.api.types.is_datetime64_any_dtype(values):
            out[col] = _date_strings(values)
    return out


def _holds_lists(values: pd.Series[Any]) -> bool:
    """An Arrow list column, or an object column whose first non-missing value is a list."""
    if isinstance(values.dtype, pd.ArrowDtype):
        return hasattr(values, "list")
    if values.dtype != object:
        return False
    first = values.dropna()
    return bool(len(first)) and isinstance(first.iloc[0], (list, tuple, np.ndarray))


def _date_strings(values: pd.Series[Any]) -> pd.Series[Any]:
    has_time = bool((values.dropna() != values.dropna().dt.normalize()).any())
    text: pd.Series[Any] = values.dt.strftime("%Y-%m-%d %H:%M" if has_time else "%Y-%m-%d")
    return text


def _text(value: object) -> str:
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d") if value == value.normalize() else value.isoformat()
    return str(value)


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    records = []
    flat = frame.copy()
    for col in flat.columns:
        if pd.api.types.is_datetime64_any_dtype(flat[col]):
            flat[col] = _date_strings(flat[col])
    for row in flat.to_dict(orient="records"):
        records.append({str(k): _json_value(v) for k, v in row.items()})
    return records


def _json_value(value: Any) -> Any:
    if isinstance(value, (list, tuple)) or (hasattr(value, "tolist") and not isinstance(value, (str, bytes))):
        items = value.tolist() if hasattr(value, "tolist") else value
        if isinstance(items, list):
            return [_json_value(v) for v in items]
        return _json_value(items)
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, pd.Timestamp):
        return _text(value)
    if hasattr(value, "item"):
        return value.item()
    return value
