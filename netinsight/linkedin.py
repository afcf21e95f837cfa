"""LinkedIn connections: reading the ``Connections.csv`` export, and warm paths to target employers.

The export starts with a "Notes:" preamble of varying length (possibly quoted, after a
byte-order mark, with CRLF line ends); the header line is found by scanning. Older
exports have no ``URL`` column. Connections join the referral graph as first-degree people
of their owner, matched to interview contacts by profile URL, else by name. Emails are
dropped unless asked for. Limits: a connection matched by name is assumed to be the
contact of that name (names are not unique; add the profile URL as ``contact_id`` in the
log to be certain).
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import numpy as np
import pandas as pd

from netinsight.connections import add_connections
from netinsight.csvtext import decode_text, read_csv_text
from netinsight.dates import parse_dates
from netinsight.io import DEFAULT_OWNER
from netinsight.names import id_key, name_key
from netinsight.problems import LogReadError, concat_problems, make_problems
from netinsight.schema import header_key
from netinsight.warmpaths import warm_paths

if TYPE_CHECKING:
    pass

__all__ = [
    "CONNECTION_COLUMNS",
    "add_connections",  # from netinsight.connections
    "read_linkedin_connections",
    "warm_paths",  # from netinsight.warmpaths
]

#: Columns of `read_linkedin_connections` (``email`` only with ``keep_emails=True``).
CONNECTION_COLUMNS: Final[tuple[str, ...]] = (
    "owner",
    "person",
    "name",
    "first_name",
    "last_name",
    "url",
    "company",
    "position",
    "connected_on",
    "source_line",
)

_HEADERS: Final[dict[str, str]] = {
    "first name": "first_name",
    "last name": "last_name",
    "url": "url",
    "profile url": "url",
    "email address": "email",
    "email": "email",
    "company": "company",
    "position": "position",
    "connected on": "connected_on",
}


def _header_line(lines: list[str]) -> int | None:
    """The 0-based index of the line with the column names, or None."""
    for i, line in enumerate(lines):
        if "first name" not in line.casefold():
            continue
        fields = {header_key(f) for f in next(csv.reader([line]), [])}
        if {"first name", "last name"} <= fields:
            return i
    return None


def read_linkedin_connections(path: str | Path, *, owner: str | None = None, keep_emails: bool = False) -> pd.DataFrame:
    """Read the ``Connections.csv`` of a LinkedIn data export.

    Parameters
    ----------
    path
        The file (UTF-8 with or without BOM, or Windows-1252; any line ends).
    owner
        Whose connections they are (default ``"me"``, the owner of a personal log).
    keep_emails
        Keep the ``email`` column (dropped by default: people's emails are not needed to
        find a way in).

    Returns
    -------
    pandas.DataFrame
        One row per connection with a name: `CONNECTION_COLUMNS` (``person`` is the node
        id the connection gets in a graph without a matching contact; ``connected_on``
        a date; ``url`` missing in older exports). ``attrs["problems"]`` notes rows
        skipped for having no name and dates that could not be read.

    Raises
    ------
    LogReadError
        When the file is missing, unreadable, or has no ``First Name, Last Name`` header.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "Connections.csv"
    >>> _ = p.write_bytes(b"\\xef\\xbb\\xbfNotes:\\r\\n\\"Some emails are missing, see settings.\\"\\r\\n\\r\\n"
    ...     b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\\r\\n"
    ...     b"Ana,Ruiz,https://www.linkedin.com/in/ana-ruiz,ana@x.example,\\"Acme, Inc\\",CTO,12 Mar 2021\\r\\n")
    >>> c = read_linkedin_connections(p)
    >>> c[["person", "name", "company", "connected_on", "source_line"]].to_dict("records")
    [{'person': 'id:linkedin.com/in/ana-ruiz', 'name': 'Ana Ruiz', 'company': 'Acme, Inc', \
'connected_on': Timestamp('2021-03-12 00:00:00'), 'source_line': 5}]
    """
    path = Path(path)
    name = str(path)
    if not path.is_file():
        msg = f"{name}: no such file; check the path to Connections.csv."
        raise LogReadError(msg)
    text = decode_text(path.read_bytes(), name).replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    start = _header_line(lines)
    if start is None:
        msg = (
            f"{name}: no header line with 'First Name' and 'Last Name'; this does not look like LinkedIn's "
            "Connections.csv (export it from Settings > Data privacy > Get a copy of your data)."
        )
        raise LogReadError(msg)
    raw = read_csv_text("\n".join(lines[start:]), name, first_line=start + 1, required=("First Name", "Last Name"))
    frame = raw.frame.rename(columns=lambda h: _HEADERS.get(header_key(str(h)), str(h)))
    n = len(frame)
    owner = owner or DEFAULT_OWNER

    def text_of(col: str) -> pd.Series[Any]:
        if col not in frame.columns:
            return pd.Series([np.nan] * n, dtype="str")
        values = frame[col].astype("str").str.replace(r"\s+", " ", regex=True).str.strip().reset_index(drop=True)
        return values.where(values.ne(""))

    first, last = text_of("first_name"), text_of("last_name")
    full = (first.fillna("") + " " + last.fillna("")).str.strip()
    full = full.where(full.ne(""))
    problems = list(raw.problems)
    nameless = full.isna().to_numpy()
    if nameless.any():
        problems.append(
            make_problems(
                code="blank_rows",
                file=name,
                line=int(raw.lines[nameless][0]),
                value=int(nameless.sum()),
                message=f"{int(nameless.sum())} connection(s) without a name skipped (LinkedIn hides some members)",
            )
        )
    dates, status = parse_dates(text_of("connected_on").fillna(""), dayfirst=True)
    bad = (status != 0) & text_of("connected_on").notna().to_numpy()
    if bad.any():
        problems.append(
            make_problems(
                code="bad_date",
                file=name,
                line=raw.lines[bad],
                column="Connected On",
                value=text_of("connected_on")[bad].to_numpy(dtype=object),
                message="cannot read this as a date; LinkedIn writes them like 12 Mar 2021",
            )
        )
    url = id_key(text_of("url"))
    key = name_key(full)
    out = pd.DataFrame(
        {
            "owner": pd.Series([owner] * n, dtype="str"),
            "person": ("id:" + url).fillna(owner + "/" + key),
            "name": full,
            "first_name": first,
            "last_name": last,
            "url": text_of("url"),
            "company": text_of("company"),
            "position": text_of("position"),
            "connected_on": dates.astype("datetime64[ns]").reset_index(drop=True),
            "source_line": pd.array(raw.lines, dtype="Int64"),
        }
    )
    if keep_emails:
        out.insert(out.columns.get_loc("company"), "email", text_of("email"))  # type: ignore[arg-type]
    out = out[~nameless].reset_index(drop=True)
    out.attrs["problems"] = concat_problems(problems)
    return out
