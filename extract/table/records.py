"""The record of one figure: the parsed value beside the text it was read from, and its context.

Records are built here, once, from the figures stage's :class:`~extract.figures.Found` and the
context stage's :class:`~extract.context.Context`; a sentence too long to carry is clipped here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from extract.context import Context
from extract.figures import Found
from extract.text import MAX_SENTENCE, Sentences, clip_sentence


class Figure(NamedTuple):
    """One figure of a document: the parsed value beside the text it was read from.

    ``text[start:end] == surface`` always holds for the document the figure came from, and
    ``sentence[sentence_offset:].startswith(surface)`` for its sentence. The fields after
    ``sentence_offset`` are the trade context; they stay empty when it is not asked for.

    A named tuple, immutable and picklable: a frozen dataclass of 26 fields took 4 microseconds to
    make (each field set through ``object.__setattr__``), a tenth of the figures-only time; a
    tuple also is the table's row as it stands (:func:`extract.table.document_rows`).
    """

    figure_id: str
    doc_id: str
    sentence_index: int
    start: int
    end: int
    surface: str
    value: float
    value_low: float | None
    value_high: float | None
    unit: str
    kind: str
    qualifier: str
    sentence: str
    sentence_offset: int  # where ``surface`` starts within ``sentence``
    role: str = ""
    direction: str = ""
    measure: str = ""
    countries: str = ""
    exporter: str = ""
    importer: str = ""
    period: str = ""
    period_start: str = ""
    period_end: str = ""
    value_usd: float | None = None
    fx_note: str = ""
    same_as: str = ""


def make_figures(
    found: Sequence[Found],
    contexts: Sequence[Context] | None,
    sentences: Sentences,
    doc_id: str,
    *,
    offset: int = 0,
    first_index: int = 0,
) -> list[Figure]:
    """The records of ``found`` (with their ``contexts``, when given) in the text of ``sentences``.

    ``offset`` and ``first_index`` place a piece of a long document: they are added to every
    offset and sentence index, so that ids stay document-wide.
    """
    text = sentences.text
    ids = [f"{doc_id}:{f.start + offset}-{f.end + offset}" for f in found]
    out: list[Figure] = []
    last_index, whole = -1, ""
    for k, f in enumerate(found):
        s_start, s_end = sentences.span(f.sentence_index)
        if f.sentence_index != last_index:  # figures come in order: each sentence is sliced once
            last_index, whole = f.sentence_index, text[s_start:s_end]
        if len(whole) <= MAX_SENTENCE:
            sentence, sentence_offset = whole, f.start - s_start
        else:
            sentence, sentence_offset = clip_sentence(whole, f.start - s_start, f.end - s_start)
        common = (
            ids[k], doc_id, f.sentence_index + first_index, f.start + offset, f.end + offset, text[f.start : f.end],
        )  # fmt: skip
        if contexts is None:
            out.append(Figure(*common, f.value, f.low, f.high, f.unit, f.kind, f.qualifier, sentence, sentence_offset))
            continue
        c = contexts[k]
        out.append(
            Figure(
                *common,
                c.value,
                c.value_low,
                c.value_high,
                c.unit,
                f.kind,
                f.qualifier,
                sentence,
                sentence_offset,
                c.role,
                c.direction,
                c.measure,
                c.countries,
                c.exporter,
                c.importer,
                c.period,
                c.period_start,
                c.period_end,
                c.value_usd,
                c.fx_note,
                ids[c.same_as] if c.same_as >= 0 else "",
            )
        )
    return out
