from __future__ import annotations

import json
from pathlib import Path

import pytest

from netinsight.cli.main import main

LOG = (
    "date,contact,company,industry,source,thank_you_date,follow_up_date,outcome,outreach_date,response_date\n"
    "2026-06-01,Ana,Acme Corp.,Tech,introduction,2026-06-02,2026-06-20,referral,,\n"
    "2026-06-03,Ben,Bluefin,Banking,cold email,,,,,\n"
    "2026-06-29,Cy,Acme,Tech,cold email,,,,2026-06-22,2026-06-23\n"
    "2026-07-20,Dee,Delta,Energy,cold email,,,,2026-06-22,\n"
)
TARGETS = "Company,Sector\nACME Corporation,Tech\nZenith,Energy\n"


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    log, targets = tmp_path / "log.csv", tmp_path / "targets.csv"
    log.write_text(LOG)
    targets.write_text(TARGETS)
    return log, targets


def test_coverage_json_with_targets(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    log, targets = files
    assert main(["coverage", str(log), "--targets", str(targets), "--format", "json"]) == 0
    rows = {r["industry"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["Technology"]["interviews"] == 2
    assert rows["Technology"]["reached"] == 1
    assert rows["Energy"]["untouched"] == 1  # "Delta" is not "Zenith"
    assert rows["Finance"]["reached_rate"] is None  # no target there: no rate


def test_coverage_views(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    log, targets = files
    assert main(["coverage", str(log), "--targets", str(targets), "--view", "employers", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("rank,employer,industry,sector,motivation,posting,advocacy,status,interviews")
    assert lines[1].startswith("1,ACME Corporation,Tech,Technology,,,,reached,2,")
    assert main(["coverage", str(log), "--view", "concentration", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["top_industry"] == "Technology"
    assert main(["coverage", str(log), "--view", "top"]) == 2
    assert "`--view top` needs a target list: add --targets FILE." in capsys.readouterr().err


def test_coverage_by_unknown_column_is_a_usage_error(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    log, _ = files
    assert main(["coverage", str(log), "--by", "cohort"]) == 2
    assert "`by` column(s) ['cohort'] not in log." in capsys.readouterr().err


def test_bad_target_list_exits_1(files: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log, _ = files
    bad = tmp_path / "bad.csv"
    bad.write_text("employer,industry\n,Tech\n")
    assert main(["coverage", str(log), "--targets", str(bad)]) == 1
    assert "the target list has 1 error" in capsys.readouterr().err


CONNECTIONS = (
    "\ufeffNotes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses are missing."\n'
    "\n"
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Zoe,Park,https://www.linkedin.com/in/zoe-park,,Zenith Ltd,Engineer,4 Jul 2026\n"
    "Ana,Ruiz,,,ACME Corp,CTO,12 Mar 2021\n"
    "Max,Lee,,,Nowhere Labs,Analyst,1 Jan 2024\n"
)


@pytest.fixture
def connections(tmp_path: Path) -> Path:
    path = tmp_path / "Connections.csv"
    path.write_text(CONNECTIONS, encoding="utf-8")
    return path


def test_coverage_connections_make_a_target_reachable(
    files: tuple[Path, Path], connections: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Zenith: nobody interviewed there, Zoe works there -> reachable; without her, untouched.
    # Acme: interviewed (Ana, Cy) -> reached, whatever the connections say. Nowhere Labs: not a target.
    log, targets = files
    base = ["coverage", str(log), "--targets", str(targets), "--format", "json"]
    assert main([*base, "--view", "employers"]) == 0
    before = {r["employer"]: r for r in json.loads(capsys.readouterr().out)}
    assert (before["Zenith"]["status"], before["Zenith"]["connections"]) == ("untouched", 0)
    assert main([*base, "--view", "employers", "--connections", str(connections)]) == 0
    after = {r["employer"]: r for r in json.loads(capsys.readouterr().out)}
    assert (after["Zenith"]["status"], after["Zenith"]["interviews"], after["Zenith"]["connections"]) == (
        "reachable",
        0,
        1,
    )
    assert after["Zenith"]["match"] == "normalised"  # "Zenith Ltd" in the connections
    assert (after["ACME Corporation"]["status"], after["ACME Corporation"]["connections"]) == ("reached", 1)

    assert main([*base, "--connections", str(connections)]) == 0
    energy = {r["industry"]: r for r in json.loads(capsys.readouterr().out)}["Energy"]
    assert (energy["interviews"], energy["reached"], energy["reachable"], energy["untouched"]) == (1, 0, 1, 0)
    assert main(base) == 0
    energy = {r["industry"]: r for r in json.loads(capsys.readouterr().out)}["Energy"]
    assert (energy["reachable"], energy["untouched"]) == (0, 1)

    assert main([*base, "--view", "top", "--connections", str(connections)]) == 0
    top10 = json.loads(capsys.readouterr().out)[0]
    assert (top10["top"], top10["targets"], top10["reached"], top10["reachable"], top10["untouched"]) == (
        10,
        2,
        1,
        1,
        0,
    )
    assert (top10["reached_rate"], top10["network_rate"]) == (0.5, 1.0)


def test_coverage_connections_by_owner(
    files: tuple[Path, Path], connections: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log, targets = files  # one owner ("me"): the connections are theirs
    args = ["coverage", str(log), "--targets", str(targets), "--connections", str(connections)]
    assert main([*args, "--view", "employers", "--by", "owner", "--format", "json"]) == 0
    rows = {(r["owner"], r["employer"]): r["status"] for r in json.loads(capsys.readouterr().out)}
    assert rows == {("me", "ACME Corporation"): "reached", ("me", "Zenith"): "reachable"}


def test_coverage_connections_need_owner_when_grouped_by_owner(
    files: tuple[Path, Path], connections: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, targets = files
    log = tmp_path / "two.csv"
    log.write_text(
        "owner,date,contact,company,industry\nkim,2026-06-01,Ana,Acme,Tech\nlou,2026-06-02,Ben,Bluefin,Banking\n"
    )
    args = ["coverage", str(log), "--targets", str(targets), "--connections", str(connections), "--format", "json"]
    assert main([*args, "--by", "owner"]) == 2
    err = capsys.readouterr().err
    assert "`--connections` needs `--owner` to say whose they are; the log has owners ['kim', 'lou']." in err
    assert main([*args, "--view", "employers"]) == 0  # not grouped by owner: the connections count for all
    assert [r["status"] for r in json.loads(capsys.readouterr().out)] == ["reached", "reachable"]


@pytest.mark.parametrize("kind", ["missing", "folder", "not linkedin", "no permission"])
def test_coverage_unreadable_connections_exit_2(
    files: tuple[Path, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    kind: str,
) -> None:
    log, targets = files
    path = tmp_path / "Connections.csv"
    if kind == "folder":
        path.mkdir()
    elif kind == "not linkedin":
        path.write_text("name,company\nZoe,Zenith\n")
    elif kind == "no permission":
        path.write_text(CONNECTIONS)
        read_bytes = Path.read_bytes

        def denied(self: Path) -> bytes:  # chmod 000 does not stop root: deny this one file
            if self == path:
                raise PermissionError(13, "Permission denied", str(self))
            return read_bytes(self)

        monkeypatch.setattr(Path, "read_bytes", denied)
    for argv in (
        ["coverage", str(log), "--targets", str(targets), "--connections", str(path)],
        [
            "plot",
            "coverage",
            str(log),
            "--targets",
            str(targets),
            "--connections",
            str(path),
            "-o",
            str(tmp_path / "c.svg"),
        ],
    ):
        assert main(argv) == 2
        captured = capsys.readouterr()
        assert captured.out == ""
        err = captured.err.strip()
        assert len(err.splitlines()) == 1
        assert "Traceback" not in err
        assert str(path) in err
        assert not (tmp_path / "c.svg").exists()


def test_coverage_connections_where_they_change_nothing(
    files: tuple[Path, Path], connections: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log, _ = files
    assert main(["coverage", str(log), "--connections", str(connections)]) == 2
    assert "`--connections` marks target employers as reachable: add --targets FILE." in capsys.readouterr().err
    assert main(["coverage", str(log), "--view", "concentration", "--connections", str(connections)]) == 2
    assert "`--connections` does not change `--view concentration`; leave it out." in capsys.readouterr().err
    out = tmp_path / "c.svg"
    assert main(["plot", "coverage", str(log), "--connections", str(connections), "-o", str(out)]) == 2
    assert "add --targets FILE" in capsys.readouterr().err
    assert not out.exists()


def test_followup_policies(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    log, _ = files
    assert main(["followup", str(log), "--policy", "strict", "--format", "json"]) == 0
    row = json.loads(capsys.readouterr().out)[0]
    assert (row["policy"], row["interviews"], row["thank_you_sent"], row["on_time"]) == ("strict", 4, 1, 1)
    assert main(["followup", str(log), "--policy", "3bd", "--by", "source", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("source,policy,interviews")
    assert len(lines) == 3
    assert main(["followup", str(log), "--policy", "soon"]) == 2
    assert "`--policy` must be one of ['relaxed', 'standard', 'strict']" in capsys.readouterr().err


def test_todo(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    log, _ = files
    assert main(["todo", str(log), "--today", "2026-07-01", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["contact"], r["action"], r["days_overdue"]) for r in rows] == [
        ("Ben", "thank_you", 26),
        ("Dee", "follow_up", 0),  # a request sent Monday 22 June, no reply, 7 business days on 1 July
        ("Cy", "thank_you", 0),
        ("Ben", "check_in", -2),
    ]
    assert rows[0]["due"] == "2026-06-05"
    assert main(["todo", str(log), "--today", "someday"]) == 2
    assert "`today` must be a date like '2026-07-01', not 'someday'" in capsys.readouterr().err


def test_outcomes_table(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    log, _ = files
    assert main(["outcomes", str(log), "--by", "source"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["source", "stage", "count", "base", "rate"]
    rows = [line.split() for line in out]
    assert ["introduction", "referral", "1", "1", "1.0"] in rows
    assert ["cold_email", "thank_you", "0", "3", "0.0"] in rows


@pytest.mark.parametrize(
    ("kind", "options"),
    [
        ("coverage", ["--targets", "TARGETS"]),
        ("coverage", ["--targets", "TARGETS", "--connections", "CONNECTIONS"]),
        ("followup", ["--policy", "24h"]),
        ("followup", ["--by", "source"]),
        ("funnel", ["--by", "source"]),
        ("activity", ["--goal", "2"]),
    ],
)
def test_plot_kinds_write_files(
    files: tuple[Path, Path],
    connections: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    kind: str,
    options: list[str],
) -> None:
    log, targets = files
    out = tmp_path / f"{kind}.svg"
    args = [{"TARGETS": str(targets), "CONNECTIONS": str(connections)}.get(o, o) for o in options]
    assert main(["plot", kind, str(log), "-o", str(out), *args]) == 0
    assert out.read_text().startswith("<?xml")
    assert f"wrote {out}" in capsys.readouterr().err
