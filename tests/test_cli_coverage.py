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
        ("followup", ["--policy", "24h"]),
        ("followup", ["--by", "source"]),
        ("funnel", ["--by", "source"]),
        ("activity", ["--goal", "2"]),
    ],
)
def test_plot_kinds_write_files(
    files: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str, options: list[str]
) -> None:
    log, targets = files
    out = tmp_path / f"{kind}.svg"
    args = [str(targets) if o == "TARGETS" else o for o in options]
    assert main(["plot", kind, str(log), "-o", str(out), *args]) == 0
    assert out.read_text().startswith("<?xml")
    assert f"wrote {out}" in capsys.readouterr().err
