"""Commands on the referral network: ``chains``, ``connectors``, ``warm-paths``, ``export``, and their plots.

``--owner O`` (shared with every command) names the owner of rows that name none and, here,
also limits the output to O's network.
"""

from __future__ import annotations

import argparse
import difflib
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd

from netinsight.chains import paths_to, referral_chains, referral_path
from netinsight.cli.common import EXIT_OK, UsageError, add_format, add_log_arguments, emit, load_log, say
from netinsight.cli.plot import add_plot_arguments, plot_runner
from netinsight.connectors import bridges, reach_by_depth, shared_connectors, top_connectors
from netinsight.graph import graph_from_log, write_graph
from netinsight.linkedin import read_linkedin_connections, warm_paths

__all__ = ["register", "register_plots"]

T = TypeVar("T")

_CHAIN_COLUMNS = [
    "owner",
    "name",
    "depth",
    "chain_text",
    "introduced_by",
    "introduced_on",
    "company",
    "sector",
    "downstream",
]
_OWNER_NOTE = "--owner O also limits the output to O's network (in a cohort log)."


def register(subparsers: Any) -> None:
    """Add ``chains``, ``connectors``, ``warm-paths`` and ``export``."""
    p = subparsers.add_parser(
        "chains",
        help="who introduced whom: the chain of introductions to every person",
        description="The chain of introductions from the owner to every person, with depth (1 = reached "
        "directly) and how many people were reached through them. --to shows one chain; --company and "
        f"--industry every way into an employer or an industry. {_OWNER_NOTE}",
    )
    add_log_arguments(p)
    which = p.add_mutually_exclusive_group()
    which.add_argument("--to", metavar="PERSON", help="the chain to one person (name or id)")
    which.add_argument("--company", help="every way into this employer, shortest chain first")
    which.add_argument("--industry", help="every way into this industry or sector, shortest chain first")
    p.add_argument("--connections", help="LinkedIn Connections.csv to add as first-degree people")
    add_format(p)
    p.set_defaults(run=_chains)

    p = subparsers.add_parser(
        "connectors",
        help="the people who opened the most doors (or: bridges, reach by depth, shared connectors)",
        description="top: people ranked by everyone reached through them, the companies and industries of "
        "those people and the job leads and referrals that came of it. bridges: contacts who are the only "
        "way into a company or industry. reach: people, companies and industries at depth 1, 2, 3+. "
        f"shared: professionals (known by contact_id) who introduced several owners. {_OWNER_NOTE}",
    )
    add_log_arguments(p)
    p.add_argument("--view", choices=("top", "bridges", "reach", "shared"), default="top", help="default: top")
    p.add_argument("-n", type=int, default=10, help="top: how many people to list (default: 10; 0 for all)")
    add_format(p)
    p.set_defaults(run=_connectors)

    p = subparsers.add_parser(
        "warm-paths",
        help="who to ask for an introduction at each target employer",
        description="For each target employer, the contacts and LinkedIn connections who work there and the "
        "chain to each: interviewed contacts first, then shortest chain, then most recent.",
    )
    add_log_arguments(p)
    p.add_argument("--targets", required=True, help="a target list of employers (employer, industry, ...)")
    p.add_argument("--connections", help="LinkedIn Connections.csv")
    p.add_argument("--found-only", action="store_true", help="leave out targets nobody works at")
    add_format(p)
    p.set_defaults(run=_warm_paths)

    p = subparsers.add_parser(
        "export",
        help="write the referral graph as GraphML or GEXF (for Gephi)",
        description="Write the who-introduced-whom graph with people's company, industry and dates. Lists "
        "are written as text joined by '; '.",
    )
    add_log_arguments(p)
    p.add_argument("--graphml", help="write GraphML to this file")
    p.add_argument("--gexf", help="write GEXF to this file")
    p.add_argument("--connections", help="LinkedIn Connections.csv to add as first-degree people")
    p.set_defaults(run=_export)


def register_plots(kinds: Any) -> None:
    """Add the plot kinds ``chains`` and ``path``."""
    p = kinds.add_parser(
        "chains",
        help="the referral tree: owner at the root, one generation per column",
        description=f"Draw the referral tree. {_OWNER_NOTE}",
    )
    add_plot_arguments(p)
    p.add_argument("--highlight", metavar="PERSON", help="draw this person's chain on top in red")
    p.add_argument(
        "--color-by", default="industry", choices=("industry", "company", "kind", "depth", "none"), help="colours"
    )
    p.add_argument("--max-nodes", type=int, default=150, help="draw the biggest branches above this many people")
    p.set_defaults(run=plot_runner(_draw_chains))

    p = kinds.add_parser("path", help="one chain of introductions as a strip, for a slide")
    add_plot_arguments(p)
    p.add_argument("person", metavar="PERSON", help="whose chain (name or id)")
    p.set_defaults(run=plot_runner(_draw_path))


