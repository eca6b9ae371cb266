"""Sentences of a document: their spans, the lookup from an offset to its sentence, and pieces of
a long document cut only where a sentence ends.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

from mypy_extensions import mypyc_attr

from extract.vocab import ABBREVIATIONS, MONTH_FORMS

# Sentence boundaries: end punctuation before a capital, or a line break. The stdlib engine scans
# this simple pattern faster; abbreviations ("U.S.", "Mr.") are ruled out afterwards by
# ``is_abbreviation``.
# The pattern opens with one character set, so that the engine skips to the next stop or line
# break in its C loop instead of trying both branches at every position (two thirds of the
# scan's time); a look-behind then tells which kind of break that character began.
SENTENCE_BREAK: Final = re.compile(
    r"""
    [.!?\n]                                            # a stop, or a line break
    (?: (?<= [.!?] ) [.!?]* ["\u201d\u2019')\]]*         # more end punctuation and closing quotes
        [ \t\u00a0]+ (?= ["\u201c\u2018(\[]? [A-Z0-9\u00c0-\u024f] )   # then a capital, digit or opening quote
      | (?<= \n ) \s*                                  # a line break (spaces before it are trimmed later;
                                                       # matching them here would backtrack over long runs)
    )
    """,
    re.VERBOSE,
)

# Words that end with a full stop without ending the sentence: abbreviations.tsv, and the month
# abbreviations of months.tsv ("Oct.").
_NOT_ENDING: Final = ABBREVIATIONS | {name for name, (_, form) in MONTH_FORMS.items() if form == "abbreviation"}

MAX_SENTENCE: Final = 1_000  # characters of its sentence a figure keeps; see clip_sentence


@mypyc_attr(native_class=False)  # compiled, a Python class still: records must pickle
@dataclass(frozen=True, slots=True)
class Sentences:
    """Sentence spans (start, end) of one text, stripped of surrounding whitespace."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def __len__(self) -> int:
        return len(self.starts)

    def index_of(self, offset: int) -> int:
        """The index of the sentence that contains ``offset``."""
        found = bisect_right(self.starts, offset) - 1
        return found if found > 0 else 0

    def span(self, index: int) -> tuple[int, int]:
        return self.starts[index], self.ends[index]

    def sentence(self, index: int) -> str:
        return self.text[self.starts[index] : self.ends[index]]


def split_sentences(text: str) -> Sentences:
    """Split ``text`` at sentence ends and line breaks.

    >>> s = split_sentences("Exports rose 5%. Imports fell.\\nU.S. trade grew.")
    >>> [s.sentence(i) for i in range(len(s))]
    ['Exports rose 5%.', 'Imports fell.', 'U.S. trade grew.']
    """
    spans = sentence_spans(text)
    starts = [start for start, _ in spans]
    ends = [end for _, end in spans]
    if not starts:
        starts.append(0)
        ends.append(len(text))
    return Sentences(text, tuple(starts), tuple(ends))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each sentence of ``text``, in order (a list: compiled, a loop that
    appends costs less than a generator's resumptions).

    >>> t = "Mr. Smith said exports rose 5%. Imports fell."
    >>> [t[a:b] for a, b in sentence_spans(t)]
    ['Mr. Smith said exports rose 5%.', 'Imports fell.']
    """
    spans: list[tuple[int, int]] = []
    cursor = 0
    for brk in SENTENCE_BREAK.finditer(text):
        if text[brk.start()] == "." and is_abbreviation(text, brk.start()):
            continue
        span = _trimmed(text, cursor, brk.start() + _punct_length(brk.group()))
        if span is not None:
            spans.append(span)
        cursor = brk.end()
    span = _trimmed(text, cursor, len(text))
    if span is not None:
        spans.append(span)
    return spans


def is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` ends an abbreviation rather than a sentence.

    >>> t = "Mr. Xi met U.S. officials. Trade grew."
    >>> is_abbreviation(t, 2), is_abbreviation(t, t.index("S.") + 1), is_abbreviation(t, t.index("s.") + 1)
    (True, True, False)
    """
    begin = dot
    while begin > 0 and not text[begin - 1].isspace() and dot - begin < 12:
        begin -= 1
    word = text[begin:dot].lstrip("(\"'\u201c")
    if word in _NOT_ENDING:
        return True
    # "U.S", "U.K", "J": initials are single capitals separated by dots
    return bool(word) and all(len(part) == 1 and part.isupper() for part in word.split("."))


def _punct_length(separator: str) -> int:
    """Length of the end punctuation (and closing quotes) kept with the sentence before a break."""
    return len(separator) - len(separator.lstrip(".!?\"\u201d\u2019')]"))


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


@mypyc_attr(native_class=False)  # compiled, a Python class still: records must pickle
@dataclass(frozen=True, slots=True)
class Piece:
    """A part of a long document: its offset, its text, its sentences (spans within the piece)
    and the document-wide index of its first sentence."""

    offset: int
    sentences: Sentences
    first_index: int


def pieces(text: str, size: int) -> Iterator[Piece]:
    """``text`` in pieces of about ``size`` characters, each ending where one of the splitter's
    own sentences ends, with those sentences; a sentence longer than ``size`` is cut at its last
    space before the limit, its parts keeping one index. Every sentence index is document-wide.

    >>> t = "Mr. Smith left. Exports rose 5%. Imports fell 3%."
    >>> [(p.offset, p.sentences.text, p.first_index) for p in pieces(t, 20)]
    [(0, 'Mr. Smith left. ', 0), (16, 'Exports rose 5%. ', 1), (33, 'Imports fell 3%.', 2)]
    """
    start = 0  # offset of the piece being gathered
    first_index = 0  # document-wide index of its first sentence
    spans: list[tuple[int, int]] = []
    index = -1
    previous_end = -1
    for a, b in _bounded_spans(text, size):
        continuing = a == previous_end  # the next part of an over-long sentence
        if not continuing:
            index += 1
        previous_end = b
        if spans and b - start > size:  # the piece is full: it ends where this sentence (or part) starts
            yield _piece(text, start, a, spans, first_index)
            start, spans, first_index = a, [], index
        if continuing and spans:
            spans[-1] = (spans[-1][0], b)  # parts within one piece are one sentence again
        else:
            spans.append((a, b))
    if spans or start == 0:
        yield _piece(text, start, len(text), spans, first_index)


def _bounded_spans(text: str, size: int) -> Iterator[tuple[int, int]]:
    """The sentence spans of ``text``, a sentence longer than ``size`` cut into parts at spaces
    (adjacent: one part's end is the next one's start, which no two sentences share)."""
    for a, b in sentence_spans(text):
        while b - a > size:
            cut = text.rfind(" ", a + size // 2, a + size)
            cut = cut if cut > a else a + size
            yield a, cut
            a = cut
        yield a, b


def _piece(text: str, start: int, end: int, spans: list[tuple[int, int]], first_index: int) -> Piece:
    starts = tuple(a - start for a, _ in spans) or (0,)
    ends = tuple(b - start for _, b in spans) or (end - start,)
    return Piece(start, Sentences(text[start:end], starts, ends), first_index)


def clip_sentence(sentence: str, start: int, end: int, limit: int = MAX_SENTENCE) -> tuple[str, int]:
    """``sentence``, or when it is longer than ``limit`` (a run-on scrape, a table flattened into one
    line) the words around the figure at ``start:end`` (offsets within the sentence) between
    ellipses, and where the figure starts in what is returned; otherwise every figure of a 10 MB
    "sentence" would carry 10 MB.

    >>> clip_sentence("a b c 5% d e f", 6, 8, limit=8)
    ('… c 5% d …', 4)
    """
    if len(sentence) <= limit:
        return sentence, start
    half = (limit - (end - start)) // 2
    lo, hi = max(0, start - half), min(len(sentence), end + half)
    if lo > 0:
        space = sentence.find(" ", lo, start)
        lo = space + 1 if space >= 0 else lo
    if hi < len(sentence):
        space = sentence.rfind(" ", end, hi)
        hi = space if space >= 0 else hi
    lead = "\u2026 " if lo > 0 else ""
    return lead + sentence[lo:hi] + (" \u2026" if hi < len(sentence) else ""), start - lo + len(lead)
