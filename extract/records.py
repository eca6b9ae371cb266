"""The record of one figure: the parsed value beside the text it was read from."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import NamedTuple


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure of a document: the parsed value beside the text it was read from.

    ``text[start:end] == surface`` always holds for the document the figure came from, and
    ``sentence[sentence_offset:].startswith(surface)`` for its sentence.
    The fields after ``sentence`` are the trade context; they stay empty until it is added.
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
    sentence_offset: int = 0  # where ``surface`` starts within ``sentence``
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


# A figure before its context: the fields of Figure up to ``sentence``, as a tuple that is cheap
# to make. The context step reads drafts and builds each frozen Figure once, with every column.
_DRAFT_FIELDS = [(f.name, str(f.type)) for f in fields(Figure)]
Draft = NamedTuple("Draft", _DRAFT_FIELDS[: [name for name, _ in _DRAFT_FIELDS].index("sentence") + 1])  # type: ignore[misc]
