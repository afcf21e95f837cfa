"""Target employer lists: reading and validating the ranked list of employers to reach.

`read_targets` reads a ranked list of employers (the "40 employers, ranked" plan: employer,
industry, and optional motivation, posting and advocacy scores) and validates it the way the
log is validated: every problem located by file and line, one `ValidationError` listing them.
Employers are keyed with `netinsight.employers.normalize_employer`, so two spellings of one
employer are reported as a duplicate; matching against a network is `netinsight.employers`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Final

import numpy as np
import pandas as pd

from netinsight.employers import normalize_employer
from netinsight.headers import map_headers, missing_columns
from netinsight.industries import sector_table
from netinsight.problems import ValidationError, concat_problems, make_problems, repeated_keys
from netinsight.readers import RawTable, frame_to_raw, read_table
from netinsight.schema import BOOLEAN_VALUES, header_key
from netinsight.textclean import clean_text

__all__ = ["SCORES", "TARGET_ALIASES", "read_targets"]

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

_REQUIRED: Final = ("employer", "industry")
#: The optional scores of a target list ("40 employers, ranked"), ranked by in this order.
SCORES: Final[tuple[str, ...]] = ("motivation", "posting", "advocacy")
_HEADERS: Final = {header_key(s): col for col, spellings in TARGET_ALIASES.items() for s in (col, *spellings)}

#: What the analyses accept as a target list: a table from `read_targets`, or a DataFrame or path to read.
Targets = pd.DataFrame | str | Path


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


def as_targets(targets: Targets) -> pd.DataFrame:
    """A target list from `read_targets`, a DataFrame to read with it, or a path.

    A table `read_targets` already returned is used as it is (not read again).

    Examples
    --------
    >>> t = read_targets(pd.DataFrame({"employer": ["Acme"], "industry": ["Tech"]}))
    >>> as_targets(t) is t, as_targets(pd.DataFrame({"employer": ["Acme"], "industry": ["Tech"]}))["key"].tolist()
    (True, ['acme'])
    """
    if isinstance(targets, pd.DataFrame) and {"rank", "employer", "sector", "key"} <= set(targets.columns):
        return targets
    return read_targets(targets)


def _targets_from_raw(raw: RawTable, sectors: Mapping[str, str]) -> tuple[pd.DataFrame, list[pd.DataFrame]]:
    frame, file, lines = raw.frame, raw.file, raw.lines
    problems: list[pd.DataFrame] = list(raw.problems)
    headers = [str(h) for h in frame.columns]
    has_industry = any(_HEADERS.get(header_key(h)) == "industry" and header_key(h) != "sector" for h in headers)
    derived = {
        h for h in headers if h in ("source_file", "source_line", "key") or (header_key(h) == "sector" and has_industry)
    }
    mapping, extra = map_headers(
        headers, _HEADERS, skip=derived, file=file, header_line=raw.header_line, problems=problems
    )
    n = len(frame)
    problems.extend(
        missing_columns(
            _REQUIRED, mapping, headers, TARGET_ALIASES, what="the target list", file=file, header_line=raw.header_line
        )
    )

    def text(col: str) -> pd.Series[Any]:
        if col not in mapping:
            return pd.Series(np.full(n, np.nan, dtype=object), dtype="str")
        return clean_text(frame[mapping[col]])

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
    problems.extend(
        repeated_keys(
            key,
            out["employer"].to_numpy(dtype=object),
            np.asarray(lines),
            what="employer",
            code="duplicate_target",
            file=file,
            column=mapping.get("employer", "employer"),  # no such column: no key repeats
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
