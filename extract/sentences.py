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
        found = bisect_right(self.starts, offset) - 1
        return found if found > 0 else 0

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
        if text[brk.start()] == "." and is_abbreviation(text, brk.start()):
            continue
        _add(text, cursor, brk.start() + _punct_length(brk.group()), starts, ends)
        cursor = brk.end()
    _add(text, cursor, len(text), starts, ends)
    if not starts:
        starts.append(0)
        ends.append(len(text))
    return Sentences(text, tuple(starts), tuple(ends))


# Words that end with a full stop without ending the sentence. Source: news-wire abbreviations
# (titles, company suffixes, months, "No."). Single capitals ("J. Smith", "U.S.") are handled apart.
_ABBREVIATIONS = frozenset(
    [
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "St",
        "Mt",
        "No",
        "Nos",
        "vs",
        "Inc",
        "Corp",
        "Ltd",
        "Co",
        "Jr",
        "Sr",
        "Gen",
        "Gov",
        "Sen",
        "Rep",
        "Prof",
        "Fig",
        "approx",
        "est",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
        "e.g",
        "i.e",
    ]
)


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
    if word in _ABBREVIATIONS:
        return True
    # "U.S", "U.K", "J": initials are single capitals separated by dots
    return bool(word) and all(len(part) == 1 and part.isupper() for part in word.split("."))


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


MAX_SENTENCE = 1_000  # characters of its sentence a figure keeps; see clip_sentence


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
