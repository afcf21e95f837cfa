"""People in a log: person ids, and the log as people and introductions tables, on integer codes.

A person is identified by ``contact_id`` where given (the same across owners), else by the
owner and a normalised name (`netinsight.names.name_key`); introducers are matched to the
owner's contacts by name. The log is coded once (`netinsight.logcodes`: owners and people as
integers, no per-row strings) and both tables are built from the codes; the analyses keep the
codes and the people as arrays (`coded_network_from_log`, `netinsight.peoplecodes`). Limits:
a person written as their own introducer gets no edge (`netinsight.validate_log` reports it).
"""

from __future__ import annotations

from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt
import pandas as pd

from netinsight.logcodes import code_log
from netinsight.memo import derived, freeze
from netinsight.memory import large_work, release_after
from netinsight.pairs import grouped, index_pairs
from netinsight.peoplecodes import PeopleCodes, people_from_codes, start_attribute_codes
from netinsight.tables import (
    CodedIntroductions,
    introductions_frame,
    text_series,
)
from netinsight.textcodes import take_or_null
from netinsight.threads import in_background

__all__ = [
    "LogNetwork",
    "coded_network_from_log",
    "coded_tables_from_log",
    "introductions_table",
    "log_network",
    "people_table",
    "person_codes",
    "person_ids",
    "tables_from_log",
]

IntArray = npt.NDArray[np.int64]
_LAST = np.iinfo(np.int64).max


@large_work()
def introductions_table(log: pd.DataFrame, *, connections: pd.DataFrame | None = None) -> pd.DataFrame:
    """Who introduced whom, per owner: one row per owner, introducer and person.

    A person reached directly is introduced by their owner's root (``"owner:<owner>"``);
    an introducer who was never interviewed is joined to the owner's root (no date).
    ``date`` is the first interview that names the introduction and ``count`` the number
    of interviews that do.

    Parameters
    ----------
    log
        A log from `netinsight.read_log`. Not modified.
    connections
        LinkedIn connections from `netinsight.read_linkedin_connections`: those not
        interviewed join their owner's root, dated when connected.

    Returns
    -------
    pandas.DataFrame
        Columns `INTRODUCTION_COLUMNS`, sorted by owner, person, date and introducer.

    See Also
    --------
    people_table : the nodes.
    graph_from_tables : the graph of both tables.

    Examples
    --------
    >>> import pandas as pd
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({
    ...     "date": ["2026-01-05", "2026-01-09", "2026-01-20"],
    ...     "contact": ["Ana Ruiz", "Ben Okafor", "Dan Wu"],
    ...     "introduced_by": ["", "Ana Ruiz", "Carla Diaz"]}))
    >>> introductions_table(log)[["introducer", "person", "count"]]
          introducer         person  count
    0       owner:me    me/ana ruiz      1
    1    me/ana ruiz  me/ben okafor      1
    2       owner:me  me/carla diaz      0
    3  me/carla diaz      me/dan wu      1
    """
    return tables_from_log(log, connections=connections)[1]


@large_work()
def people_table(log: pd.DataFrame, *, connections: pd.DataFrame | None = None) -> pd.DataFrame:
    """Everyone in a log's referral graph: owners, people met, introducers, connections.

    Name is the first spelling met; company, role and industry the latest given; owners
    the owners who met (or were introduced to) the person, first first.

    Parameters
    ----------
    log
        A log from `netinsight.read_log`. Not modified.
    connections
        LinkedIn connections from `netinsight.read_linkedin_connections` (added as kind
        ``"connection"`` unless interviewed; those interviewed get ``connected_on``).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``person`` (the node id, see `person_ids`), columns `PEOPLE_COLUMNS`;
        ``kind`` is one of ``owner, contact, introducer, connection``. Owners come
        first, then people by owner and first interview.

    See Also
    --------
    introductions_table : the edges.

    Examples
    --------
    >>> import pandas as pd
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({
    ...     "date": ["2026-01-05", "2026-01-09", "2026-02-01"],
    ...     "contact": ["Ana Ruiz", "Ben Okafor", "ana ruiz"], "company": ["Acme", "Bluefin", "Initech"],
    ...     "introduced_by": ["", "Ana Ruiz", ""], "outcome": ["", "referral", "job lead"]}))
    >>> people_table(log)[["name", "kind", "company", "interviews"]]
                     name     kind  company  interviews
    person
    owner:me           me    owner      NaN           0
    me/ana ruiz  Ana Ruiz  contact  Initech           2
    me/ben okafor  Ben Okafor  contact  Bluefin           1
    """
    return tables_from_log(log, connections=connections)[0]


