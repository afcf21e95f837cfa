"""Small cohorts whose tables are worked out by hand, shared by the cohort tests."""

from __future__ import annotations

from typing import Any

import pandas as pd

import netinsight as ni


def small_cohort() -> pd.DataFrame:
    """Program A: 6 students x 2 interviews (Finance at Acme Corp in January with a thank-you next day, then
    Technology at Bluefin in February, introduced by the first contact; students 1-5 got a referral there).
    Program B: 5 students, program C: 2 students, 1 interview each (Media at Acme Inc., January, no thank-you)."""
    rows: list[dict[str, Any]] = []
    for i in range(1, 7):
        common = {"owner": f"A{i}", "program": "A", "class_year": 2027}
        rows.append(
            common
            | {"date": "2026-01-10", "contact": f"Ana {i}", "company": "Acme Corp", "industry": "Finance"}
            | {"thank_you_date": "2026-01-11", "outcome": ""}
        )
        rows.append(
            common
            | {"date": "2026-02-10", "contact": f"Ben {i}", "company": "Bluefin", "industry": "Technology"}
            | {"introduced_by": f"Ana {i}", "outcome": "referral" if i <= 5 else ""}
        )
    for program, n in (("B", 5), ("C", 2)):
        for i in range(1, n + 1):
            rows.append(
                {"owner": f"{program}{i}", "program": program, "class_year": 2028, "date": "2026-01-20"}
                | {"contact": f"Cal {program}{i}", "company": "Acme Inc.", "industry": "Media"}
            )
    return ni.read_log(pd.DataFrame(rows).fillna(""))


def tricky_cohort() -> pd.DataFrame:
    """Five students of each kind. X: program "A" / "A " (one group), Finance at "Acme Corp" on 5 Jan then at
    "ACME Corporation" on 20 Jan, introduced by the first contact. Y: program blank / missing (one group, not
    recorded), Media at "Acme Corp" on 2 Feb, then no industry at "Bluefin" on 3 Feb. Z: program "B", Media at
    "ACME Corporation" on 6 Jan. Both Acme spellings have 10 interviews, Finance and Media 10 each at Acme: ties."""
    rows: list[dict[str, Any]] = []
    for i in range(1, 6):
        rows += [
            {"owner": f"X{i}", "program": "A", "date": "2026-01-05", "contact": f"Ann {i}", "company": "Acme Corp"}
            | {"industry": "Finance"},
            {"owner": f"X{i}", "program": "A ", "date": "2026-01-20", "contact": f"Bo {i}"}
            | {"company": "ACME Corporation", "industry": "Finance", "introduced_by": f"Ann {i}"},
            {"owner": f"Y{i}", "program": "", "date": "2026-02-02", "contact": f"Cy {i}", "company": "Acme Corp"}
            | {"industry": "Media"},
            {"owner": f"Y{i}", "program": None, "date": "2026-02-03", "contact": f"Di {i}", "company": "Bluefin"}
            | {"industry": ""},
            {"owner": f"Z{i}", "program": "B", "date": "2026-01-06", "contact": f"Ed {i}"}
            | {"company": "ACME Corporation", "industry": "Media"},
        ]
    return ni.read_log(pd.DataFrame(rows))
