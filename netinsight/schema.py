"""The interview log's canonical columns, header aliases and value vocabularies.

This is the one place that knows how real spreadsheets name things. Everything else
refers to the canonical names defined here. It holds data only, no pandas work.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

__all__ = [
    "BOOLEAN_VALUES",
    "CANONICAL_COLUMNS",
    "CHANNEL_ALIASES",
    "COLUMN_ALIASES",
    "DATE_COLUMNS",
    "HEADER_ALIASES",
    "LIST_COLUMNS",
    "NAME_COLUMNS",
    "OUTCOMES",
    "OUTCOME_ALIASES",
    "PROVENANCE_COLUMNS",
    "REQUIRED_COLUMNS",
    "SOURCE_ALIASES",
    "canonical_header",
    "header_key",
]

#: The canonical columns of a normalised log, in order. ``sector`` is derived from
#: ``industry``; ``source_file`` and ``source_line`` say where each row came from.
CANONICAL_COLUMNS: Final[tuple[str, ...]] = (
    "owner",
    "date",
    "contact",
    "contact_id",
    "company",
    "role",
    "industry",
    "sector",
    "introduced_by",
    "source",
    "channel",
    "outreach_date",
    "response_date",
    "thank_you_date",
    "follow_up_date",
    "outcome",
    "questions_prepared",
    "duration_min",
    "notes",
    "program",
    "class_year",
    "term",
)

#: Columns a log cannot do without.
REQUIRED_COLUMNS: Final[tuple[str, ...]] = ("date", "contact")

#: Where each row came from: the file and the physical 1-based line (CSV), sheet row
#: (Excel), record number (JSON, Parquet) or row position (DataFrame).
PROVENANCE_COLUMNS: Final[tuple[str, ...]] = ("source_file", "source_line")

#: Single-date columns (``follow_up_date`` is a list of dates, see `LIST_COLUMNS`).
DATE_COLUMNS: Final[tuple[str, ...]] = (
    "date",
    "outreach_date",
    "response_date",
    "thank_you_date",
)

#: Columns holding several values in one cell (";" or "," separated).
LIST_COLUMNS: Final[tuple[str, ...]] = ("follow_up_date", "outcome")

#: Columns holding people's names: "NA", "None" and "NULL" there are names, not gaps.
NAME_COLUMNS: Final[tuple[str, ...]] = ("owner", "contact", "introduced_by")

#: Header aliases per canonical column. Headers are compared by `header_key`, so case,
#: spacing, punctuation and accents do not matter ("Introduced By" = "introduced-by").
COLUMN_ALIASES: Final[dict[str, tuple[str, ...]]] = {
    "owner": ("owner", "student", "student id", "student name", "log owner", "job seeker"),
    "date": (
        "date",
        "date of interview",
        "interview date",
        "when",
        "meeting date",
        "date of meeting",
        "conversation date",
        "interviewed on",
    ),
    "contact": (
        "contact",
        "name",
        "person",
        "contact name",
        "interviewee",
        "professional",
        "who",
        "full name",
        "spoke with",
    ),
    "contact_id": (
        "contact id",
        "person id",
        "email",
        "contact email",
        "profile",
        "profile url",
        "linkedin url",
        "linkedin",
        "url",
    ),
    "company": ("company", "employer", "organization", "organisation", "firm", "org"),
    "role": ("role", "title", "job title", "position"),
    "industry": ("industry", "sector", "field"),
    "introduced_by": (
        "introduced by",
        "referred by",
        "referrer",
        "intro from",
        "introduction from",
        "introducer",
        "referral from",
        "connected by",
        "via",
    ),
    "source": ("source", "how found", "how i found them", "found via", "lead source", "found through"),
    "channel": ("channel", "format", "medium", "mode", "meeting type", "how"),
    "outreach_date": (
        "outreach date",
        "outreach",
        "request sent",
        "date contacted",
        "contacted on",
        "first contact",
        "reached out",
    ),
    "response_date": ("response date", "reply date", "replied", "replied on", "response", "reply received"),
    "thank_you_date": (
        "thank you date",
        "thank you sent",
        "thank you note",
        "thank you",
        "thanks sent",
        "thank you note sent",
        "ty sent",
    ),
    "follow_up_date": (
        "follow up date",
        "follow up dates",
        "follow up",
        "follow ups",
        "check in",
        "check ins",
        "check in date",
        "followed up",
    ),
    "outcome": ("outcome", "outcomes", "result", "results", "led to"),
    "questions_prepared": ("questions prepared", "prepared questions", "prepared", "questions ready"),
    "duration_min": ("duration min", "duration", "minutes", "length min", "length", "duration minutes"),
    "notes": ("notes", "note", "comments", "comment", "takeaways"),
    "program": ("program", "programme", "major", "degree"),
    "class_year": ("class year", "year", "graduation year", "class of", "grad year", "cohort year"),
    "term": ("term", "semester", "quarter"),
}

#: Interview channel vocabulary: normalised value -> spellings (compared by `header_key`).
CHANNEL_ALIASES: Final[dict[str, tuple[str, ...]]] = {
    "in_person": (
        "in person",
        "inperson",
        "coffee",
        "onsite",
        "on site",
        "office",
        "face to face",
        "f2f",
        "lunch",
        "meeting",
    ),
    "phone": ("phone", "call", "phone call", "telephone", "tel"),
    "video": ("video", "video call", "zoom", "teams", "ms teams", "meet", "google meet", "skype", "webex"),
}

#: How the contact was found: normalised value -> spellings.
SOURCE_ALIASES: Final[dict[str, tuple[str, ...]]] = {
    "alumni": ("alumni", "alumni database", "alumni db", "alum", "alumni network", "alumni directory"),
    "linkedin": ("linkedin", "linked in", "li"),
    "event": ("event", "career fair", "networking event", "conference", "meetup", "info session"),
    "cold_email": ("cold email", "cold", "cold outreach", "email", "cold message"),
    "friend_family": ("friend or family", "friend family", "friend", "family", "friends and family"),
    "introduction": ("introduction", "intro", "introduced", "referral", "warm intro", "warm introduction"),
}

#: Outcome vocabulary: normalised value -> spellings.
OUTCOME_ALIASES: Final[dict[str, tuple[str, ...]]] = {
    "job_lead": ("job lead", "lead", "job leads", "unadvertised opening", "opening", "hidden job"),
    "referral": ("referral", "referred", "referral made", "internal referral"),
    "mentorship": ("mentorship", "mentor", "mentoring", "became mentor"),
    "offer": ("offer", "job offer", "offer received"),
}

#: The normalised outcomes, in funnel order.
OUTCOMES: Final[tuple[str, ...]] = tuple(OUTCOME_ALIASES)

#: Spellings of booleans (compared by `header_key`).
BOOLEAN_VALUES: Final[dict[str, bool]] = {
    "yes": True,
    "y": True,
    "true": True,
    "t": True,
    "1": True,
    "x": True,
    "no": False,
    "n": False,
    "false": False,
    "f": False,
    "0": False,
}

_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def header_key(text: str) -> str:
    """Reduce a header or vocabulary word to a comparison key.

    Case, accents, punctuation and spacing are dropped; words are joined by one space.

    Parameters
    ----------
    text
        A header or cell value as written.

    Returns
    -------
    str
        The comparison key.

    Examples
    --------
    >>> header_key("  Thank-you note sent? ")
    'thank you note sent'
    >>> header_key("Introduced_By")
    'introduced by'
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NON_ALNUM.sub(" ", folded.lower()).strip()


