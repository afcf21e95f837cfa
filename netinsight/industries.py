"""Industry names as written -> normalised sectors, with a built-in alias table.

The table maps common spellings ("Tech", "IT", "Software") to one sector name
("Technology"). Users extend or replace it with `sector_table`. Matching is by
`netinsight.schema.header_key`, so case and punctuation do not matter; an industry
that no alias matches keeps its own (trimmed) text as its sector, never a guess.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Final

from netinsight.schema import header_key

__all__ = ["SECTOR_ALIASES", "sector_table"]

#: Built-in sector -> spellings. Each sector name also matches itself.
SECTOR_ALIASES: Final[dict[str, tuple[str, ...]]] = {
    "Technology": (
        "tech",
        "it",
        "software",
        "information technology",
        "saas",
        "internet",
        "computer software",
        "big tech",
        "hardware",
        "semiconductors",
        "cybersecurity",
        "data science",
        "ai",
    ),
    "Finance": (
        "banking",
        "bank",
        "finance",
        "financial services",
        "investment banking",
        "ib",
        "asset management",
        "private equity",
        "pe",
        "venture capital",
        "vc",
        "hedge fund",
        "fintech",
        "insurance",
        "accounting",
    ),
    "Consulting": ("consulting", "management consulting", "strategy consulting", "advisory", "consultancy"),
    "Healthcare": (
        "healthcare",
        "health care",
        "health",
        "hospital",
        "medical",
        "medicine",
        "pharma",
        "pharmaceuticals",
        "biotech",
        "biotechnology",
        "life sciences",
        "medical devices",
    ),
    "Education": ("education", "edtech", "higher education", "higher ed", "teaching", "k 12", "schools", "university"),
    "Government": ("government", "public sector", "civil service", "federal", "state government", "policy"),
    "Nonprofit": ("nonprofit", "non profit", "ngo", "charity", "philanthropy", "social impact", "foundation"),
    "Media": (
        "media",
        "journalism",
        "publishing",
        "news",
        "entertainment",
        "film",
        "television",
        "tv",
        "music",
        "gaming",
        "video games",
    ),
    "Marketing": ("marketing", "advertising", "ad tech", "public relations", "pr", "communications", "branding"),
    "Retail": ("retail", "e commerce", "ecommerce", "consumer goods", "cpg", "fmcg", "fashion", "apparel"),
    "Manufacturing": ("manufacturing", "industrial", "industrials", "automotive", "aerospace", "chemicals"),
    "Energy": ("energy", "oil and gas", "oil gas", "utilities", "renewables", "clean energy", "cleantech", "climate"),
    "Real Estate": ("real estate", "property", "proptech", "construction", "architecture"),
    "Legal": ("legal", "law", "law firm", "legal services"),
    "Transportation": ("transportation", "logistics", "supply chain", "shipping", "airlines", "aviation"),
    "Hospitality": ("hospitality", "hotels", "travel", "tourism", "restaurants", "food service", "food and beverage"),
    "Telecommunications": ("telecommunications", "telecom", "telco", "wireless"),
    "Agriculture": ("agriculture", "agtech", "farming", "food production"),
    "Arts": ("arts", "design", "museum", "museums", "culture", "creative"),
    "Sports": ("sports", "athletics", "fitness", "sport"),
    "Research": ("research", "academia", "think tank", "laboratory", "r d"),
    "Defense": ("defense", "defence", "military", "national security"),
}


def sector_table(
    extra: Mapping[str, Sequence[str]] | None = None,
    *,
    replace: bool = False,
) -> dict[str, str]:
    """Build the lookup from industry spellings to sectors.

    Parameters
    ----------
    extra
        Sector -> spellings to add. A spelling already in the table is moved to the
        sector named here, so users can correct the built-in choices.
    replace
        Use only `extra`, not the built-in `SECTOR_ALIASES`.

    Returns
    -------
    dict
        `header_key` of a spelling -> sector name.

    Examples
    --------
    >>> table = sector_table()
    >>> table["it"], table["investment banking"]
    ('Technology', 'Finance')
    >>> sector_table({"Climate": ["climate tech"]})["climate tech"]
    'Climate'
    >>> sorted(sector_table({"Space": ["rockets"]}, replace=True).items())
    [('rockets', 'Space'), ('space', 'Space')]
    """
    sources: list[Mapping[str, Sequence[str]]] = [] if replace else [SECTOR_ALIASES]
    if extra is not None:
        sources.append(extra)
    table: dict[str, str] = {}
    for aliases in sources:
        for sector, spellings in aliases.items():
            for spelling in (sector, *spellings):
                table[header_key(spelling)] = sector
    return table
