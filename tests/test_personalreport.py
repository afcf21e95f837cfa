"""The personal report: its sections and headline, hostile text inert, an owner required in a cohort."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import netinsight as ni
from netinsight.personalreport import personal_report
from tests.report_logs import DATA, IMG, hostile_cohort, parse


@pytest.fixture(scope="module")
def cohort() -> pd.DataFrame:
    return ni.read_log(DATA / "cohort_log.csv")


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
