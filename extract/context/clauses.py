"""Clauses of a sentence: a figure takes the flow and the period of its own clause ("In 2019 the
deficit was $41 billion; by 2022 it had halved"), split at the marks of ``clause_marks.tsv``."""

from __future__ import annotations

from bisect import bisect_right
from typing import Final

from extract.context.tokens import LOWER, Token
from extract.vocab import CLAUSE_MARKS

_ALWAYS: Final = frozenset(w for w, (where, _) in CLAUSE_MARKS.items() if where == "always")
_AFTER_COMMA: Final = frozenset(w for w, (where, _) in CLAUSE_MARKS.items() if where == "comma")
_CONTINUATION: Final = frozenset(w for w, (_, kind) in CLAUSE_MARKS.items() if kind == "continuation")


def clause_starts(tokens: list[Token]) -> list[int]:
    """Token indices where the sentence's clauses start (the first is always 0).

    >>> from extract.context.tokens import tokenize
    >>> clause_starts(tokenize("Exports rose 5%, while imports fell; the deficit widened"))
    [0, 5, 8]
    >>> clause_starts(tokenize("Exports of wheat and maize rose"))
    [0]
    >>> clause_starts(tokenize("Exports rose in 1985, and imports fell"))  # "1985," is one token
    [0, 4]
    """
    starts = [0]
    for k, t in enumerate(tokens):
        word = t[LOWER]
        opens = word in _ALWAYS or (word in _AFTER_COMMA and tokens[k - 1][LOWER].endswith(","))
        if k and opens and starts[-1] != k:
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
    >>> words = tokenize("Exports rose, and imports fell, while output shrank")
    >>> starts = clause_starts(words)
    >>> [continues(words, starts, c) for c in range(len(starts))]
    [False, True, False]
    """
    return clause > 0 and tokens[starts[clause]][LOWER] in _CONTINUATION
