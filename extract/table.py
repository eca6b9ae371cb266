"""The tidy table: one row per figure, one column per variable, built apart from extraction."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import astuple, fields
from typing import TYPE_CHECKING

from extract.documents import Document, DocumentError
from extract.figures import extract_figures
from extract.records import Figure

if TYPE_CHECKING:  # pandas costs half a second to import; only the table needs it
    import pandas as pd

# Column order of every output: the Figure record's fields, in declaration order.
COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(Figure))

_FLOAT_COLUMNS = ("value", "value_low", "value_high", "value_usd")
_INT_COLUMNS = ("sentence_index", "start", "end")


def figures_to_frame(figures: Iterable[Figure]) -> pd.DataFrame:
    """A DataFrame of ``figures`` with the table's columns and dtypes (floats may be NaN)."""
    import pandas as pd

    return typed(pd.DataFrame.from_records([astuple(f) for f in figures], columns=list(COLUMNS)))


def typed(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with the table's dtypes: floats (NaN where empty), integers, and text ("" where empty)."""
    import pandas as pd

    frame = frame.copy()
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
    figures: list[Figure] = []
    for document in documents:
        if isinstance(document, DocumentError):
            continue
        doc = document if isinstance(document, Document) else Document(doc_id=document[0], text=document[1])
        figures.extend(extract_figures(doc.text, doc_id=doc.doc_id, date=doc.date))
    return figures_to_frame(figures)
