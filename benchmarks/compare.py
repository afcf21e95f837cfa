"""Compare the whole pipeline of two versions of netinsight: alternated fresh processes, mean difference.

On a shared virtual machine one run of the 1M pipeline says little: the same code takes 4.0 or
5.0 s minutes apart. This script runs the pipeline of `run.py` (`run.pipeline`) on one cohort CSV
in fresh processes, the base version (a ``git worktree`` of ``BASE``, checked out in a temporary
folder) and this working tree taking turns, ``--rounds`` times each. Each process reports its wall
time, user and system CPU time, minor page faults and peak memory (``VmHWM``) for the pipeline
alone (the import is not counted). The table gives the base's mean and the mean of the paired
differences (this tree minus the base) with its standard error: a difference within two standard
errors of zero is no difference. The pipeline is the same code for both (this tree's `run.py`);
only the ``netinsight`` package differs.

Usage::

    python benchmarks/compare.py BASE [--rounds 10] [--rows 1000000] [--dir .bench] [--stage pipeline|read]

``--stage read`` times `netinsight.read_log` alone. ``--stage stages`` runs the whole pipeline and
reports the wall time and the page faults of each of its stages (read, validate, network and forest,
chain table, the rest): a change that moves work or memory from one stage to another shows there,
and one stage's difference is several times less noisy than the whole pipeline's.
"""

from __future__ import annotations

import argparse
import math
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from run import cohort_file

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
FIELDS = ("wall s", "user s", "sys s", "page faults", "peak MB")
MEASURE = """
import resource, sys, time, warnings
warnings.simplefilter("ignore")
sys.path.insert(0, {benchmarks!r})
import netinsight as ni
import run
from pathlib import Path
assert Path(ni.__file__).resolve().is_relative_to(Path({source!r}).resolve()), ni.__file__
path = Path({path!r})
before = resource.getrusage(resource.RUSAGE_SELF)
start = time.perf_counter()
{call}
wall = time.perf_counter() - start
after = resource.getrusage(resource.RUSAGE_SELF)
print(wall, after.ru_utime - before.ru_utime, after.ru_stime - before.ru_stime,
      after.ru_minflt - before.ru_minflt, run.peak_kb() / 1024)
"""
CALLS = {"pipeline": "run.pipeline(path)", "read": "ni.read_log(path)"}
#: The stages of `run.pipeline` timed one by one by ``--stage stages``.
STAGES = ("read", "validate", "network + forest", "chain table", "the rest")
MEASURE_STAGES = """
import resource, sys, time, warnings
warnings.simplefilter("ignore")
import netinsight as ni
from netinsight.chaintable import chain_forest, network
from netinsight.memory import large_work
from pathlib import Path
assert Path(ni.__file__).resolve().is_relative_to(Path({source!r}).resolve()), ni.__file__
path = Path({path!r})
figures = []
last = [time.perf_counter(), resource.getrusage(resource.RUSAGE_SELF).ru_minflt]
def lap():
    now = [time.perf_counter(), resource.getrusage(resource.RUSAGE_SELF).ru_minflt]
    figures.extend([now[0] - last[0], now[1] - last[1]])
    last[:] = now
log = ni.read_log(path); lap()
problems = ni.validate_log(log, strict=False, today="2026-11-01"); lap()
with large_work():
    chain_forest(network(log))
lap()
ni.referral_chains(log); lap()
ni.industry_coverage(log, by="program")
ni.follow_up_rates(log, by="program")
ni.cohort_report(log, by=["program"], today="2026-11-01", charts=False, problems=problems); lap()
print(*figures)
"""


def fields(stage: str) -> list[str]:
    """The figures `measure` gives for `stage`.

    Examples
    --------
    >>> fields("stages")[:2]
    ['read s', 'read page faults']
    """
    if stage != "stages":
        return list(FIELDS)
    return [f"{name} {unit}" for name in STAGES for unit in ("s", "page faults")]


def measure(source: Path, path: Path, stage: str) -> list[float]:
    """One fresh process of `stage` on `path` with the netinsight of `source`: the figures of `fields`."""
    if stage == "stages":
        code = MEASURE_STAGES.format(source=str(source), path=str(path))
    else:
        code = MEASURE.format(benchmarks=str(HERE), source=str(source), path=str(path), call=CALLS[stage])
    done = subprocess.run([sys.executable, "-c", code], cwd=source, capture_output=True, text=True, check=True)
    return [float(value) for value in done.stdout.split()]


def paired(
    base: list[list[float]], this: list[list[float]], names: Sequence[str] = FIELDS
) -> list[tuple[str, float, float, float]]:
    """Per field: the base's mean, the mean of the paired differences (this - base) and its standard error.

    Examples
    --------
    >>> [row[1:] for row in paired([[1.0] * 5, [3.0] * 5], [[2.0] * 5, [3.0] * 5])][0]
    (2.0, 0.5, 0.5)
    """
    out = []
    for i, field in enumerate(names):
        diffs = [b[i] - a[i] for a, b in zip(base, this, strict=True)]
        spread = statistics.stdev(diffs) / math.sqrt(len(diffs)) if len(diffs) > 1 else math.nan
        out.append((field, statistics.fmean(a[i] for a in base), statistics.fmean(diffs), spread))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", help="the version to compare with (a commit, branch or tag)")
    parser.add_argument("--rounds", type=int, default=10, help="fresh processes of each version, taking turns")
    parser.add_argument("--rows", type=int, default=1_000_000, help="interviews in the generated cohort")
    parser.add_argument("--dir", type=Path, default=Path(".bench"), help="where the generated CSVs are kept")
    parser.add_argument("--stage", choices=[*sorted(CALLS), "stages"], default="pipeline", help="what to time")
    args = parser.parse_args(argv)
    path = cohort_file(args.rows, args.dir).resolve()
    with tempfile.TemporaryDirectory() as folder:
        worktree = Path(folder) / "base"
        git = ["git", "-C", str(ROOT), "worktree"]
        subprocess.run([*git, "add", "--detach", "-q", str(worktree), args.base], check=True)
        for source in (worktree, ROOT):  # both imported from bytecode, as after an install (`make bench` too)
            subprocess.run([sys.executable, "-m", "compileall", "-q", str(source / "netinsight")], check=True)
        try:
            base, this = [], []
            for round_ in range(1, args.rounds + 1):
                base.append(measure(worktree, path, args.stage))
                this.append(measure(ROOT, path, args.stage))
                # the wall time: the first figure, or the sum of the stages' (every other figure)
                base_s, this_s = (sum(b[::2]) if args.stage == "stages" else b[0] for b in (base[-1], this[-1]))
                print(f"round {round_}: base {base_s:.3f} s, this tree {this_s:.3f} s", file=sys.stderr)
        finally:
            subprocess.run([*git, "remove", "--force", str(worktree)], check=True)
    print(f"{args.stage} on {path.name}, {args.rounds} rounds: this tree against {args.base}\n")
    print("| measure | base (mean) | this tree - base | standard error |")
    print("| --- | ---: | ---: | ---: |")
    for field, mean, diff, error in paired(base, this, fields(args.stage)):
        print(f"| {field} | {mean:,.3f} | {diff:+,.3f} | {error:,.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
