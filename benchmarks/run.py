"""Time the whole netinsight pipeline at career-office scale, against two references, and check the targets.

For each size (default 10k, 100k and 1M interviews, about 20 per student) a cohort log is
generated with `netinsight.datasets.cohort_log` and written as CSV (kept in ``--dir`` and
reused). Each stage is timed as the median of ``--repeat`` runs with `time.perf_counter`:

- bare ``pandas.read_csv`` of the same file (the floor: nothing can read it faster);
- read + normalise + validate (`read_log`, `validate_log`);
- referral chains, depths and downstream counts for every person (`referral_chains`);
- industry coverage (`industry_coverage` by program); follow-up rates (`follow_up_rates` by program);
- the cohort summary (`cohort_summary` by program);
- the cohort report without charts (`cohort_report`, reusing the validation);
- the whole pipeline, from the CSV file to the report, in one go;
- a notebook-style implementation (row by row, a NetworkX graph per student and its traversals),
  at the sizes up to ``--notebook-max`` where it finishes in reasonable time.

Each stage runs from scratch: what the analyses keep per log (`netinsight.memo`) is cleared
before every run, so a stage on the already-read log pays for the person codes and the network
it needs; the whole pipeline reads a new log and shares that work between its analyses. The floor
and the whole pipeline, whose ratio is the main target, are timed in alternation (floor, pipeline,
floor, pipeline, ...; ``--pairs`` rounds), so that both medians come from the same minutes of a
machine whose speed drifts.

Peak memory of the whole pipeline is measured in a fresh process per size (``VmHWM``), and so
are ``import netinsight`` and a personal log of 100 interviews through every analysis (median of
5 processes each). The table (markdown) goes to stdout with the targets of issue 6 and whether
each is met; the figures are saved as JSON (``--json``). The machine may be shared: compare the
ratios, measured in one run.

Usage::

    python benchmarks/run.py [--sizes 10000 100000 1000000] [--repeat 3] [--pairs 5]
                             [--dir .bench] [--json out/bench.json]
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import subprocess
import sys
import time
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd

import netinsight as ni
from netinsight.datasets import cohort_log, personal_log
from netinsight.memo import clear

INTERVIEWS_PER_STUDENT = 20
HERE = Path(__file__).resolve().parent


def median_time(step: Callable[[], Any], repeat: int) -> float:
    """The median wall time of `repeat` runs of `step`, in seconds, each from scratch (nothing kept per log)."""
    return median_times([step], repeat)[0]


def median_times(steps: Sequence[Callable[[], Any]], rounds: int) -> list[float]:
    """The median wall time of each step over `rounds` rounds that run the steps in turn, each from scratch.

    Steps timed in alternation share the machine's state (its speed drifts from minute to minute),
    so their ratio compares like with like.
    """
    times: list[list[float]] = [[] for _ in steps]
    for _ in range(rounds):
        for step, timed in zip(steps, times, strict=True):
            clear()
            start = time.perf_counter()
            step()
            timed.append(time.perf_counter() - start)
    return [statistics.median(timed) for timed in times]


def cohort_file(rows: int, folder: Path) -> Path:
    """The CSV of a generated cohort of about `rows` interviews (generated once, then reused)."""
    path = folder / f"cohort_{rows}.csv"
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        cohort_log(rows // INTERVIEWS_PER_STUDENT, interviews_per_student=INTERVIEWS_PER_STUDENT).to_csv(
            path, index=False
        )
    return path


def pipeline(path: Path) -> ni.Report:
    """The whole job: read, validate, chains, coverage, follow-up, cohort summary, report without charts."""
    log = ni.read_log(path)
    problems = ni.validate_log(log, strict=False, today="2026-11-01")
    ni.referral_chains(log)
    ni.industry_coverage(log, by="program")
    ni.follow_up_rates(log, by="program")
    return ni.cohort_report(log, by=["program"], today="2026-11-01", charts=False, problems=problems)


def notebook_style(path: Path) -> pd.DataFrame:
    """What a user would write in a notebook: a NetworkX graph per student, row by row, and its traversals."""
    df = pd.read_csv(path)
    rows = []
    for student in df["owner"].unique():
        mine = df[df["owner"] == student]
        G = nx.DiGraph()
        G.add_node(student)
        thank_you_on_time = 0
        for _, row in mine.iterrows():
            parent = row["introduced_by"] if isinstance(row["introduced_by"], str) else student
            if parent not in G:
                G.add_edge(student, parent)
            if row["contact"] not in G or G.in_degree(row["contact"]) == 0:
                G.add_edge(parent, row["contact"])
            if isinstance(row["thank_you_date"], str):
                lag = pd.Timestamp(row["thank_you_date"]) - pd.Timestamp(row["date"])
                thank_you_on_time += lag <= pd.Timedelta(days=2)
        depth = nx.single_source_shortest_path_length(G, student)
        for person in G.nodes:
            if person != student:
                rows.append(
                    {
                        "owner": student,
                        "person": person,
                        "depth": depth.get(person),
                        "downstream": len(nx.descendants(G, person)),
                    }
                )
        rows.append({"owner": student, "on_time": thank_you_on_time, "industries": mine["industry"].nunique()})
    return pd.DataFrame(rows)


def bench_size(rows: int, folder: Path, repeat: int, notebook_max: int, pairs: int = 5) -> dict[str, float]:
    """Seconds per stage for a cohort of about `rows` interviews (floor and whole pipeline: `pairs` rounds)."""
    path = cohort_file(rows, folder)
    repeat = repeat if rows < 1_000_000 else max(1, min(repeat, 3))
    log = ni.read_log(path)
    problems = ni.validate_log(log, strict=False, today="2026-11-01")
    floor, whole = "pandas.read_csv (floor)", "whole pipeline"
    steps: dict[str, Callable[[], Any]] = {
        floor: lambda: pd.read_csv(path),
        "read + normalise + validate": lambda: ni.validate_log(ni.read_log(path), strict=False, today="2026-11-01"),
        "referral chains / depth / downstream": lambda: ni.referral_chains(log),
        "industry coverage": lambda: ni.industry_coverage(log, by="program"),
        "follow-up rates": lambda: ni.follow_up_rates(log, by="program"),
        "cohort summary": lambda: ni.cohort_summary(log, by="program"),
        "cohort report (no charts)": lambda: ni.cohort_report(log, today="2026-11-01", charts=False, problems=problems),
        whole: lambda: pipeline(path),
    }
    if rows <= notebook_max:
        steps["notebook-style (reference)"] = lambda: notebook_style(path)
    out = {"rows": float(len(log))}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out[floor], out[whole] = median_times([steps[floor], steps[whole]], pairs)
        for name, step in steps.items():
            if name not in (floor, whole):
                out[name] = median_time(step, 1 if name.startswith("notebook") else repeat)
        out = {"rows": out["rows"], **{name: out[name] for name in steps}}  # the table's order
        for name in steps:
            print(f"  {len(log):>9,} rows  {name:<38} {out[name]:8.3f} s", file=sys.stderr, flush=True)
    out["peak memory (MB)"] = peak_memory(path)
    return out


def peak_memory(path: Path) -> float:
    """Peak resident memory of the whole pipeline on `path`, in MB, measured in a fresh process."""
    code = (
        "import sys, warnings; warnings.simplefilter('ignore'); "
        f"sys.path.insert(0, {str(HERE)!r}); import run; run.pipeline(__import__('pathlib').Path({str(path)!r})); "
        "print(run.peak_kb())"
    )
    return int(_run_python(code).split()[-1]) / 1024


def peak_kb() -> int:
    """This process's peak resident memory in KB (``VmHWM``; ``ru_maxrss`` keeps the parent's across exec)."""
    with Path("/proc/self/status").open(encoding="ascii") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))


def small_log_figures(folder: Path) -> dict[str, float]:
    """``import netinsight`` and a personal log of 100 interviews through every analysis, in fresh processes."""
    path = folder / "personal_100.csv"
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        personal_log(100, seed=1).to_csv(path, index=False)
    timing = "import time; t = time.perf_counter(); import netinsight; print(time.perf_counter() - t)"
    imports = [float(_run_python(timing)) for _ in range(5)]
    code = f"""
