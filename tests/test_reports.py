"""The cohort report: the figures equal the functions', nothing personal leaks, hostile text is inert."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import netinsight as ni
from netinsight.cohort import cohort_summary
from netinsight.cohortbreakdowns import cohort_activity, cohort_employers, cohort_funnel, cohort_industries
from netinsight.reports import cohort_report, problem_counts
from tests.report_logs import DATA, FORMULA, ODD, SCRIPT, hostile_cohort, parse


@pytest.fixture(scope="module")
def cohort() -> pd.DataFrame:
    return ni.read_log(DATA / "cohort_log.csv")


def test_cohort_report_tables_equal_the_functions(cohort: pd.DataFrame) -> None:
    report = cohort_report(cohort, by=["program"], min_cell=10, today="2026-11-01", charts=False)
    tables = {t.sheet: t.frame for t in report.tables()}
    pd.testing.assert_frame_equal(tables["Summary"], cohort_summary(cohort, by="program", today="2026-11-01"))
    pd.testing.assert_frame_equal(tables["Activity by month"], cohort_activity(cohort))
    pd.testing.assert_frame_equal(tables["Activity by term"], cohort_activity(cohort, by="term"))
    pd.testing.assert_frame_equal(tables["Industries"], cohort_industries(cohort))
    pd.testing.assert_frame_equal(tables["Outcomes"], cohort_funnel(cohort))
    pd.testing.assert_frame_equal(tables["Employers"], cohort_employers(cohort))
    total = tables["Summary"].iloc[-1]
    headline = dict(report.headline)
    assert headline["Students"] == f"{total['students']:,}"
    assert headline["Interviews"] == f"{total['interviews']:,}"
    assert any("fewer than 10 students" in note for note in report.notes)


def test_data_quality_section_has_no_personal_data(cohort: pd.DataFrame) -> None:
    report = cohort_report(cohort, min_cell=10, today="2026-11-01", charts=False)
    quality = {t.sheet: t.frame for t in report.tables()}["Data quality"]
    assert quality.columns.tolist() == ["severity", "code", "problems", "meaning"]
    expected = ni.validate_log(cohort, strict=False, today="2026-11-01")["code"].value_counts()
    assert dict(zip(quality["code"], quality["problems"], strict=True)) == expected.to_dict()


def test_problem_counts_empty() -> None:
    empty = ni.validate_log(ni.read_log(pd.DataFrame({"date": ["2026-01-05"], "contact": ["Ana"]})), today="2026-02-01")
    assert problem_counts(empty).empty


def test_cohort_report_html_is_inert_and_names_nobody(tmp_path: Path) -> None:
    log = hostile_cohort()
    report = cohort_report(log, min_cell=10, today="2026-11-01", charts=True)
    html = ni.write_html(report, tmp_path / "report.html").read_text(encoding="utf-8")
    parsed = parse(html)
    tags = {tag for tag, _ in parsed.tags}
    assert not tags & {"script", "link", "iframe", "object", "embed", "base", "form"}
    for tag, attrs in parsed.tags:
        for name, value in attrs:
            assert not name.startswith("on")
            assert not any(bad in (value or "") for bad in ("http:", "https:", "javascript:"))
        if tag == "img":
            assert dict(attrs)["src"].startswith("data:image/png;base64,")
    text = "".join(parsed.text)
    assert SCRIPT in text  # the hostile employer (12 students) is listed, as text
    assert "<b>Bio</b>" in text
    assert "<script>" not in html
    assert "STUDENT" not in html  # no student id
    assert "img src=x" not in text
    assert ODD not in text


def test_cohort_report_workbook_has_no_formula(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    log = hostile_cohort()
    report = cohort_report(log, min_cell=10, today="2026-11-01", charts=False, students_key=b"k" * 16)
    path = ni.write_excel(report, tmp_path / "report.xlsx")
    book = load_workbook(path)
    values: list[Any] = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f"
                if isinstance(cell.value, str):
                    assert not cell.value.startswith(("=", "+", "-", "@", "\t", "\r"))
                values.append(cell.value)
    assert "'" + FORMULA in values
    assert not any(isinstance(v, str) and "STUDENT" in v for v in values)


def test_students_section_only_with_a_key(cohort: pd.DataFrame) -> None:
    plain = cohort_report(cohort, min_cell=10, today="2026-11-01", charts=False)
    assert "Students" not in {t.sheet for t in plain.tables()}
    keyed = cohort_report(cohort, min_cell=10, today="2026-11-01", charts=False, students_key=b"k" * 16)
    students = {t.sheet: t.frame for t in keyed.tables()}["Students"]
    assert students["student"].nunique() == cohort["owner"].nunique()
    assert not students["student"].isin(cohort["owner"].astype(str)).any()


def test_progress_is_reported(cohort: pd.DataFrame) -> None:
    seen: list[tuple[int, int, str]] = []
    cohort_report(cohort, charts=False, today="2026-11-01", progress=lambda *a: seen.append(a))
    assert [s[0] for s in seen] == list(range(1, len(seen) + 1))
    assert seen[-1][0] == seen[-1][1]
