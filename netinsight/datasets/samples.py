"""The committed sample files in ``data/`` (`write_samples`), all made with default arguments."""

from __future__ import annotations

import os
from pathlib import Path

from netinsight.datasets.employers import targets
from netinsight.datasets.linkedin import linkedin_connections
from netinsight.datasets.logs import cohort_log, personal_log

__all__ = ["write_samples"]


def write_samples(folder: str | os.PathLike[str]) -> list[Path]:
    """Write the committed sample files into `folder` (created if needed).

    ``sample_log.csv`` (`personal_log`), ``sample_targets.csv`` (`targets`) and
    ``cohort_log.csv`` (`cohort_log`) are UTF-8 with ``\\n`` line ends;
    ``sample_connections.csv`` (`linkedin_connections`) is UTF-8 with a byte-order mark and
    CRLF line ends, like LinkedIn's own export. All with default arguments.

    Parameters
    ----------
    folder
        Where to write.

    Returns
    -------
    list of pathlib.Path
        The four files, in the order above.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     [p.name for p in write_samples(tmp)]
    ['sample_log.csv', 'sample_targets.csv', 'cohort_log.csv', 'sample_connections.csv']
    """
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    frames = {
        "sample_log.csv": personal_log(),
        "sample_targets.csv": targets(),
        "cohort_log.csv": cohort_log(),
    }
    paths: list[Path] = []
    for filename, frame in frames.items():
        path = out / filename
        path.write_bytes(frame.to_csv(index=False, lineterminator="\n").encode("utf-8"))
        paths.append(path)
    path = out / "sample_connections.csv"
    path.write_bytes(("\ufeff" + linkedin_connections()).encode("utf-8"))
    paths.append(path)
    return paths
