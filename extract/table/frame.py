"""The tidy table: one row per figure, one column per variable, built apart from extraction."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Final

from extract.table.records import Figure
from extract.text import Document

if TYPE_CHECKING:  # pandas costs half a second to import; only the table needs it
    import pandas as pd
    import pyarrow as pa

# Columns of the document a figure came from, repeated on each of its rows (archives have them).
DOCUMENT_COLUMNS: Final[tuple[str, ...]] = ("date", "url", "title")

# Column order of every output: the Figure record's fields, in declaration order, then the document's.
COLUMNS: Final[tuple[str, ...]] = Figure._fields + DOCUMENT_COLUMNS

# Columns a table written by an earlier version may lack, and what they read as there
# (a sentence_offset of -1: unknown, search the sentence for the surface).
OPTIONAL_COLUMNS: Final[dict[str, str | int]] = {"date": "", "url": "", "title": "", "sentence_offset": -1}

_FLOAT_COLUMNS = ("value", "value_low", "value_high", "value_usd")
_INT_COLUMNS = ("sentence_index", "start", "end", "sentence_offset")


def arrow_schema() -> pa.Schema:
    """The table's Arrow schema: the same columns and types in every Parquet file and part."""
    import pyarrow as pa

    def kind(column: str) -> pa.DataType:
        if column in _FLOAT_COLUMNS:
            return pa.float64()
        return pa.int64() if column in _INT_COLUMNS else pa.string()

    return pa.schema([(column, kind(column)) for column in COLUMNS])


def document_rows(figures: Iterable[Figure], document: Document | None = None) -> list[tuple[object, ...]]:
    """Table rows of ``figures``: each figure's fields (a figure is a tuple in column order), then its
    document's columns."""
    extra = (document.date, document.url, document.title) if document is not None else ("", "", "")
    return [f + extra for f in figures]


def rows_to_frame(rows: list[tuple[object, ...]]) -> pd.DataFrame:
    """The table of ``rows`` (as :func:`document_rows` makes them), with the table's dtypes."""
    import pandas as pd

    return typed(pd.DataFrame.from_records(rows, columns=list(COLUMNS)))


def typed(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with the table's dtypes: floats (NaN where empty), integers, and text ("" where empty)."""
    import pandas as pd

    frame = frame.copy()
    for column, empty in OPTIONAL_COLUMNS.items():  # tables written before these columns existed
        if column not in frame.columns:
            frame[column] = empty
    for column in _FLOAT_COLUMNS:
        frame[column] = pd.to_numeric(frame[column].replace("", None), errors="coerce").astype("float64")
    for column in _INT_COLUMNS:
        frame[column] = pd.to_numeric(frame[column]).astype("int64")
    for column in COLUMNS:
        if column not in _FLOAT_COLUMNS and column not in _INT_COLUMNS:
            frame[column] = frame[column].fillna("").astype("string")
    return frame
