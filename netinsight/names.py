"""Who is who: comparison keys for people's names and ids, and near-duplicate names.

People are identified by ``contact_id`` where given, else by a name key that ignores case,
spacing, punctuation and titles ("Dr. Ana Ruiz" = "ana ruiz"). Accents are kept in the key
("Zoë" and "Zoe" stay two people) but such pairs are reported as near-duplicates; nothing is
merged on a guess.
"""

from __future__ import annotations

import difflib
from typing import Any, Final

import numpy as np
import pandas as pd

__all__ = ["id_key", "name_key", "near_duplicate_pairs"]

_TITLES: Final = r"^(?:(?:dr|mr|mrs|ms|mx|miss|prof|professor|sir|dame|rev)\b\.?\s*)+"
_SUFFIXES: Final = r"(?:,?\s+(?:jr|sr|phd|ph d|md|mba|esq|ii|iii|iv)\.?)+$"


def name_key(names: pd.Series[Any]) -> pd.Series[Any]:
    """Return the comparison key of each name (missing stays missing).

    Parameters
    ----------
    names
        Names as written. Not modified.

    Returns
    -------
    pandas.Series
        Lower-case keys without titles, suffixes, dots, commas or extra spaces.

    Examples
    --------
    >>> name_key(pd.Series(["Dr. Ana  Ruiz", "ana ruiz", "Ben Okafor, PhD", "Zoë O'Neil", None])).tolist()
    ['ana ruiz', 'ana ruiz', 'ben okafor', "zoë o'neil", nan]
    """
    codes, uniques = pd.factorize(names)
    keys = (
        pd.Series(np.asarray(uniques, dtype=object), dtype="str")
        .str.casefold()
        .str.replace(r"[\s\u00a0]+", " ", regex=True)
        .str.strip()
        .str.replace(_TITLES, "", regex=True)
        .str.replace(_SUFFIXES, "", regex=True)
        .str.replace(r"[.,;:\"()]+", " ", regex=True)
        .str.replace(r"\s+", " ", regex=True)
        .str.strip()
    )
    keys = keys.where(keys.ne(""))
    out = keys.to_numpy(dtype=object)[codes] if len(keys) else np.full(len(codes), np.nan, dtype=object)
    out[codes < 0] = np.nan
    return pd.Series(out, index=names.index, dtype="str", name=names.name)


def id_key(ids: pd.Series[Any]) -> pd.Series[Any]:
    """Return the comparison key of each contact id (an email, a profile URL, any code).

    Case, surrounding spaces, ``mailto:``, the URL scheme, ``www.``, query strings and a
    trailing slash are ignored.

    Parameters
    ----------
    ids
        Ids as written. Not modified.

    Returns
    -------
    pandas.Series

    Examples
    --------
    >>> id_key(pd.Series(["https://www.linkedin.com/in/ana-ruiz/?trk=x", "MAILTO:Ana@X.example ", ""])).tolist()
    ['linkedin.com/in/ana-ruiz', 'ana@x.example', nan]
    """
    keys = (
        ids.astype("str")
        .str.strip()
        .str.casefold()
        .str.replace(r"^mailto:", "", regex=True)
        .str.replace(r"^https?://", "", regex=True)
        .str.replace(r"^www\.", "", regex=True)
        .str.replace(r"[?#].*$", "", regex=True)
        .str.rstrip("/")
    )
    return keys.where(keys.ne(""))


def near_duplicate_pairs(names: pd.Series[Any], *, cutoff: float = 0.85) -> list[tuple[str, str, float]]:
    """Pairs of distinct names in one group that are probably one person.

    Two keys are near-duplicates when they become equal without accents, or when their
    similarity ratio (`difflib.SequenceMatcher`) is at least `cutoff` and their last words
    match or nearly match ("Jon Smith" / "John Smith"). Meant for the few names of one
    owner at one company, not for a whole cohort at once.

    Parameters
    ----------
    names
        Name keys (see `name_key`) of one group.
    cutoff
        The similarity ratio from which two names are reported.

    Returns
    -------
    list of (str, str, float)
        Each pair once, sorted, with its ratio.

    Examples
    --------
    >>> near_duplicate_pairs(pd.Series(["jon smith", "john smith", "ana ruiz", "zoë li", "zoe li"]))
    [('john smith', 'jon smith', 0.947), ('zoe li', 'zoë li', 1.0)]
    """
    unique = sorted({str(n) for n in names.dropna()})
    pairs: list[tuple[str, str, float]] = []
    folded = {n: _fold(n) for n in unique}
    for i, a in enumerate(unique):
        for b in unique[i + 1 :]:
            if folded[a] == folded[b]:
                pairs.append((a, b, 1.0))
                continue
            ratio = difflib.SequenceMatcher(None, a, b).ratio()
            if ratio >= cutoff and difflib.SequenceMatcher(None, a.split()[-1], b.split()[-1]).ratio() >= 0.8:
                pairs.append((a, b, round(ratio, 3)))
    return pairs


def _fold(text: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
