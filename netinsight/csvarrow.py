"""Arrow's CSV parse: every field as text, or as codes into its distinct texts, from bytes or a file.

Arrow splits the input into blocks and parses them in parallel, a file block by block without
holding it whole. Nothing is interpreted: the first record (the header) comes back as text like
the others; `netinsight.csvtext` decides what to do with files Arrow cannot parse (ragged rows,
stray quotes, another encoding).
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import Any, Final

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv

__all__ = ["arrow_read", "header_and_body"]

#: The bytes Arrow parses as one block, one chunk of every column (Arrow's default is 1 MiB): fewer, larger
#: chunks cost less in the steps after the parse that work chunk by chunk (text cleaning, dictionaries).
_BLOCK: Final = 1 << 22


def header_and_body(table: pa.Table) -> tuple[list[str], pd.DataFrame]:
    """The first record (the header) as text, and the records below it as pandas columns numbered from 0.

    Text columns keep Arrow's buffers; coded columns become categoricals with one dictionary for
    all chunks, without the header's own text when no other cell has it.

    Examples
    --------
    >>> header, body = header_and_body(arrow_read(b"day,name\\n2026-01-05,Ana\\n2026-01-05,Ben\\n", ",", 2, {0}))
    >>> header, body[0].tolist(), list(body[0].cat.categories), body[1].tolist()
    (['day', 'name'], ['2026-01-05', '2026-01-05'], ['2026-01-05'], ['Ana', 'Ben'])
    """
    parts = [_header_and_column(table.column(i)) for i in range(table.num_columns)]
    body = pd.DataFrame({i: column for i, (_, column) in enumerate(parts)}, index=pd.RangeIndex(table.num_rows - 1))
    return [head for head, _ in parts], body


def _header_and_column(column: pa.ChunkedArray) -> tuple[str, Any]:
    """The first cell, and the cells below it as pandas text or as a categorical (see `header_and_body`)."""
    head = str(column[0].as_py())
    if not pa.types.is_dictionary(column.type):
        return head, pd.array(column.slice(1), dtype="str")
    # one dictionary of the texts that occur (just the header's may be used by no other cell), the codes in one array
    combined = column.unify_dictionaries().combine_chunks()
    dictionary = combined.dictionary
    codes = combined.indices.to_numpy(zero_copy_only=False)
    header, codes = codes[0], codes[1:]
    if not (codes == header).any():
        keep = np.arange(len(dictionary)) != header
        dictionary, codes = dictionary.filter(pa.array(keep)), codes - (codes > header).astype(codes.dtype)
    categories = pd.CategoricalDtype(pd.Index(dictionary, dtype="str"))
    return head, pd.Categorical.from_codes(codes, dtype=categories, validate=False)  # codes valid by construction


def arrow_read(
    data: bytes | Path, delimiter: str, columns: int, coded: Collection[int] = (), *, check_utf8: bool = True
) -> pa.Table | None:
    """Every field as text, the header included; the `coded` columns as codes into their distinct texts.

    Blocks are first split at every line break (parallel); when a quoted value holds a line
    break Arrow reports it, and the input is read again with line breaks allowed in values.
    Empty lines are skipped; a UTF-8 byte order mark is dropped.

    Parameters
    ----------
    data
        The CSV bytes, or a file (read block by block).
    delimiter
        The field separator.
    columns
        The number of fields of every record.
    coded
        The positions of the columns to read as dictionary codes.
    check_utf8
        Whether Arrow checks that every value is UTF-8. A caller that has checked the bytes
        itself (`netinsight.csvlines.scan_lines`, cheaper) passes False: the values are then
        taken as they are.

    Returns
    -------
    pyarrow.Table or None
        Columns ``f0``, ``f1``, ... of ``large_string`` (or dictionary) type; None when Arrow
        cannot parse the input (ragged rows, bad UTF-8 when `check_utf8`).

    Examples
    --------
    >>> arrow_read(b'a;b\\n1;"x\\ny"\\n', ";", 2).to_pydict()
    {'f0': ['a', '1'], 'f1': ['b', 'x\\ny']}
    >>> arrow_read(b"a;b\\n1;2;3\\n", ";", 2) is None
    True
    """
    for newlines_in_values in (False, True):
        try:
            with pa.BufferReader(data) if isinstance(data, bytes) else pa.OSFile(str(data)) as source:
                return pacsv.read_csv(
                    source,
                    read_options=pacsv.ReadOptions(autogenerate_column_names=True, block_size=_BLOCK),
                    parse_options=pacsv.ParseOptions(
                        delimiter=delimiter, newlines_in_values=newlines_in_values, ignore_empty_lines=True
                    ),
                    convert_options=pacsv.ConvertOptions(
                        check_utf8=check_utf8,
                        column_types={  # large_string: pandas' own text type
                            f"f{i}": pa.dictionary(pa.int32(), pa.large_string()) if i in coded else pa.large_string()
                            for i in range(columns)
                        },
                        strings_can_be_null=False,
                        quoted_strings_can_be_null=False,
                    ),
                )
        except (pa.ArrowInvalid, ValueError):
            continue
    return None
