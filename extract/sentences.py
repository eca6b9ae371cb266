"""Sentence spans of a document, and the lookup from an offset to its sentence."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from extract.grammar import SENTENCE_BREAK


@dataclass(frozen=True, slots=True)
class Sentences:
    """Sentence spans (start, end) of one text, stripped of surrounding whitespace."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def index_of(self, offset: int) -> int:
        """The index of the sentence that contains ``offset``."""
        return max(0, bisect_right(self.starts, offset) - 1)

    def span(self, index: int) -> tuple[int, int]:
        return self.starts[index], self.ends[index]

    def sentence(self, index: int) -> str:
        return self.text[self.starts[index] : self.ends[index]]


def split_sentences(text: str) -> Sentences:
    """Split ``text`` at sentence ends and line breaks.

    >>> s = split_sentences("Exports rose 5%. Imports fell.\\nU.S. trade grew.")
    >>> [s.sentence(i) for i in range(len(s.starts))]
    ['Exports rose 5%.', 'Imports fell.', 'U.S. trade grew.']
    """
    starts: list[int] = []
    ends: list[int] = []
    cursor = 0
    for brk in SENTENCE_BREAK.finditer(text):
        _add(text, cursor, brk.start() + _punct_length(brk.group()), starts, ends)
        cursor = brk.end()
    _add(text, cursor, len(text), starts, ends)
    if not starts:
        starts.append(0)
        ends.append(len(text))
    return Sentences(text, tuple(starts), tuple(ends))


def _punct_length(separator: str) -> int:
    """Length of the end punctuation (and closing quotes) kept with the sentence before a break."""
    return len(separator) - len(separator.lstrip(".!?\"\u201d\u2019')]"))


def _add(text: str, start: int, end: int, starts: list[int], ends: list[int]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        starts.append(start)
        ends.append(end)
