"""Time reading and validating generated logs: a personal log of 100 interviews, cohorts of 10k to 1M.

Each cohort is generated with `netinsight.datasets.cohort_log` (about 20 interviews per
student), the personal log with `netinsight.datasets.personal_log`; each is written to CSV
(kept in ``--dir`` and reused) and timed as the median of ``--repeat`` runs with
`time.perf_counter`, the three steps taking turns: a bare `pandas.read_csv` of the same file
(the floor), `netinsight.read_log` (read, map headers, normalise and type every value) and
`netinsight.validate_log` of that log. The machine may be shared: compare the ratios to
``read_csv``, measured in one run. Peak memory of read + validate is measured in a fresh
process per file (``VmHWM``, else ``ru_maxrss``; import included).

Usage::

    python benchmarks/bench_read.py [--sizes 10000 100000 1000000] [--personal 100] [--dir /tmp/bench] [--repeat 5]
"""

from __future__ import annotations

import argparse
import functools
import itertools
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

import netinsight as ni
from netinsight.datasets import cohort_log, personal_log

INTERVIEWS_PER_STUDENT = 20
TODAY = "2026-11-01"
STEPS = ("pandas.read_csv (reference)", "read_log", "validate_log", "read_log + validate_log")
PEAK_MEMORY = """
import resource, sys, warnings
import netinsight as ni
warnings.simplefilter("ignore")
ni.validate_log(ni.read_log(sys.argv[1]), strict=False, today=sys.argv[2])
try:  # Linux: the peak of this process alone (ru_maxrss keeps the parent's peak across fork and exec)
    print(next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:")))
except OSError:
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // (1024 if sys.platform == "darwin" else 1))
"""


def cohort_file(rows: int, folder: Path) -> Path:
    """The CSV of a generated cohort of about `rows` interviews (generated once, then reused)."""
    path = folder / f"cohort_{rows}.csv"
    if not path.exists():
        cohort_log(rows // INTERVIEWS_PER_STUDENT, interviews_per_student=INTERVIEWS_PER_STUDENT).to_csv(
            path, index=False
        )
    return path


def personal_file(rows: int, folder: Path) -> Path:
    """The CSV of a generated personal log of `rows` interviews (generated once, then reused)."""
    path = folder / f"personal_{rows}.csv"
    if not path.exists():
        personal_log(rows).to_csv(path, index=False)
    return path


def timed(step: Callable[[], Any]) -> tuple[float, Any]:
    """Wall time of one run of `step`, in seconds, and its result."""
    start = time.perf_counter()
    result = step()
    return time.perf_counter() - start, result


def bench_size(path: Path, repeat: int) -> dict[str, float]:
    """Median seconds per step for one file; the steps take turns so that load drifts hit all alike."""
    times: dict[str, list[float]] = {step: [] for step in STEPS}
    rows = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for _ in range(repeat):
            times[STEPS[0]].append(timed(lambda: pd.read_csv(path))[0])
            read, log = timed(lambda: ni.read_log(path))
            check, _ = timed(functools.partial(ni.validate_log, log, strict=False, today=TODAY))
            times[STEPS[1]].append(read)
            times[STEPS[2]].append(check)
            times[STEPS[3]].append(read + check)
            rows = len(log)
    return {"rows": float(rows), **{step: statistics.median(t) for step, t in times.items()}}


def peak_memory_mb(path: Path) -> float:
    """Peak resident memory (MB) of a fresh process that imports netinsight, reads and validates `path`."""
    out = subprocess.run(
        [sys.executable, "-c", PEAK_MEMORY, str(path), TODAY], capture_output=True, text=True, check=True
    )
    return float(out.stdout.strip().splitlines()[-1]) / 1024


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--personal", type=int, default=100, help="interviews in the personal log (0: none)")
    parser.add_argument("--dir", type=Path, default=None, help="where to keep the CSV files (default: a temp dir)")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.dir or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        files = {f"personal log, {args.personal}": personal_file(args.personal, folder)} if args.personal else {}
        files.update({f"cohort, {size:,}": cohort_file(size, folder) for size in args.sizes})
        results = {
            name: {**bench_size(path, args.repeat), "peak MB": peak_memory_mb(path)} for name, path in files.items()
        }
    reference = STEPS[0]
    print(f"| log | rows | {' | '.join(STEPS)} | peak memory (read + validate) |")
    print("|" + " --- |" * (len(STEPS) + 3))
    for name, result in results.items():
        cells = [f"{result[s]:.3f} s ({result[s] / result[reference]:.1f}x)" for s in STEPS]
        print(f"| {name} | {int(result['rows']):,} | {' | '.join(cells)} | {result['peak MB']:.0f} MB |")
    cohorts = [r for name, r in results.items() if name.startswith("cohort")]
    for small, large in itertools.pairwise(cohorts):
        growth = large[STEPS[3]] / small[STEPS[3]]
        print(f"\nread_log + validate_log, {large['rows']:,.0f} vs {small['rows']:,.0f} rows: {growth:.1f}x the time")


if __name__ == "__main__":
    main()
