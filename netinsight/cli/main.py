"""The ``netinsight`` entry point: builds the parser from the topic modules and runs a command.

A user's mistake (a file that cannot be read, a bad option, invalid data) is printed as
a message and an exit code, never as a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import Final

from netinsight import __version__
from netinsight.cli.common import EXIT_PROBLEMS, EXIT_USAGE, UsageError, say
from netinsight.problems import LogReadError, ValidationError

__all__ = ["build_parser", "main"]

#: Modules under `netinsight.cli` that add sub-commands with a ``register(subparsers)``.
COMMAND_MODULES: Final[tuple[str, ...]] = ("log", "plot", "coverage", "network", "report")


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser, every sub-command registered."""
    parser = argparse.ArgumentParser(
        prog="netinsight",
        description="Turn informational-interview logs into referral paths, coverage and follow-up insight.",
        epilog="Exit codes: 0 success, 1 problems found in the data, 2 usage error or unreadable input.",
    )
    parser.add_argument("--version", action="version", version=f"netinsight {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMAND_MODULES:
        importlib.import_module(f"netinsight.cli.{name}").register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code.

    Parameters
    ----------
    argv
        The arguments (default: ``sys.argv[1:]``).

    Returns
    -------
    int
        0 success, 1 problems found in the data, 2 usage error or unreadable input.
    """
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors and 0 on --help
        return int(exc.code or 0)
    try:
        code: int = args.run(args)
    except LogReadError as exc:
        say(f"netinsight: {exc}")
        return EXIT_USAGE
    except ValidationError as exc:
        say(f"netinsight: {exc}")
        return EXIT_PROBLEMS
    except (UsageError, KeyError, ValueError, TypeError) as exc:
        text = exc.args[0] if isinstance(exc, KeyError) and exc.args else exc
        say(f"netinsight {args.command}: {text}")
        return EXIT_USAGE
    except BrokenPipeError:  # `netinsight ... | head`
        sys.stderr.close()
        return 0
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
