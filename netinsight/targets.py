"""Target employer lists and employer-name matching.

`read_targets` reads a ranked list of employers (the "40 employers, ranked" plan: employer,
industry, and optional motivation, posting and advocacy scores) and validates it the way the
log is validated: every problem located by file and line, one `ValidationError` listing them.

`normalize_employer` and `match_employers` compare employer names tolerantly but never
fuzzily: case, accents, punctuation, "&" / "and", a leading "The" and legal suffixes ("Inc.",
"Corp.", "Corporation", "LLC", "Ltd", "GmbH", "& Co" ...) are ignored, so "Acme Corp." =
"ACME Corporation"; anything else ("Acme" vs "Acme Labs", typos, abbreviations) is a
different employer. Every target is reported as matched ``exact``, ``normalised`` or ``not
found`` so a person can check the result.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Final

import numpy as np
import pandas as pd

from netinsight.industries import sector_table
from netinsight.problems import ValidationError, concat_problems, make_problems
from netinsight.readers import RawTable, frame_to_raw, read_table
from netinsight.schema import BOOLEAN_VALUES, header_key

__all__ = ["MATCH_KINDS", "SCORES", "TARGET_ALIASES", "match_employers", "normalize_employer", "read_targets"]

#: Header aliases of a target list, compared by `netinsight.schema.header_key`.
TARGET_ALIASES: Final[dict[str, tuple[str, ...]]] = {
    "rank": ("rank", "ranking", "priority", "no", "#", "order"),
    "employer": (
        "employer",
        "company",
        "organization",
        "organisation",
        "firm",
        "org",
        "target",
        "target employer",
        "employer name",
        "company name",
        "name",
    ),
    "industry": ("industry", "sector", "field"),
    "motivation": ("motivation", "motivation score", "interest", "m"),
    "posting": ("posting", "postings", "posting score", "job postings", "openings", "p"),
    "advocacy": ("advocacy", "advocacy score", "alumni", "advocates", "contacts known", "a"),
}

#: How a target was matched, best first.
MATCH_KINDS: Final[tuple[str, ...]] = ("exact", "normalised", "not found")

_REQUIRED: Final = ("employer", "industry")
#: The optional scores of a target list ("40 employers, ranked"), ranked by in this order.
SCORES: Final[tuple[str, ...]] = ("motivation", "posting", "advocacy")
_HEADERS: Final = {header_key(s): col for col, spellings in TARGET_ALIASES.items() for s in (col, *spellings)}
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


def read_targets(
    source: str | Path | pd.DataFrame,
    *,
    sheet: str | int | None = None,
    sectors: Mapping[str, Sequence[str]] | None = None,
) -> pd.DataFrame:
    """Read and validate a target list of employers (CSV, Excel, JSON, Parquet or a DataFrame).

    Headers are recognised by `TARGET_ALIASES` ("Company" = employer, "Sector" =
    industry, "Priority" = rank ...). ``employer`` and ``industry`` are required;
    ``motivation``, ``posting`` and ``advocacy`` are optional non-negative scores
    (advocacy may be yes/no). Without a ``rank`` column, targets are ranked by
    motivation, then posting, then advocacy (highest first; ties keep the file order),
    or by file order when there are no scores.

    Parameters
    ----------
    source
        A file or a DataFrame (not modified).
    sheet
        Excel only: the sheet name or 0-based position.
    sectors
        Extra industry aliases, sector -> spellings, as for `netinsight.read_log`; the
        derived ``sector`` is what coverage compares with the log's ``sector``.

    Returns
    -------
    pandas.DataFrame
        Sorted by rank: ``rank`` (Int64), ``employer``, ``industry``, ``sector``,
        ``motivation``, ``posting``, ``advocacy`` (Float64, missing when not given),
        ``key`` (see `normalize_employer`), other columns as written, then
        ``source_file`` and ``source_line``. ``attrs["problems"]`` holds warnings.

    Raises
    ------
    ValidationError
        Listing every error with its line: a missing column, an empty employer or
        industry, a score or rank that is not a number, the same employer twice.
    LogReadError
        When the file cannot be read at all.

    Examples
    --------
    >>> t = read_targets(pd.DataFrame({"Company": ["Bluefin Capital", "Acme Corp."],
    ...                                "Sector": ["Banking", "Tech"], "Motivation": [3, 5]}))
    >>> t[["rank", "employer", "sector", "motivation"]].to_dict("records")  # doctest: +NORMALIZE_WHITESPACE
    [{'rank': 1, 'employer': 'Acme Corp.', 'sector': 'Technology', 'motivation': 5.0},
     {'rank': 2, 'employer': 'Bluefin Capital', 'sector': 'Finance', 'motivation': 3.0}]
    """
    if isinstance(source, pd.DataFrame):
        raw = frame_to_raw(source, "<DataFrame>")
    else:
        raw = read_table(Path(source), sheet=sheet, required=("employer", "industry"))
    targets, problems = _targets_from_raw(raw, sector_table(sectors))
    table = concat_problems(problems)
    if (table["severity"] == "error").any():
        raise ValidationError(table, what="the target list")
    targets.attrs["problems"] = table
    return targets


def _targets_from_raw(raw: RawTable, sectors: Mapping[str, str]) -> tuple[pd.DataFrame, list[pd.DataFrame]]:
    frame, file, lines = raw.frame, raw.file, raw.lines
    problems: list[pd.DataFrame] = list(raw.problems)
    mapping: dict[str, str] = {}
    extra: list[str] = []
    has_industry = any(
        _HEADERS.get(header_key(str(h))) == "industry" and header_key(str(h)) != "sector" for h in frame.columns
    )
    for header in frame.columns:
        col = _HEADERS.get(header_key(str(header)))
        if header in ("source_file", "source_line", "key") or (header_key(str(header)) == "sector" and has_industry):
            continue  # derived again from `employer` / `industry`, provenance carried separately
        if col is None:
            extra.append(header)
        elif col in mapping:
            problems.append(
                make_problems(
                    code="duplicate_column",
                    file=file,
                    line=1,
                    column=header,
                    value=header,
                    message=(
                        f"{mapping[col]!r} and {header!r} both stand for {col!r}; the first is used; "
                        "rename or delete one of them"
                    ),
                )
            )
            extra.append(header)
        else:
            mapping[col] = header
    n = len(frame)
    for col in _REQUIRED:
        if col not in mapping:
            aliases = ", ".join(repr(a) for a in TARGET_ALIASES[col][:5])
            problems.append(
                make_problems(
                    code="missing_column",
                    file=file,
                    line=int(lines[0]) - 1 if n else 1,
                    column=col,
                    value="",
                    message=(
                        f"column {col!r} not in the target list; columns found: {list(frame.columns)}; "
                        f"add it, or name an existing column one of {aliases}"
                    ),
                )
            )

    def text(col: str) -> pd.Series[Any]:
        if col not in mapping:
            return pd.Series(np.full(n, np.nan, dtype=object), dtype="str")
        values = frame[mapping[col]].astype("str").str.replace(r"\s+", " ", regex=True).str.strip()
        return values.where(values.ne("")).reset_index(drop=True)

    out: dict[str, Any] = {}
    for col in _REQUIRED:
        values = text(col)
        empty = values.isna().to_numpy()
        if col in mapping and empty.any():
            problems.append(
                make_problems(
                    code="empty_value",
                    file=file,
                    line=lines[empty],
                    column=mapping[col],
                    value="",
                    message=f"no {col} on this row; fill it in or delete the row",
                )
            )
        out[col] = values
    for col in (*SCORES, "rank"):
        out[col] = _scores(col, text(col), mapping.get(col, col), file, lines, problems)
    if "rank" in mapping and out["rank"].isna().any():
        empty = (text("rank").isna() & out["employer"].notna()).to_numpy()
        if empty.any():
            problems.append(
                make_problems(
                    code="empty_value",
                    file=file,
                    line=lines[empty],
                    column=mapping["rank"],
                    value="",
                    message="no rank on this row; give every target a rank or delete the rank column",
                )
            )
    key = normalize_employer(out["employer"])
    dup = key.duplicated(keep=False) & key.notna()
    if dup.any():
        first_line = pd.Series(lines).groupby(key.to_numpy()).transform("min")
        later = (key.duplicated(keep="first") & key.notna()).to_numpy()
        problems.append(
            make_problems(
                code="duplicate_target",
                file=file,
                line=lines[later],
                column=mapping["employer"],
                value=out["employer"].to_numpy(dtype=object)[later],
                message=[f"the same employer as line {int(v)}; keep one of them" for v in first_line[later]],
            )
        )
    industry = out["industry"]
    sector = industry.map(lambda v: sectors.get(header_key(v), v), na_action="ignore")
    targets = pd.DataFrame(
        {
            "rank": out["rank"],
            "employer": out["employer"],
            "industry": industry,
            "sector": sector.astype("str"),
            "motivation": out["motivation"],
            "posting": out["posting"],
            "advocacy": out["advocacy"],
            "key": key,
        }
    )
    for header in extra:
        targets[header] = frame[header].to_numpy()
    targets["source_file"] = pd.Categorical([file] * n)
    targets["source_line"] = pd.array(lines, dtype="Int64")
    if "rank" not in mapping:
        order = np.lexsort(
            (
                np.arange(n),
                *(-targets[c].fillna(-np.inf).to_numpy(dtype=float) for c in reversed(SCORES)),
            )
        )
        targets = targets.iloc[order].reset_index(drop=True)
        targets["rank"] = pd.array(np.arange(1, n + 1), dtype="Int64")
    else:
        targets = targets.sort_values("rank", kind="stable", na_position="last").reset_index(drop=True)
    return targets, problems


def _scores(
    col: str, values: pd.Series[Any], header: str, file: str, lines: Any, problems: list[pd.DataFrame]
) -> pd.Series[Any]:
    booleans = values.map(header_key, na_action="ignore").map(BOOLEAN_VALUES) if col == "advocacy" else None
    numbers = pd.to_numeric(values, errors="coerce")
    if booleans is not None:
        numbers = numbers.fillna(booleans.astype(float))
    if col == "rank":
        bad = (values.notna() & ~(numbers.ge(1) & numbers.mod(1).eq(0))).to_numpy()
        how = "a whole number from 1 (1 = most wanted)"
    else:
        bad = (values.notna() & ~numbers.ge(0)).to_numpy()
        how = "a number of 0 or more" + (", or yes / no" if col == "advocacy" else "")
    if bad.any():
        problems.append(
            make_problems(
                code="bad_number",
                file=file,
                line=lines[bad],
                column=header,
                value=values.to_numpy(dtype=object)[bad],
                message=f"cannot read this {col}; write {how}",
            )
        )
    numbers = numbers.where(~bad)
    return numbers.astype("Int64") if col == "rank" else numbers.astype("Float64")
