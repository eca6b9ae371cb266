"""Role and direction of a figure: a level, a change (up or down) or a share of a whole."""

from __future__ import annotations

from typing import Final

from extract.context.tokens import LOWER, TEXT, Token
from extract.vocab import MULTIPLIER_WORDS, SHARE_CUES, TRADE_WORDS, trade_words

# "rose to $7bn", "fell from 5%", "a level of 3%": a preposition right before the figure makes it the
# level reached, not the change.
_LEVEL_BEFORE: Final = frozenset({"to", "at", "from", "of"})
# Nouns and adjectives of change right after a figure make it a change: "a 5% increase", "5% higher".
_CHANGE_AFTER: Final = trade_words("up", "down", forms=("noun", "adj", "adv"))
_STOP_CLASSES: Final = frozenset({"export", "import", "measure", "share"})
_ROLE_KINDS: Final = frozenset({"percent", "percentage_point", "ratio", "money", "count"})


def change_cue(tokens: list[Token], index: int) -> tuple[str, str]:
    """(direction, word) of a change verb or noun governing the figure at token ``index``, or ("", "").

    Looks back over at most four tokens, skipping qualifiers and "by"; "to"/"from" right before the
    figure make it the level reached, not the change ("rose to $7bn").

    >>> from extract.context.tokens import tokenize
    >>> change_cue(tokenize("exports jumped by nearly 64.2 %"), 4), change_cue(tokenize("revenue rose to 7 bn"), 3)
    (('up', 'jumped'), ('', ''))
    >>> change_cue(tokenize("an increase of 18.3 points"), 3)
    ('up', 'increase')
    """
    for k in range(index - 1, max(-1, index - 5), -1):
        word = tokens[k][LOWER]
        cls = TRADE_WORDS.get(word)
        if word in _LEVEL_BEFORE and not (word == "of" and k and TRADE_WORDS.get(tokens[k - 1][LOWER]) in ("up", "down")):
            return "", ""  # "rose to a record $65bn": the level reached
        if cls in ("up", "down"):
            if word == "up" and k + 1 < len(tokens) and tokens[k + 1][LOWER] == "to":
                return "", ""  # "up to" is a bound
            return cls, tokens[k][TEXT]
        if word in (".", ",", ";", ":") or cls in _STOP_CLASSES:
            break
    return "", ""


def reached_direction(tokens: list[Token], index: int) -> tuple[str, str]:
    """(direction, word) of the move that led to a level: "climbed to 34.5 percent" is up.

    >>> from extract.context.tokens import tokenize
    >>> reached_direction(tokenize("payments climbed to 34.5 percent"), 3), reached_direction(tokenize("reached 5 %"), 1)
    (('up', 'climbed'), ('', ''))
    >>> reached_direction(tokenize("tariffs of up to 38.1 %"), 4)  # "up to" is a bound, not a move
    ('', '')
    """
    for k in range(index - 1, max(0, index - 4), -1):
        if tokens[k][LOWER] == "to":
            if tokens[k - 1][LOWER] == "up":
                return "", ""
            cls = TRADE_WORDS.get(tokens[k - 1][LOWER])
            return (cls, tokens[k - 1][TEXT]) if cls in ("up", "down") else ("", "")
    return "", ""


def multiplier_verb(tokens: list[Token], index: int) -> str:
    """The figure's own token when it is a multiplier verb ("doubled"), else "".

    >>> from extract.context.tokens import tokenize
    >>> multiplier_verb(tokenize("deliveries doubled"), 1)
    'doubled'
    """
    return tokens[index][TEXT] if index < len(tokens) and tokens[index][LOWER] in MULTIPLIER_WORDS else ""


def role_of(kind: str, tokens: list[Token], index: int, after: int, cue: str) -> tuple[str, str]:
    """(level | change | share, the word that decided it).

    >>> from extract.context.tokens import tokenize
    >>> role_of("percent", tokenize("70 % of Russian imports"), 0, 2, "")
    ('share', 'of')
    >>> role_of("percent", tokenize("jumped 64.2 %"), 1, 3, "jumped"), role_of("money", tokenize("reached 110 bn"), 1, 3, "")
    (('change', 'jumped'), ('level', ''))
    >>> role_of("percent", tokenize("a 5 % increase"), 1, 3, "")
    ('change', 'increase')
    """
    next_word = tokens[after][LOWER] if after < len(tokens) else ""
    if kind == "ratio" and multiplier_verb(tokens, index):
        return "change", tokens[index][TEXT]  # "doubled" is itself the change
    if kind in _ROLE_KINDS and next_word in _CHANGE_AFTER:
        return "change", tokens[after][TEXT]
    if cue:
        return "change", cue
    if kind == "percent":
        if next_word == "of":
            return "share", "of"
        window = " ".join(t[LOWER] for t in tokens[max(0, index - 8) : index])
        for phrase in SHARE_CUES:
            if phrase in window:
                return "share", phrase
    return "level", ""
