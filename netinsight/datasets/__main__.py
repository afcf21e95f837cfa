"""``python -m netinsight.datasets FOLDER``: write the synthetic sample files into FOLDER (``make data``)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from netinsight.datasets.samples import write_samples


def _main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m netinsight.datasets", description="Write netinsight's synthetic sample files."
    )
    parser.add_argument("folder", help="folder to write into, e.g. data")
    args = parser.parse_args(argv)
    for path in write_samples(args.folder):
        print(path)


if __name__ == "__main__":
    _main()
