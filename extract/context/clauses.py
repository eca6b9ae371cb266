"""Clauses of a sentence: a figure takes the flow and the period of its own clause ("In 2019 the
deficit was $41 billion; by 2022 it had halved"), split at the marks of ``clause_marks.tsv``."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Final

from extract.context.tokens import LOWER, Token, token_index
from extract.vocab import CLAUSE_MARKS

_ALWAYS: Final = frozenset(w for w, (where, _) in CLAUSE_MARKS.items() if where == "always")
_AFTER_COMMA: Final = frozenset(w for w, (where, _) in CLAUSE_MARKS.items() if where == "comma")
_CONTINUATION: Final = frozenset(w for w, (_, kind) in CLAUSE_MARKS.items() if kind == "continuation")


# Where clauses open, in raw text: one pass per block of sentences in C, not a loop over tokens.
_MARK: Final = re.compile(
    "|".join(
        [re.escape(w) for w in sorted(_ALWAYS) if not w.isalpha()]
        + [rf"\b(?:{'|'.join(sorted(w for w in _ALWAYS if w.isalpha()))})\b"]
        + [rf"(?<=,)\s*\b(?:{'|'.join(sorted(_AFTER_COMMA))})\b"]
    ),
    re.IGNORECASE,
)


def clause_marks(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """Offsets in ``text[start:end]`` of the words and marks that open a clause.

    >>> text = "Exports rose in 1985, and imports fell; output shrank while prices rose"
    >>> [text[k : k + 5] for k in clause_marks(text)]
    ['and i', '; out', 'while']
    >>> clause_marks("Exports of wheat and maize rose")
    []
    """
    found = _MARK.finditer(text, start, len(text) if end is None else end)
    return [m.start() + len(m.group()) - len(m.group().lstrip()) for m in found]


def clause_starts(tokens: list[Token], marks: list[int]) -> list[int]:
    """Token indices where the sentence's clauses start (the first is always 0), from the offsets
    of ``clause_marks``.

    >>> from extract.context.tokens import tokenize
    >>> text = "Exports rose 5%, while imports fell; the deficit widened"
    >>> clause_starts(tokenize(text), clause_marks(text))
    [0, 5, 8]
    """
    starts = [0]
    for offset in marks:
        k = token_index(tokens, offset)
        if k > starts[-1] and k < len(tokens):
            starts.append(k)
    return starts


def clause_of(starts: list[int], index: int) -> int:
    """The number of the clause that holds token ``index``.

    >>> clause_of([0, 5, 9], 4), clause_of([0, 5, 9], 5), clause_of([0, 5, 9], 20)
    (0, 1, 2)
    """
    return bisect_right(starts, index) - 1


def continues(tokens: list[Token], starts: list[int], clause: int) -> bool:
    """The clause goes on from the one before (", and", ", which", "when"), rather than setting
    its own scene (";", "while").

    >>> from extract.context.tokens import tokenize
    >>> text = "Exports rose, and imports fell, while output shrank"
    >>> words = tokenize(text)
    >>> starts = clause_starts(words, clause_marks(text))
    >>> [continues(words, starts, c) for c in range(len(starts))]
    [False, True, False]
    """
    return clause > 0 and tokens[starts[clause]][LOWER] in _CONTINUATION
