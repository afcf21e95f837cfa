"""Time the referral-network pipeline on generated cohort logs of 100k and 1M interviews.

Each size is generated with `netinsight.datasets.cohort_log`, written to CSV and read
once with `netinsight.read_log` (reading is not timed). Every step is timed as the
median of three runs with `time.perf_counter`, each from scratch (what the analyses keep
per log is cleared, as in `run.py`), next to a bare `pandas.read_csv` of the
same file measured in the same run: the machine may be shared, so compare ratios.

Usage::

    python benchmarks/bench_network.py [--sizes 100000 1000000] [--dir /tmp/bench] [--repeat 3]
"""

from __future__ import annotations

import argparse
import tempfile
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
from run import cohort_file, median_time

import netinsight as ni


def bench_size(rows: int, folder: Path, repeat: int) -> dict[str, float]:
    """Seconds per step for a cohort of about `rows` interviews (each run from scratch: nothing kept per log)."""
    path = cohort_file(rows, folder)
    log = ni.read_log(path)
    steps: dict[str, Callable[[], Any]] = {
        "pandas.read_csv (reference)": lambda: pd.read_csv(path),
        "tables_from_log": lambda: ni.tables_from_log(log),
        "referral_chains": lambda: ni.referral_chains(log),
        "top_connectors": lambda: ni.top_connectors(log),
        "reach_by_depth": lambda: ni.reach_by_depth(log),
        "bridges": lambda: ni.bridges(log),
        "shared_connectors": lambda: ni.shared_connectors(log),
        "graph_from_log": lambda: ni.graph_from_log(log),
    }
    out = {"rows": float(len(log))}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name, step in steps.items():
            out[name] = median_time(step, repeat)
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--dir", type=Path, default=None, help="where to write the CSV files (default: a temp dir)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.dir or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        results = {size: bench_size(size, folder, args.repeat) for size in args.sizes}
    names = [k for k in next(iter(results.values())) if k != "rows"]
    reference = "pandas.read_csv (reference)"
    sizes = [f"{int(r['rows']):,} rows: s (x read_csv)" for r in results.values()]
    print(f"| step | {' | '.join(sizes)} |")
    print("|" + " --- |" * (len(results) + 1))
    for name in names:
        cells = [f"{r[name]:.3f} ({r[name] / r[reference]:.1f}x)" for r in results.values()]
        print(f"| {name} | {' | '.join(cells)} |")


if __name__ == "__main__":
    main()
