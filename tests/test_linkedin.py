"""Tests of netinsight.linkedin: every Connections.csv variant, matching to contacts, warm paths."""

from __future__ import annotations

import pandas as pd
import pytest

from netinsight.chains import referral_chains
from netinsight.graph import graph_from_log
from netinsight.linkedin import read_linkedin_connections, warm_paths
from netinsight.people import people_table
from netinsight.problems import LogReadError
from tests.conftest import make_log

HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"
PREAMBLE = (
    'Notes:\r\n"When exporting your connection data, you may notice that some of the email addresses are missing. '
    'You will only see email addresses for connections who have allowed it, see https://www.linkedin.com/psettings."'
    "\r\n\r\n"
)
ROWS = [
    "Ana,Ruiz,https://www.linkedin.com/in/ana-ruiz-1a2b3c,ana@acme.example,Acme,CTO,12 Mar 2021",
    'Bo,Li,https://www.linkedin.com/in/bo-li-4d5e6f,,"Smith, Jones & Co","Head of People, EMEA",1 Jan 2026',
    ",,,,,,3 Feb 2024",
    "Cy,Tan,https://www.linkedin.com/in/cy-tan-777777,,,Student,9 Sep 2025",
]


def export(rows: list[str] = ROWS, *, preamble: str = PREAMBLE, header: str = HEADER, bom: bool = True) -> bytes:
    text = preamble + header + "\r\n" + "\r\n".join(rows) + "\r\n"
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")


def test_reads_the_real_export_format(write_file) -> None:
    table = read_linkedin_connections(write_file("Connections.csv", export()))
    assert table["name"].tolist() == ["Ana Ruiz", "Bo Li", "Cy Tan"]  # the nameless row is skipped
    assert table["company"].tolist()[:2] == ["Acme", "Smith, Jones & Co"]
    assert table["position"].tolist()[1] == "Head of People, EMEA"
    assert pd.isna(table["company"].iloc[2])
    assert table["connected_on"].tolist() == [
        pd.Timestamp("2021-03-12"),
        pd.Timestamp("2026-01-01"),
        pd.Timestamp("2025-09-09"),
    ]
    assert table["source_line"].tolist() == [5, 6, 8]  # physical lines of the file
    assert table["person"].tolist()[0] == "id:linkedin.com/in/ana-ruiz-1a2b3c"
    assert table["owner"].unique().tolist() == ["me"]
    assert "email" not in table.columns
    problems = table.attrs["problems"]
    assert problems["code"].tolist() == ["blank_rows"]
    assert problems["line"].tolist() == [7]


def test_keep_emails_and_owner(write_file) -> None:
    table = read_linkedin_connections(write_file("c.csv", export()), owner="s1", keep_emails=True)
    assert table["email"].tolist()[0] == "ana@acme.example"
    assert table["owner"].unique().tolist() == ["s1"]
    assert table["person"].tolist()[0] == "id:linkedin.com/in/ana-ruiz-1a2b3c"


@pytest.mark.parametrize(
    "preamble",
    ["", "Notes:\n", 'Notes:\n"line one, with a comma\nline two"\n\n\n', "Notes:\r\nShort note\r\n\r\n"],
)
def test_preambles_of_any_length(write_file, preamble: str) -> None:
    table = read_linkedin_connections(write_file("c.csv", export(preamble=preamble, bom=False)))
    assert table["name"].tolist() == ["Ana Ruiz", "Bo Li", "Cy Tan"]


def test_older_export_without_url(write_file) -> None:
    header = "First Name,Last Name,Email Address,Company,Position,Connected On"
    rows = ["Ana,Ruiz,,Acme,CTO,12 Mar 2021", "Bo,Li,,Bluefin,Analyst,1 Jan 2026"]
    table = read_linkedin_connections(write_file("c.csv", export(rows, header=header)))
    assert table["url"].isna().all()
    assert table["person"].tolist() == ["me/ana ruiz", "me/bo li"]


def test_windows_1252_and_lf_line_ends(write_file) -> None:
    text = f"Notes:\n\n{HEADER}\nZoë,Müller,,,Acme,CTO,1 Jan 2026\n"
    table = read_linkedin_connections(write_file("c.csv", text.encode("cp1252")))
    assert table["name"].tolist() == ["Zoë Müller"]


def test_bad_date_is_reported_not_fatal(write_file) -> None:
    table = read_linkedin_connections(write_file("c.csv", export(["Ana,Ruiz,,,Acme,CTO,someday"])))
    assert pd.isna(table["connected_on"].iloc[0])
    assert table.attrs["problems"]["code"].tolist() == ["bad_date"]


