from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from netinsight.cli.main import main

VALID = "date,contact,company,industry\n2026-01-05,Ana Ruiz,Acme,Tech\n2026-02-01,Ben Okafor,Bluefin,Banking\n"
INVALID = "Date of interview;Name\n03/04/2026;Ana\nsoon;\n2026-09-01;Ben\n"


@pytest.fixture
def valid(tmp_path: Path) -> Path:
    path = tmp_path / "log.csv"
    path.write_text(VALID)
    return path


@pytest.fixture
def invalid(tmp_path: Path) -> Path:
    path = tmp_path / "bad.csv"
    path.write_text(INVALID)
    return path


def test_validate_valid_log_exits_0(valid: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(valid), "--today", "2026-06-01"]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert err.strip() == f"{valid}: 2 interview(s), 0 error(s), 0 warning(s)"


def test_validate_lists_every_problem_and_exits_1(invalid: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(invalid), "--today", "2026-06-01"]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        (
            f"{invalid}:2: Date of interview: error: this date reads both day-first and month-first; write it as "
            "YYYY-MM-DD (e.g. 2026-03-14), or say which order the file uses (dayfirst=True/False, --dayfirst / "
            "--monthfirst) [ambiguous_date]"
        ),
        (
            f"{invalid}:3: Date of interview: error: cannot read this as a date; write it as YYYY-MM-DD "
            "(e.g. 2026-03-14) [bad_date]"
        ),
        (
            f"{invalid}:3: Name: error: no contact on this row; fill in who you spoke with, or delete the row "
            "[empty_contact]"
        ),
        (
            f"{invalid}:4: Date of interview: warning: this date is after today (2026-06-01); check it, or plan it "
            "elsewhere [future_date]"
        ),
    ]
    assert "3 error(s), 1 warning(s)" in err
    assert "Traceback" not in err


def test_validate_json_and_errors_only(invalid: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(invalid), "--format", "json", "--errors-only", "--today", "2026-06-01"]) == 1
    records = json.loads(capsys.readouterr().out)
    assert [r["code"] for r in records] == ["ambiguous_date", "bad_date", "empty_contact"]
    assert records[0] == {
        "file": str(invalid),
        "line": 2,
        "column": "Date of interview",
        "value": "03/04/2026",
        "code": "ambiguous_date",
        "severity": "error",
        "message": records[0]["message"],
    }


def test_validate_dayfirst_fixes_ambiguity(invalid: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["validate", str(invalid), "--dayfirst", "--format", "csv", "--today", "2026-06-01"])
    out = capsys.readouterr().out
    assert "ambiguous_date" not in out
    assert out.startswith("file,line,column,value,code,severity,message\n")


def test_unreadable_and_missing_files_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(tmp_path / "nope.csv")]) == 2
    assert "no such file" in capsys.readouterr().err
    (tmp_path / "x.xlsx").write_bytes(b"junk")
    assert main(["summary", str(tmp_path / "x.xlsx")]) == 2
    err = capsys.readouterr().err
    assert "not a readable .xlsx workbook" in err
    assert "Traceback" not in err


def test_usage_errors_exit_2(valid: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summary", str(valid), "--format", "xml"]) == 2
    assert "invalid choice: 'xml'" in capsys.readouterr().err
    assert main(["summary", str(valid), "--by", "nope"]) == 2
    assert "`by` column(s) ['nope'] not in log" in capsys.readouterr().err
    assert main([]) == 2
    assert main(["--help"]) == 0
    assert "validate" in capsys.readouterr().out


def test_summary_formats(valid: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summary", str(valid), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == [
        {
            "owners": 1,
            "interviews": 2,
            "contacts": 2,
            "companies": 2,
            "industries": 2,
            "first_date": "2026-01-05",
            "last_date": "2026-02-01",
        }
    ]
    assert main(["summary", str(valid), "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "owners,interviews,contacts,companies,industries,first_date,last_date",
        "1,2,2,2,2,2026-01-05,2026-02-01",
    ]
    assert main(["summary", str(valid)]) == 0
    assert "interviews" in capsys.readouterr().out


def test_summary_warns_on_stderr_when_values_were_unreadable(invalid: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summary", str(invalid), "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)[0]["interviews"] == 3
    assert "has 2 problem(s) that left values unread" in err


def test_console_script_runs(valid: Path) -> None:
    script = Path(sys.executable).with_name("netinsight")
    result = subprocess.run(
        [str(script), "summary", str(valid), "--format", "json"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0]["contacts"] == 2
    module = subprocess.run(
        [sys.executable, "-m", "netinsight", "--version"], capture_output=True, text=True, check=False
    )
    assert module.stdout.startswith("netinsight ")
