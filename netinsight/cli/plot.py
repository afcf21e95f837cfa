"""``netinsight plot KIND LOG -o FILE``: the plot command; kinds come from the topic modules.

A topic module listed in `netinsight.cli.main.COMMAND_MODULES` adds plot kinds by defining
``register_plots(kinds)``: for each kind it adds a parser with `add_plot_arguments` and
``set_defaults(run=plot_runner(draw))`` where ``draw(log, args, ax)`` draws on `ax`.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from netinsight.cli.common import EXIT_OK, UsageError, add_log_arguments, load_log, say

__all__ = ["add_plot_arguments", "plot_runner", "register"]

_FORMATS = (".png", ".svg", ".pdf")


def register(subparsers: Any) -> None:
    """Add ``plot`` with every kind the topic modules offer."""
    from netinsight.cli.main import COMMAND_MODULES

    p = subparsers.add_parser(
        "plot",
        help="draw a chart of a log to a PNG, SVG or PDF file",
        description="Draw a chart of a log and save it (PNG, SVG or PDF by the file ending).",
    )
    kinds = p.add_subparsers(dest="kind", metavar="KIND", required=True)
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"netinsight.cli.{name}")
        if hasattr(module, "register_plots"):
            module.register_plots(kinds)


def add_plot_arguments(parser: argparse.ArgumentParser) -> None:
    """Add LOG, ``-o/--output`` and the figure size options."""
    add_log_arguments(parser)
    parser.add_argument("-o", "--output", required=True, help="the file to write: .png, .svg or .pdf")
    parser.add_argument("--size", default="10x6", help="figure size in inches, WIDTHxHEIGHT (default: 10x6)")
    parser.add_argument("--dpi", type=int, default=150, help="resolution of a PNG (default: 150)")


def plot_runner(draw: Callable[[pd.DataFrame, argparse.Namespace, Any], Any]) -> Callable[[argparse.Namespace], int]:
    """Wrap ``draw(log, args, ax)`` into a command: read the log, draw, save, close."""

    def run(args: argparse.Namespace) -> int:
        output = Path(args.output)
        if output.suffix.lower() not in _FORMATS:
            msg = f"`--output` must end in one of {', '.join(_FORMATS)}, not {output.name!r}."
            raise UsageError(msg)
        try:
            width, height = (float(v) for v in args.size.lower().split("x"))
        except ValueError:
            msg = f"`--size` must look like 10x6 (inches), not {args.size!r}."
            raise UsageError(msg) from None
        log = load_log(args)
        from matplotlib.figure import Figure

        fig = Figure(figsize=(width, height), layout="constrained")
        ax = fig.add_subplot()
        draw(log, args, ax)
        output.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(output, dpi=args.dpi, metadata=_metadata(output.suffix.lower()))
        say(f"wrote {output}")
        return EXIT_OK

    return run


def _metadata(suffix: str) -> dict[str, Any]:
    """No creation dates in the files, so the same data gives the same bytes."""
    if suffix == ".svg":
        return {"Date": None}
    if suffix == ".pdf":
        return {"CreationDate": None}
    return {}
