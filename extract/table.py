"""The tidy table: one row per figure, one column per variable, built apart from extraction."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import astuple, fields
from typing import TYPE_CHECKING

from extract.document_figures import extract_document
from extract.documents import Document, DocumentError
from extract.records import Figure

if TYPE_CHECKING:  # pandas costs half a second to import; only the table needs it
    import pandas as pd
    import pyarrow as pa

# Columns of the document a figure came from, repeated on each of its rows (archives have them).
DOCUMENT_COLUMNS: tuple[str, ...] = ("url", "title")

# Column order of every output: the Figure record's fields, in declaration order, then the document's.
COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(Figure)) + DOCUMENT_COLUMNS

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


def figures_to_frame(figures: Iterable[Figure], document: Document | None = None) -> pd.DataFrame:
    """A DataFrame of ``figures`` with the table's columns and dtypes (floats may be NaN); the
    document columns come from ``document`` (empty without one)."""
    return rows_to_frame(document_rows(figures, document))


def document_rows(figures: Iterable[Figure], document: Document | None = None) -> list[tuple[object, ...]]:
    """Table rows of ``figures``: each figure's fields, then its document's columns."""
    extra = (document.url, document.title) if document is not None else ("", "")
    return [astuple(f) + extra for f in figures]


def rows_to_frame(rows: list[tuple[object, ...]]) -> pd.DataFrame:
    import pandas as pd

    return typed(pd.DataFrame.from_records(rows, columns=list(COLUMNS)))


def typed(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with the table's dtypes: floats (NaN where empty), integers, and text ("" where empty)."""
    import pandas as pd

    frame = frame.copy()
    for column in DOCUMENT_COLUMNS:  # tables written before these columns existed
        if column not in frame.columns:
            frame[column] = ""
    for column in _FLOAT_COLUMNS:
        frame[column] = pd.to_numeric(frame[column].replace("", None), errors="coerce").astype("float64")
    for column in _INT_COLUMNS:
        frame[column] = pd.to_numeric(frame[column]).astype("int64")
    for column in COLUMNS:
        if column not in _FLOAT_COLUMNS and column not in _INT_COLUMNS:
            frame[column] = frame[column].fillna("").astype("string")
    return frame


def figures_frame(documents: Iterable[Document | DocumentError | tuple[str, str]]) -> pd.DataFrame:
    """The tidy table of every figure in ``documents`` (``Document`` records or ``(doc_id, text)`` pairs).

    ``DocumentError`` items, as :func:`read_documents` yields them, are passed over: collect them
    from the reader when they matter (the CLI reports each one).

    >>> frame = figures_frame([("a", "Exports rose 5%."), ("b", "Imports of 2 million tonnes.")])
    >>> frame[["doc_id", "surface", "value", "unit"]].values.tolist()
    [['a', '5%', 5.0, 'percent'], ['b', '2 million tonnes', 2000000.0, 'tonne']]
    """
    rows: list[tuple[object, ...]] = []
    for document in documents:
        if isinstance(document, DocumentError):
            continue
        doc = document if isinstance(document, Document) else Document(doc_id=document[0], text=document[1])
        for figures in extract_document(doc):
            rows.extend(document_rows(figures, doc))
    return rows_to_frame(rows)