def _invert(aliases: dict[str, tuple[str, ...]]) -> dict[str, str]:
    table: dict[str, str] = {}
    for canonical, spellings in aliases.items():
        for spelling in (canonical, *spellings):
            table[header_key(spelling)] = canonical
    return table


#: `header_key` of every accepted header spelling -> canonical column.
HEADER_ALIASES: Final[dict[str, str]] = _invert(COLUMN_ALIASES)


def canonical_header(header: str) -> str | None:
    """Return the canonical column a spreadsheet header stands for, or None.

    Parameters
    ----------
    header
        The header as found in the file.

    Returns
    -------
    str or None
        The canonical name, or None for a column the log does not know (kept as is).

    Examples
    --------
    >>> canonical_header("Referred by")
    'introduced_by'
    >>> canonical_header("Date of interview")
    'date'
    >>> canonical_header("Favourite colour") is None
    True
    """
    return HEADER_ALIASES.get(header_key(header))


def vocabulary_table(aliases: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Return a lookup from `header_key` spellings to normalised values.

    Parameters
    ----------
    aliases
        Normalised value -> spellings, like `CHANNEL_ALIASES`.

    Returns
    -------
    dict
        Spelling key -> normalised value (each normalised value maps to itself).

    Examples
    --------
    >>> vocabulary_table(CHANNEL_ALIASES)["zoom"]
    'video'
    """
    return _invert(aliases)
