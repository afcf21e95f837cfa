"""Export safety: text that a spreadsheet would run as a formula is neutralised.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return can be run
as a formula by Excel, LibreOffice or Google Sheets when a CSV is opened (CSV injection).
Such text gets a leading apostrophe, which spreadsheets show as text. Numbers are left
alone: only text cells are touched.
"""

from __future__ import annotations

from typing import Any, Final

import pandas as pd

__all__ = ["FORMULA_PREFIXES", "neutralize_formulas"]

#: First characters that make a spreadsheet treat text as a formula.
FORMULA_PREFIXES: Final[tuple[str, ...]] = ("=", "+", "-", "@", "\t", "\r")


def neutralize_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Return a copy whose text cells cannot be run as formulas.

    Parameters
    ----------
    frame
        Any table. Not modified.

    Returns
    -------
    pandas.DataFrame
        The same table, with ``'`` put before text that starts with a formula character.

    Examples
    --------
    >>> t = pd.DataFrame({"name": ["=HYPERLINK(\\"x\\")", "Ana", "@SUM(1)"], "n": [-1, 2, 3]})
    >>> neutralize_formulas(t).to_dict("list")
    {'name': ['\\'=HYPERLINK("x")', 'Ana', "'@SUM(1)"], 'n': [-1, 2, 3]}
    """
    out = frame.copy()
    for col in out.columns:
        values: pd.Series[Any] = out[col]
        if pd.api.types.is_string_dtype(values) or values.dtype == object:
            text = values.astype(object)
            risky = text.map(lambda v: isinstance(v, str) and v.startswith(FORMULA_PREFIXES))
            if risky.any():
                out[col] = text.where(~risky, "'" + text.astype(str))
    out.columns = [("'" + c if isinstance(c, str) and c.startswith(FORMULA_PREFIXES) else c) for c in out.columns]
    return out
