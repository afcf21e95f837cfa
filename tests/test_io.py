from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import netinsight as ni
from netinsight import csvtext
from netinsight.normalize import empty_log

WriteFile = Callable[..., Path]

EXCEL_EXPORT = (
    "Date of interview;Name;Employer;Introduced By;Thank-you sent;Channel;Notes\r\n"
    '14/03/2026;Zoë Martín;Acme SA;;15/03/2026;Café;"met at the café; nice"\r\n'
    "3/20/2026;José Núñez;Acme SA;Zoë Martín;3/21/2026;Zoom;\r\n"
    "03/04/2026;Renée Côté;Banco Sur;José Núñez;;Teams;\r\n"
    ";;;;;;\r\n"
    "Apr 2, 2026;Ana Ruiz;Banco Sur;Renée Côté;2 Apr 2026;coffee;\r\n"
)


@pytest.mark.parametrize(("encoding", "prefix"), [("utf-8", "\ufeff"), ("cp1252", "")])
def test_excel_export_with_bom_semicolons_accents_and_mixed_dates(
    write_file: WriteFile, encoding: str, prefix: str
) -> None:
    log = ni.read_log(write_file("export.csv", prefix + EXCEL_EXPORT, encoding=encoding))
    assert log["contact"].tolist() == ["Zoë Martín", "José Núñez", "Renée Côté", "Ana Ruiz"]
    assert log["introduced_by"].tolist()[1:] == ["Zoë Martín", "José Núñez", "Renée Côté"]
    assert log["date"].tolist()[:2] == [pd.Timestamp("2026-03-14"), pd.Timestamp("2026-03-20")]
    assert pd.isna(log["date"].iloc[2])
    assert log["date"].iloc[3] == pd.Timestamp("2026-04-02")
    assert log["notes"].iloc[0] == "met at the café; nice"
    assert log["source_line"].tolist() == [2, 3, 4, 6]
    problems = ni.validate_log(log, strict=False, today="2026-11-25")
    ambiguous = problems[problems["code"] == "ambiguous_date"]
    assert ambiguous[["line", "column", "value"]].values.tolist() == [[4, "Date of interview", "03/04/2026"]]
    with pytest.raises(ni.LogValidationError, match=r"export.csv:4: Date of interview: error: this date reads both"):
        ni.validate_log(log, today="2026-11-25")


def test_every_format_reads_the_same(tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {
            "date": ["2026-01-05", "2026-01-09"],
            "contact": ["Ana Ruiz", "Ben Okafor"],
            "introduced_by": ["", "Ana Ruiz"],
            "outcome": ["referral", ""],
        }
    )
    frame.to_csv(tmp_path / "a.csv", index=False)
    frame.to_csv(tmp_path / "a.tsv", index=False, sep="\t")
    frame.to_excel(tmp_path / "a.xlsx", index=False)
    frame.to_json(tmp_path / "a.json", orient="records")
    frame.to_json(tmp_path / "a.jsonl", orient="records", lines=True)
    frame.to_parquet(tmp_path / "a.parquet")
    reference = ni.read_log(frame)
    columns = list(ni.schema.CANONICAL_COLUMNS)
    for name in ("a.csv", "a.tsv", "a.xlsx", "a.json", "a.jsonl", "a.parquet"):
        log = ni.read_log(tmp_path / name)
        pd.testing.assert_frame_equal(log[columns], reference[columns], check_categorical=False, obj=name)


def test_dataframe_input_is_not_modified() -> None:
    frame = pd.DataFrame({"Date": ["2026-01-05"], "Name": ["  Ana "]})
    before = frame.copy()
    ni.read_log(frame)
    pd.testing.assert_frame_equal(frame, before)


def test_reading_a_log_again_gives_the_same_log() -> None:
    log = ni.read_log(
        pd.DataFrame(
            {
                "date": ["2026-01-05 10:30"],
                "contact": ["Ana"],
                "outcome": ["referral"],
                "follow_up_date": ["2026-02-01; 2026-03-01"],
                "industry": ["Tech"],
            }
        )
    )
    again = ni.read_log(log)
    pd.testing.assert_frame_equal(again, log)


