"""The currency of a bare noun by the country the sentence names: "2.9 billion francs" in a
sentence about Belgium in 1987 is BEF, about Switzerland CHF; "crowns" are Swedish, Danish or
Norwegian by the same rule. The figures stage gives the noun's default (``currencies.tsv``); this
stage may settle it, using which country used which currency when (CLDR, ``cldr_currency_use.tsv``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Final

import regex

from extract.vocab import rows

# noun -> the codes it may stand for, the default first.
NOUN_CODES: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {noun.casefold(): tuple(codes.split()) for noun, codes in rows("currency_nouns.tsv")}
)


def _use() -> dict[str, tuple[tuple[str, str, str], ...]]:
    used: dict[str, list[tuple[str, str, str]]] = {}
    for country, code, start, end in rows("cldr_currency_use.tsv"):
        used.setdefault(country, []).append((code, start, end))
    return {country: tuple(spans) for country, spans in used.items()}


# country (ISO 3166 alpha-3) -> (code, first day, last day or "") of each currency it used.
USE: Final[Mapping[str, tuple[tuple[str, str, str], ...]]] = MappingProxyType(_use())

# The bare noun at the end of a figure's surface: only a number or scale word before it, so
# "25 Swiss francs" (a name that says the country) is left alone.
_BARE_NOUN = regex.compile(r"[\d.,]+ (?: \s+ [a-z]+ )? \s+ (?P<noun> [A-Za-z]+ ) \Z", regex.VERBOSE)


def bare_currency_noun(surface: str) -> str:
    """The currency noun that ends ``surface`` when nothing but the number and its scale stand
    before it, or "".

    >>> bare_currency_noun("2.99 billion francs"), bare_currency_noun("25 Swiss francs"), bare_currency_noun("$5")
    ('francs', '', '')
    """
    found = _BARE_NOUN.search(surface)
    if found is None or found.group("noun").casefold() not in NOUN_CODES:
        return ""
    return found.group("noun")


def currency_by_country(unit: str, noun: str, countries: Iterable[str], when: str = "") -> str:
    """The currency the bare ``noun`` stands for in a sentence that names ``countries`` (first
    named first), at the date ``when`` (ISO; any time when ""): the first country that used one of
    the noun's currencies then; else ``unit`` unchanged.

    >>> currency_by_country("FRF", "francs", ["BEL"], "1987-03-02"), currency_by_country("SEK", "crowns", ["NOR"])
    ('BEF', 'NOK')
    >>> currency_by_country("FRF", "francs", ["BEL"], "2005-01-01"), currency_by_country("FRF", "francs", ["USA"])
    ('FRF', 'FRF')
    """
    codes = NOUN_CODES.get(noun.casefold())
    if not codes:
        return unit
    for country in countries:
        for code, start, end in USE.get(country, ()):
            if code in codes and (not when or (start <= when and (not end or when <= end))):
                return code
    return unit
