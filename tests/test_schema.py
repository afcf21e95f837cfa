from __future__ import annotations

import pytest

from netinsight.schema import (
    CANONICAL_COLUMNS,
    CHANNEL_ALIASES,
    COLUMN_ALIASES,
    REQUIRED_COLUMNS,
    canonical_header,
    header_key,
    vocabulary_table,
)

ALL_ALIASES = [(canonical, alias) for canonical, aliases in COLUMN_ALIASES.items() for alias in aliases]


@pytest.mark.parametrize(("canonical", "alias"), ALL_ALIASES)
def test_every_alias_maps_to_its_column(canonical: str, alias: str) -> None:
    assert canonical_header(alias) == canonical
    assert canonical_header(alias.upper()) == canonical
    assert canonical_header("  " + alias.title().replace(" ", "-") + "? ") == canonical


@pytest.mark.parametrize(
    ("header", "canonical"),
    [
        ("Name", "contact"),
        ("Person", "contact"),
        ("Contact name", "contact"),
        ("Introduced By", "introduced_by"),
        ("Referred by", "introduced_by"),
        ("Referrer", "introduced_by"),
        ("Intro from", "introduced_by"),
        ("Thank you sent", "thank_you_date"),
        ("Thank-you note", "thank_you_date"),
        ("Date of interview", "date"),
        ("Interview date", "date"),
        ("When", "date"),
        ("introduced_by", "introduced_by"),
        ("Follow-up dates", "follow_up_date"),
        ("Employer", "company"),
        ("Job title", "role"),
    ],
)
def test_issue_aliases(header: str, canonical: str) -> None:
    assert canonical_header(header) == canonical


def test_every_canonical_column_but_sector_has_aliases() -> None:
    assert set(COLUMN_ALIASES) == set(CANONICAL_COLUMNS) - {"sector"}
    assert set(REQUIRED_COLUMNS) <= set(COLUMN_ALIASES)


def test_no_alias_is_claimed_by_two_columns() -> None:
    seen: dict[str, str] = {}
    for canonical, alias in ALL_ALIASES:
        key = header_key(alias)
        assert seen.setdefault(key, canonical) == canonical, f"{alias!r} maps to {seen[key]} and {canonical}"


def test_unknown_header_is_none() -> None:
    assert canonical_header("Favourite colour") is None
    assert canonical_header("") is None


def test_header_key_drops_case_accents_and_punctuation() -> None:
    assert header_key("Thank-You  Sent?") == "thank you sent"
    assert header_key("Café") == "cafe"
    assert header_key("___") == ""


def test_vocabulary_table_maps_spellings_and_itself() -> None:
    table = vocabulary_table(CHANNEL_ALIASES)
    assert table["coffee"] == table["onsite"] == table["in person"] == "in_person"
    assert table["call"] == "phone"
    assert table["zoom"] == table["teams"] == table["meet"] == "video"
    assert table["video"] == "video"