def test_folder_of_student_files(write_file: WriteFile, tmp_path: Path) -> None:
    write_file("logs/kim.csv", "date,contact\n2026-01-05,Ana\n2026-01-06,Ben\n")
    write_file("logs/lee.csv", "owner,date,contact\nS-77,2026-02-01,Cy\n")
    write_file("logs/~$lock.xlsx", "not a real file")
    write_file("logs/notes.md", "ignored")
    write_file("logs/broken.xlsx", b"not a zip")
    log = ni.read_log(tmp_path / "logs")
    assert log["owner"].astype(object).tolist() == ["kim", "kim", "S-77"]
    assert log["source_file"].astype(str).str.endswith(".csv").all()
    problems = log.attrs["problems"]
    assert problems[["code", "value"]].values.tolist() == [["unreadable_file", "broken.xlsx"]]
    with pytest.raises(ni.LogValidationError, match=r"broken.xlsx: error: not a readable \.xlsx workbook"):
        ni.validate_log(log, today="2026-11-25")


def test_folder_errors(write_file: WriteFile, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(ni.LogReadError, match="no log files in this folder"):
        ni.read_log(tmp_path / "empty")
    write_file("bad/a.csv", "")
    with pytest.raises(ni.LogReadError, match="none of the 1 files could be read"):
        ni.read_log(tmp_path / "bad")


def test_empty_and_one_row_logs(write_file: WriteFile) -> None:
    empty = ni.read_log(write_file("empty.csv", "date,contact\n"))
    assert len(empty) == 0
    assert empty.columns.tolist()[: len(ni.schema.CANONICAL_COLUMNS)] == list(ni.schema.CANONICAL_COLUMNS)
    assert ni.validate_log(empty).empty
    one = ni.read_log(write_file("one.csv", "date,contact\n2026-01-05,Ana\n"))
    assert len(one) == 1
    assert ni.validate_log(one, today="2026-11-25").empty


def test_write_log_formats_and_rejects_unknown(tmp_path: Path) -> None:
    log = ni.read_log(pd.DataFrame({"date": ["2026-01-05"], "contact": ["=1+1"], "outcome": ["referral"]}))
    for suffix in (".csv", ".tsv", ".xlsx", ".json", ".jsonl", ".parquet"):
        back = ni.read_log(ni.write_log(log, tmp_path / f"out{suffix}"))
        assert back["contact"].tolist() == ["=1+1"], suffix
        assert back["outcome"].tolist() == [["referral"]], suffix
    from openpyxl import load_workbook

    cell = load_workbook(tmp_path / "out.xlsx")["log"]["C2"]
    assert (cell.value, cell.data_type) == ("=1+1", "s")
    with pytest.raises(ValueError, match=r"use one of the endings \.csv"):
        ni.write_log(log, tmp_path / "out.doc")


names = (
    st.text(
        alphabet=st.characters(codec="utf-8", categories=["L", "N", "P", "Zs"], exclude_characters="\x85"),
        min_size=1,
        max_size=12,
    )
    .map(lambda s: " ".join(s.split()))
    .filter(bool)
)
days = st.dates(min_value=pd.Timestamp("2020-01-01").date(), max_value=pd.Timestamp("2026-10-01").date())


@st.composite
def valid_logs(draw: st.DrawFn) -> pd.DataFrame:
    n = draw(st.integers(min_value=0, max_value=6))
    rows = []
    for _ in range(n):
        day = pd.Timestamp(draw(days))
        rows.append(
            {
                "date": day.strftime("%Y-%m-%d"),
                "contact": draw(names),
                "company": draw(st.one_of(st.just(""), names)),
                "industry": draw(st.sampled_from(["", "Tech", "Banking", "Consulting", "Basket weaving"])),
                "channel": draw(st.sampled_from(["", "video", "phone", "in person"])),
                "thank_you_date": draw(st.sampled_from(["", (day + pd.Timedelta(days=1)).strftime("%Y-%m-%d")])),
                "follow_up_date": draw(
                    st.sampled_from(
                        [
                            "",
                            (day + pd.Timedelta(days=30)).strftime("%Y-%m-%d"),
                            f"{day + pd.Timedelta(days=30):%Y-%m-%d}; {day + pd.Timedelta(days=60):%Y-%m-%d}",
                        ]
                    )
                ),
                "outcome": draw(st.sampled_from(["", "referral", "job lead; mentorship"])),
                "questions_prepared": draw(st.sampled_from(["", "yes", "no"])),
                "duration_min": draw(st.sampled_from(["", "30", "45.5"])),
                "Custom": draw(st.one_of(st.just(""), names)),
            }
        )
    frame = pd.DataFrame(
        rows,
        columns=[
            "date",
            "contact",
            "company",
            "industry",
            "channel",
            "thank_you_date",
            "follow_up_date",
            "outcome",
            "questions_prepared",
            "duration_min",
            "Custom",
        ],
    )
    return ni.read_log(frame)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(log=valid_logs())
def test_valid_log_round_trips_through_spreadsheets(tmp_path: Path, suffix: str, log: pd.DataFrame) -> None:
    path = ni.write_log(log, tmp_path / f"log{suffix}")
    back = ni.read_log(path)
    assert back.attrs["problems"].empty
    columns = [c for c in log.columns if c not in ("source_file", "source_line")]
    if len(log) == 0:
        assert (
            back[list(ni.schema.CANONICAL_COLUMNS)].dtypes.astype(str).tolist()
            == empty_log()[list(ni.schema.CANONICAL_COLUMNS)].dtypes.astype(str).tolist()
        )
        return
    pd.testing.assert_frame_equal(back[columns], log[columns], check_categorical=False)


def test_folder_progress_is_reported(write_file: WriteFile, tmp_path: Path) -> None:
    write_file("logs/a.csv", "date,contact\n2026-01-05,Ana\n")
    write_file("logs/b.csv", "date,contact\n2026-01-06,Ben\n")
    seen: list[tuple[int, int, str]] = []
    ni.read_log(tmp_path / "logs", progress=lambda done, total, name: seen.append((done, total, Path(name).name)))
    assert seen == [(1, 2, "a.csv"), (2, 2, "b.csv")]


TRICKY_LOG = (
    "owner,Date of interview,Name,contact_id,company,Introduced By,source,channel,follow_up_date,outcome,"
    "questions_prepared,duration_min,class_year,notes,Mood\n"
    "S1,2026-03-02,Ana  Ruiz,ANA@X.example,Acme,,LinkedIn,Video,2026-03-09; soon,referral,yes,45 min,2027, hi ,ok\n"
    ",2026-03-02,Ben,,Acme, ana ruiz ,Event,Zoom,,nothing,maybe,x,class of 2027,,\n"
    "\n"
    "S1,03/04/2026,Cy,,,Ben,,,,,,,,,\n"
    "S2,Date of interview,Ana Ruiz,,Beta,,source,channel,,job lead & offer,no,30,2028,,x\n"
    "S2,1600-01-01,Ana Ruiz,,Beta,Cy,,,,,,,,,\n"
)


def test_typed_columns_coded_while_parsing_give_the_same_log(
    write_file: WriteFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_file("log.csv", TRICKY_LOG)
    as_text = ni.read_log(path)  # a small file: every column read as text
    monkeypatch.setattr(csvtext, "_CODE_BYTES", 0)  # as a large file: the typed columns are coded by Arrow
    coded = ni.read_log(path)
    pd.testing.assert_frame_equal(coded, as_text)
    pd.testing.assert_frame_equal(coded.attrs["problems"], as_text.attrs["problems"])
    assert coded["owner"].tolist() == ["S1", "me", "S1", "S2", "S2"]
    assert coded["contact"].tolist() == ["Ana Ruiz", "Ben", "Cy", "Ana Ruiz", "Ana Ruiz"]
    assert coded["introduced_by"].fillna("").tolist() == ["", "ana ruiz", "Ben", "", "Cy"]
    assert coded["date"].isna().tolist() == [False, False, True, True, True]
    for text in (TRICKY_LOG.split("\n")[0] + "\n", TRICKY_LOG.split("\n", 2)[0] + "\n" + TRICKY_LOG.split("\n")[1]):
        small = write_file("small.csv", text)  # empty and single-row logs
        monkeypatch.setattr(csvtext, "_CODE_BYTES", 1 << 62)
        plain = ni.read_log(small)
        monkeypatch.setattr(csvtext, "_CODE_BYTES", 0)
        pd.testing.assert_frame_equal(ni.read_log(small), plain)
        pd.testing.assert_frame_equal(ni.read_log(small).attrs["problems"], plain.attrs["problems"])


@pytest.mark.parametrize("text", [TRICKY_LOG, TRICKY_LOG.replace("Ana Ruiz,,Beta,Cy", '"Ana\nRuiz",,Beta,Cy')])
def test_reading_on_threads_gives_the_same_log(
    text: str, write_file: WriteFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    import netinsight.threads as threads

    path = write_file("log.csv", text)  # the second: a record over two lines, located by a scan
    monkeypatch.setattr(csvtext, "_CODE_BYTES", 0)  # the typed columns coded by Arrow, as in a large file
    alone = ni.read_log(path)
    monkeypatch.setattr(threads, "PARALLEL_ROWS", 0)  # every step that may run on a thread does
    side_by_side = ni.read_log(path)
    pd.testing.assert_frame_equal(side_by_side, alone)
    pd.testing.assert_frame_equal(side_by_side.attrs["problems"], alone.attrs["problems"])
    assert side_by_side["source_line"].tolist() == alone["source_line"].tolist()
