"""Seeded synthetic informational-interview logs, target lists and LinkedIn exports.

Everything here is fake: people are random first/last-name pairs, companies are invented
("Northwind Analytics", "Bluefin Capital LLC") and emails use ``.example`` domains. The same
arguments always give byte-identical output (``numpy.random.default_rng`` only), and the work
is vectorised, so a million-interview cohort takes seconds.

Limits: at most 5,000 interviews per log owner (names stay unique within a log); 572
companies in 22 sectors; introduction chains at most 5 people long; `targets` (at most 500
employers) and `linkedin_connections` are drawn against ``personal_log(seed=seed)`` with its
default size and dates; ``messy=True`` changes only the presentation (headers, date formats,
spacing, synonyms) of the same interviews; byte-identical output assumes the same NumPy
version (its random streams may change between major versions).
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import os
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import numpy as np
import pandas as pd
from numpy.typing import NDArray
from pandas.api.extensions import ExtensionArray

__all__ = ["cohort_log", "linkedin_connections", "personal_log", "targets", "write_samples"]

IntArray = NDArray[np.int64]
BoolArray = NDArray[np.bool_]
FloatArray = NDArray[np.float64]

# --------------------------------------------------------------------------- vocabularies

_FIRST: Final[tuple[str, ...]] = (
    "Ana", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonah",
    "Kiara", "Liam", "Maya", "Nikhil", "Olga", "Pablo", "Quinn", "Rosa", "Samir", "Tara",
    "Umar", "Vera", "Wei", "Ximena", "Yusuf", "Zoe", "Amara", "Bruno", "Carmen", "Dmitri",
    "Esther", "Felix", "Gita", "Hugo", "Ivy", "Jamal", "Kenji", "Lucia", "Marco", "Nadia",
    "Omar", "Priya", "Rafael", "Sofia", "Tomas", "Uma", "Victor", "Wanda", "Yara", "Zane",
    "Aisha", "Boris", "Clara", "Diego", "Emeka", "Fatima", "Gabriel", "Hana", "Isaac", "Jana",
    "Kofi", "Leila", "Mateo", "Nora", "Oscar", "Paula", "Ravi", "Selin", "Theo", "Ursula",
    "Valentin", "Willa", "Xavier", "Yuki", "Zara", "Adele", "Bilal", "Cyrus", "Daria", "Elias",
    "Freya", "Gustavo", "Helena", "Imani", "Joel", "Kamal", "Lars", "Mina", "Noah", "Olivia",
    "Pedro", "Rina", "Soren", "Tessa", "Usha", "Vikram", "Wren", "Yael", "Zubair", "Anouk",
)  # fmt: skip

_LAST: Final[tuple[str, ...]] = (
    "Ruiz", "Chen", "Okafor", "Patel", "Novak", "Silva", "Kim", "Haddad", "Berg", "Costa",
    "Dubois", "Fischer", "Garcia", "Hansen", "Ito", "Jensen", "Kowalski", "Larsen", "Mendes",
    "Nakamura", "Oliveira", "Petrov", "Rossi", "Santos", "Tanaka", "Ueda", "Vargas", "Weber",
    "Xu", "Yilmaz", "Zhang", "Abbott", "Bauer", "Castro", "Diaz", "Eriksen", "Ferreira",
    "Gomez", "Horvat", "Ibrahim", "Jovanovic", "Kaur", "Lopez", "Moreau", "Nguyen", "Ortiz",
    "Park", "Reyes", "Schmidt", "Torres", "Varga", "Wong", "Yamada", "Adeyemi", "Brennan",
    "Coleman", "Das", "Evans", "Fontaine", "Grant", "Hughes", "Iqbal", "Jaramillo", "Keller",
    "Lindqvist", "Murphy", "Nolan", "Osei", "Pereira", "Ramos", "Sato", "Thompson", "Ulrich",
    "Vance", "Walsh", "Young", "Zimmer", "Alvarez", "Bose", "Carter", "Dalton", "Ek", "Flores",
    "Greene", "Herrera", "Ikeda", "Joshi", "Kariuki", "Lam", "Mensah", "Nilsen", "O'Brien",
    "Pham", "Quintero", "Rahman", "Sandoval", "Tran", "Uchenna", "Vasquez", "Watanabe",
    "Yadav", "Zhou", "Andersen", "Banerjee", "Cruz", "Demir", "Esposito", "Fraser", "Gupta",
    "Hoang", "Jung", "Khan", "Lehmann", "Mwangi", "Núñez", "Ogunleye", "Popescu", "Qureshi",
    "Richter", "Sharma", "Takahashi", "Upadhyay", "Vogel", "Wagner", "Yoon", "Zapata",
    "Akhtar", "Bjorklund", "Chowdhury", "Duarte", "Eze", "Fuentes", "Gallagher", "Hashemi",
    "Iyer", "Jimenez", "Kovacs", "Lindgren", "Moretti", "Nowak", "Olsen", "Pacheco", "Rocha",
    "Sokolov", "Tiwari", "Valdez", "Yeo", "Zielinski", "Müller", "Çelik", "Lefèvre", "Peña",
    "Silva-Park",
)  # fmt: skip

#: People who introduce but are never interviewed (surnames not in `_LAST`).
_OUTSIDERS: Final[tuple[str, ...]] = (
    "Prof. Helen Marsh", "Dr. Samuel Whitfield", "Prof. Ada Lindholm", "Dana Pryor",
    "Jess Albright", "Marcus Thornbury", "Aunt Rosa Bellamy", "Prof. Kwame Redgrave",
    "Dr. Lena Oyelaran", "Tom Fairweather", "Prof. Iris Kingsley", "Sam Montague",
    "Nina Ashworth", "Dr. Paul Delacroix", "Chris Hollis", "Prof. June Penrose",
)  # fmt: skip

# Sector (a key of netinsight.industries.SECTOR_ALIASES), popularity, industry spellings as
# people type them, company-name nouns, job titles.
_SECTORS: Final[tuple[tuple[str, float, tuple[str, ...], tuple[str, ...], tuple[str, ...]], ...]] = (
    ("Technology", 10, ("Tech", "Software", "IT", "Technology", "SaaS", "Cybersecurity", "AI"),
     ("Analytics", "Software", "Labs", "Systems", "Data", "Cloud", "Robotics", "Networks"),
     ("Software Engineer", "Product Manager", "Data Scientist", "UX Designer", "Engineering Manager",
      "Solutions Architect", "Senior Software Engineer")),
    ("Finance", 9, ("Banking", "Finance", "Investment banking", "Financial services", "Asset management",
                    "Private equity", "Insurance", "Fintech"),
     ("Capital", "Partners", "Bank", "Financial", "Investments", "Insurance", "Asset Management"),
     ("Analyst", "Associate", "Vice President", "Portfolio Manager", "Underwriter", "Risk Analyst")),
    ("Consulting", 7, ("Consulting", "Management consulting", "Strategy consulting", "Advisory"),
     ("Consulting", "Advisory", "Strategy Group", "Associates"),
     ("Consultant", "Senior Consultant", "Engagement Manager", "Principal", "Business Analyst")),
    ("Healthcare", 7, ("Healthcare", "Biotech", "Pharma", "Health care", "Medical devices", "Life sciences",
                       "Hospital"),
     ("Health", "Therapeutics", "Biosciences", "Medical", "Clinics", "Pharma", "Diagnostics"),
     ("Research Scientist", "Clinical Research Associate", "Physician", "Nurse Manager",
      "Regulatory Affairs Specialist", "Health Economist")),
    ("Education", 4, ("Education", "EdTech", "Higher ed", "Teaching"),
     ("Learning", "Academy", "Education", "Schools"),
     ("Curriculum Designer", "Teacher", "Program Director", "Admissions Officer")),
    ("Government", 4, ("Government", "Public sector", "Policy", "Civil service"),
     ("Public Authority", "Transit Agency", "City Council", "Policy Office"),
     ("Policy Analyst", "Program Manager", "Legislative Aide", "Economist")),
    ("Nonprofit", 4, ("Nonprofit", "Non-profit", "NGO", "Philanthropy", "Social impact"),
     ("Foundation", "Trust", "Alliance", "Fund", "Initiative"),
     ("Program Officer", "Development Director", "Grants Manager", "Community Organizer")),
    ("Media", 4, ("Media", "Journalism", "Publishing", "Entertainment", "Gaming", "Film"),
     ("Media", "Press", "Studios", "Games", "Publishing", "News"),
     ("Editor", "Producer", "Reporter", "Game Designer", "Content Strategist")),
    ("Marketing", 4, ("Marketing", "Advertising", "PR", "Communications"),
     ("Marketing", "Creative", "Communications", "Media Group", "Brands"),
     ("Brand Manager", "Account Executive", "Marketing Manager", "Copywriter", "PR Specialist")),
    ("Retail", 3, ("Retail", "E-commerce", "Consumer goods", "CPG", "Fashion"),
     ("Goods", "Outfitters", "Market", "Brands", "Apparel", "Foods"),
     ("Merchandiser", "Category Manager", "Buyer", "Store Operations Manager")),
    ("Manufacturing", 3, ("Manufacturing", "Industrial", "Automotive", "Aerospace", "Chemicals"),
     ("Industries", "Manufacturing", "Motors", "Aerospace", "Materials", "Chemicals"),
     ("Mechanical Engineer", "Process Engineer", "Operations Manager", "Quality Engineer")),
    ("Energy", 3, ("Energy", "Renewables", "Utilities", "Oil and gas", "Clean energy", "Climate"),
     ("Energy", "Power", "Solar", "Renewables", "Utilities"),
     ("Energy Analyst", "Project Engineer", "Sustainability Manager", "Grid Planner")),
    ("Real Estate", 2, ("Real estate", "Property", "Construction", "Architecture", "PropTech"),
     ("Properties", "Realty", "Builders", "Architects", "Development"),
     ("Development Associate", "Architect", "Project Manager", "Asset Manager")),
    ("Legal", 3, ("Legal", "Law", "Law firm", "Legal services"),
     ("Law Group", "Legal", "Law Partners"),
     ("Associate Attorney", "Paralegal", "Partner", "Legal Counsel")),
    ("Transportation", 2, ("Transportation", "Logistics", "Supply chain", "Shipping", "Aviation"),
     ("Logistics", "Freight", "Airlines", "Transit", "Shipping"),
     ("Logistics Analyst", "Supply Chain Manager", "Operations Analyst", "Fleet Manager")),
    ("Hospitality", 2, ("Hospitality", "Hotels", "Travel", "Restaurants", "Tourism"),
     ("Hotels", "Hospitality", "Travel", "Restaurant Group", "Resorts"),
     ("Revenue Manager", "Hotel Manager", "Event Planner", "Guest Experience Lead")),
    ("Telecommunications", 1.5, ("Telecom", "Telecommunications", "Wireless"),
     ("Telecom", "Wireless", "Communications", "Mobile"),
     ("Network Engineer", "RF Engineer", "Product Marketing Manager")),
    ("Agriculture", 1, ("Agriculture", "AgTech", "Farming", "Food production"),
     ("Farms", "Agri", "Harvest", "Growers", "Seeds"),
     ("Agronomist", "Food Scientist", "Supply Planner")),
    ("Arts", 1.5, ("Arts", "Design", "Museum", "Culture", "Creative"),
     ("Gallery", "Design Studio", "Museum", "Arts Center"),
     ("Curator", "Designer", "Art Director", "Education Coordinator")),
    ("Sports", 1, ("Sports", "Athletics", "Fitness"),
     ("Athletics", "Sports", "Fitness", "Sporting Club"),
     ("Sports Analyst", "Marketing Coordinator", "Performance Coach")),
    ("Research", 3, ("Research", "Academia", "Think tank", "R&D"),
     ("Institute", "Research", "Labs", "Research Center"),
     ("Research Fellow", "Postdoc", "Lab Manager", "Research Associate")),
    ("Defense", 1, ("Defense", "Defence", "National security", "Military"),
     ("Defense Systems", "Dynamics", "Security", "Technologies"),
     ("Systems Engineer", "Intelligence Analyst", "Program Manager")),
)  # fmt: skip

_PREFIX_A: Final[tuple[str, ...]] = (
    "North", "Blue", "Iron", "Silver", "Red", "Oak", "Bright", "Clear", "Stone", "Green",
    "High", "Cedar", "Maple", "Summit", "River", "Golden", "Swift", "Crystal", "Eagle", "Harbor",
    "Pine", "Copper", "Lake", "Sun", "Star", "West", "East", "Frost", "Granite", "Willow",
)  # fmt: skip
_PREFIX_B: Final[tuple[str, ...]] = (
    "wind", "fin", "wood", "lake", "stone", "field", "bridge", "path", "gate", "crest",
    "point", "brook", "view", "ridge", "haven", "line", "works", "spring", "peak", "shore",
)  # fmt: skip
_PARTNERS: Final[tuple[str, ...]] = (
    "Hart", "Vale", "Marlow", "Pell", "Quill", "Rowe", "Sterling", "Finch", "Ashby", "Crane",
    "Dorsey", "Ellery", "Fairbanks", "Gale", "Holt", "Ives", "Kemp", "Lowe", "Mercer", "Nash",
    "Pryce", "Thorne", "Wilde", "York",
)  # fmt: skip
_LEGAL_SUFFIXES: Final[tuple[str, ...]] = ("", " Inc.", " LLC", " Corp.", " Ltd")
_LEGAL_P: Final[tuple[float, ...]] = (0.55, 0.17, 0.12, 0.1, 0.06)
_COMPANIES_PER_SECTOR: Final = 26
_NOT_FOR_PROFIT: Final[frozenset[str]] = frozenset(
    {"Education", "Government", "Nonprofit", "Research", "Arts"}
)
#: Companies whose names hold a comma (they appear in LinkedIn exports only).
_COMMA_COMPANIES: Final[tuple[str, ...]] = (
    "Smith, Jones & Co",
    "Fox, Lee & Partners",
    "Baker, Tilly & Moss LLP",
)
_COMMA_TITLES: Final[tuple[str, ...]] = (
    "Director, Strategy and Operations", "VP, Marketing & Communications", "Head of People, EMEA",
    "Manager, Data Engineering",
)  # fmt: skip

_PROGRAMS: Final[tuple[str, ...]] = (
    "Economics", "Computer Science", "Biology", "History", "Engineering", "Psychology",
)  # fmt: skip
_PROGRAM_P: Final[tuple[float, ...]] = (0.22, 0.22, 0.15, 0.12, 0.17, 0.12)
_PROGRAM_FOCUS: Final[dict[str, dict[str, float]]] = {
    "Economics": {"Finance": 40, "Consulting": 25, "Government": 8, "Research": 4, "Technology": 6},
    "Computer Science": {"Technology": 50, "Finance": 8, "Media": 5, "Consulting": 5},
    "Biology": {"Healthcare": 45, "Research": 20, "Agriculture": 5, "Education": 5},
    "History": {"Education": 14, "Government": 14, "Nonprofit": 14, "Media": 10, "Legal": 10, "Arts": 8},
    "Engineering": {"Manufacturing": 22, "Energy": 16, "Technology": 16, "Transportation": 10, "Defense": 6},
    "Psychology": {"Healthcare": 16, "Education": 10, "Marketing": 10, "Nonprofit": 10, "Research": 8},
}
_CLASS_YEARS: Final[tuple[int, ...]] = (2026, 2027, 2028, 2029)
_CLASS_YEAR_P: Final[tuple[float, ...]] = (0.32, 0.3, 0.25, 0.13)

_SOURCES: Final[tuple[str, ...]] = (
    "Alumni database", "LinkedIn", "Career fair", "Cold email", "Friend or family", "Introduction",
)  # fmt: skip
_CHANNELS: Final[tuple[tuple[str, ...], ...]] = (
    ("In person", "Coffee", "in-person", "Lunch", "F2F"),
    ("Video", "Zoom", "Video call", "Teams", "Google Meet"),
    ("Phone", "Call", "Phone call", "phone"),
)
_OUTCOME_LABELS: Final[tuple[str, ...]] = ("Job lead", "Referral", "Mentorship", "Offer")
_NOTES: Final[tuple[str, ...]] = (
    "Suggested rotational programs", "Great advice on networking, follow up in spring",
    "Hiring next quarter, send resume", "Talked about day-to-day work", "Offered to review my resume",
    "Team is growing, apply early", "Recommended two industry newsletters",
    "Said to mention our chat when applying", "Wants to see a writing sample",
    "Culture sounds collaborative", "Long hours, but great mentorship", "Suggested learning SQL",
    "Internship deadlines are in February", "Recommended talking to the analytics team",
    "Very candid about pay and promotion", "Will forward my profile to HR",
    "Advised getting a certification first", "Mostly remote team",
    "Career switcher too, very encouraging", "Grad school is not required",
    "Emphasised case interview practice", "Follow up after the product launch",
    "Busy season until April, reach out after", "Shared a list of people to contact",
    "Interested in my thesis topic", "Suggested volunteering to build experience",
    "Small team, lots of ownership", "Recommended the alumni mentoring program",
)  # fmt: skip
_MONTHS: Final[tuple[str, ...]] = (
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
)  # fmt: skip

#: Canonical column -> the header a person might type (all listed in schema.COLUMN_ALIASES).
_MESSY_HEADERS: Final[dict[str, str]] = {
    "owner": "Student ID",
    "date": "Date of interview",
    "contact": "Name",
    "contact_id": "Email",
    "company": "Employer",
    "role": "Job title",
    "industry": "Field",
    "introduced_by": "Introduced By",
    "source": "How found",
    "channel": "Format",
    "outreach_date": "Date contacted",
    "response_date": "Replied on",
    "thank_you_date": "Thank-you sent",
    "follow_up_date": "Follow-ups",
    "outcome": "Result",
    "questions_prepared": "Questions prepared?",
    "duration_min": "Length (min)",
    "notes": "Takeaways",
    "program": "Major",
    "class_year": "Grad year",
    "term": "Semester",
}
_LOG_COLUMNS: Final[tuple[str, ...]] = (
    "date", "contact", "contact_id", "company", "role", "industry", "introduced_by", "source",
    "channel", "outreach_date", "response_date", "thank_you_date", "follow_up_date", "outcome",
    "questions_prepared", "duration_min", "notes",
)  # fmt: skip
_LINKEDIN_NOTE: Final = (
    'Notes:\r\n"When exporting your connection data, you may notice that some of the email addresses are '
    "missing. You will only see email addresses for connections who have allowed their connections to see "
    "or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. "
    'You can learn more here https://www.linkedin.com/help/linkedin/answer/261"\r\n\r\n'
)

_MAX_DEPTH: Final = 5  # longest introduction chain (1 = reached directly)
_MAX_PER_OWNER: Final = 5000
_P_REPEAT: Final = 0.05  # a second conversation with someone met >= 14 days before
_P_INTRO: Final = 0.62  # introduced by an earlier contact (when one exists)
_P_OUTSIDER: Final = 0.08  # of the others: introduced by someone never interviewed
_P_RECENT: Final = 0.35  # introducer is one of the last three people met
_P_SAME_COMPANY: Final = 0.3  # an introducer's colleague
_P_SHARED: Final = 0.12  # cohort: an alumni volunteer from the shared pool


# --------------------------------------------------------------------------- tables


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()


def _strings(values: Sequence[str] | NDArray[np.str_]) -> ExtensionArray:
    return pd.array(list(values), dtype="str")


def _take(table: ExtensionArray, index: IntArray) -> pd.Series[str]:
    """Look `index` up in `table`; -1 gives a missing value."""
    return pd.Series(table.take(index, allow_fill=True), dtype="str")


@dataclass(frozen=True)
class _Tables:
    name: ExtensionArray  # "Ana Ruiz", index first * len(_LAST) + last
    local: ExtensionArray  # "ana.ruiz"
    slug: ExtensionArray  # "ana-ruiz"
    n_reserved: int  # names [0, n_reserved) are kept for the cohort's shared professionals
    company: ExtensionArray
    company_names: tuple[str, ...]
    domain: ExtensionArray  # "@northwind.example"
    sector: IntArray  # company -> sector
    spelling_of: IntArray  # company -> its usual industry spelling
    spelling: ExtensionArray
    spelling_start: IntArray
    spelling_count: IntArray
    role: ExtensionArray
    role_start: IntArray
    role_count: IntArray
    popularity: FloatArray  # sector -> weight


@functools.cache
def _tables() -> _Tables:
    names = [f"{first} {last}" for first in _FIRST for last in _LAST]
    locals_ = [f"{_fold(first)}.{_fold(last).replace(chr(39), '')}" for first in _FIRST for last in _LAST]
    slugs = [name.replace(".", "-") for name in locals_]
    crng = np.random.default_rng(20260105)  # a fixed catalogue, whatever the seed
    prefixes = [a + b for a in _PREFIX_A for b in _PREFIX_B]
    order = crng.permutation(len(prefixes))
    partners = [_PARTNERS[i] for i in crng.permutation(len(_PARTNERS))]
    n_pairs = {"Legal": 6, "Consulting": 2, "Finance": 2, "Marketing": 2}
    companies: list[str] = []
    domains: list[str] = []
    sectors: list[int] = []
    spelling_of: list[int] = []
    spellings: list[str] = []
    roles: list[str] = []
    spelling_start: list[int] = []
    role_start: list[int] = []
    next_prefix = 0
    next_pair = 0
    for s, (sector, _pop, typed, nouns, titles) in enumerate(_SECTORS):
        spelling_start.append(len(spellings))
        role_start.append(len(roles))
        spellings.extend(typed)
        roles.extend(titles)
        suffixes = crng.choice(len(_LEGAL_SUFFIXES), _COMPANIES_PER_SECTOR, p=_LEGAL_P)
        for k in range(_COMPANIES_PER_SECTOR):
            noun = nouns[int(crng.integers(len(nouns)))]
            if k < n_pairs.get(sector, 0):
                left, right = partners[2 * next_pair], partners[2 * next_pair + 1]
                next_pair += 1
                name = f"{left} & {right} " + ("LLP" if sector == "Legal" else noun)
                domain = f"{left}{right}".lower()
            else:
                prefix = prefixes[int(order[next_prefix])]
                next_prefix += 1
                suffix = _LEGAL_SUFFIXES[suffixes[k]]
                if sector == "Legal":
                    suffix = " LLP" if crng.random() < 0.5 else ""
                elif sector in _NOT_FOR_PROFIT:
                    suffix = ""
                name = f"{prefix} {noun}{suffix}"
                domain = prefix.lower()
            companies.append(name)
            domains.append(f"@{domain}.example")
            sectors.append(s)
            weights = np.ones(len(typed))
            weights[0] = 2.0
            spelling_of.append(spelling_start[-1] + int(crng.choice(len(typed), p=weights / weights.sum())))
    return _Tables(
        name=_strings(names),
        local=_strings(locals_),
        slug=_strings(slugs),
        n_reserved=len(names) // 3,
        company=_strings(companies),
        company_names=tuple(companies),
        domain=_strings(domains),
        sector=np.array(sectors, dtype=np.int64),
        spelling_of=np.array(spelling_of, dtype=np.int64),
        spelling=_strings(spellings),
        spelling_start=np.array(spelling_start, dtype=np.int64),
        spelling_count=np.array([len(row[2]) for row in _SECTORS], dtype=np.int64),
        role=_strings(roles),
        role_start=np.array(role_start, dtype=np.int64),
        role_count=np.array([len(row[4]) for row in _SECTORS], dtype=np.int64),
        popularity=np.array([row[1] for row in _SECTORS], dtype=np.float64),
    )


def _day_number(value: str | dt.date) -> int:
    return int(np.datetime64(value, "D").astype(np.int64))


def _window(start: str | dt.date, months: int) -> tuple[int, int]:
    """First and last day (days since 1970-01-01) of `months` months from `start`."""
    if months < 1:
        raise ValueError(f"months must be at least 1, got {months}")
    first = _day_number(start)
    end = pd.Timestamp(np.datetime64(first, "D")) + pd.DateOffset(months=months)
    return first, _day_number(end.date()) - 1


def _date_table(lo: int, hi: int) -> ExtensionArray:
    """Dates lo..hi written as ISO, ``3/14/2026``, ``14 Mar 2026`` and ``Mar 14, 2026`` (four blocks)."""
    days = np.arange(lo, hi + 1).astype("datetime64[D]")
    month_start = days.astype("datetime64[M]")
    year = pd.Series(days.astype("datetime64[Y]").astype(np.int64) + 1970).astype("str")
    month = month_start.astype(np.int64) % 12
    mon = pd.Series(np.array(_MONTHS)[month])
    dom = pd.Series((days - month_start).astype(np.int64) + 1).astype("str")
    iso = pd.Series(days.astype(str))
    us = pd.Series(month + 1).astype("str") + "/" + dom + "/" + year
    dmy = dom + " " + mon + " " + year
    mdy = mon + " " + dom + ", " + year
    return _strings(pd.concat([iso, us, dmy, mdy]).to_numpy(dtype=str))


def _weekdays(days: IntArray, first: int, last: int) -> IntArray:
    d = days.astype("datetime64[D]")
    forward = np.busday_offset(d, 0, roll="forward").astype(np.int64)
    backward = np.busday_offset(d, 0, roll="backward").astype(np.int64)
    return np.where(forward <= last, forward, np.where(backward >= first, backward, days))


def _rank_within(mask: BoolArray, owner: IntArray, ostart: IntArray) -> IntArray:
    """0-based rank of each True row among the True rows of its owner (rows grouped by owner)."""
    before: IntArray = np.cumsum(mask, dtype=np.int64) - mask
    return (before - before[ostart][owner]).astype(np.int64)


def _strides(rng: np.random.Generator, modulus: int, n: int) -> IntArray:
    """Random steps coprime to `modulus`, so ``(a + step * k) % modulus`` never repeats for k < modulus."""
    if modulus <= 2:
        return np.ones(n, dtype=np.int64)
    candidates = np.arange(1, modulus, dtype=np.int64)
    return rng.choice(candidates[np.gcd(candidates, modulus) == 1], n)


def _choice(rng: np.random.Generator, p: Sequence[float], size: int) -> IntArray:
    weights = np.asarray(p, dtype=np.float64)
    return rng.choice(weights.size, size, p=weights / weights.sum()).astype(np.int64)


def _floor(u: FloatArray, count: IntArray) -> IntArray:
    return np.minimum((u * count).astype(np.int64), np.maximum(count - 1, 0))


# --------------------------------------------------------------------------- simulation


def _depths(parent: IntArray, outsider: BoolArray) -> IntArray:
    """Chain depth of each row: 1 reached directly, 2 introduced by an outsider, else introducer's + 1."""
    has = parent >= 0
    up = np.where(has, parent, np.arange(parent.size))
    start = np.where(outsider, 2, 1).astype(np.int64)
    depth = start
    while True:  # as many passes as the longest chain
        new: IntArray = np.where(has, depth[up] + 1, start)
        if np.array_equal(new, depth):
            return depth
        depth = new


