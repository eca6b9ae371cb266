"""The per-document step: every figure of one document, read in pieces when it is very long.

This is the one function every path runs — the CLI in-process, its process pool, Dask workers
and the Spark-shaped :func:`~extract.run.spark.figures_of_frames` — so they cannot disagree. A
long document is cut into pieces of about ``segment_chars`` characters, only where one of the
sentence splitter's own sentences ends, and each piece is extracted with those sentences; its
offsets, ids and sentence numbers are document-wide from the start, so the rows equal those of the
whole text while memory stays bounded by the piece.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Final

from extract.extractor import figures_of_sentences
from extract.table import Figure, document_rows, rows_to_frame
from extract.text import Document, DocumentError, pieces, split_sentences

if TYPE_CHECKING:
    import pandas as pd

SEGMENT_CHARS: Final = 1 << 20  # about 1 MB of text per piece: memory bounded, few cuts in a news archive


def extract_document(document: Document, *, date: str = "", segment_chars: int = SEGMENT_CHARS) -> Iterator[list[Figure]]:
    """The figures of ``document``, one list per piece, in order; ``document.date`` wins over ``date``.

    >>> doc = Document("d", "Mr. Smith said exports rose 5%. Imports fell 3%.")
    >>> [[(f.figure_id, f.sentence_index) for f in piece] for piece in extract_document(doc, segment_chars=35)]
    [[('d:28-30', 0)], [('d:45-47', 1)]]
    """
    when = document.date or date
    if len(document.text) <= segment_chars:
        yield figures_of_sentences(split_sentences(document.text), document.doc_id, date=when)
        return
    for piece in pieces(document.text, segment_chars):
        yield figures_of_sentences(
            piece.sentences, document.doc_id, date=when, offset=piece.offset, first_index=piece.first_index
        )


def figures_frame(documents: Iterable[Document | DocumentError | tuple[str, str]]) -> pd.DataFrame:
    """The tidy table of every figure in ``documents`` (``Document`` records or ``(doc_id, text)`` pairs).

    ``DocumentError`` items, as :func:`~extract.text.read_documents` yields them, are passed over:
    collect them from the reader when they matter (the CLI reports each one).

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
