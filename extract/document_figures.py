"""The per-document step: every figure of one document, read in pieces when it is very long.

This is the one function every path runs — the CLI in-process, its process pool, and Dask
workers — so they cannot disagree. A long document is cut at paragraph or sentence ends into
pieces of about ``segment_chars`` characters; offsets, ids and sentence numbers are made
document-wide again, so the rows equal those of extracting the whole text at once, while memory
stays bounded by the piece, not the document.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from extract.documents import Document
from extract.figures import extract_figures
from extract.records import Figure
from extract.sentences import split_sentences

SEGMENT_CHARS = 1 << 20  # about 1 MB of text per piece: memory bounded, few cuts in a news archive

# Where a piece may end, best first: a paragraph break, a line break, a sentence end, any space.
_CUTS = ("\n\n", "\n", ". ", " ")


def extract_document(document: Document, *, date: str = "", segment_chars: int = SEGMENT_CHARS) -> Iterator[list[Figure]]:
    """The figures of ``document``, one list per piece, in order; ``document.date`` wins over ``date``.

    >>> doc = Document("d", "Exports rose 5%.\\n\\nImports fell 3%.")
    >>> [[f.figure_id for f in piece] for piece in extract_document(doc, segment_chars=20)]
    [['d:13-15'], ['d:31-33']]
    """
    when = document.date or date
    if len(document.text) <= segment_chars:
        yield extract_figures(document.text, doc_id=document.doc_id, date=when)
        return
    sentences_before = 0
    for offset, piece in segments(document.text, segment_chars):
        figures = extract_figures(piece, doc_id=document.doc_id, date=when)
        yield [_shifted(f, document.doc_id, offset, sentences_before) for f in figures]
        sentences_before += len(split_sentences(piece).starts)


def segments(text: str, size: int) -> Iterator[tuple[int, str]]:
    """``text`` in pieces of at most ``size`` characters (with their offsets), cut at the best
    break in the second half of each piece; a run without any break is cut where it must be.

    >>> list(segments("aa bb. cc dd\\n\\nee", 8))
    [(0, 'aa bb. '), (7, 'cc dd\\n\\n'), (14, 'ee')]
    """
    start = 0
    while len(text) - start > size:
        end = start + size
        for cut in _CUTS:
            found = text.rfind(cut, start + size // 2, end)
            if found >= 0:
                end = found + len(cut)
                break
        yield start, text[start:end]
        start = end
    if start < len(text):
        yield start, text[start:]


def _shifted(figure: Figure, doc_id: str, offset: int, sentences_before: int) -> Figure:
    start, end = figure.start + offset, figure.end + offset
    same_as = figure.same_as
    if same_as:
        first, last = same_as.rsplit(":", 1)[1].split("-")
        same_as = f"{doc_id}:{int(first) + offset}-{int(last) + offset}"
    return replace(
        figure,
        figure_id=f"{doc_id}:{start}-{end}",
        start=start,
        end=end,
        sentence_index=figure.sentence_index + sentences_before,
        same_as=same_as,
    )
