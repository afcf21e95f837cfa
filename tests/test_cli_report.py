"""``netinsight report``: cohort and personal reports, keys, usage errors without tracebacks."""

from __future__ import annotations

from pathlib import Path

import pytest

from netinsight.cli.main import main

DATA = Path(__file__).resolve().parent.parent / "data"
COHORT = str(DATA / "cohort_log.csv")
SAMPLE = str(DATA / "sample_log.csv")


def test_cohort_report_writes_html_and_xlsx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    html, xlsx = tmp_path / "r.html", tmp_path / "r.xlsx"
    args = ["report", COHORT, "-o", str(html), "--xlsx", str(xlsx), "--by", "program,class_year"]
    assert main([*args, "--today", "2026-11-01", "--no-charts"]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [f"wrote {html}", f"wrote {xlsx}"]
    text = html.read_text(encoding="utf-8")
    assert "Summary by program, class year" in text
    assert xlsx.stat().st_size > 0


def test_students_without_a_key_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NETINSIGHT_KEY", raising=False)
    assert main(["report", COHORT, "-o", str(tmp_path / "r.html"), "--students"]) == 2
    err = capsys.readouterr().err
    assert "NETINSIGHT_KEY" in err
    assert "Traceback" not in err
    assert not (tmp_path / "r.html").exists()


def test_students_with_a_key_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    key = tmp_path / "key.txt"
    key.write_text("a-long-enough-secret-key\n")
    out = tmp_path / "r.html"
    assert main(["report", COHORT, "-o", str(out), "--students", "--key-file", str(key), "--no-charts"]) == 0
    text = out.read_text(encoding="utf-8")
    assert "Students (pseudonymised)" in text
    assert "S00001" not in text


def test_min_cell_below_five_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", COHORT, "-o", str(tmp_path / "r.html"), "--min-cell", "3"]) == 2
    assert "`min_cell` must be" in capsys.readouterr().err


def test_unknown_group_column_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", COHORT, "-o", str(tmp_path / "r.html"), "--by", "house"]) == 2
    assert "`by` column(s) ['house'] not in log" in capsys.readouterr().err


def test_personal_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "me.html"
    targets = str(DATA / "sample_targets.csv")
    assert main(["report", SAMPLE, "--personal", "--targets", targets, "--today", "2026-06-17", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "My referral tree" in text
    assert "Coverage of my targets" in text


def test_personal_in_a_cohort_needs_owner(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", COHORT, "--personal", "-o", str(tmp_path / "me.html")]) == 2
    assert "pass `owner`" in capsys.readouterr().err
    assert (
        main(["report", COHORT, "--personal", "--owner", "S00002", "--no-charts", "-o", str(tmp_path / "me.html")]) == 0
    )


def test_mixing_cohort_and_personal_options_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", SAMPLE, "--personal", "--roster", "x.csv", "-o", str(tmp_path / "r.html")]) == 2
    assert "--roster is for cohort reports" in capsys.readouterr().err
    assert main(["report", COHORT, "--targets", "t.csv", "-o", str(tmp_path / "r.html")]) == 2
    assert "--targets is for personal reports; add --personal" in capsys.readouterr().err
