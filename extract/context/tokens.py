"""Tokens of a sentence for the context rules: words, numbers and punctuation, each with its
lower-case form and its class in ``trade_words.tsv``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from operator import itemgetter, methodcaller
from typing import Final

from extract.vocab import TRADE_WORDS

# A token is a plain tuple (start, text, lower, class or None): made by zip in C for every word of
# a document, which a class per token would make several times slower. Read it with these indices.
Token = tuple[int, str, str, str | None]
START: Final = 0
TEXT: Final = 1
LOWER: Final = 2
CLASS: Final = 3

# Words, numbers and single punctuation marks. The stdlib engine tokenizes a third faster here.
_TOKEN: Final = re.compile(r"[A-Za-z\u00c0-\u024f][\w\u00c0-\u024f'\u2019-]*|\d[\d.,]*|[^\s\w]")
_MATCH_START: Final = methodcaller("start")
_START_OF: Final = itemgetter(START)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` (offsets into ``text``).

    Built column by column (findall runs in C) and zipped into tuples, which avoids a Python-level
    call per token: this is the hottest loop of the context step.

    >>> [(t[TEXT], t[CLASS]) for t in tokenize("Exports rose 5%")]
    [('Exports', 'export'), ('rose', 'up'), ('5', None), ('%', None)]
    """
    end = len(text) if end is None else end
    starts = list(map(_MATCH_START, _TOKEN.finditer(text, start, end)))
    texts = _TOKEN.findall(text, start, end)
    # lower() keeps ASCII lengths, so the lower-case copy tokenizes alike; otherwise go word by word
    piece = text[start:end]
    lowered = piece.lower()
    lowers = _TOKEN.findall(lowered) if len(lowered) == len(piece) else [t.lower() for t in texts]
    if len(lowers) != len(texts):  # lower-casing changed how a word splits: go word by word
        lowers = [t.lower() for t in texts]
    classes = list(map(TRADE_WORDS.get, lowers))
    return list(zip(starts, texts, lowers, classes, strict=True))


def token_index(tokens: list[Token], offset: int) -> int:
    """Index of the first token that starts at or after ``offset``.

    >>> token_index(tokenize("Exports rose 5%"), 8)
    1
    """
    return bisect_left(tokens, offset, key=_START_OF)
