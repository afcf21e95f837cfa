"""Reading dates as people write them in spreadsheets, without guessing.

Accepted: ISO (``2026-03-14``, ``2026/03/14``, with or without ``14:30[:00]`` / ``T``),
numeric day/month forms (``3/14/2026``, ``14.03.2026``, two-digit years as 20xx), ``14 Mar
2026``, ``Mar 14, 2026`` / ``March 14th 2026`` (each with an optional time, 12- or 24-hour)
and Excel serial numbers (10000-99999, i.e. 1927-2173). A numeric date whose first two
parts are both 12 or less and differ (``03/04/2026``) is *ambiguous*: it is reported, not
read, unless the caller says which order the file uses (``dayfirst``). Years must lie in
1678-2261 (`YEARS`, the range of nanosecond timestamps). Time zones are not supported.
Each distinct text is parsed once, so a million rows cost the work of their distinct values.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

__all__ = ["AMBIGUOUS", "BAD", "EMPTY", "OK", "YEARS", "parse_date_columns", "parse_dates", "years_out_of_range"]

#: Status codes returned by `parse_dates`.
OK: Final = 0
EMPTY: Final = 1
BAD: Final = 2
AMBIGUOUS: Final = 3
#: The first and last year a date can have (nanosecond timestamps reach from 1677-09-21 to 2262-04-11).
YEARS: Final = (1678, 2261)

_TIME = r"(?:[ T]+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.\d+)?)?\s*(?P<ampm>[AaPp]\.?[Mm]\.?)?)?"
_PATTERNS: Final[dict[str, str]] = {
    "iso": r"^(?P<y>\d{4})[-/.](?P<a>\d{1,2})[-/.](?P<b>\d{1,2})" + _TIME + r"$",
    "numeric": r"^(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-](?P<y>\d{4}|\d{2})" + _TIME + r"$",
    "day_month": r"^(?P<b>\d{1,2})(?:st|nd|rd|th)?[ -](?P<mon>[A-Za-z]{3,9})\.?,?[ -](?P<y>\d{4})" + _TIME + r"$",
    "month_day": r"^(?P<mon>[A-Za-z]{3,9})\.? (?P<b>\d{1,2})(?:st|nd|rd|th)?,? (?P<y>\d{4})" + _TIME + r"$",
    "serial": r"^(?P<serial>\d{5}(?:\.\d+)?)$",
}
_MONTHS: Final[dict[str, int]] = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_EXCEL_EPOCH: Final = pd.Timestamp("1899-12-30")


def parse_dates(
    values: pd.Series[Any], *, dayfirst: bool | None = None
) -> tuple[pd.Series[Any], np.ndarray[Any, np.dtype[np.int8]]]:
    """Parse a column of dates; say for each value whether it was read, empty, bad or ambiguous.

    Parameters
    ----------
    values
        Text (as written), datetimes (kept), or a mix (Excel cells). Not modified.
    dayfirst
        How to read numeric dates like ``03/04/2026``: True for day-first, False for
        month-first, None (default) to report those that could be either as ambiguous.

    Returns
    -------
    dates : pandas.Series
        ``datetime64[ns]`` with the same index; NaT where not read.
    status : numpy.ndarray
        One of `OK`, `EMPTY`, `BAD`, `AMBIGUOUS` per value.

    Examples
    --------
    >>> s = pd.Series(["2026-03-14", "3/14/2026", "14 Mar 2026", "Mar 14, 2026 2:30 PM",
    ...                "46095", "03/04/2026", "soon", ""])
    >>> dates, status = parse_dates(s)
    >>> dates.dt.strftime("%Y-%m-%d %H:%M").tolist()[:5]
    ['2026-03-14 00:00', '2026-03-14 00:00', '2026-03-14 00:00', '2026-03-14 14:30', '2026-03-14 00:00']
    >>> status.tolist()
    [0, 0, 0, 0, 0, 3, 2, 1]
    >>> parse_dates(s[5:6], dayfirst=True)[0].iloc[0]
    Timestamp('2026-04-03 00:00:00')
    """
    if pd.api.types.is_datetime64_any_dtype(values):
        dates = values.dt.tz_localize(None) if values.dt.tz is not None else values
        dates = dates.astype("datetime64[ns]")
        return dates, np.where(dates.isna(), EMPTY, OK).astype(np.int8)
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    parsed, status, _ = _parse_unique(pd.Index(uniques), dayfirst)
    out = np.full(len(values), np.datetime64("NaT"), dtype="datetime64[ns]")
    out_status = np.full(len(values), EMPTY, dtype=np.int8)
    found = codes >= 0
    out[found] = parsed[codes[found]]
    out_status[found] = status[codes[found]]
    return pd.Series(out, index=values.index, name=values.name), out_status


def parse_date_columns(
    columns: Sequence[pd.Series[Any]], *, dayfirst: bool | None = None
) -> list[tuple[pd.Series[Any], np.ndarray[Any, np.dtype[np.int8]]]]:
    """`parse_dates` of each column; the text of all of them is parsed in one pass (fewer calls for short columns).

    Parameters
    ----------
    columns
        Columns as `parse_dates` takes them. Not modified.
    dayfirst
        As in `parse_dates`.

    Returns
    -------
    list of (pandas.Series, numpy.ndarray)
        For each column, what `parse_dates` returns for it.

    Examples
    --------
    >>> [(d.tolist(), s.tolist()) for d, s in parse_date_columns([pd.Series(["2026-03-14", ""]), pd.Series(["soon"])])]
    [([Timestamp('2026-03-14 00:00:00'), NaT], [0, 1]), ([NaT], [2])]
    """
    text = [i for i, c in enumerate(columns) if not pd.api.types.is_datetime64_any_dtype(c)]
    out = {i: parse_dates(c, dayfirst=dayfirst) for i, c in enumerate(columns) if i not in text}
    if len(text) > 1:
        together = pd.concat([columns[i].astype(object) for i in text], ignore_index=True)
        dates, status = parse_dates(together, dayfirst=dayfirst)
        start = 0
        for i in text:
            stop = start + len(columns[i])
            part = pd.Series(dates.to_numpy()[start:stop], index=columns[i].index, name=columns[i].name)
            out[i] = part, status[start:stop]
            start = stop
    else:
        out.update({i: parse_dates(columns[i], dayfirst=dayfirst) for i in text})
    return [out[i] for i in range(len(columns))]


def years_out_of_range(values: pd.Series[Any]) -> np.ndarray[Any, np.dtype[np.bool_]]:
    """Say for each value whether it is a date in an accepted form whose year is outside `YEARS`.

    `parse_dates` reports such dates as `BAD`; this tells them apart from text that is
    not a date at all, so that the message can name the year as the problem.

    Parameters
    ----------
    values
        Text as written (typically the values `parse_dates` found `BAD`). Not modified.

    Returns
    -------
    numpy.ndarray
        One boolean per value.

    Examples
    --------
    >>> years_out_of_range(pd.Series(["1600-01-01", "14 Mar 2300", "1600-02-30", "soon", "2026-03-14"])).tolist()
    [True, True, False, False, False]
    """
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    far = _parse_unique(pd.Index(uniques), None)[2]
    return np.where(codes >= 0, far[np.maximum(codes, 0)], False) if len(codes) else np.zeros(0, dtype=bool)


def _parse_unique(
    uniques: pd.Index[Any], dayfirst: bool | None
) -> tuple[
    np.ndarray[Any, np.dtype[np.datetime64]], np.ndarray[Any, np.dtype[np.int8]], np.ndarray[Any, np.dtype[np.bool_]]
]:
    """Parse distinct values: the dates, the status of each, and whether it is `BAD` only for its year."""
    n = len(uniques)
    result = np.full(n, np.datetime64("NaT"), dtype="datetime64[ns]")
    status = np.full(n, BAD, dtype=np.int8)
    far = np.zeros(n, dtype=bool)
    objects = np.asarray(uniques, dtype=object)
    is_stamp = np.fromiter((isinstance(v, (pd.Timestamp, np.datetime64)) for v in objects), dtype=bool, count=n)
    if is_stamp.any():
        result[is_stamp] = pd.to_datetime(pd.Series(objects[is_stamp])).to_numpy(dtype="datetime64[ns]")
        status[is_stamp] = OK
    positions = np.flatnonzero(~is_stamp)
    written = objects[~is_stamp]
    if all(isinstance(v, str) for v in written):  # text: trimmed, runs of white space as one space
        array = pa.array(written, type=pa.large_string())
    else:  # other cells (numbers from Excel) as pandas writes them
        array = pa.array(pd.Series(written).astype(str), from_pandas=True)
    array = pc.replace_substring_regex(pc.utf8_trim_whitespace(array), pattern=r"\s+", replacement=" ")
    empty = pc.equal(array, "").to_numpy(zero_copy_only=False)
    status[positions[empty]] = EMPTY
    pending = ~empty
    if pending.any():  # plain ISO days first: Arrow kernels, no regex groups
        stamps, iso = _iso_days(array.filter(pa.array(pending)))
        where = positions[pending][iso]
        result[where] = stamps[iso]
        status[where] = OK
        pending[np.flatnonzero(pending)[iso]] = False
    text = pd.Series(array, dtype="str") if pending.any() else pd.Series(dtype="str")
    for kind, pattern in _PATTERNS.items():
        if not pending.any():
            break
        parts = text[pending].str.extract(pattern)
        hit = parts.notna().any(axis=1).to_numpy()
        if not hit.any():
            continue
        where = positions[pending][hit]
        stamps, codes, far[where] = _assemble(kind, parts[hit], dayfirst)
        result[where] = stamps
        status[where] = codes
        index = np.flatnonzero(pending)[hit]
        pending[index] = False
    return result, status, far


def _iso_days(
    text: pa.Array,
) -> tuple[np.ndarray[Any, np.dtype[np.datetime64]], np.ndarray[Any, np.dtype[np.bool_]]]:
    """Read ``YYYY-MM-DD`` (years 1700-2199) with Arrow; say which values were read.

    Arrow's parser rolls invalid days over (2026-02-30 -> 2026-03-02), so a value counts as
    read only when the day read prints back as the same text; the others are left to the
    general patterns, which report them.

    Examples
    --------
    >>> stamps, read = _iso_days(pa.array(["2026-03-14", "2026-02-30", "14 Mar 2026"]))
    >>> read.tolist(), str(stamps[0])[:10]
    ([True, False, False], '2026-03-14')
    """
    shaped = pc.match_substring_regex(text, pattern=r"^(?:1[7-9]|2[01])\d\d-\d\d-\d\d$")
    parsed = pc.strptime(text, format="%Y-%m-%d", unit="ns", error_is_null=True)
    same = pc.equal(pc.cast(pc.strftime(parsed, format="%Y-%m-%d"), text.type), text)
    read = pc.fill_null(pc.and_(shaped, same), False).to_numpy(zero_copy_only=False)
    return parsed.to_numpy(zero_copy_only=False).astype("datetime64[ns]"), read


def _assemble(
    kind: str, parts: pd.DataFrame, dayfirst: bool | None
) -> tuple[
    np.ndarray[Any, np.dtype[np.datetime64]], np.ndarray[Any, np.dtype[np.int8]], np.ndarray[Any, np.dtype[np.bool_]]
]:
    """Build timestamps from regex groups; invalid calendar dates become BAD (flagged when only the year is)."""
    n = len(parts)
    codes = np.full(n, OK, dtype=np.int8)
    if kind == "serial":
        days = parts["serial"].astype(float).to_numpy()
        stamps = (_EXCEL_EPOCH + pd.to_timedelta(days, unit="D")).round("s").to_numpy(dtype="datetime64[ns]")
        return stamps, codes, np.zeros(n, dtype=bool)
    year = parts["y"].astype(int).to_numpy()
    year = np.where(year < 100, year + 2000, year)
    far = (year < YEARS[0]) | (year > YEARS[1])  # inside the nanosecond timestamps' range: no overflow
    leap = (year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0))
    year = np.where(far, np.where(leap, 2000, 2001), year)  # a year in range with the same calendar, to check the day
    if kind in ("day_month", "month_day"):
        month = parts["mon"].str.lower().map(_MONTHS).to_numpy(dtype=float)
        day = parts["b"].astype(float).to_numpy()
    else:
        first = parts["a"].astype(int).to_numpy()
        second = parts["b"].astype(int).to_numpy()
        if kind == "iso":
            month, day = first.astype(float), second.astype(float)
        else:
            if dayfirst is None:
                both_small = (first <= 12) & (second <= 12) & (first != second)
                codes[both_small] = AMBIGUOUS
                month_first = second > 12
            else:
                month_first = np.full(n, not dayfirst)
            month = np.where(month_first | (first == second), first, second).astype(float)
            day = np.where(month_first | (first == second), second, first).astype(float)
    hour = parts["H"].astype(float).fillna(0).to_numpy()
    minute = parts["M"].astype(float).fillna(0).to_numpy()
    second_ = parts["S"].astype(float).fillna(0).to_numpy()
    ampm = parts["ampm"].fillna("").str.lower().str.replace(".", "", regex=False).to_numpy(dtype=str)
    bad_hour = (ampm != "") & ((hour < 1) | (hour > 12))
    hour = np.where((ampm == "pm") & (hour < 12), hour + 12, hour)
    hour = np.where((ampm == "am") & (hour == 12), 0, hour)
    frame = pd.DataFrame({"year": year, "month": month, "day": day})
    valid = (
        ~np.isnan(month)
        & (month >= 1)
        & (month <= 12)
        & (day >= 1)
        & (day <= 31)
        & (hour < 24)
        & (minute < 60)
        & (second_ < 60)
        & ~bad_hour
    )
    frame.loc[~valid, ["year", "month", "day"]] = np.nan
    base = pd.to_datetime(frame, errors="coerce")
    stamps = (base + pd.to_timedelta(hour * 3600 + minute * 60 + second_, unit="s")).to_numpy(dtype="datetime64[ns]")
    bad = np.isnat(stamps)
    far &= ~bad  # a real calendar day, but in a year outside the range
    codes[(bad | far) & (codes != AMBIGUOUS)] = BAD
    stamps[codes != OK] = np.datetime64("NaT")
    return stamps, codes, far
