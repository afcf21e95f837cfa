"""Tests of the network commands: chains, connectors, warm-paths, export and the chains / path plots."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from netinsight.cli.main import main

LOG = (
    "date,contact,company,industry,introduced_by,outcome\n"
    "2026-01-05,Ana Ruiz,Acme,Tech,,\n"
    "2026-01-09,Ben Okafor,Bluefin,Banking,Ana Ruiz,\n"
    "2026-01-12,Cy Tan,Bluefin,Banking,Ben Okafor,referral\n"
    "2026-01-20,Dan Wu,Initech,Tech,Carla Diaz,\n"
)
CONNECTIONS = (
    '\ufeffNotes:\r\n"Some emails are missing."\r\n\r\n'
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
    "Zed,Bo,https://www.linkedin.com/in/zed-bo,,Zenith,CTO,1 Jan 2026\r\n"
)
TARGETS = "employer,industry,motivation\nZenith,Tech,5\nBluefin Inc.,Banking,4\nNowhere,Retail,1\n"


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    out = {"log": tmp_path / "log.csv", "connections": tmp_path / "Connections.csv", "targets": tmp_path / "t.csv"}
    out["log"].write_text(LOG)
    out["connections"].write_bytes(CONNECTIONS.encode("utf-8"))
    out["targets"].write_text(TARGETS)
    return out


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_chains_table(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["chains", str(files["log"])], capsys)
    assert code == 0
    assert err == ""
    assert "me -> Ana Ruiz -> Ben Okafor -> Cy Tan" in out
    assert out.splitlines()[0].split() == [
        "owner",
        "name",
        "depth",
        "chain_text",
        "introduced_by",
        "introduced_on",
        "company",
        "sector",
        "downstream",
    ]


def test_chains_to_one_person_as_json(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["chains", str(files["log"]), "--to", "cy tan", "--format", "json"], capsys)
    assert code == 0
    rows = json.loads(out)
    assert [r["name"] for r in rows] == ["me", "Ana Ruiz", "Ben Okafor", "Cy Tan"]
    assert rows[3]["introduced_on"] == "2026-01-12"


def test_chains_unknown_person_exits_2_naming_close_matches(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["chains", str(files["log"]), "--to", "Ben Okafr"], capsys)
    assert code == 2
    assert out == ""
    assert err.strip() == "netinsight chains: `person` 'Ben Okafr' is not anyone; did you mean 'Ben Okafor'?"


def test_chains_company_and_industry_as_csv(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["chains", str(files["log"]), "--company", "bluefin", "--format", "csv"], capsys)
    assert code == 0
    assert [line.split(",")[1] for line in out.splitlines()[1:]] == ["Ben Okafor", "Cy Tan"]
    code, out, _ = run(["chains", str(files["log"]), "--industry", "Technology", "--format", "csv"], capsys)
    assert [line.split(",")[1] for line in out.splitlines()[1:]] == ["Ana Ruiz", "Dan Wu"]
    code, out, err = run(["chains", str(files["log"]), "--company", "Acmee"], capsys)
    assert (code, out.strip()) == (0, "(no rows)")
    assert "nobody at 'Acmee'; did you mean ['Acme']?" in err


def test_chains_cycle_warning_goes_to_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = tmp_path / "cycle.csv"
    log.write_text("date,contact,introduced_by\n2026-01-05,Ana,Ben\n2026-01-06,Ben,Ana\n")
    code, _, err = run(["chains", str(log)], capsys)
    assert code == 0
    assert err.startswith("netinsight: warning: 2 person(s) cannot be reached from their owner")


def test_connectors_views(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["connectors", str(files["log"]), "--format", "json"], capsys)
    assert code == 0
    top = json.loads(out)
    assert [(r["name"], r["downstream"], r["referrals"]) for r in top] == [
        ("Ana Ruiz", 2, 1),
        ("Ben Okafor", 1, 1),
        ("Carla Diaz", 1, 0),
    ]
    code, out, _ = run(["connectors", str(files["log"]), "-n", "1", "--format", "csv"], capsys)
    assert len(out.splitlines()) == 2
    code, out, _ = run(["connectors", str(files["log"]), "--view", "reach", "--format", "csv"], capsys)
    assert out.splitlines()[1:] == ["me,1,2,1,1", "me,2,2,2,2", "me,3+,1,1,1"]
    code, out, _ = run(["connectors", str(files["log"]), "--view", "bridges", "--format", "json"], capsys)
    assert json.loads(out)[0]["name"] == "Ana Ruiz"
    code, out, _ = run(["connectors", str(files["log"]), "--view", "shared"], capsys)
    assert out.strip() == "(no rows)"
    code, _, err = run(["connectors", str(files["log"]), "-n", "-3"], capsys)
    assert code == 2
    assert "`-n` must be 0 (all) or more, not -3" in err


def test_warm_paths(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    args = ["warm-paths", str(files["log"]), "--targets", str(files["targets"]), "--connections"]
    code, out, _ = run([*args, str(files["connections"]), "--format", "json"], capsys)
    assert code == 0
    rows = json.loads(out)
    assert [(r["employer"], r["name"], r["kind"]) for r in rows] == [
        ("Zenith", "Zed Bo", "connection"),
        ("Bluefin Inc.", "Ben Okafor", "contact"),
        ("Bluefin Inc.", "Cy Tan", "contact"),
        ("Nowhere", None, None),
    ]
    assert "email" not in rows[0]
    code, out, _ = run([*args, str(files["connections"]), "--found-only"], capsys)
    assert "Nowhere" not in out
    assert "me -> Zed Bo" in out


def test_export_graphml_and_gexf(files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    graphml, gexf = tmp_path / "out" / "net.graphml", tmp_path / "net.gexf"
    code, out, err = run(["export", str(files["log"]), "--graphml", str(graphml), "--gexf", str(gexf)], capsys)
    assert code == 0
    assert out == ""
    assert f"wrote {graphml} (6 people and owners, 5 introductions)" in err
    G = nx.read_graphml(graphml)
    assert G.nodes["me/ben okafor"]["company"] == "Bluefin"
    assert nx.read_gexf(gexf).number_of_edges() == 5


def test_export_usage_errors(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["export", str(files["log"])], capsys)
    assert code == 2
    assert "say where to write: `--graphml FILE` and/or `--gexf FILE`" in err
    code, _, err = run(["export", str(files["log"]), "--graphml", "net.xml"], capsys)
    assert code == 2
    assert "`--graphml` must end in .graphml, not 'net.xml'" in err


def test_plot_chains_and_path(files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    png, svg = tmp_path / "chains.png", tmp_path / "path.svg"
    code, _, err = run(["plot", "chains", str(files["log"]), "-o", str(png), "--highlight", "Cy Tan"], capsys)
    assert code == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert err.strip() == f"wrote {png}"
    code, _, _ = run(["plot", "path", str(files["log"]), "Cy Tan", "-o", str(svg)], capsys)
    assert code == 0
    assert "Ben Okafor" in svg.read_text()
    code, _, err = run(["plot", "path", str(files["log"]), "Nobody", "-o", str(svg)], capsys)
    assert code == 2
    assert "'Nobody' is not anyone" in err


def test_owner_limits_a_cohort(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = tmp_path / "cohort.csv"
    log.write_text("owner,date,contact\ns1,2026-01-05,Ana\ns2,2026-01-06,Ben\n")
    code, out, _ = run(["chains", str(log), "--owner", "s2", "--format", "csv"], capsys)
    assert code == 0
    assert out.splitlines()[1:] == ["s2,Ben,1,s2 -> Ben,,2026-01-06,,,0"]
    code, _, err = run(["chains", str(log), "--owner", "s3"], capsys)
    assert code == 2
    assert "`owner` 's3' is not an owner of this network" in err


def test_netinsight_script_on_the_sample_log(tmp_path: Path) -> None:
    sample = Path(__file__).resolve().parent.parent / "data" / "sample_log.csv"
    result = subprocess.run(
        [str(Path(sys.executable).with_name("netinsight")), "chains", str(sample), "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert rows[0]["chain_text"].startswith("me -> ")
    assert max(r["depth"] for r in rows) >= 3
