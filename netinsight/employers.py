"""Employer-name matching: comparison keys and how target employers are found in a network.

`normalize_employer` and `match_employers` compare employer names tolerantly but never
fuzzily: case, accents, punctuation, "&" / "and", a leading "The" and legal suffixes ("Inc.",
"Corp.", "Corporation", "LLC", "Ltd", "GmbH", "& Co" ...) are ignored, so "Acme Corp." =
"ACME Corporation"; anything else ("Acme" vs "Acme Labs", typos, abbreviations) is a
different employer. Every target is reported as matched ``exact``, ``normalised`` or ``not
found`` so a person can check the result. `employer_codes` codes a log's companies by key,
once per log, for the analyses that count employers.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Any, Final, NamedTuple

import numpy as np
import numpy.typing as npt
import pandas as pd

from netinsight.memo import derived, freeze, kept

__all__ = ["MATCH_KINDS", "EmployerCodes", "employer_codes", "match_employers", "normalize_employer"]

#: How a target was matched, best first.
MATCH_KINDS: Final[tuple[str, ...]] = ("exact", "normalised", "not found")

_LEGAL: Final = (
    "inc|incorporated|corp|corporation|co|cos|company|llc|llp|lp|ltd|limited|plc|gmbh|ag|sa|nv|bv|se|spa|srl|"
    "sarl|pty|pte|pvt|kk|oy|ab|aps|bhd|sdn"
)
_SUFFIX_RE: Final = re.compile(rf"(?:\s+(?:and\s+)?(?:{_LEGAL}))+$")


def normalize_employer(names: pd.Series[Any] | Sequence[str | None]) -> pd.Series[Any]:
    """Return the comparison key of each employer name (missing stays missing).

    Accents and case are dropped, "&" reads as "and", apostrophes and dots are removed
    ("A.T. Kearney" -> "at kearney"), other punctuation becomes a space, a leading "The"
    and trailing legal suffixes (Inc, Corp, Corporation, Co, Company, LLC, LLP, Ltd,
    Limited, PLC, GmbH, AG, SA, NV, BV ..., also "& Co") are removed. A name that is only
    a suffix keeps it. Nothing else is changed: this is not fuzzy matching.

    Parameters
    ----------
    names
        Employer names as written. Not modified.

    Returns
    -------
    pandas.Series
        One key per name, aligned with `names` (string dtype).

    Examples
    --------
    >>> normalize_employer(["Acme Corp.", "ACME Corporation", "Smith, Jones & Co", "The Ritz-Carlton",
    ...                     "Ben & Jerry's, Inc", None]).tolist()
    ['acme', 'acme', 'smith jones', 'ritz carlton', 'ben and jerrys', nan]
    """
    series = names if isinstance(names, pd.Series) else pd.Series(list(names), dtype="str")
    codes, uniques = pd.factorize(series)
    keys = pd.Series([_employer_key(str(u)) for u in uniques], dtype="str")
    keys = keys.where(keys.ne(""))
    out = keys.to_numpy(dtype=object)[codes] if len(keys) else np.full(len(codes), np.nan, dtype=object)
    out[codes < 0] = np.nan
    return pd.Series(out, index=series.index, dtype="str", name=series.name)


class EmployerCodes(NamedTuple):
    """A log's companies as codes: each row's spelling, and each spelling's employer key."""

    company: npt.NDArray[np.int64]  # each row's spelling (`pandas.factorize` order), -1 without a company
    spellings: npt.NDArray[np.object_]  # the distinct spellings, as written
    key: npt.NDArray[np.int64]  # each spelling's key (`pandas.factorize` order of `names`), -1 for an empty key
    names: npt.NDArray[np.object_]  # the distinct `normalize_employer` keys

    def row_keys(self) -> npt.NDArray[np.int64]:
        """Each row's employer key code, -1 without one."""
        out: npt.NDArray[np.int64] = np.append(self.key, -1)[self.company]
        return out