def _deepen(
    parent: IntArray, internal: BoolArray, outsider: BoolArray, base: BoolArray, day: IntArray, cap: int
) -> None:
    """Make one chain reach depth `cap` (one owner only), in place, if the log allows it.

    Repeatedly takes the deepest person met before some "leaf" (a person who introduced
    nobody) and hands them the earliest such later leaf as an introduction. Only the leaf's
    depth changes, and never beyond `cap`.
    """
    for _ in range(3 * cap):
        depth = np.where(base, _depths(parent, outsider), 0)
        if depth.max() >= cap:
            return
        introduced_someone = np.zeros(parent.size, dtype=bool)
        introduced_someone[parent[parent >= 0]] = True
        leaf = base & ~introduced_someone
        if not leaf.any():
            return
        usable = base & (day < day[leaf].max())
        if not usable.any():
            return
        deepest = int(np.argmax(np.where(usable, depth, 0)))
        later = np.flatnonzero(leaf & (day > day[deepest]) & (depth <= depth[deepest] + 1))
        if later.size == 0:
            return
        parent[later[0]] = deepest
        internal[later[0]] = True
        outsider[later[0]] = False


def _cap_depth(rng: np.random.Generator, parent: IntArray, outsider: BoolArray, cap: int) -> IntArray:
    """Re-point each person deeper than `cap` to a random earlier ancestor no deeper than ``cap - 1``.

    Depths come from the uncapped tree, whose rows up to depth ``cap`` keep their parents, so
    one pass is exact: a re-pointed person ends at most at depth `cap`.
    """
    has = parent >= 0
    up = np.where(has, parent, np.arange(parent.size))
    depth = _depths(parent, outsider)
    over = np.flatnonzero(depth > cap)
    ancestor = parent[over]
    goal = rng.integers(1, cap, over.size)
    while True:
        climb = (depth[ancestor] > goal) & has[ancestor]
        if not climb.any():
            break
        ancestor[climb] = up[ancestor[climb]]
    capped = parent.copy()
    capped[over] = ancestor
    return capped