def test_not_an_export(write_file) -> None:
    with pytest.raises(LogReadError, match=r"no header line with 'First Name' and 'Last Name'"):
        read_linkedin_connections(write_file("c.csv", "date,contact\n2026-01-05,Ana\n"))
    with pytest.raises(LogReadError, match=r"no such file"):
        read_linkedin_connections("/nonexistent/Connections.csv")


def connections_log() -> pd.DataFrame:
    return make_log(
        date=["2026-01-05", "2026-01-09", "2026-01-12"],
        contact=["Ana Ruiz", "Dan Wu", "Eve Li"],
        contact_id=["", "https://www.linkedin.com/in/cy-tan-777777", ""],
        company=["Acme", "Bluefin Capital LLC", "Initech"],
        introduced_by=["", "Ana Ruiz", "Dan Wu"],
    )


def test_connections_match_contacts_by_url_then_name(write_file) -> None:
    conn = read_linkedin_connections(write_file("c.csv", export()))
    people = people_table(connections_log(), connections=conn)
    assert people.loc["me/ana ruiz", "connected_on"] == pd.Timestamp("2021-03-12")  # by name
    # Cy's URL is Dan's contact_id: the same person, whatever the name says
    assert people.loc["id:linkedin.com/in/cy-tan-777777", "kind"] == "contact"
    assert people.loc["id:linkedin.com/in/cy-tan-777777", "connected_on"] == pd.Timestamp("2025-09-09")
    assert people.loc["id:linkedin.com/in/bo-li-4d5e6f", "kind"] == "connection"
    assert people.loc["id:linkedin.com/in/bo-li-4d5e6f", "role"] == "Head of People, EMEA"
    chains = referral_chains(graph_from_log(connections_log(), connections=conn)).set_index("name")
    assert (chains.loc["Bo Li", "depth"], chains.loc["Bo Li", "chain_text"]) == (1, "me -> Bo Li")
    assert chains.loc["Eve Li", "depth"] == 3


def test_warm_paths_hand_worked(write_file) -> None:
    conn = read_linkedin_connections(write_file("c.csv", export()))
    targets = pd.DataFrame(
        {"employer": ["BLUEFIN CAPITAL", "Smith Jones and Co", "Zenith", "acme corp."], "motivation": [5, 4, 3, 2]}
    )
    found = warm_paths(connections_log(), targets, connections=conn)
    assert found[["employer", "name", "kind", "depth"]].astype(object).where(found.notna(), None).values.tolist() == [
        ["BLUEFIN CAPITAL", "Dan Wu", "contact", 2],
        ["Smith Jones and Co", "Bo Li", "connection", 1],
        ["Zenith", None, None, None],
        ["acme corp.", "Ana Ruiz", "contact", 1],
    ]
    assert found["chain_text"].iloc[0] == "me -> Ana Ruiz -> Dan Wu"
    assert found["motivation"].tolist() == [5, 4, 3, 2]
    G = graph_from_log(connections_log(), connections=conn)
    pd.testing.assert_frame_equal(warm_paths(G, targets), found)


def test_warm_paths_puts_contacts_before_connections_and_takes_a_list() -> None:
    log = make_log(
        date=["2026-01-05", "2026-01-09"],
        contact=["Ana Ruiz", "Ben Okafor"],
        company=["Hub", "Acme"],
        introduced_by=["", "Ana Ruiz"],
    )
    conn = pd.DataFrame(
        {
            "owner": ["me"],
            "person": ["id:li/zed"],
            "name": ["Zed Bo"],
            "company": ["Acme"],
            "position": ["CTO"],
            "connected_on": pd.to_datetime(["2026-02-01"]),
        }
    )
    found = warm_paths(log, ["Acme"], connections=conn)
    assert found["name"].tolist() == ["Ben Okafor", "Zed Bo"]  # met before merely connected, though deeper


def test_warm_paths_needs_an_employer_column() -> None:
    with pytest.raises(ValueError, match=r"`targets` needs an 'employer' column; columns found: \['company'\]"):
        warm_paths(connections_log(), pd.DataFrame({"company": ["Acme"]}))


def test_inputs_not_modified(write_file) -> None:
    conn = read_linkedin_connections(write_file("c.csv", export()))
    log = connections_log()
    before_conn, before_log = conn.copy(), log.copy()
    warm_paths(log, ["Acme"], connections=conn)
    people_table(log, connections=conn)
    pd.testing.assert_frame_equal(conn, before_conn)
    pd.testing.assert_frame_equal(log, before_log)