def employer_codes(log: pd.DataFrame) -> EmployerCodes:
    """The log's ``company`` column coded by spelling and by `normalize_employer` key, once per log (read-only).

    Keys are worked out once per distinct spelling.

    Examples
    --------
    >>> log = pd.DataFrame({"company": ["Acme Corp.", None, "ACME Corporation", "Bluefin"]})
    >>> codes = employer_codes(log)
    >>> codes.company.tolist(), codes.key.tolist(), codes.names.tolist(), codes.row_keys().tolist()
    ([0, -1, 1, 2], [0, 0, 1], ['acme', 'bluefin'], [0, -1, 0, 1])
    """
    return derived(log, "employer_codes", _employer_codes)


def _employer_codes(log: pd.DataFrame) -> EmployerCodes:
    text = kept(log, "text:company")  # the codes `validate_log` made, when it ran: no hash of the column again
    if text is not None:
        company, spellings = text.codes, text.values.to_numpy(zero_copy_only=False).astype(object)
    else:
        company, uniques = pd.factorize(log["company"])
        spellings = np.asarray(uniques, dtype=object)
    key, names = pd.factorize(normalize_employer(pd.Series(spellings, dtype="str")))
    out = EmployerCodes(company.astype(np.int64), spellings, key.astype(np.int64), np.asarray(names, dtype=object))
    freeze(out.company, out.spellings, out.key, out.names)
    return out


def _employer_key(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").casefold()
    text = text.replace("&", " and ")
    text = re.sub(r"['.`]", "", text)
    text = re.sub(r"[^0-9a-z]+", " ", text).strip()
    text = re.sub(r"^the\s+(?=\S)", "", text)
    stripped = _SUFFIX_RE.sub("", text).strip()
    return stripped or text


def match_employers(
    employers: pd.Series[Any] | Sequence[str],
    companies: pd.Series[Any] | Sequence[str | None],
) -> pd.DataFrame:
    """Report how each target employer is found among the companies of a network.

    A target is ``exact`` when some company is written exactly like it (spaces around
    and inside aside), ``normalised`` when only their `normalize_employer` keys are
    equal, and ``not found`` otherwise. This is the matcher every netinsight analysis
    uses; join on the ``key`` column to match other tables the same way.

    Parameters
    ----------
    employers
        Target employer names (e.g. ``read_targets(...)["employer"]``). Not modified.
    companies
        Company names found in the log, LinkedIn connections, etc. (duplicates and
        missing values allowed). Not modified.

    Returns
    -------
    pandas.DataFrame
        One row per target, index aligned with `employers`: ``employer, key, match``
        (one of `MATCH_KINDS`) and ``matched_as`` (the company spellings it matched,
        sorted and joined by "; ", missing when not found).

    Examples
    --------
    >>> m = match_employers(["Acme Corp.", "Bluefin Capital", "Zenith"],
    ...                     ["ACME Corporation", "Bluefin Capital", "Bluefin Capital LLC"])
    >>> m[["match", "matched_as"]].to_dict("list")  # doctest: +NORMALIZE_WHITESPACE
    {'match': ['normalised', 'exact', 'not found'],
     'matched_as': ['ACME Corporation', 'Bluefin Capital; Bluefin Capital LLC', nan]}
    """
    targets = employers if isinstance(employers, pd.Series) else pd.Series(list(employers), dtype="str")
    found = companies if isinstance(companies, pd.Series) else pd.Series(list(companies), dtype="str")
    spellings = pd.Series(found.dropna().astype("str").str.replace(r"\s+", " ", regex=True).str.strip().unique())
    spellings = spellings[spellings.ne("")]
    by_key = (
        pd.DataFrame({"key": normalize_employer(spellings), "as": spellings})
        .dropna()
        .sort_values("as")
        .groupby("key")["as"]
        .agg("; ".join)
    )
    clean = targets.astype("str").str.replace(r"\s+", " ", regex=True).str.strip()
    key = normalize_employer(targets)
    matched_as = key.map(by_key)
    exact = clean.isin(set(spellings)).to_numpy()
    match = np.where(exact, "exact", np.where(matched_as.notna().to_numpy(), "normalised", "not found"))
    return pd.DataFrame(
        {"employer": targets.astype("str"), "key": key, "match": match, "matched_as": matched_as.astype("str")},
        index=targets.index,
    )
