"""Who is who: comparison keys for people's names and ids, and near-duplicate names.

People are identified by ``contact_id`` where given, else by a name key that ignores case,
spacing, punctuation and titles ("Dr. Ana Ruiz" = "ana ruiz"). Accents are kept in the key
("Zoë" and "Zoe" stay two people) but such pairs are reported as near-duplicates; nothing is
merged on a guess.
"""

from __future__ import annotations

import difflib
import unicodedata
from typing import Any, Final

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from netinsight.distinct import map_distinct

__all__ = ["id_key", "name_key", "near_duplicate_pairs"]

_TITLES: Final = r"^(?:(?:dr|mr|mrs|ms|mx|miss|prof|professor|sir|dame|rev)\b\.?\s*)+"
_SUFFIXES: Final = r"(?:,?\s+(?:jr|sr|phd|ph d|md|mba|esq|ii|iii|iv)\.?)+$"
#: Regex steps (RE2, run by Arrow) from a lower-cased name to its key.
_KEY_STEPS: Final = (
    (r"[\s\x{00a0}]+", " "),
    (r"^ +| +$", ""),
    (_TITLES, ""),
    (_SUFFIXES, ""),
    (r"[.,;:\"()]+", " "),
    (r" +", " "),
)


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

    def keys(uniques: pd.Series[Any]) -> Any:
        text = pa.array(uniques.astype(str).to_numpy(dtype=object), type=pa.string())
        text = pc.utf8_lower(text)
        for pattern, replacement in _KEY_STEPS:
            text = pc.replace_substring_regex(text, pattern=pattern, replacement=replacement)
        text = pc.utf8_trim_whitespace(text)
        return pc.if_else(pc.equal(text, ""), None, text).to_numpy(zero_copy_only=False)

    out = map_distinct(names, keys)
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


def near_duplicate_pairs(
    keys: pd.Series[Any], *, groups: pd.Series[Any] | None = None, cutoff: float = 0.85
) -> pd.DataFrame:
    """Pairs of distinct names within a group that are probably one person.

    Two keys are near-duplicates when they are equal without accents ("zoë li" / "zoe li"),
    or when their similarity ratio (`difflib.SequenceMatcher`) is at least `cutoff` and
    their last words match or nearly match ("jon smith" / "john smith"). Only names that
    share a group and their first word, last word or accent-free form are compared (a
    vectorised self-join), so a cohort's many groups cost little.

    Parameters
    ----------
    keys
        Name keys (see `name_key`); missing keys are ignored.
    groups
        The group of each key (e.g. owner and company); None compares all keys.
    cutoff
        The similarity ratio from which two names are reported.

    Returns
    -------
    pandas.DataFrame
        ``group, a, b, ratio``: each pair once with ``a < b``, sorted.

    Examples
    --------
    >>> near_duplicate_pairs(pd.Series(["jon smith", "john smith", "ana ruiz", "zoë li", "zoe li"]))
    ... # doctest: +NORMALIZE_WHITESPACE
       group           a          b  ratio
    0      0  john smith  jon smith  0.947
    1      0      zoe li     zoë li  1.000
    """
    columns = ["group", "a", "b", "ratio"]
    present = keys.notna().to_numpy()
    group_values = np.zeros(int(present.sum()), dtype=np.int64) if groups is None else groups.to_numpy()[present]
    group_code, group_names = pd.factorize(group_values)
    key_code, key_names = pd.factorize(keys.to_numpy(dtype=object)[present], sort=True)  # code order = text order
    width = len(key_names) + 1
    combined = np.unique(group_code.astype(np.int64) * width + key_code)  # distinct (group, key) as one integer
    pairs = np.stack([combined // width, combined % width], axis=1)
    if not len(pairs):
        return pd.DataFrame({c: pd.Series(dtype=float if c == "ratio" else object) for c in columns})
    words = _Words(pd.Series(np.asarray(key_names, dtype=object)))
    blocks = []
    for block in (words.folded, words.first, words.last):  # names compared only within a shared block
        frame = pd.DataFrame({"g": pairs[:, 0], "b": block[pairs[:, 1]], "k": pairs[:, 1]})
        joined = frame.merge(frame, on=["g", "b"])
        joined = joined[joined["k_x"].to_numpy() < joined["k_y"].to_numpy()]
        blocks.append(joined[["g", "k_x", "k_y"]].to_numpy())
    candidates = pd.DataFrame(np.concatenate(blocks)).drop_duplicates().to_numpy()
    candidates = candidates[words.plausible(candidates[:, 1], candidates[:, 2])]
    ratios = []
    for a, b in zip(key_names[candidates[:, 1]], key_names[candidates[:, 2]], strict=True):
        if _fold(a) == _fold(b):
            ratios.append(1.0)
            continue
        ratio = difflib.SequenceMatcher(None, a, b).ratio()
        lasts = difflib.SequenceMatcher(None, a.split()[-1], b.split()[-1]).ratio()
        ratios.append(round(ratio, 3) if ratio >= cutoff and lasts >= 0.8 else np.nan)
    found = pd.DataFrame(
        {
            "group": np.asarray(group_names, dtype=object)[candidates[:, 0]],
            "a": np.asarray(key_names, dtype=object)[candidates[:, 1]],
            "b": np.asarray(key_names, dtype=object)[candidates[:, 2]],
            "ratio": np.asarray(ratios, dtype=float),
        }
    )
    found = found[found["ratio"].notna()].sort_values(["group", "a", "b"], kind="stable")
    return found.reset_index(drop=True)[columns]


class _Words:
    """Per distinct key: integer codes of its accent-free form, first and last word, for blocking."""

    def __init__(self, keys: pd.Series[Any]) -> None:
        text = pa.array(keys.astype(str).to_numpy(dtype=object), type=pa.string())
        first = pc.struct_field(pc.extract_regex(text, r"^(?P<w>\S+)"), [0])
        last = pc.struct_field(pc.extract_regex(text, r"(?P<w>\S+)$"), [0])
        values = keys.to_numpy(dtype=object).copy()
        ascii_only = pc.string_is_ascii(text).to_numpy(zero_copy_only=False)
        values[~ascii_only] = [_fold(v) for v in values[~ascii_only]]  # only the few non-ASCII keys
        self.folded = pd.factorize(values)[0]
        self.first = pd.factorize(first.to_numpy(zero_copy_only=False))[0]
        self.last = pd.factorize(last.to_numpy(zero_copy_only=False))[0]
        self.initials = [pc.utf8_slice_codeunits(w, 0, 1).to_numpy(zero_copy_only=False) for w in (first, last)]
        self.lengths = [pc.utf8_length(w).to_numpy() for w in (first, last)]

    def plausible(self, a: np.ndarray[Any, Any], b: np.ndarray[Any, Any]) -> np.ndarray[Any, np.dtype[np.bool_]]:
        """Cheap filter before `difflib`: each word pair starts alike and differs little in length."""
        keep = self.folded[a] == self.folded[b]
        alike = np.ones(len(a), dtype=bool)
        for initial, length in zip(self.initials, self.lengths, strict=True):
            alike &= (initial[a] == initial[b]) & (np.abs(length[a] - length[b]) <= 2)
        plausible: np.ndarray[Any, np.dtype[np.bool_]] = keep | alike
        return plausible


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
