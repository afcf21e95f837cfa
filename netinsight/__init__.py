"""netinsight: informational-interview logs -> referral networks, coverage and follow-up insight."""

from __future__ import annotations

from netinsight.industries import SECTOR_ALIASES, sector_table
from netinsight.io import read_log, write_log
from netinsight.problems import PROBLEM_CODES, LogReadError, LogValidationError, ValidationError
from netinsight.summary import summarize_log, tally
from netinsight.validate import validate_log

__version__ = "0.1.0"

__all__ = [
    "PROBLEM_CODES",
    "SECTOR_ALIASES",
    "LogReadError",
    "LogValidationError",
    "ValidationError",
    "__version__",
    "read_log",
    "sector_table",
    "summarize_log",
    "tally",
    "validate_log",
    "write_log",
]
