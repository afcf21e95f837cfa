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
import pyarrow as pa
import pyarrow.compute as pc

from netinsight.csvtext import decode_text, read_csv_text
from netinsight.dates import parse_dates
from netinsight.io import DEFAULT_OWNER
from netinsight.names import id_key, name_key
from netinsight.normalize import LIST_OF_TEXT
from netinsight.problems import LogReadError, concat_problems, make_problems
from netinsight.schema import header_key
from netinsight.tables import code_introductions, introductions_frame, text_lists, typed_introductions, typed_people

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["CONNECTION_COLUMNS", "add_connections", "read_linkedin_connections", "warm_paths"]

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


def add_connections(
    people: pd.DataFrame, introductions: pd.DataFrame, connections: pd.DataFrame
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Add LinkedIn connections to a people and an introductions table.

    A connection whose profile URL is a person's id, or whose name is the name of one of
    the owner's people, is that person (they get ``connected_on``); the others are new
    people of kind ``"connection"`` joined to the owner's root on the day connected.

    Parameters
    ----------
    people, introductions
        From `netinsight.people_table` and `netinsight.introductions_table`. Not modified.
    connections
        From `read_linkedin_connections`. Not modified.

    Returns
    -------
    people : pandas.DataFrame
    introductions : pandas.DataFrame

    Examples
    --------
    >>> import pandas as pd
    >>> from netinsight import read_log
    >>> from netinsight.people import introductions_table, people_table
    >>> log = read_log(pd.DataFrame({"date": ["2026-01-05"], "contact": ["Ana Ruiz"]}))
    >>> c = pd.DataFrame({"owner": ["me", "me"], "person": ["id:li/ana", "id:li/bo"], "name": ["Ana Ruiz", "Bo Li"],
    ...                   "company": ["Acme", "Bluefin"], "position": ["CTO", "Analyst"],
    ...                   "connected_on": pd.to_datetime(["2021-03-12", "2024-01-01"])})
    >>> people, intros = add_connections(people_table(log), introductions_table(log), c)
    >>> people[["name", "kind", "company", "connected_on"]]
                   name        kind  company connected_on
    person
    owner:me         me       owner      NaN          NaT
    me/ana ruiz  Ana Ruiz     contact      NaN   2021-03-12
    id:li/bo        Bo Li  connection  Bluefin   2024-01-01
    """
    conn = connections.reset_index(drop=True)
    roots = people[people["kind"] == "owner"]
    missing_owners = sorted(set(conn["owner"].astype(str)) - set(roots["owner"]))
    if missing_owners:
        msg = f"`connections` belong to {missing_owners}, who own no log here; pass `owner` when reading them"
        raise ValueError(msg)
    ids = people.index.to_numpy(dtype=object)
    by_id = pd.Index(ids).get_indexer(conn["person"].astype(object))
    # by name: among the owner's people (their id says the owner, or they serve the owner)
    owners = pa.chunked_array(people["owners"].array._pa_array).combine_chunks()  # type: ignore[attr-defined]
    pairs = pd.DataFrame(
        {
            "owner": pc.list_flatten(owners).to_numpy(zero_copy_only=False),
            "pos": pc.list_parent_indices(owners).to_numpy().astype(np.int64),
        }
    )
    pairs["key"] = name_key(people["name"]).to_numpy(dtype=object)[pairs["pos"].to_numpy()]
    pairs = pairs[(people["kind"].to_numpy(dtype=object)[pairs["pos"].to_numpy()] != "owner")]
    pairs = pairs.dropna().drop_duplicates(["owner", "key"])
    lookup = pd.Series(pairs["pos"].to_numpy(), index=pd.MultiIndex.from_frame(pairs[["owner", "key"]]))
    keys = pd.MultiIndex.from_arrays([conn["owner"].astype(str), name_key(conn["name"])])
    by_name = lookup.reindex(keys).fillna(-1).to_numpy(dtype=np.int64) if len(lookup) else np.full(len(conn), -1)
    match = np.where(by_id >= 0, by_id, by_name)
    people = people.copy()
    connected = people["connected_on"].to_numpy(dtype="datetime64[ns]").copy()
    hit = match >= 0
    when = conn["connected_on"].to_numpy(dtype="datetime64[ns]")
    connected[match[hit]] = when[hit]
    people["connected_on"] = connected
    new = conn[~hit].drop_duplicates("person")
    new = new[~new["person"].isin(people.index)]
    added = pd.DataFrame(
        {
            "name": new["name"].to_numpy(dtype=object),
            "kind": "connection",
            "owner": new["owner"].astype(str).to_numpy(dtype=object),
            "owners": text_lists([[o] for o in new["owner"].astype(str)]).to_numpy(),
            "company": new["company"].to_numpy(dtype=object),
            "role": new["position"].to_numpy(dtype=object),
            "interviews": 0,
            "outcomes": text_lists([[] for _ in range(len(new))]).to_numpy(),
            "connected_on": new["connected_on"].to_numpy(dtype="datetime64[ns]"),
        },
        index=pd.Index(new["person"].to_numpy(dtype=object), name="person"),
    )
    people = typed_people(pd.concat([people, added]) if len(added) else people)
    people.attrs["source"] = "; ".join(filter(None, [str(people.attrs.get("source", "")), "LinkedIn"]))
    edges = pd.DataFrame(
        {
            "owner": new["owner"].astype(str).to_numpy(dtype=object),
            "introducer": ("owner:" + new["owner"].astype(str)).to_numpy(dtype=object),
            "person": new["person"].to_numpy(dtype=object),
            "date": new["connected_on"].to_numpy(dtype="datetime64[ns]"),
            "count": 0,
        }
    )
    intros = typed_introductions(pd.concat([introductions, edges], ignore_index=True))
    return people, intros


def _targets_frame(targets: pd.DataFrame | pd.Series[Any] | list[str] | str | Path) -> pd.DataFrame:
    if isinstance(targets, (str, Path)):
        from netinsight.targets import read_targets

        return read_targets(targets)
    if isinstance(targets, pd.DataFrame):
        if "employer" not in targets.columns:
            msg = f"`targets` needs an 'employer' column; columns found: {list(targets.columns)}"
            raise ValueError(msg)
        return targets.reset_index(drop=True)
    return pd.DataFrame({"employer": pd.Series(list(targets), dtype="str")})


def warm_paths(
    G_or_log: nx.DiGraph | pd.DataFrame,
    targets: pd.DataFrame | pd.Series[Any] | list[str] | str | Path,
    *,
    connections: pd.DataFrame | None = None,
    owner: str | None = None,
) -> pd.DataFrame:
    """Who to ask for an introduction at each target employer, and the chain to them.

    Parameters
    ----------
    G_or_log
        A log or a graph built from it (with or without connections). Not modified.
    targets
        Target employers: a table with an ``employer`` column (e.g. from
        `netinsight.read_targets`), a file to read with it, or a list of names. Matched
        on `netinsight.employers.normalize_employer` keys.
    connections
        LinkedIn connections from `read_linkedin_connections`, added as first-degree people.
    owner
        Only this owner's network.

    Returns
    -------
    pandas.DataFrame
        One row per target and person working there, in target order, then contacts met
        before connections only, shortest chain and most recent first: ``employer``, the
        target's other columns, ``owner, person, name, kind, company, role, depth,
        chain_text, chain, last_interview, connected_on``. A target nobody works at has
        one row with ``person`` missing.

    Examples
    --------
    >>> import pandas as pd
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({"date": ["2026-01-05", "2026-01-09"], "contact": ["Ana Ruiz", "Ben Okafor"],
    ...                              "company": ["Acme", "Bluefin Capital LLC"], "introduced_by": ["", "Ana Ruiz"]}))
    >>> warm_paths(log, ["Bluefin Capital", "Zenith"])[["employer", "name", "chain_text"]]
              employer        name                    chain_text
    0  Bluefin Capital  Ben Okafor  me -> Ana Ruiz -> Ben Okafor
    1           Zenith         NaN                           NaN
    """
    from netinsight.chaintable import Network, chains_table, employer_key, network, order_chains

    table = _targets_frame(targets)
    net = network(G_or_log, owner)
    if connections is not None:
        if owner is not None:
            connections = connections[connections["owner"].astype(str) == owner]
        people, intros = add_connections(net.people, introductions_frame(net.people, net.introductions), connections)
        net = Network(people, code_introductions(people, intros))
    chains = order_chains(chains_table(net)[0])
    keys = employer_key(table["employer"]).to_numpy(dtype=object)
    company = employer_key(chains["company"]).to_numpy(dtype=object)
    order = pd.Series(np.arange(len(keys)), index=keys)
    order = order[~order.index.duplicated()]
    target_pos = pd.Index(order.index).get_indexer(company)
    hit = np.flatnonzero(target_pos >= 0)
    found = chains.iloc[hit].reset_index(drop=True)
    found.insert(0, "_target", order.to_numpy()[target_pos[hit]])
    never_met = (found["interviews"] == 0).to_numpy()
    recent = found["last_interview"].fillna(found["connected_on"]).to_numpy(dtype="datetime64[ns]")
    sort = np.lexsort(
        (
            -recent.view(np.int64).astype(np.float64),
            found["depth"].to_numpy(dtype="float64", na_value=np.inf),
            never_met,
            found["_target"].to_numpy(),
        )
    )
    found = found.iloc[sort]
    missing = np.setdiff1d(np.arange(len(table)), found["_target"].to_numpy())
    rows = pd.concat([found, pd.DataFrame({"_target": missing})], ignore_index=True)
    rows = rows.sort_values("_target", kind="stable").reset_index(drop=True)
    columns = ["owner", "person", "name", "kind", "company", "role", "depth", "chain_text", "chain"]
    columns += ["last_interview", "connected_on"]
    extra = [c for c in table.columns if c not in ("source_file", "source_line", "key") and c not in columns]
    left = table[extra].iloc[rows["_target"].to_numpy()].reset_index(drop=True)
    right = rows[columns].reset_index(drop=True)
    out = pd.concat([left, right], axis=1)
    for col in ("owner", "person", "name", "kind", "company", "role", "chain_text"):
        out[col] = out[col].astype("str")
    out["chain"] = out["chain"].astype(LIST_OF_TEXT) if len(out) else pd.Series(dtype=LIST_OF_TEXT)
    return out
