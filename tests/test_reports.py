"""Cohort and personal reports: the figures equal the functions', nothing personal leaks, hostile text is inert."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import netinsight as ni
from netinsight.cohort import cohort_activity, cohort_employers, cohort_funnel, cohort_industries, cohort_summary
from netinsight.reports import cohort_report, personal_report, problem_counts

DATA = Path(__file__).resolve().parent.parent / "data"
SCRIPT = "<script>alert(1)</script> Corp"
FORMULA = '=HYPERLINK("http://evil.example","x")'
IMG = '"><img src=x onerror=alert(1)>'
ODD = "Zoë \u202eevil\u202c \u200d ̈a 🎉"


def hostile_cohort() -> pd.DataFrame:
    """Twelve students in a hostile program: each interviews a hostile professional at two hostile employers."""
    rows = []
    for s in range(12):
        base = {"owner": f"STUDENT{s:02d}", "program": "<b>Bio</b>", "class_year": 2027}
        rows.append(
            base
            | {"date": "2026-03-02", "contact": f"{IMG} {s}", "company": SCRIPT, "industry": "Finance"}
            | {"notes": "@SUM(1)", "thank_you_date": "2026-03-03"}
        )
        rows.append(
            base
            | {"date": "2026-03-09", "contact": f"{ODD} {s}", "company": FORMULA, "industry": "Media"}
            | {"introduced_by": f"{IMG} {s}", "notes": "+1 -2 \t=1"}
        )
    return ni.read_log(pd.DataFrame(rows).fillna(""))


class Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> Collector:
    parser = Collector()
    parser.feed(html)
    return parser


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


def test_personal_report_sections_and_escaping(tmp_path: Path) -> None:
    log = ni.read_log(DATA / "sample_log.csv")
    targets = ni.read_targets(DATA / "sample_targets.csv")
    report = personal_report(log, targets=targets, today="2026-06-17", charts=True)
    assert [s.heading for s in report.sections] == [
        "My referral tree", "Coverage of my targets", "My follow-up record", "To do",
    ]  # fmt: skip
    assert dict(report.headline)["Interviews"] == str(len(log))
    hostile = hostile_cohort()
    mine = personal_report(hostile, owner="STUDENT03", today="2026-04-01", charts=False)
    html = ni.render_html(mine)
    text = "".join(parse(html).text)
    assert f"{IMG} 3" in text
    assert "<img src=x" not in html


def test_personal_report_needs_an_owner_in_a_cohort(cohort: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match="the log has 300 owners; pass `owner`"):
        personal_report(cohort, charts=False)
    with pytest.raises(ValueError, match="`owner` 'nobody' not in the log"):
        personal_report(cohort, owner="nobody", charts=False)
