"""The extraction pipeline, in one direction:

    text -> sentences -> candidates -> figures -> context -> Figure records

Each stage is a subpackage (``text``, ``figures``, ``context``, ``table``); this module only
joins them. :func:`extract_figures` is the public entry; :func:`explain` runs the same stages
and keeps every decision.
"""

from __future__ import annotations

from dataclasses import dataclass

from mypy_extensions import mypyc_attr

from extract.context import Context, add_context
from extract.figures import Found, Step, find_figures
from extract.table import Figure, make_figures
from extract.text import Sentences, split_sentences


def extract_figures(text: str, doc_id: str = "doc", *, date: str = "", context: bool = True) -> list[Figure]:
    """Every figure in ``text``, in order of position, with its trade context unless ``context`` is false.

    ``date`` (ISO) is the document's date: relative periods ("last year") and exchange rates use it.

    >>> [(f.surface, f.value, f.unit, f.qualifier) for f in extract_figures("Exports jumped 64.2% to $1.2bn.")]
    [('64.2%', 64.2, 'percent', 'exact'), ('$1.2bn', 1200000000.0, 'USD', 'exact')]
    """
    return figures_of_sentences(split_sentences(text), doc_id, date=date, context=context)


def figures_of_sentences(
    sentences: Sentences,
    doc_id: str,
    *,
    date: str = "",
    context: bool = True,
    offset: int = 0,
    first_index: int = 0,
) -> list[Figure]:
    """The records of the figures in ``sentences.text``, already split; ``offset`` and
    ``first_index`` place a piece of a longer document (see :func:`extract.text.pieces`)."""
    found = find_figures(sentences)
    contexts = add_context(found, sentences, date) if context else None
    return make_figures(found, contexts, sentences, doc_id, offset=offset, first_index=first_index)


@mypyc_attr(native_class=False)  # compiled, a Python class still: records must pickle
@dataclass(frozen=True, slots=True)
class Explanation:
    """Everything the pipeline decided about one text: the rule trace of every candidate, and
    each figure with its context and the words that decided it."""

    sentences: Sentences
    trace: tuple[Step, ...]
    found: tuple[Found, ...]
    contexts: tuple[Context, ...]
    figures: tuple[Figure, ...]


def explain(text: str, *, date: str = "") -> Explanation:
    """The stages of :func:`extract_figures` on ``text``, with their trace.

    >>> e = explain("The G20 said exports rose 5%.")
    >>> [(text, s.rule, s.action) for s in e.trace for text in [e.sentences.text[s.start : s.end]]]
    [('20', 'digits_inside_a_word', 'dropped'), ('5%', 'kept', 'kept')]
    >>> e.figures[0].direction, e.contexts[0].direction_cue
    ('up', 'rose')
    """
    sentences = split_sentences(text)
    trace: list[Step] = []
    found = find_figures(sentences, trace)
    contexts = add_context(found, sentences, date)
    figures = make_figures(found, contexts, sentences, "text")
    return Explanation(sentences, tuple(trace), tuple(found), tuple(contexts), tuple(figures))
