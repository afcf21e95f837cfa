"""Seeded synthetic informational-interview logs, target lists and LinkedIn exports.

Everything here is fake: people are random first/last-name pairs, companies are invented
("Northwind Analytics", "Bluefin Capital LLC") and emails use ``.example`` domains. The same
arguments always give byte-identical output (``numpy.random.default_rng`` only), and the work
is vectorised, so a million-interview cohort takes seconds.

Limits: at most 5,000 interviews per log owner (names stay unique within a log); 572
companies in 22 sectors; introduction chains at most 5 people long; `targets` (at most 500
employers) and `linkedin_connections` are drawn against ``personal_log(seed=seed)`` with its
default size and dates; ``messy=True`` changes only the presentation (headers, date formats,
spacing, synonyms) of the same interviews; byte-identical output assumes the same NumPy
version (its random streams may change between major versions).
"""

from __future__ import annotations

from netinsight.datasets.employers import targets
from netinsight.datasets.linkedin import linkedin_connections
from netinsight.datasets.logs import cohort_log, personal_log
from netinsight.datasets.samples import write_samples

__all__ = ["cohort_log", "linkedin_connections", "personal_log", "targets", "write_samples"]