def _simulate(
    rng: np.random.Generator,
    sizes: IntArray,
    candidate: IntArray,
    *,
    first: int,
    last: int,
    n_shared: int,
    shared_company: IntArray,
    p_email: float,
    p_url: float,
    p_notes: float,
) -> dict[str, IntArray]:
    """Simulate the interviews of ``len(sizes)`` owners, rows grouped by owner and sorted by date.

    `candidate` is the employer of each row if it meets a new, non-shared person. Days are
    days since 1970-01-01; -1 means missing. Names, companies, roles and spellings are indices
    into `_tables`.
    """
    tab = _tables()
    total = int(sizes.sum())
    rows = np.arange(total, dtype=np.int64)
    owner = np.repeat(np.arange(sizes.size, dtype=np.int64), sizes)
    ostart = (np.cumsum(sizes) - sizes).astype(np.int64)
    span = last - first + 1
    gap = span + 30

    day = _weekdays(first + rng.integers(0, span, total), first, last)
    minute = rng.integers(32, 72, total) * 15
    order = np.argsort((owner * gap + day - first) * 1440 + minute, kind="stable")
    day, minute = day[order], minute[order]
    key = owner * gap + day - first
    new_day = np.ones(total, dtype=bool)
    new_day[1:] = key[1:] != key[:-1]
    first_of_day = np.maximum.accumulate(np.where(new_day, rows, 0))

    # repeat conversations with someone met at least 14 days earlier
    early = np.searchsorted(key, key - 14, side="left")
    is_rep = (early > ostart[owner]) & (rng.random(total) < _P_REPEAT)
    base = ~is_rep
    base_before = np.concatenate(([0], np.cumsum(base))).astype(np.int64)
    obase = base_before[ostart][owner]
    base_idx = np.flatnonzero(base)

    def nth_base(rank: IntArray) -> IntArray:
        found: IntArray = base_idx[np.minimum(obase + rank, base_idx.size - 1)]
        return found

    person = np.where(is_rep, nth_base(_floor(rng.random(total), base_before[early] - obase)), rows)

    # introductions: by an earlier contact, by an outsider, or none
    met = base_before[first_of_day] - obase  # people met on earlier days
    eligible = base & (met > 0)  # a share _P_INTRO of them per owner, in random order
    shuffled = np.lexsort((rng.random(total), ~eligible, owner))
    rank = np.empty(total, dtype=np.int64)
    rank[shuffled] = rows - ostart[owner[shuffled]]
    quota = np.floor(
        _P_INTRO * np.bincount(owner, weights=eligible, minlength=sizes.size) + rng.random(sizes.size)
    )
    internal = eligible & (rank < quota[owner])
    outsider = base & ~internal & (rng.random(total) < _P_OUTSIDER)
    u = rng.random(total)
    pick = np.where(
        rng.random(total) < _P_RECENT,
        met - 1 - _floor(u, np.minimum(met, 3)),
        _floor(u, met),
    )
    parent = np.where(internal, nth_base(np.maximum(pick, 0)), -1)
    parent = _cap_depth(rng, parent, outsider, _MAX_DEPTH)
    if sizes.size == 1:
        _deepen(parent, internal, outsider, base, day, _MAX_DEPTH)
    ext_first = rng.integers(0, len(_OUTSIDERS), sizes.size)
    ext = np.where(outsider, (ext_first[owner] + (rng.random(total) < 0.35)) % len(_OUTSIDERS), -1)

    # who: shared alumni volunteers (cohort) or a regular contact; names unique per owner
    shared = np.zeros(total, dtype=bool)
    member = np.zeros(total, dtype=np.int64)
    m_name = tab.n_reserved + np.zeros(max(n_shared, 1), dtype=np.int64)
    m_role = np.zeros(max(n_shared, 1), dtype=np.int64)
    if n_shared > 0:  # a shared professional is the same person in every log
        shared = base & (rng.random(total) < _P_SHARED)
        rank = _rank_within(shared, owner, ostart)
        shared &= rank < n_shared
        offset = rng.integers(0, n_shared, sizes.size)
        member = np.where(
            shared, (offset[owner] + _strides(rng, n_shared, sizes.size)[owner] * rank) % n_shared, 0
        )
        m_name = rng.permutation(tab.n_reserved)[:n_shared].astype(np.int64)
        m_sector = tab.sector[shared_company]
        m_role = tab.role_start[m_sector] + _floor(rng.random(n_shared), tab.role_count[m_sector])
    rank = _rank_within(base & ~shared, owner, ostart)
    n_regular = len(tab.name) - tab.n_reserved
    offset = rng.integers(0, n_regular, sizes.size)
    permuted = tab.n_reserved + rng.permutation(n_regular)
    name = permuted[(offset[owner] + _strides(rng, n_regular, sizes.size)[owner] * rank) % n_regular]
    name = np.where(shared, m_name[member], name)

    company = candidate.copy()
    if n_shared > 0:
        company = np.where(shared, shared_company[member], company)
    colleague = internal & ~shared & (rng.random(total) < _P_SAME_COMPANY)
    up = np.where(parent >= 0, parent, rows)
    for _ in range(_MAX_DEPTH):  # an introducer's colleague works where the introducer works
        company = np.where(colleague, company[up], company)
    sector = tab.sector[company]
    role = np.where(
        shared, m_role[member], tab.role_start[sector] + _floor(rng.random(total), tab.role_count[sector])
    )
    spelling = np.where(
        shared | (rng.random(total) < 0.85),
        tab.spelling_of[company],
        tab.spelling_start[sector] + _floor(rng.random(total), tab.spelling_count[sector]),
    )
    kind = _choice(rng, (1 - p_email - p_url, p_email, p_url), total)
    kind = np.where(shared, 1, kind)
    # the same name at the same company in two logs: different people, different emails
    emailed = np.flatnonzero(base & (kind == 1) & ~shared)
    pair = name[emailed] * len(tab.company) + company[emailed]
    by_pair = np.argsort(pair, kind="stable")
    sorted_pair = pair[by_pair]
    group_start = np.ones(sorted_pair.size, dtype=bool)
    group_start[1:] = sorted_pair[1:] != sorted_pair[:-1]
    within = np.arange(sorted_pair.size)
    dup = np.zeros(total, dtype=np.int64)
    dup[emailed[by_pair]] = within - np.maximum.accumulate(np.where(group_start, within, 0))
    url = rng.integers(0, 16**6, total)

    # how they were reached
    source = np.select(
        [internal, outsider, shared],
        [
            np.array([5, 1, 0])[_choice(rng, (0.88, 0.07, 0.05), total)],
            np.array([5, 4])[_choice(rng, (0.55, 0.45), total)],
            np.array([0, 2, 1])[_choice(rng, (0.75, 0.1, 0.15), total)],
        ],
        _choice(rng, (0.3, 0.3, 0.12, 0.22, 0.06), total),
    )
    intro = np.where(parent >= 0, name[up], -1)
    by_person = {
        "name": name, "company": company, "role": role, "spelling": spelling, "kind": kind,
        "dup": dup, "url": url, "shared": shared, "member": member, "intro": intro, "ext": ext,
        "source": source,
    }  # fmt: skip
    out = {k: v[person] for k, v in by_person.items()}

    # what happened around each conversation
    outreach = np.where(rng.random(total) < np.where(is_rep, 0.5, 0.92), day - rng.integers(3, 21, total), -1)
    lag = _choice(rng, (0.2, 0.25, 0.2, 0.12, 0.08, 0.05, 0.04, 0.025, 0.015, 0.01, 0.01), total)
    reply = np.busday_offset(np.maximum(outreach, 0).astype("datetime64[D]"), lag, roll="forward")
    reply = np.clip(reply.astype(np.int64), outreach, day - 1)
    reply = np.where((outreach >= 0) & (rng.random(total) < 0.95), reply, -1)
    thanks = day + _choice(rng, (0.45, 0.3, 0.1, 0.07, 0.05, 0.03), total)
    thanks = np.where((rng.random(total) < 0.85) & (thanks <= last), thanks, -1)
    n_follow = _choice(rng, (0.35, 0.45, 0.2), total)
    follow1 = day + rng.integers(14, 36, total)
    follow2 = follow1 + 7 + _floor(rng.random(total), day + 57 - follow1 - 7)
    follow1 = np.where((n_follow >= 1) & (follow1 <= last), follow1, -1)
    follow2 = np.where((n_follow == 2) & (follow1 >= 0) & (follow2 <= last), follow2, -1)
    warm = (out["intro"] >= 0) | (out["ext"] >= 0)
    boost = np.where(warm, 1.25, np.where(out["source"] == 3, 0.55, 1.0))
    lead = rng.random(total) < 0.13 * boost
    referral = rng.random(total) < 0.13 * boost
    mentor = rng.random(total) < 0.1 * boost
    offer = (lead | referral) & (rng.random(total) < 0.11)
    outcome = lead * 1 + referral * 2 + mentor * 4 + offer * 8
    channel = _choice(rng, (0.33, 0.45, 0.22), total)
    out.update(
        owner=owner, day=day, minute=minute, is_rep=is_rep, outreach=outreach, reply=reply,
        thanks=thanks, follow1=follow1, follow2=follow2, outcome=outcome.astype(np.int64),
        channel=channel, synonym=(rng.random(total) < 0.06).astype(np.int64),
        prepared=(rng.random(total) < 0.8).astype(np.int64),
        duration=np.array([15, 20, 25, 30, 45, 60])[_choice(rng, (0.05, 0.15, 0.1, 0.4, 0.2, 0.1), total)],
        note=np.where(rng.random(total) < p_notes, rng.integers(0, len(_NOTES), total), -1),
    )  # fmt: skip
    return {k: np.asarray(v, dtype=np.int64) for k, v in out.items()}


