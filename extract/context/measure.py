"""What a figure measures: the noun phrase it belongs to ("imports of machine tools"), or for a
count the noun it counts ("909,000 vehicles")."""

from __future__ import annotations

from bisect import bisect_left
from typing import Final

from extract.context.tokens import CLASS, LOWER, TEXT, Token
from extract.vocab import TRADE_FORMS, TRADE_WORDS, function_words, trade_words

# Words that never belong to a measure phrase or a counted noun: every function word.
_FUNCTION: Final = function_words()
# Verbs that end a measure phrase ("imports of machine tools came from"): the verbs of level and
# change in trade_words.tsv.
_VERBS: Final = trade_words("level", "up", "down", forms=("verb",))
HEAD_CLASSES: Final = frozenset({"export", "import", "measure"})
# Words after which the next one is a verb: "will impose", "to levy".
_AUXILIARIES: Final = function_words("auxiliary") | {"to"}


def measure_of(kind: str, tokens: list[Token], index: int, after: int, heads: list[int] | None = None) -> str:
    """The noun phrase the figure at tokens ``index``..``after`` measures, as written.

    >>> from extract.context.tokens import tokenize
    >>> measure_of("count", tokenize("909,000 vehicles from China"), 0, 1)
    'vehicles'
    >>> measure_of("percent", tokenize("70 % of Russian imports of machine tools which amounted"), 0, 2)
    'imports of machine tools'
    >>> measure_of("percent", tokenize("Russia's crude oil shipments fell 5 %"), 5, 7)
    'crude oil shipments'
    """
    if kind == "count":
        words = []
        for t in tokens[after : after + 3]:
            if t[LOWER] in _FUNCTION or t[LOWER] in _VERBS or t[LOWER].endswith("ed") or not t[TEXT][0].isalpha():
                break
            words.append(t[TEXT])
        if words:
            return " ".join(words)
    if heads is None:
        heads = head_indices(tokens)
    head = _nearest_head(index, after, heads)
    if head is None:
        return ""
    start = head
    while start > 0 and _is_modifier(tokens[start - 1]) and head - start < 2 and not _after_auxiliary(tokens, start - 1):
        start -= 1
    end = head + 1
    if end + 1 < len(tokens) and tokens[end][LOWER] == "of":
        stop = end + 1
        while stop < len(tokens) and stop < end + 4 and _in_phrase(tokens[stop]):
            stop += 1
        if stop > end + 1:
            end = stop
    return " ".join(t[TEXT] for t in tokens[start:end])


def head_indices(tokens: list[Token]) -> list[int]:
    """Indices of the tokens that can head a measure: flow and measure nouns ("imports", "revenue").

    >>> from extract.context.tokens import tokenize
    >>> head_indices(tokenize("Russia imported oil; imports rose"))
    [4]
    """
    return [k for k, t in enumerate(tokens) if t[CLASS] in HEAD_CLASSES and is_noun_form(t)]


def _nearest_head(index: int, after: int, heads: list[int]) -> int | None:
    # Heads are in order: only the last one before the figure and the first one after it can be
    # nearest, found by bisection so that a sentence with thousands of figures stays linear.
    at = bisect_left(heads, index)
    before = heads[at - 1] if at > 0 else None
    later = bisect_left(heads, max(index, after - 3), at)
    following = heads[later] if later < len(heads) else None
    if following is None:
        return before
    if before is None:
        return following
    return before if index - before <= (following - after) + 3 else following  # prefer what comes before


def is_noun_form(t: Token) -> bool:
    """Flow words used as nouns ("imports"), not verbs ("imported", "bought"), can head a measure."""
    return TRADE_FORMS.get(t[LOWER]) == "noun" or (t[CLASS] == "measure")


def _in_phrase(t: Token) -> bool:
    """A word that continues "imports of ...": content words, not verbs or change words."""
    return (
        _is_content(t)
        and t[LOWER] not in _VERBS
        and not t[LOWER].endswith("ed")
        and TRADE_WORDS.get(t[LOWER]) not in ("up", "down")
    )


def _after_auxiliary(tokens: list[Token], k: int) -> bool:
    """The word at ``k`` follows an auxiliary or "to", so it is a verb, not a modifier: "will
    impose provisional tariffs" measures "provisional tariffs".

    >>> from extract.context.tokens import tokenize
    >>> words = tokenize("will impose provisional tariffs")
    >>> _after_auxiliary(words, 1), _after_auxiliary(words, 2)
    (True, False)
    """
    return k > 0 and (tokens[k - 1][LOWER] in _AUXILIARIES)


def _is_content(t: Token) -> bool:
    return t[TEXT][0].isalpha() and t[LOWER] not in _FUNCTION


def _is_modifier(t: Token) -> bool:
    """A lower-case content word before a head noun: "crude oil" in "crude oil shipments"."""
    cls = TRADE_WORDS.get(t[LOWER])
    return _is_content(t) and (t[TEXT][0].islower() or cls == "measure") and cls not in ("up", "down", "export", "import")