@large_work()
def tables_from_log(log: pd.DataFrame, *, connections: pd.DataFrame | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """`people_table` and `introductions_table` of a log in one pass.

    Parameters
    ----------
    log
        A log from `netinsight.read_log`. Not modified.
    connections
        LinkedIn connections, as for `people_table`.

    Returns
    -------
    people : pandas.DataFrame
    introductions : pandas.DataFrame

    Examples
    --------
    >>> import pandas as pd
    >>> from netinsight import read_log
    >>> people, intros = tables_from_log(read_log(pd.DataFrame({"date": ["2026-01-05"], "contact": ["Ana"]})))
    >>> people.index.tolist(), len(intros)
    (['owner:me', 'me/ana'], 1)
    """
    people, coded = coded_tables_from_log(log)
    intros = introductions_frame(people, coded)
    if connections is not None:
        from netinsight.connections import add_connections

        people, intros = add_connections(people, intros, connections)
    return people, intros


@large_work()
def person_ids(log: pd.DataFrame) -> pd.Series[Any]:
    """The person id of each row of a log: who was interviewed, as a node id.

    A row with a ``contact_id`` gets ``"id:"`` and its id key, the same for every owner, so
    one professional met by two students is one person. Other rows get the owner, ``"/"``
    and the name key (`netinsight.names.name_key`). A row without an id whose owner met
    exactly one person of that name with an id takes that id.

    Parameters
    ----------
    log
        A log from `netinsight.read_log`. Not modified.

    Returns
    -------
    pandas.Series
        One id per row (missing where the contact is empty), aligned with the log's index.

    Examples
    --------
    >>> import pandas as pd
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({
    ...     "date": ["2026-01-05", "2026-01-09", "2026-02-01", "2026-02-03"],
    ...     "contact": ["Dr. Ana Ruiz", "Ben Okafor", "ana ruiz", "Ben Okafor"],
    ...     "contact_id": ["", "ben@bluefin.example", "", ""]}))
    >>> person_ids(log).tolist()
    ['me/ana ruiz', 'id:ben@bluefin.example', 'me/ana ruiz', 'id:ben@bluefin.example']
    """
    kept = log_network(log)
    at = np.full(len(log), -1, dtype=np.int64)
    at[kept.rows] = kept.position[kept.person]
    out = text_series(take_or_null(kept.people.ids, at))
    out.index = log.index
    return out.rename("person")


def person_codes(log: pd.DataFrame) -> npt.NDArray[np.int64]:
    """Each row's person as an integer scoped to its owner (-1 without a contact); read-only, kept per log.

    Equal codes are the same person (`person_ids`) of the same owner.

    Examples
    --------
    >>> import pandas as pd
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({"owner": ["me", "me", "you", "me"], "date": ["2026-01-05"] * 4,
    ...                              "contact": ["Ana Ruiz", "dr. ana ruiz", "Ana Ruiz", ""]}))
    >>> person_codes(log).tolist()
    [0, 0, 1, -1]
    """
    return derived(log, "person_codes", _person_codes)


def _person_codes(log: pd.DataFrame) -> npt.NDArray[np.int64]:
    kept = log_network(log)
    out = np.full(len(log), -1, dtype=np.int64)
    out[kept.rows] = kept.pair
    freeze(out)
    return out


def coded_tables_from_log(log: pd.DataFrame) -> tuple[pd.DataFrame, CodedIntroductions]:
    """The people table and the introductions as positions in it, in one pass over the log's codes.

    `introductions_table` is ``netinsight.tables.introductions_frame`` of these; the
    analyses compute on the codes without building it.

    Parameters
    ----------
    log
        A log from `netinsight.read_log`. Not modified.

    Returns
    -------
    people : pandas.DataFrame
        As `people_table`.
    introductions : netinsight.tables.CodedIntroductions

    Examples
    --------
    >>> import pandas as pd
    >>> from netinsight import read_log
    >>> people, coded = coded_tables_from_log(read_log(pd.DataFrame({"date": ["2026-01-05"], "contact": ["Ana"]})))
    >>> people.index[coded.introducer].tolist(), people.index[coded.person].tolist()
    (['owner:me'], ['me/ana'])
    """
    people, intros = coded_network_from_log(log)
    return people.frame(), intros


def coded_network_from_log(log: pd.DataFrame) -> tuple[PeopleCodes, CodedIntroductions]:
    """`coded_tables_from_log` with the people table as arrays (`PeopleCodes.frame` builds the table).

    Examples
    --------
    >>> import pandas as pd
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({"date": ["2026-01-05"], "contact": ["Ana"]}))
    >>> people, coded = coded_network_from_log(log)
    >>> people.text["name"].decode().to_pylist(), people.ids.to_pylist()
    (['me', 'Ana'], ['owner:me', 'me/ana'])
    """
    kept = log_network(log)
    return kept.people, kept.introductions


class LogNetwork(NamedTuple):
    """A log's network as the analyses keep it: people, coded introductions, each person code's people row,
    and the rows with a contact with their owner and person codes (`netinsight.logcodes.CodedLog`)."""

    people: PeopleCodes
    introductions: CodedIntroductions
    position: IntArray
    rows: IntArray
    owner: IntArray
    person: IntArray
    pair: IntArray  # each row's (owner, person) code, in order of first appearance


def log_network(log: pd.DataFrame) -> LogNetwork:
    """`coded_network_from_log`, the people row of each person code and the rows' codes, kept per log.

    Examples
    --------
    >>> import pandas as pd
    >>> from netinsight import read_log
    >>> kept = log_network(read_log(pd.DataFrame({"date": ["2026-01-05"], "contact": ["Ana"]})))
    >>> kept.people.ids.to_pylist(), kept.position.tolist()
    (['owner:me', 'me/ana'], [1])
    """
    return derived(log, "log_network", _log_network)


def _log_network(log: pd.DataFrame) -> LogNetwork:
    attributes = start_attribute_codes(log)  # hashed on threads while the log is coded
    coded = code_log(log)
    rows, owner, person, introducer = coded.rows, coded.owner, coded.person, coded.introducer
    n_people = coded.n_people
    pairs = in_background(lambda: index_pairs(owner, person)[1], rows=len(person))  # NumPy: needed at the end
    keep = introducer != person  # self-introductions get no edge (validate_log reports them)
    g_owner, g_src, g_dst, g_stamp, counts = _group_introductions(
        owner[keep], introducer[keep], person[keep], coded.stamp[keep]
    )
    # introducers never interviewed by that owner: joined to the owner's root, undated
    named = g_src >= 0
    unmet_edge = np.flatnonzero(named)[coded.introduced_only[g_src[named]]]  # the owner's own contacts are met
    width = max(n_people, 1)
    unmet = np.sort(pd.unique(g_owner[unmet_edge] * width + g_src[unmet_edge]))
    u_owner, u_person = unmet // width, unmet % width
    people, position, root_row = people_from_codes(
        log, coded, g_owner, g_dst, g_stamp, u_owner, u_person, attributes=attributes
    )
    all_owner = np.concatenate([g_owner, u_owner])
    all_src = np.concatenate([g_src, np.full(len(unmet), -1)])
    all_stamp = np.concatenate([g_stamp, np.full(len(unmet), _LAST)])
    date_out = all_stamp.view("datetime64[ns]").copy()
    date_out[all_stamp == _LAST] = np.datetime64("NaT")
    intros = CodedIntroductions(
        owner=all_owner,
        owners=coded.owner_names,
        introducer=np.where(all_src >= 0, position[np.maximum(all_src, 0)], root_row[all_owner]),
        person=position[np.concatenate([g_dst, u_person])],
        date=date_out,
        count=np.concatenate([counts, np.zeros(len(unmet), dtype=np.int64)]),
    )
    pair = pairs.result()
    freeze(position, pair, intros.owner, intros.introducer, intros.person, intros.date, intros.count)
    freeze(people.first_interview, people.last_interview, people.interviews, *(t.codes for t in people.text.values()))
    release_after(len(log))  # the coding's temporaries: hand them back before the next step
    return LogNetwork(people, intros, position, rows, owner, person, pair)


def _group_introductions(
    owner: IntArray, src: IntArray, dst: IntArray, stamp: IntArray
) -> tuple[IntArray, IntArray, IntArray, IntArray, IntArray]:
    """Distinct (owner, person, introducer) sorted by those codes, with the earliest stamp and the count of each."""
    n_src = int(src.max()) + 2 if len(src) else 1
    n_dst = int(dst.max()) + 1 if len(dst) else 1
    n_owner = int(owner.max()) + 1 if len(owner) else 1
    if n_owner * n_dst * n_src < 2**62:  # (owner, person, introducer) packed into one integer each
        key = (owner * n_dst + dst) * n_src + (src + 1)
        order = np.argsort(key, kind="stable" if grouped(owner) else None)  # owner by owner: sorted runs
        sorted_key = key[order]
        new = np.ones(len(key), dtype=bool)
        new[1:] = sorted_key[1:] != sorted_key[:-1]
    else:
        order = np.lexsort((stamp, src, dst, owner))
        new = np.ones(len(order), dtype=bool)
        new[1:] = (owner[order][1:] != owner[order][:-1]) | (dst[order][1:] != dst[order][:-1])
        new[1:] |= src[order][1:] != src[order][:-1]
    starts = np.flatnonzero(new)
    counts = np.diff(np.append(starts, len(order))).astype(np.int64)
    first = order[starts]
    earliest = np.minimum.reduceat(stamp[order], starts) if len(starts) else np.zeros(0, dtype=np.int64)
    return owner[first], src[first], dst[first], earliest.astype(np.int64), counts
