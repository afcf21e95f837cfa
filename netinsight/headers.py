"""Mapping a file's headers to canonical columns, for every table netinsight reads.

The log (`netinsight.normalize`) and the target list (`netinsight.targets`) share this: each
header is looked up by its `netinsight.schema.header_key`; two headers for one column, and
required columns that are missing, are reported with the file and the header line.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

import pandas as pd

from netinsight.problems import make_problems
from netinsight.schema import header_key

__all__ = ["derived_sector_headers", "map_headers", "missing_columns"]


def derived_sector_headers(headers: Sequence[str], aliases: Mapping[str, str]) -> set[str]:
    """Headers named "sector" that netinsight derives again, because another header is the industry.

    A table written by netinsight has both ``industry`` and the derived ``sector``; a file
    whose only industry column is called "Sector" keeps it as the industry.

    Examples
    --------
    >>> derived_sector_headers(["industry", "Sector"], {"industry": "industry", "sector": "industry"})
    {'Sector'}
    >>> derived_sector_headers(["Sector"], {"sector": "industry"})
    set()
    """
    has_industry = any(aliases.get(header_key(h)) == "industry" and header_key(h) != "sector" for h in headers)
    return {h for h in headers if header_key(h) == "sector"} if has_industry else set()


def map_headers(
    headers: Sequence[str],
    aliases: Mapping[str, str],
    *,
    skip: Collection[str] = (),
    file: str,
    header_line: int | None,
    problems: list[pd.DataFrame],
) -> tuple[dict[str, str], list[str]]:
    """Find the canonical column of each header.

    Parameters
    ----------
    headers
        The headers as written.
    aliases
        `header_key` of a spelling -> canonical column.
    skip
        Headers to leave out altogether (columns derived again, provenance).
    file, header_line
        Where the headers are, for problems.
    problems
        Two headers for one column are reported here (the first wins; the other is kept
        as an extra column).

    Returns
    -------
    mapping : dict
        Canonical column -> header as written.
    unknown : list of str
        Headers kept as they are.

    Examples
    --------
    >>> found: list[pd.DataFrame] = []
    >>> map_headers(["Name", "Contact", "Mood"], {"name": "contact", "contact": "contact"},
    ...             file="f.csv", header_line=1, problems=found)
    ({'contact': 'Name'}, ['Contact', 'Mood'])
    >>> found[0]["code"].tolist()
    ['duplicate_column']
    """
    mapping: dict[str, str] = {}
    unknown: list[str] = []
    for header in headers:
        if header in skip:
            continue
        canonical = aliases.get(header_key(str(header)))
        if canonical is None:
            unknown.append(header)
        elif canonical in mapping:
            problems.append(
                make_problems(
                    code="duplicate_column",
                    file=file,
                    line=header_line,
                    column=header,
                    value=header,
                    message=(
                        f"{mapping[canonical]!r} and {header!r} both stand for {canonical!r}; the first is "
                        f"used and {header!r} is kept as an extra column; rename or delete one of them"
                    ),
                )
            )
            unknown.append(header)
        else:
            mapping[canonical] = header
    return mapping, unknown


def missing_columns(
    required: Sequence[str],
    mapping: Mapping[str, str],
    headers: Sequence[str],
    spellings: Mapping[str, Sequence[str]],
    *,
    what: str,
    file: str,
    header_line: int | None,
) -> list[pd.DataFrame]:
    """Report each required column that no header stands for.

    Parameters
    ----------
    required
        The columns that must be there.
    mapping
        Canonical column -> header, from `map_headers`.
    headers
        All headers found (listed in the message).
    spellings
        Canonical column -> accepted spellings (the first six are suggested).
    what
        What the table is, for the message ("the log", "the target list").
    file, header_line
        Where the headers are.

    Returns
    -------
    list of pandas.DataFrame
        One problem table per missing column.

    Examples
    --------
    >>> missing_columns(["date"], {}, ["Name"], {"date": ("when",)}, what="the log", file="f.csv",
    ...                 header_line=1)[0]["message"].iloc[0]
    "column 'date' not in the log; columns found: ['Name']; add it, or name an existing column one of 'when'"
    """
    out = []
    for col in required:
        if col not in mapping:
            suggestions = ", ".join(repr(a) for a in spellings[col][:6])
            out.append(
                make_problems(
                    code="missing_column",
                    file=file,
                    line=header_line,
                    column=col,
                    value="",
                    message=(
                        f"column {col!r} not in {what}; columns found: {list(headers)}; "
                        f"add it, or name an existing column one of {suggestions}"
                    ),
                )
            )
    return out
