"""Where the whole pipeline touches memory for the first time: page faults per netinsight function.

On a virtual machine a page of memory touched for the first time costs several microseconds of
kernel time, and the kernel time of the pipeline at 1M interviews varies from about 1 to 3.5 s
from run to run. This script runs the pipeline of `run.py` once on a cohort CSV (generated
like `run.py` does, or given) and counts the minor page faults of the main thread inside each
netinsight function, its callees' excluded (``sys.setprofile`` and ``RUSAGE_THREAD``). Faults on
Arrow's and netinsight's worker threads are counted in the total only. The profile slows the
run down; the fault counts are what it is for.

Usage::

    python benchmarks/page_faults.py [--rows 1000000] [--dir .bench] [--top 30]
"""

from __future__ import annotations

import argparse
import resource
import sys
import warnings
from collections import Counter
from pathlib import Path
from types import FrameType
from typing import Any

from run import cohort_file, pipeline

import netinsight as ni


def fault_profile(path: Path) -> tuple[Counter[str], int]:
    """Main-thread page faults of each netinsight function (callees excluded) during `pipeline`, and the total."""
    own: Counter[str] = Counter()
    stack: list[list[Any]] = []  # [function, faults at the call, faults of its callees]

    def faults(who: int = resource.RUSAGE_THREAD) -> int:
        return resource.getrusage(who).ru_minflt

    package = str(Path(ni.__file__).parent)

    def profile(frame: FrameType, event: str, _arg: object) -> None:
        code = frame.f_code
        if not code.co_filename.startswith(package):
            return
        if event == "call":
            stack.append([f"{Path(code.co_filename).name}:{code.co_name}", faults(), 0])
        elif event == "return" and stack:
            name, start, callees = stack.pop()
            total = faults() - start
            own[name] += total - callees
            if stack:
                stack[-1][2] += total

    before = faults(resource.RUSAGE_SELF)
    sys.setprofile(profile)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            pipeline(path)
    finally:
        sys.setprofile(None)
    return own, faults(resource.RUSAGE_SELF) - before


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="interviews in the generated cohort")
    parser.add_argument("--dir", type=Path, default=Path(".bench"), help="where the generated CSVs are kept")
    parser.add_argument("--top", type=int, default=30, help="functions to list")
    args = parser.parse_args(argv)
    own, total = fault_profile(cohort_file(args.rows, args.dir))
    main_thread = sum(own.values())
    print(f"page faults of the whole pipeline: {total:,} ({total * 4 / 1024:,.0f} MB of 4 KiB pages)")
    print(f"in netinsight functions on the main thread: {main_thread:,}\n")
    print("| faults | MB | function |")
    print("| ---: | ---: | --- |")
    for name, count in own.most_common(args.top):
        print(f"| {count:,} | {count * 4 / 1024:,.0f} | {name} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
