"""Logs and an HTML parser shared by the report tests: hostile text that must stay inert everywhere."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pandas as pd

import netinsight as ni

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