# --------------------------------------------------------------------------- formatting


def _frame(sim: dict[str, IntArray], *, messy: bool, rng: np.random.Generator) -> dict[str, pd.Series[str]]:
    """Write the simulated interviews as a person types them (canonical column names)."""
    tab = _tables()
    total = sim["day"].size
    dates = [sim[k] for k in ("day", "outreach", "reply", "thanks", "follow1", "follow2")]
    lo = int(min(int(d[d >= 0].min()) for d in dates if (d >= 0).any()))
    hi = int(max(int(d.max()) for d in dates))
    table = _date_table(lo, hi)
    n_days = hi - lo + 1

    def when(days: IntArray, *, commas: bool = True, clock: bool = False) -> pd.Series[str]:
        fmt = np.zeros(days.size, dtype=np.int64)
        if messy:
            fmt = _choice(rng, (0.4, 0.15, 0.2, 0.15 if commas else 0.0, 0.1 if clock else 0.0), days.size)
            safe = np.maximum(days, lo).astype("datetime64[D]")
            day_of_month = (safe - safe.astype("datetime64[M]")).astype(np.int64) + 1
            fmt = np.where((fmt == 1) & (day_of_month <= 12), 2, fmt)  # m/d/Y only when unambiguous
        text = _take(table, np.where(days >= 0, np.where(fmt == 4, 0, fmt) * n_days + days - lo, -1))
        if clock and messy:  # some interview dates carry a time: "2026-03-14 14:30"
            hours = pd.Series(sim["minute"] // 60).astype("str").str.zfill(2)
            text = text.where(
                fmt != 4, text + " " + hours + ":" + pd.Series(sim["minute"] % 60).astype("str").str.zfill(2)
            )
        return text

    def padded(text: pd.Series[str]) -> pd.Series[str]:
        if not messy:
            return text
        pad = _choice(rng, (0.82, 0.06, 0.06, 0.06), total)
        text = text.where((pad != 1) & (pad != 3), " " + text)
        return text.where((pad != 2) & (pad != 3), text + "  ")

    name = _take(tab.name, sim["name"])
    emailed = sim["kind"] == 1
    numbered = pd.Series(sim["dup"] + 1).astype("str").where(sim["dup"] > 0, "")  # ana.ruiz2@...
    contact_id = (
        _take(tab.local, np.where(emailed, sim["name"], -1))
        + numbered
        + _take(tab.domain, np.where(emailed, sim["company"], -1))
    )
    if (sim["kind"] == 2).any():  # LinkedIn profile URLs (personal logs only; cheap there)
        slug = _take(tab.slug, np.where(sim["kind"] == 2, sim["name"], -1))
        contact_id = contact_id.fillna("https://www.linkedin.com/in/" + slug + "-" + _hex(sim["url"]))
    introducer = _take(tab.name, sim["intro"]).fillna(_take(_strings(_OUTSIDERS), sim["ext"]))
    flat = [c for group in _CHANNELS for c in group]
    starts = np.cumsum([0, *[len(g) for g in _CHANNELS[:-1]]])
    if messy:
        variant = np.where(
            rng.random(total) < 0.35,
            1 + _floor(rng.random(total), np.array([len(g) - 1 for g in _CHANNELS])[sim["channel"]]),
            0,
        )
    else:
        variant = sim["synonym"]
    channel = _take(_strings(flat), starts[sim["channel"]] + variant)
    outcomes = [
        "; ".join(lab for b, lab in enumerate(_OUTCOME_LABELS) if code >> b & 1) for code in range(16)
    ]
    outcome = _take(_strings(outcomes), np.where(sim["outcome"] > 0, sim["outcome"], -1))
    follow = when(sim["follow1"], commas=False)
    follow = follow.where(sim["follow2"] < 0, follow + "; " + when(sim["follow2"], commas=False))
    answers = ("no", "yes", "No", "Yes", "N", "Y")
    prepared = sim["prepared"] + (2 * _choice(rng, (0.5, 0.3, 0.2), total) if messy else 0)
    return {
        "date": when(sim["day"], clock=True),
        "contact": padded(name),
        "contact_id": contact_id,
        "company": _take(tab.company, sim["company"]),
        "role": _take(tab.role, sim["role"]),
        "industry": _take(tab.spelling, sim["spelling"]),
        "introduced_by": padded(introducer),
        "source": _take(_strings(_SOURCES), sim["source"]),
        "channel": channel,
        "outreach_date": when(sim["outreach"]),
        "response_date": when(sim["reply"]),
        "thank_you_date": when(sim["thanks"]),
        "follow_up_date": follow,
        "outcome": outcome,
        "questions_prepared": _take(_strings(answers), prepared),
        "duration_min": pd.Series(sim["duration"]),
        "notes": _take(_strings(_NOTES), sim["note"]),
    }


def _hex(values: IntArray, width: int = 6) -> pd.Series[str]:
    """Lower-case hexadecimal, zero-padded to `width` digits."""
    digits = np.array(list("0123456789abcdef"))
    shifts = 4 * np.arange(width - 1, -1, -1)
    chars = np.ascontiguousarray(digits[(values[:, None] >> shifts) & 15])
    return pd.Series(chars.view(f"<U{width}").ravel(), dtype="str")


def _finish(columns: dict[str, pd.Series[str]], messy: bool) -> pd.DataFrame:
    frame = pd.DataFrame(columns)
    if messy:
        frame = frame.rename(columns=_MESSY_HEADERS)
    return frame


# --------------------------------------------------------------------------- public API


def _personal(
    n_interviews: int, seed: int, start: str | dt.date, months: int
) -> tuple[dict[str, IntArray], IntArray, int]:
    """Simulate one job seeker; return the arrays, the companies they could meet and the last day."""
    if not 1 <= n_interviews <= _MAX_PER_OWNER:
        raise ValueError(f"n_interviews must be between 1 and {_MAX_PER_OWNER}, got {n_interviews}")
    tab = _tables()
    first, last = _window(start, months)
    rng = np.random.default_rng(seed)
    sectors = rng.choice(len(_SECTORS), 11, replace=False, p=tab.popularity / tab.popularity.sum())
    interest = np.repeat(np.linspace(2.0, 0.6, 11), 4)
    pool = np.concatenate([rng.choice(np.flatnonzero(tab.sector == s), 4, replace=False) for s in sectors])
    weights = interest * (rng.gamma(2.0, size=pool.size) + 0.2)
    candidate = pool[rng.choice(pool.size, n_interviews, p=weights / weights.sum())]
    sim = _simulate(
        rng,
        np.array([n_interviews], dtype=np.int64),
        candidate.astype(np.int64),
        first=first,
        last=last,
        n_shared=0,
        shared_company=np.zeros(0, dtype=np.int64),
        p_email=0.45,
        p_url=0.1,
        p_notes=0.6,
    )
    return sim, pool.astype(np.int64), last


def personal_log(
    n_interviews: int = 60,
    *,
    seed: int = 0,
    start: str | dt.date = "2026-01-05",
    months: int = 6,
    messy: bool = False,
) -> pd.DataFrame:
    """Generate one job seeker's informational-interview log.

    About 60 % of the interviews come through an introduction by a contact met earlier in
    the log, a few through someone never interviewed, the rest directly; introduction
    chains are at most 5 people long and, with 20 interviews or more, one almost always reaches 5.
    A few people are met twice. Thank-you notes, follow-ups, outreach and reply dates are
    consistent with the interview date; nothing is dated after the end of the period.

    Parameters
    ----------
    n_interviews
        Number of rows (one per interview), 1 to 5,000.
    seed
        Seed for `numpy.random.default_rng`; the same arguments give the same frame.
    start
        First day of the period (ISO string or date).
    months
        Length of the period; no date in the log falls after its end.
    messy
        Write the same interviews as a careless person would: header aliases ("Date of
        interview", "Introduced By", ...), mixed unambiguous date formats, stray spaces
        around names, channel synonyms, "Y"/"No" answers.

    Returns
    -------
    pandas.DataFrame
        Columns ``date, contact, contact_id, company, role, industry, introduced_by, source,
        channel, outreach_date, response_date, thank_you_date, follow_up_date, outcome,
        questions_prepared, duration_min, notes``: strings as typed (missing = NA) and
        ``duration_min`` as int64. Rows are sorted by date.

    Examples
    --------
    >>> log = personal_log(6, seed=1)
    >>> log.shape
    (6, 17)
    >>> list(log.columns[:4])
    ['date', 'contact', 'contact_id', 'company']
    >>> bool(log["date"].is_monotonic_increasing)
    True
    >>> personal_log(6, seed=1, messy=True).columns[0]
    'Date of interview'
    """
    sim, _pool, _last = _personal(n_interviews, seed, start, months)
    columns = _frame(sim, messy=messy, rng=np.random.default_rng([seed, 1]))
    return _finish(columns, messy)


def cohort_log(
    n_students: int = 300,
    *,
    interviews_per_student: float = 8.0,
    seed: int = 0,
    start: str | dt.date = "2025-09-01",
    months: int = 9,
    messy: bool = False,
) -> pd.DataFrame:
    """Generate a career office's log of many students' informational interviews.

    Each student (``S00001``, ...) has a program and a class year, a number of interviews
    that varies around the mean (at least one) and contacts leaning to their program's
    sectors. A pool of shared professionals (alumni volunteers, about one per four students)
    appears in several students' logs under the same ``contact_id``; only that id links
    people across students.

    Parameters
    ----------
    n_students
        Number of students (at least 1).
    interviews_per_student
        Mean interviews per student, 1 to 500; the total is close to
        ``n_students * interviews_per_student``.
    seed
        Seed for `numpy.random.default_rng`; the same arguments give the same frame.
    start
        First day of the period (ISO string or date).
    months
        Length of the period; no date in the log falls after its end.
    messy
        Write the interviews with header aliases, mixed date formats, stray spaces and
        synonyms (see `personal_log`).

    Returns
    -------
    pandas.DataFrame
        ``owner``, the columns of `personal_log`, then ``program``, ``class_year`` (int64)
        and ``term`` ("Fall 2025", "Spring 2026", "Summer 2026"). Sorted by owner and date.

    Examples
    --------
    >>> log = cohort_log(5, interviews_per_student=3, seed=2)
    >>> list(log.columns[:2]), list(log.columns[-3:])
    (['owner', 'date'], ['program', 'class_year', 'term'])
    >>> log["owner"].iloc[0]
    'S00001'
    """
    if n_students < 1:
        raise ValueError(f"n_students must be at least 1, got {n_students}")
    if not 1.0 <= interviews_per_student <= 500.0:
        raise ValueError(f"interviews_per_student must be between 1 and 500, got {interviews_per_student}")
    tab = _tables()
    first, last = _window(start, months)
    rng = np.random.default_rng(seed)
    program = _choice(rng, _PROGRAM_P, n_students)
    class_year = np.array(_CLASS_YEARS)[_choice(rng, _CLASS_YEAR_P, n_students)]
    extra = interviews_per_student - 1.0
    more = rng.negative_binomial(3.0, 3.0 / (3.0 + extra), n_students) if extra > 0 else np.zeros(n_students)
    sizes = np.minimum(1 + more.astype(np.int64), _MAX_PER_OWNER)
    total = int(sizes.sum())

    # employers of new contacts, leaning to each program's sectors
    popular = rng.gamma(0.8, size=len(tab.company)) + 0.05
    sector_names = [row[0] for row in _SECTORS]
    row_program = np.repeat(program, sizes)
    u = rng.random(total)
    candidate = np.zeros(total, dtype=np.int64)
    for p, prog in enumerate(_PROGRAMS):
        focus = 0.15 * tab.popularity + np.array([_PROGRAM_FOCUS[prog].get(s, 0.0) for s in sector_names])
        cumulative = np.cumsum(focus[tab.sector] * popular)
        mask = row_program == p
        candidate[mask] = np.searchsorted(cumulative, u[mask] * cumulative[-1], side="right")
    candidate = np.minimum(candidate, len(tab.company) - 1)
    n_shared = int(np.clip(round(n_students / 4), 8, tab.n_reserved))
    general = tab.popularity[tab.sector] * popular
    shared_company = rng.choice(len(tab.company), n_shared, p=general / general.sum()).astype(np.int64)
    sim = _simulate(
        rng,
        sizes,
        candidate,
        first=first,
        last=last,
        n_shared=n_shared,
        shared_company=shared_company,
        p_email=0.5,
        p_url=0.0,
        p_notes=0.15,
    )
    width = max(5, len(str(n_students)))
    ids = _strings(
        ("S" + pd.Series(np.arange(1, n_students + 1)).astype("str").str.zfill(width)).to_numpy(str)
    )
    columns = {"owner": _take(ids, sim["owner"])}
    columns.update(_frame(sim, messy=messy, rng=np.random.default_rng([seed, 1])))
    columns["program"] = _take(_strings(_PROGRAMS), program[sim["owner"]])
    columns["class_year"] = pd.Series(class_year[sim["owner"]])
    days = sim["day"].astype("datetime64[D]")
    month = days.astype("datetime64[M]").astype(np.int64) % 12 + 1
    year = days.astype("datetime64[Y]").astype(np.int64) + 1970
    season = np.where(month >= 9, 0, np.where(month <= 5, 1, 2))
    lo_year = int(year.min())
    terms = [f"{s} {y}" for y in range(lo_year, int(year.max()) + 1) for s in ("Fall", "Spring", "Summer")]
    columns["term"] = _take(_strings(terms), (year - lo_year) * 3 + season)
    return _finish(columns, messy)


_SUFFIX_WORDS: Final[frozenset[str]] = frozenset(
    {"inc", "incorporated", "corp", "corporation", "co", "company", "llc", "llp", "ltd", "limited", "plc"}
)


def _split_suffix(name: str) -> tuple[str, str]:
    head, _, tail = name.rpartition(" ")
    if head and tail.strip(".,").lower() in _SUFFIX_WORDS:
        return head, tail
    return name, ""


def _variant(name: str, how: int, for_profit: bool) -> str:
    """Spell an employer differently but equal after normalisation (case, suffix, '&', punctuation)."""
    base, suffix = _split_suffix(name)
    if "&" in base:
        return base.replace("&", "and") + (f" {suffix}" if suffix and how % 2 else "")
    if suffix == "Corp.":
        return f"{base.upper()} Corporation"
    if suffix == "Inc.":
        return f"{base}, Inc" if how % 2 else base
    if suffix:
        return base if how % 2 else name.upper()
    return f"{base} Inc." if how % 2 and for_profit else base.upper()


def targets(n: int = 45, *, seed: int = 0) -> pd.DataFrame:
    """Generate a ranked target-employer list ("40 employers, ranked") for `personal_log`.

    About 45 % of the employers are in ``personal_log(seed=seed)``: most written exactly as
    in the log, some only equal after normalisation (case, legal suffixes such as "Corp." /
    "Corporation" / "LLC", "&" / "and", punctuation); the rest are not in the log at all.

    Parameters
    ----------
    n
        Number of employers, 1 to 500.
    seed
        Seed for `numpy.random.default_rng` (and of the matching `personal_log`).

    Returns
    -------
    pandas.DataFrame
        ``employer`` and ``industry`` (strings), ``motivation`` (1-5, how much the job
        seeker wants to work there), ``posting`` (1 no relevant posting, 2 some, 3 a
        relevant posting) and ``advocacy`` (0 nobody known, 1 a LinkedIn connection,
        2 one contact interviewed, 3 several), sorted by motivation, posting, then
        advocacy, all descending.

    Examples
    --------
    >>> t = targets(12, seed=3)
    >>> t.shape, list(t.columns)
    ((12, 5), ['employer', 'industry', 'motivation', 'posting', 'advocacy'])
    >>> bool(t["motivation"].is_monotonic_decreasing)
    True
    """
    if not 1 <= n <= 500:
        raise ValueError(f"n must be between 1 and 500, got {n}")
    tab = _tables()
    sim, pool, _last = _personal(60, seed, "2026-01-05", 6)
    rng = np.random.default_rng([seed, 2])
    met = sim["company"][sim["is_rep"] == 0]
    in_log, people = np.unique(met, return_counts=True)
    n_match = min(in_log.size, round(0.45 * n))
    n_norm = max(1, round(0.4 * n_match)) if n_match >= 2 else 0
    chosen = rng.choice(in_log.size, n_match, replace=False, p=people / people.sum())
    names = pd.Series(tab.company)
    special = (names.str.contains("&", regex=False) | names.str.endswith(" Corp.")).to_numpy(bool)
    # spell some of them differently, preferring names with "&" or "Corp." ("ACME Corporation")
    respelled = np.argsort(rng.random(n_match) - special[in_log[chosen]], kind="stable")[:n_norm]
    hows = rng.integers(0, 6, n_norm)
    variants = [  # a handful of names
        _variant(tab.company_names[c], int(h), _SECTORS[tab.sector[c]][0] not in _NOT_FOR_PROFIT)
        for c, h in zip(in_log[chosen][respelled], hows, strict=True)
    ]
    others = np.setdiff1d(np.arange(names.size), in_log)
    if others.size < n - n_match:
        raise ValueError(f"n must be at most {others.size + n_match}, got {n}")
    liked = np.isin(tab.sector[others], tab.sector[pool]) * 2.0 + 1.0
    unknown = rng.choice(others, n - n_match, replace=False, p=liked / liked.sum())
    company = np.concatenate([in_log[chosen], unknown]).astype(np.int64)
    written = company.copy()
    written[respelled] = names.size + np.arange(n_norm)
    matched = np.arange(n) < n_match
    motivation = np.where(
        matched, 2 + _choice(rng, (0.1, 0.25, 0.35, 0.3), n), 1 + _choice(rng, (0.15, 0.25, 0.3, 0.2, 0.1), n)
    )
    posting = 1 + _choice(rng, (0.45, 0.35, 0.2), n)
    known = np.concatenate([people[chosen], np.zeros(n - n_match, dtype=np.int64)])
    advocacy = np.where(matched, np.where(known >= 2, 3, 2), (rng.random(n) < 0.35).astype(np.int64))
    shuffle = rng.permutation(n)
    rank = shuffle[np.lexsort((-advocacy[shuffle], -posting[shuffle], -motivation[shuffle]))]
    return pd.DataFrame(
        {
            "employer": _take(_strings([*tab.company_names, *variants]), written[rank]),
            "industry": _take(tab.spelling, tab.spelling_of[company[rank]]),
            "motivation": motivation[rank].astype(np.int64),
            "posting": posting[rank].astype(np.int64),
            "advocacy": advocacy[rank].astype(np.int64),
        }
    )


def linkedin_connections(n: int = 80, *, seed: int = 0, older_export: bool = False) -> str:
    """Generate the text of a LinkedIn data export ``Connections.csv`` for `personal_log`'s owner.

    The text starts with LinkedIn's "Notes:" preamble, then the header ``First Name,Last
    Name,URL,Email Address,Company,Position,Connected On`` (no ``URL`` when `older_export`)
    and one row per connection, newest first, CRLF line ends and no byte-order mark. About
    30 % of the connections are contacts of ``personal_log(seed=seed)`` (same names, and the
    same profile URL where the log has one), some work at employers of ``targets(seed=seed)``
    that the log does not reach, the rest elsewhere; emails are mostly empty, a few names or
    companies are blank, and some fields hold commas (quoted).

    Parameters
    ----------
    n
        Number of connections, 1 to 5,000.
    seed
        Seed for `numpy.random.default_rng` (and of the matching `personal_log`).
    older_export
        Leave out the ``URL`` column, as exports before 2023 did.

    Returns
    -------
    str
        The file's text, dates written like ``12 Mar 2021``.

    Examples
    --------
    >>> text = linkedin_connections(5, seed=1)
    >>> text.startswith("Notes:")
    True
    >>> text.split("\\r\\n")[3]
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On'
    >>> len(text.split("\\r\\n"))
    10
    """
    if not 1 <= n <= _MAX_PER_OWNER:
        raise ValueError(f"n must be between 1 and {_MAX_PER_OWNER}, got {n}")
    tab = _tables()
    sim, _pool, last = _personal(60, seed, "2026-01-05", 6)
    goals = targets(seed=seed)
    rng = np.random.default_rng([seed, 3])
    met = np.flatnonzero(sim["is_rep"] == 0)
    n_met = min(met.size, round(0.3 * n))  # contacts of the log, those with a profile URL first
    known = met[np.argsort(rng.random(met.size) - (sim["kind"][met] == 2), kind="stable")[:n_met]]
    n_new = n - n_met
    # people at target employers the log does not reach (advocacy 1), one or two each
    n_firms = len(tab.company_names)
    lookup = pd.Series(np.arange(n_firms), index=list(tab.company_names))
    wanted = lookup.reindex(goals["employer"][goals["advocacy"] == 1]).dropna().to_numpy(np.int64)
    wanted = wanted[~np.isin(wanted, sim["company"])]
    n_target = min(n_new, wanted.size + wanted.size // 2)
    company = np.concatenate(
        [sim["company"][known], np.tile(wanted, 2)[:n_target], rng.integers(0, n_firms, n_new - n_target)]
    ).astype(np.int64)
    sector = tab.sector[company[n_met:]]
    role = np.concatenate(
        [sim["role"][known], tab.role_start[sector] + _floor(rng.random(n_new), tab.role_count[sector])]
    ).astype(np.int64)
    strangers = np.setdiff1d(np.arange(tab.n_reserved, len(tab.name)), sim["name"])
    name = np.concatenate([sim["name"][known], rng.choice(strangers, n_new, replace=False)]).astype(np.int64)
    url_code = np.concatenate([sim["url"][known], rng.integers(0, 16**6, n_new)]).astype(np.int64)
    connected = np.concatenate(
        [
            np.minimum(sim["day"][known] + rng.integers(0, 8, n_met), last),
            rng.integers(_day_number("2018-01-01"), last + 1, n_new),
        ]
    ).astype(np.int64)
    shown = np.concatenate([(sim["kind"][known] == 1) & (rng.random(n_met) < 0.4), rng.random(n_new) < 0.08])
    # employers as LinkedIn shows them: contacts' pages often without the legal suffix
    firm = company + n_firms * np.concatenate([rng.random(n_met) < 0.3, np.zeros(n_new, dtype=bool)])
    title = np.where(
        rng.random(n) < 0.08, tab.role_count.sum() + rng.integers(0, len(_COMMA_TITLES), n), role
    )
    odd = n_met + n_target + rng.permutation(n_new - n_target)  # a few odd rows among the others
    if odd.size >= 8:
        firm[odd[:3]] = 2 * n_firms + np.arange(3)  # "Smith, Jones & Co"
        firm[odd[3:6]] = -1  # no employer
        name[odd[6:8]] = -1  # no name, no URL, no email
    firms = _strings(
        [*tab.company_names, *(_split_suffix(c)[0] for c in tab.company_names), *_COMMA_COMPANIES]
    )
    domains = _strings([*tab.domain, "@mail.example"])
    lo, hi = int(connected.min()), int(connected.max())
    frame = pd.DataFrame(
        {
            "First Name": _take(_strings(_FIRST), np.where(name >= 0, name // len(_LAST), -1)),
            "Last Name": _take(_strings(_LAST), np.where(name >= 0, name % len(_LAST), -1)),
            "URL": "https://www.linkedin.com/in/" + _take(tab.slug, name) + "-" + _hex(url_code),
            "Email Address": _take(tab.local, np.where(shown, name, -1))
            + _take(domains, np.where(np.arange(n) < n_met, company, n_firms)),
            "Company": _take(firms, firm),
            "Position": _take(_strings([*tab.role, *_COMMA_TITLES]), title),
            "Connected On": _take(_date_table(lo, hi), 2 * (hi - lo + 1) + connected - lo),  # 12 Mar 2021
        }
    )
    frame = frame.iloc[np.argsort(-connected, kind="stable")]
    if older_export:
        frame = frame.drop(columns="URL")
    return _LINKEDIN_NOTE + frame.to_csv(index=False, lineterminator="\r\n")


def write_samples(folder: str | os.PathLike[str]) -> list[Path]:
    """Write the committed sample files into `folder` (created if needed).

    ``sample_log.csv`` (`personal_log`), ``sample_targets.csv`` (`targets`) and
    ``cohort_log.csv`` (`cohort_log`) are UTF-8 with ``\\n`` line ends;
    ``sample_connections.csv`` (`linkedin_connections`) is UTF-8 with a byte-order mark and
    CRLF line ends, like LinkedIn's own export. All with default arguments.

    Parameters
    ----------
    folder
        Where to write.

    Returns
    -------
    list of pathlib.Path
        The four files, in the order above.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     [p.name for p in write_samples(tmp)]
    ['sample_log.csv', 'sample_targets.csv', 'cohort_log.csv', 'sample_connections.csv']
    """
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    frames = {
        "sample_log.csv": personal_log(),
        "sample_targets.csv": targets(),
        "cohort_log.csv": cohort_log(),
    }
    paths: list[Path] = []
    for filename, frame in frames.items():
        path = out / filename
        path.write_bytes(frame.to_csv(index=False, lineterminator="\n").encode("utf-8"))
        paths.append(path)
    path = out / "sample_connections.csv"
    path.write_bytes(("\ufeff" + linkedin_connections()).encode("utf-8"))
    paths.append(path)
    return paths


def _main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m netinsight.datasets", description="Write netinsight's synthetic sample files."
    )
    parser.add_argument("folder", help="folder to write into, e.g. data")
    args = parser.parse_args(argv)
    for path in write_samples(args.folder):
        print(path)


if __name__ == "__main__":
    _main()