def _quietly(call: Callable[[], T]) -> T:
    """Run `call`, printing its warnings as plain messages on stderr."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = call()
    for warning in caught:
        say(f"netinsight: warning: {warning.message}")
    return result


def _owner(args: argparse.Namespace) -> str | None:
    """The owner to limit the output to: --owner, or None for every owner."""
    owner: str | None = args.default_owner
    return owner


def _connections(args: argparse.Namespace, log: pd.DataFrame) -> pd.DataFrame | None:
    if not getattr(args, "connections", None):
        return None
    owners = log["owner"].astype(str).unique().tolist()
    owner = args.default_owner or (owners[0] if len(owners) == 1 else None)
    if owner is None:
        msg = f"`--connections` needs `--owner` to say whose they are; the log has owners {sorted(owners)[:10]}"
        raise UsageError(msg)
    return read_linkedin_connections(args.connections, owner=owner)


def _chains(args: argparse.Namespace) -> int:
    log = load_log(args)
    owner = _owner(args)
    connections = _connections(args, log)
    source: Any = graph_from_log(log, owner=owner, connections=connections) if connections is not None else log
    if args.to:
        table = _quietly(lambda: referral_path(source, args.to, owner=owner))
        table = table[["step", "name", "company", "role", "sector", "introduced_on", "introduced_by"]]
    elif args.company or args.industry:
        table = _quietly(lambda: paths_to(source, company=args.company, industry=args.industry, owner=owner))
        table = table[_CHAIN_COLUMNS]
        if table.empty:
            wanted = args.company or args.industry
            column = log["company"] if args.company else log["industry"]
            close = difflib.get_close_matches(wanted, sorted(set(column.dropna())), n=3, cutoff=0.5)
            say(f"netinsight: nobody at {wanted!r}" + (f"; did you mean {close}?" if close else ""))
    else:
        table = _quietly(lambda: referral_chains(source, owner=owner))[_CHAIN_COLUMNS]
    emit(table, args.format)
    return EXIT_OK


def _connectors(args: argparse.Namespace) -> int:
    log = load_log(args)
    owner = _owner(args)
    if args.n < 0:
        msg = f"`-n` must be 0 (all) or more, not {args.n}"
        raise UsageError(msg)
    if args.view == "top":
        table = _quietly(lambda: top_connectors(log, n=args.n or None, owner=owner))
    elif args.view == "bridges":
        table = _quietly(lambda: bridges(log, owner=owner))
    elif args.view == "reach":
        table = _quietly(lambda: reach_by_depth(log, owner=owner))
    else:
        table = _quietly(lambda: shared_connectors(log))
    emit(table.drop(columns=["person"], errors="ignore") if args.format == "table" else table, args.format)
    return EXIT_OK


def _warm_paths(args: argparse.Namespace) -> int:
    log = load_log(args)
    owner = _owner(args)
    connections = _connections(args, log)
    table = _quietly(lambda: warm_paths(log, args.targets, connections=connections, owner=owner))
    if args.found_only:
        table = table[table["person"].notna()]
    keep = [c for c in ("rank", "employer", "name", "kind", "role", "depth", "chain_text") if c in table.columns]
    emit(table[keep] if args.format == "table" else table.drop(columns=["chain"]), args.format)
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    if not args.graphml and not args.gexf:
        msg = "say where to write: `--graphml FILE` and/or `--gexf FILE`"
        raise UsageError(msg)
    for option, path in (("--graphml", args.graphml), ("--gexf", args.gexf)):
        wanted = "." + option.removeprefix("--")
        if path and Path(path).suffix.lower() != wanted:
            msg = f"`{option}` must end in {wanted}, not {Path(path).name!r}"
            raise UsageError(msg)
    log = load_log(args)
    G = _quietly(lambda: graph_from_log(log, owner=_owner(args), connections=_connections(args, log)))
    for path in (args.graphml, args.gexf):
        if path:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            write_graph(G, path)
            say(f"wrote {path} ({G.number_of_nodes()} people and owners, {G.number_of_edges()} introductions)")
    return EXIT_OK


def _draw_chains(log: pd.DataFrame, args: argparse.Namespace, ax: Any) -> Any:
    from netinsight.plots.network import plot_referral_chains

    color_by = None if args.color_by == "none" else args.color_by
    return _quietly(
        lambda: plot_referral_chains(
            log, owner=_owner(args), highlight=args.highlight, color_by=color_by, max_nodes=args.max_nodes, ax=ax
        )
    )


def _draw_path(log: pd.DataFrame, args: argparse.Namespace, ax: Any) -> Any:
    from netinsight.plots.network import plot_referral_path

    return _quietly(lambda: plot_referral_path(log, args.person, owner=_owner(args), ax=ax))