import time, warnings
warnings.simplefilter("ignore")
import netinsight as ni
t = time.perf_counter()
log = ni.read_log({str(path)!r})
ni.validate_log(log, strict=False, today="2026-11-01")
for f in (ni.referral_chains, ni.top_connectors, ni.reach_by_depth, ni.bridges, ni.industry_coverage,
          ni.follow_up_rates, ni.outcomes, ni.summarize_log, ni.concentration, ni.response_classes):
    f(log)
ni.todo(log, today="2026-11-01")
ni.activity(log)
print(time.perf_counter() - t)
"""
    personal = [float(_run_python(code)) for _ in range(5)]
    return {
        "import netinsight": statistics.median(imports),
        "personal log of 100: everything": statistics.median(personal),
    }


def _run_python(code: str) -> str:
    """Run `code` in a fresh interpreter and return what it printed."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout


def targets(results: dict[int, dict[str, float]], small: dict[str, float]) -> list[tuple[str, str, bool]]:
    """Issue 6's targets: (what, measured, met)."""
    out: list[tuple[str, str, bool]] = []
    sizes = sorted(results)
    big = results[sizes[-1]]
    ratio = big["whole pipeline"] / big["pandas.read_csv (floor)"]
    out.append((f"whole pipeline at {int(big['rows']):,} <= 10x read_csv", f"{ratio:.1f}x", ratio <= 10))
    for size in sizes:
        r = results[size]
        if "notebook-style (reference)" in r:
            speedup = r["notebook-style (reference)"] / r["whole pipeline"]
            out.append((f"notebook-style / pipeline at {int(r['rows']):,} >= 10x", f"{speedup:.1f}x", speedup >= 10))
    for small_size, large_size in itertools.pairwise(sizes):
        a, b = results[small_size], results[large_size]
        growth = b["whole pipeline"] / a["whole pipeline"]
        rows = b["rows"] / a["rows"]
        out.append(
            (f"{rows:.0f}x the interviews ({int(a['rows']):,} -> {int(b['rows']):,}) <= {1.2 * rows:.0f}x the time",
             f"{growth:.1f}x", growth <= 1.2 * rows)
        )  # fmt: skip
    memory = big["peak memory (MB)"]
    out.append((f"peak memory at {int(big['rows']):,} < 1,536 MB", f"{memory:,.0f} MB", memory < 1536))
    personal = small["personal log of 100: everything"]
    out.append(("personal log of 100: read + validate + every analysis < 0.2 s", f"{personal:.3f} s", personal < 0.2))
    imported = small["import netinsight"]
    out.append(("import netinsight < 1 s", f"{imported:.2f} s", imported < 1))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=3, help="runs per stage (the median is kept; 1M: at most 3)")
    parser.add_argument("--dir", type=Path, default=Path(".bench"), help="where the generated CSVs are kept")
    parser.add_argument("--json", type=Path, default=Path("out/bench.json"), help="where to save the figures")
    parser.add_argument("--pairs", type=int, default=5, help="rounds of the floor and the whole pipeline, in turn")
    parser.add_argument("--notebook-max", type=int, default=100_000, help="largest size for the notebook reference")
    args = parser.parse_args(argv)
    results = {
        size: bench_size(size, args.dir, args.repeat, args.notebook_max, args.pairs) for size in sorted(args.sizes)
    }
    small = small_log_figures(args.dir)
    stages = [k for k in next(iter(results.values())) if k != "rows"]
    floor = "pandas.read_csv (floor)"
    header = [f"{int(r['rows']):,} interviews: s (x read_csv)" for r in results.values()]
    print(f"| stage | {' | '.join(header)} |")
    print("|" + " --- |" * (len(results) + 1))
    for stage in stages:
        cells = []
        for r in results.values():
            if stage not in r:
                cells.append("—")
            elif stage == "peak memory (MB)":
                cells.append(f"{r[stage]:,.0f} MB")
            else:
                cells.append(f"{r[stage]:.3f} ({r[stage] / r[floor]:.1f}x)")
        print(f"| {stage} | {' | '.join(cells)} |")
    print()
    print("| target | measured | met |")
    print("| --- | --- | --- |")
    checks = targets(results, small)
    for what, measured, met in checks:
        print(f"| {what} | {measured} | {'yes' if met else 'NO'} |")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "sizes": {str(k): v for k, v in results.items()},
        "small": small,
        "targets": [{"target": w, "measured": m, "met": ok} for w, m, ok in checks],
        "python": sys.version.split()[0],
        "versions": {"pandas": pd.__version__, "networkx": nx.__version__, "netinsight": ni.__version__},
    }
    args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    print(f"\nsaved {args.json}", file=sys.stderr)
    return 0 if all(met for *_, met in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
