"""Tests of the synthetic sample generator and of the committed files in data/."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from netinsight import datasets
from netinsight.industries import sector_table
from netinsight.schema import (
    BOOLEAN_VALUES,
    CANONICAL_COLUMNS,
    CHANNEL_ALIASES,
    OUTCOME_ALIASES,
    SOURCE_ALIASES,
    canonical_header,
    header_key,
    vocabulary_table,
)

DATA = Path(__file__).resolve().parents[1] / "data"
SAMPLES = ("sample_log.csv", "sample_targets.csv", "cohort_log.csv", "sample_connections.csv")
LOG_COLUMNS = [c for c in CANONICAL_COLUMNS if c not in ("owner", "sector", "program", "class_year", "term")]
COHORT_COLUMNS = ["owner", *LOG_COLUMNS, "program", "class_year", "term"]
DATE_COLUMNS = ("date", "outreach_date", "response_date", "thank_you_date")
LINKEDIN_HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"
LEGAL = r"(?:\s+(?:inc|incorporated|corp|corporation|co|company|llc|llp|ltd|limited|plc))+$"


@pytest.fixture(scope="module")
def log() -> pd.DataFrame:
    return datasets.personal_log()


@pytest.fixture(scope="module")
def cohort() -> pd.DataFrame:
    return datasets.cohort_log()


def iso(values: pd.Series) -> pd.Series:
    return pd.to_datetime(values, format="%Y-%m-%d")


def depths(frame: pd.DataFrame) -> dict[str, int]:
    """Chain depth of each contact, walking introducer -> contact (1 = reached directly)."""
    first = frame.drop_duplicates("contact")  # rows are in date order: first interview
    introducer = dict(zip(first["contact"], first["introduced_by"], strict=True))
    result = {}
    for contact in introducer:
        seen, person, depth = {contact}, contact, 1
        while isinstance(introducer.get(person), str):
            person = introducer[person]
            assert person not in seen, f"introduction cycle through {person!r}"
            seen.add(person)
            depth += 1
        result[contact] = depth
    return result


def normalise(name: str) -> str:
    """Employer comparison key: case, '&'/'and', punctuation and legal suffixes ignored."""
    text = re.sub(r"['.]", "", name.casefold().replace("&", " and "))
    text = re.sub(r"[^0-9a-z]+", " ", text).strip()
    return re.sub(LEGAL, "", text).strip()


def check_chronology(frame: pd.DataFrame) -> None:
    date = iso(frame["date"])
    outreach, response = iso(frame["outreach_date"]), iso(frame["response_date"])
    thanks = iso(frame["thank_you_date"])
    assert (outreach.dropna() < date[outreach.notna()]).all()
    assert ((response >= outreach) & (response < date))[response.notna()].all()
    assert outreach[response.notna()].notna().all()
    lag = (thanks - date).dt.days.dropna()
    assert lag.between(0, 5).all()
    follow = frame["follow_up_date"].dropna().str.split("; ").explode()
    after = (iso(follow) - date[follow.index]).dt.days
    assert after.between(14, 56).all()
    assert frame["follow_up_date"].dropna().str.count(";").le(1).all(), "at most two follow-ups"


def check_introductions(frame: pd.DataFrame) -> None:
    date = iso(frame["date"])
    first_met = date.groupby(frame["contact"]).min()
    introduced = frame["introduced_by"].notna()
    assert not (frame["introduced_by"] == frame["contact"]).any(), "self-introduction"
    internal = introduced & frame["introduced_by"].isin(first_met.index)
    assert (first_met[frame.loc[internal, "introduced_by"]].to_numpy() < date[internal].to_numpy()).all()
    assert (frame.loc[introduced, "source"] == "Introduction").mean() > 0.6


# --------------------------------------------------------------------------- determinism


def test_same_seed_same_output_other_seed_differs() -> None:
    pd.testing.assert_frame_equal(datasets.personal_log(seed=3), datasets.personal_log(seed=3))
    assert not datasets.personal_log(seed=3).equals(datasets.personal_log(seed=4))
    pd.testing.assert_frame_equal(datasets.cohort_log(40, seed=1), datasets.cohort_log(40, seed=1))
    assert not datasets.cohort_log(40, seed=1).equals(datasets.cohort_log(40, seed=2))
    pd.testing.assert_frame_equal(datasets.targets(seed=5), datasets.targets(seed=5))
    assert datasets.linkedin_connections(seed=5) == datasets.linkedin_connections(seed=5)
    assert datasets.linkedin_connections(seed=5) != datasets.linkedin_connections(seed=6)


def test_write_samples_reproduces_the_committed_files(tmp_path: Path) -> None:
    paths = datasets.write_samples(tmp_path / "out")
    assert [p.name for p in paths] == list(SAMPLES)
    for path in paths:
        assert path.read_bytes() == (DATA / path.name).read_bytes(), f"{path.name} differs; regenerate data/"


def test_committed_files_formats() -> None:
    for name in SAMPLES[:3]:
        raw = (DATA / name).read_bytes()
        assert not raw.startswith(b"\xef\xbb\xbf")
        assert b"\r\n" not in raw
        raw.decode("utf-8")
    connections = (DATA / "sample_connections.csv").read_bytes()
    assert connections.startswith(b"\xef\xbb\xbfNotes:\r\n")
    assert connections.count(b"\n") == connections.count(b"\r\n")
    assert (DATA / "cohort_log.csv").stat().st_size < 500_000


def test_committed_dates_are_before_november_2026() -> None:
    for name in ("sample_log.csv", "cohort_log.csv"):
        frame = pd.read_csv(DATA / name, dtype=str, keep_default_na=False)
        cells = pd.concat([frame[c] for c in (*DATE_COLUMNS, "follow_up_date")]).str.split("; ").explode()
        cells = cells[cells != ""]
        assert iso(cells).max() < pd.Timestamp("2026-11-01")


# --------------------------------------------------------------------------- personal log


def test_personal_log_shape_and_columns(log: pd.DataFrame) -> None:
    assert list(log.columns) == LOG_COLUMNS
    assert len(log) == 60
    date = iso(log["date"])
    assert date.is_monotonic_increasing
    assert date.min() >= pd.Timestamp("2026-01-05")
    assert date.max() < pd.Timestamp("2026-07-05")
    assert (date.max() - date.min()).days > 140
    assert log["duration_min"].dtype == np.int64
    assert all(log[c].dtype == "str" for c in LOG_COLUMNS if c != "duration_min")


def test_personal_log_chains_reach_depth_five(log: pd.DataFrame) -> None:
    found = depths(log)
    assert max(found.values()) == 5
    assert sorted(set(found.values())) == [1, 2, 3, 4, 5]


@pytest.mark.parametrize("seed", range(4))
def test_personal_log_introductions_and_dates(seed: int) -> None:
    frame = datasets.personal_log(seed=seed)
    check_introductions(frame)
    check_chronology(frame)
    assert max(depths(frame).values()) <= 5


def test_personal_log_habits(log: pd.DataFrame) -> None:
    by_contact = log["introduced_by"].isin(log["contact"])
    assert 0.5 <= by_contact.mean() <= 0.65
    assert (log["introduced_by"].notna() & ~by_contact).any(), "someone never interviewed introduces"
    assert log["contact"].duplicated().sum() >= 1, "a repeat conversation"
    assert 0.7 <= log["thank_you_date"].notna().mean() <= 0.95
    assert 20 <= log["company"].nunique() <= 35
    sectors = log["industry"].map(header_key).map(sector_table())
    assert 8 <= sectors.nunique() <= 12
    assert (sectors.groupby(log["company"]).nunique() == 1).all(), "each company in one sector"
    ids = log.drop_duplicates("contact")["contact_id"]
    assert 0.35 <= ids.notna().mean() <= 0.75
    assert ids.dropna().str.contains(r"^[a-z.\-]+@[a-z]+\.example$|^https://www\.linkedin\.com/in/").all()
    assert log["notes"].str.contains(",", na=False).any()


def vocabulary_check(frame: pd.DataFrame) -> None:
    table = sector_table()
    assert frame["industry"].map(header_key).isin(list(table)).all()
    assert frame["channel"].map(header_key).isin(list(vocabulary_table(CHANNEL_ALIASES))).all()
    assert frame["source"].isin(["Alumni database", "LinkedIn", "Career fair", "Cold email",
                                 "Friend or family", "Introduction"]).all()  # fmt: skip
    assert frame["source"].map(header_key).isin(list(vocabulary_table(SOURCE_ALIASES))).all()
    outcomes = frame["outcome"].dropna().str.split("; ").explode()
    assert outcomes.map(header_key).isin(list(vocabulary_table(OUTCOME_ALIASES))).all()
    assert frame["questions_prepared"].map(header_key).isin(list(BOOLEAN_VALUES)).all()
    assert frame["duration_min"].between(15, 60).all()
    assert frame[["date", "contact"]].notna().all().all()


def test_values_use_the_vocabularies(log: pd.DataFrame, cohort: pd.DataFrame) -> None:
    vocabulary_check(log)
    vocabulary_check(cohort)
    assert set(log["channel"]) >= {"In person", "Video", "Phone"}


# --------------------------------------------------------------------------- cohort


def test_cohort_columns_and_groups(cohort: pd.DataFrame) -> None:
    assert list(cohort.columns) == COHORT_COLUMNS
    assert cohort["owner"].nunique() >= 300
    assert cohort["owner"].str.fullmatch(r"S\d{5}").all()
    assert cohort["program"].nunique() >= 4
    assert cohort["class_year"].nunique() >= 3
    assert 0.85 <= len(cohort) / (300 * 8) <= 1.15
    sectors = cohort["industry"].map(header_key).map(sector_table())
    assert sectors.nunique() >= 18
    assert cohort["company"].nunique() >= 200
    date = iso(cohort["date"])
    season = np.where(date.dt.month >= 9, "Fall", np.where(date.dt.month <= 5, "Spring", "Summer"))
    assert (cohort["term"] == pd.Series(season, dtype="str") + " " + date.dt.year.astype("str")).all()


def test_cohort_shared_professionals(cohort: pd.DataFrame) -> None:
    owners = cohort.dropna(subset="contact_id").groupby("contact_id")["owner"].nunique()
    assert (owners >= 2).sum() >= 20
    # within one log a name means one person, with one id
    assert (cohort.groupby(["owner", "contact"])["contact_id"].nunique(dropna=False) == 1).all()
    # the same id is always the same name
    assert (cohort.dropna(subset="contact_id").groupby("contact_id")["contact"].nunique() == 1).all()
    shared = owners.index[owners >= 2]
    introducers = cohort.merge(
        cohort[cohort["contact_id"].isin(shared)][["owner", "contact"]].drop_duplicates(),
        left_on=["owner", "introduced_by"],
        right_on=["owner", "contact"],
    )
    assert len(introducers) > 0, "shared professionals introduce students to others"


def test_cohort_introductions_and_dates() -> None:
    frame = datasets.cohort_log(2_000, seed=7)
    assert frame["owner"].nunique() == 2_000
    assert 0.9 <= len(frame) / 16_000 <= 1.1
    check_chronology(frame)
    date = iso(frame["date"])
    met = date.groupby([frame["owner"], frame["contact"]]).min()  # first interview per owner and contact
    introduced = frame["introduced_by"].notna()
    pairs = pd.MultiIndex.from_arrays([frame.loc[introduced, "owner"], frame.loc[introduced, "introduced_by"]])
    known = pairs.isin(met.index)
    assert 0.5 <= known.sum() / len(frame) <= 0.65
    assert (met[pairs[known]].to_numpy() < date[introduced].to_numpy()[known]).all()
    assert (frame.loc[introduced, "introduced_by"] != frame.loc[introduced, "contact"]).all()
    outcome = frame["outcome"].fillna("")
    assert 0.1 <= outcome.str.contains("Job lead").mean() <= 0.2
    assert 0.1 <= outcome.str.contains("Referral").mean() <= 0.2
    assert 0.06 <= outcome.str.contains("Mentorship").mean() <= 0.14
    assert 0.01 <= outcome.str.contains("Offer").mean() <= 0.05
    warm = outcome[frame["source"] == "Introduction"].ne("").mean()
    cold = outcome[frame["source"] == "Cold email"].ne("").mean()
    assert warm > cold


# --------------------------------------------------------------------------- messy


def test_messy_headers_and_values(log: pd.DataFrame) -> None:
    messy = datasets.personal_log(messy=True)
    assert not set(messy.columns) & set(CANONICAL_COLUMNS)
    assert [canonical_header(h) for h in messy.columns] == LOG_COLUMNS
    assert (messy["Name"].str.strip() == log["contact"]).all()
    assert (messy["Name"] != log["contact"]).any(), "stray spaces"
    assert (messy["Format"] != log["channel"]).any()
    written = messy["Date of interview"]
    assert written.str.contains(r"^\d{4}-\d\d-\d\d \d\d:\d\d$").any()
    us = written.str.extract(r"^(\d{1,2})/(\d{1,2})/(\d{4})$").dropna().astype(int)
    assert (us[1] > 12).all()
    formats = ("%Y-%m-%d", "%Y-%m-%d %H:%M", "%m/%d/%Y", "%d %b %Y", "%b %d, %Y")

    def parse(text: str) -> dt.date:
        for fmt in formats:
            try:
                return dt.datetime.strptime(text, fmt).date()
            except ValueError:
                continue
        raise AssertionError(f"unexpected date {text!r}")

    assert [parse(t) for t in written] == [d.date() for d in iso(log["date"])]
    follow = messy["Follow-ups"].dropna()
    assert not follow.str.contains(r"\d, \d{4}").any(), "no comma inside a list of dates"
    cohort = datasets.cohort_log(30, messy=True)
    assert [canonical_header(h) for h in cohort.columns] == COHORT_COLUMNS


# --------------------------------------------------------------------------- targets


def test_targets_match_the_log_three_ways(log: pd.DataFrame) -> None:
    goals = datasets.targets()
    assert list(goals.columns) == ["employer", "industry", "motivation", "posting", "advocacy"]
    assert len(goals) >= 40
    assert goals["employer"].is_unique
    companies = set(log["company"])
    keys = {normalise(c) for c in companies}
    exact = goals["employer"].isin(companies)
    normalised = ~exact & goals["employer"].map(normalise).isin(keys)
    assert exact.sum() >= 8
    assert normalised.sum() >= 4
    assert (~exact & ~normalised).sum() >= 15
    assert goals["motivation"].between(1, 5).all()
    assert goals["posting"].between(1, 3).all()
    assert goals["advocacy"].between(0, 3).all()
    assert (goals.loc[exact | normalised, "advocacy"] >= 2).all()
    assert (goals.loc[~exact & ~normalised, "advocacy"] <= 1).all()
    ranked = goals.sort_values(["motivation", "posting", "advocacy"], ascending=False, kind="stable")
    assert ranked.index.tolist() == goals.index.tolist()
    assert goals["industry"].map(header_key).isin(list(sector_table())).all()


# --------------------------------------------------------------------------- LinkedIn


def test_linkedin_connections_text(log: pd.DataFrame) -> None:
    text = datasets.linkedin_connections()
    assert text.startswith('Notes:\r\n"When exporting your connection data')
    lines = text.split("\r\n")
    assert lines[2] == ""
    assert lines[3] == LINKEDIN_HEADER
    assert "\n" not in text.replace("\r\n", "")
    frame = pd.read_csv(io.StringIO(text), skiprows=3, dtype=str)
    assert len(frame) == 80
    assert frame["Connected On"].str.fullmatch(r"\d{1,2} [A-Z][a-z]{2} \d{4}").all()
    on = pd.to_datetime(frame["Connected On"], format="%d %b %Y")
    assert on.is_monotonic_decreasing
    assert on.max() < pd.Timestamp("2026-07-06")
    assert frame["Email Address"].isna().mean() > 0.6
    assert frame["Email Address"].dropna().str.endswith(".example").all()
    assert frame["Company"].str.contains(",", na=False).any()
    assert frame["First Name"].isna().any()
    assert frame["Company"].isna().any()
    names = frame["First Name"] + " " + frame["Last Name"]
    assert names.isin(log["contact"]).sum() >= 15
    profiles = log["contact_id"].dropna()
    profiles = profiles[profiles.str.startswith("https://")]
    assert profiles.isin(frame["URL"]).all()
    assert len(profiles) > 0
    assert frame["URL"].dropna().str.fullmatch(r"https://www\.linkedin\.com/in/[a-z\-]+-[0-9a-f]{6}").all()
    goals = datasets.targets()
    elsewhere = goals.loc[goals["advocacy"] == 1, "employer"]
    assert frame["Company"].isin(elsewhere).sum() >= 3

    older = datasets.linkedin_connections(older_export=True).split("\r\n")
    assert older[0] == "Notes:"
    assert older[3] == LINKEDIN_HEADER.replace("URL,", "")


# --------------------------------------------------------------------------- arguments


@pytest.mark.parametrize(
    "call",
    [
        lambda: datasets.personal_log(0),
        lambda: datasets.personal_log(10, months=0),
        lambda: datasets.cohort_log(0),
        lambda: datasets.cohort_log(5, interviews_per_student=0.5),
        lambda: datasets.targets(0),
        lambda: datasets.linkedin_connections(0),
    ],
)
def test_bad_arguments_raise(call: Callable[[], object]) -> None:
    with pytest.raises(ValueError):
        call()


def test_tiny_calls() -> None:
    assert len(datasets.personal_log(1)) == 1
    tiny = datasets.cohort_log(1, interviews_per_student=1)
    assert len(tiny) == 1
    assert tiny["introduced_by"].isna().all()
    assert len(datasets.targets(1)) == 1
    assert len(pd.read_csv(io.StringIO(datasets.linkedin_connections(1)), skiprows=3)) == 1
