"""Notebook 05 is a parameterised report: papermill runs it on another cohort and it writes that cohort's report."""

from __future__ import annotations

from pathlib import Path

import papermill

from netinsight.datasets import cohort_log

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "05-career-office-report.ipynb"


def test_papermill_runs_the_report_notebook_on_another_cohort(tmp_path: Path) -> None:
    log = tmp_path / "other_cohort.csv"
    cohort_log(60, interviews_per_student=4, seed=7).to_csv(log, index=False)
    report = tmp_path / "other.html"
    papermill.execute_notebook(
        str(NOTEBOOK),
        str(tmp_path / "run.ipynb"),
        parameters={"log_path": str(log), "by": ["class_year"], "min_cell": 5, "report_path": str(report)},
        cwd=str(NOTEBOOK.parent),
        kernel_name="python3",
        progress_bar=False,
    )
    html = report.read_text(encoding="utf-8")
    assert "Summary by class year" in html
    assert report.with_suffix(".xlsx").exists()
