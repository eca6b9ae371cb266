"""Restatements: one amount written twice in different units ("900 million dollars (835 million
euros)"), so that sums count it once."""

from __future__ import annotations

from typing import Final

import regex

from extract.figures import Found

_RESTATEMENT_GAP: Final = regex.compile(
    r"""
    \s* [(\[] \s*                                       # 900 million dollars (835 million euros)
    | \s* , \s* (?: or | i\.e\. ) \s+ (?: about | around | roughly | some | nearly | almost )? \s*   # , or about $20 billion
    """,
    regex.VERBOSE,
)
_UNITLESS_KINDS: Final = frozenset({"count", "percent", "percentage_point", "ratio"})


def is_restatement(first: Found, second: Found, gap: str) -> bool:
    """The second figure restates the first in another unit of the same kind.

    >>> a = Found(0, 19, 9e8, 9e8, 9e8, "USD", "money", "approx", 0)
    >>> b = Found(21, 38, 8.35e8, 8.35e8, 8.35e8, "EUR", "money", "approx", 0)
    >>> is_restatement(a, b, " ("), is_restatement(a, b, " and ")
    (True, False)
    """
    return (
        first.sentence_index == second.sentence_index
        and first.kind == second.kind
        and first.kind not in _UNITLESS_KINDS
        and first.unit != second.unit
        and _RESTATEMENT_GAP.fullmatch(gap) is not None
    )
