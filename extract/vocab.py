"""The extractor's vocabularies, read once from the tab-separated files in ``extract/data``.

Logic never spells a word list itself: it asks this module, which keeps each vocabulary as a
lookup table plus helpers that turn one into a regex alternation. Every file starts with a
commented header that says where its words come from and what its columns mean; :func:`rows`
reads any of them.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Final

import regex

DATA_DIR: Final = Path(__file__).with_name("data")


def rows(name: str) -> Iterator[list[str]]:
    """Rows of the data file ``name``, skipping blank lines and ``#`` comments.

    >>> next(rows("multiplier_words.tsv"))
    ['doubled', '2']
    """
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row and row[0] and not row[0].startswith("#"):
                yield row


def normalise_space(surface: str) -> str:
    """Collapse runs of whitespace so that looked-up surfaces match the table keys.

    >>> normalise_space("per\\u00a0  cent")
    'per cent'
    """
    return " ".join(surface.split())


def alternation(words: Iterable[str], *, ignore_case: bool = False) -> str:
    """A regex alternation of literal ``words``, longest first, any space matching ``\\s+``.

    >>> alternation(["bn", "billion", "b"])
    '(?:billion|bn|b)'
    """
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    parts = [r"\s+".join(regex.escape(piece) for piece in word.split(" ")) for word in ordered]
    body = "|".join(parts)
    return f"(?i:{body})" if ignore_case else f"(?:{body})"


def mixed_case_alternation(table: Mapping[str, bool]) -> str:
    """An alternation where each word carries its own case rule (``True`` = ignore case).

    Longest first across both kinds, so "per cent" is tried before "pc".

    >>> mixed_case_alternation({"pc": False, "per cent": True})
    '(?:(?i:per\\\\s+cent)|pc)'
    """
    ordered = sorted(table, key=lambda w: (-len(w), w))
    parts = []
    for word in ordered:
        body = r"\s+".join(regex.escape(piece) for piece in word.split(" "))
        parts.append(f"(?i:{body})" if table[word] else body)
    return "(?:" + "|".join(parts) + ")"


class CaseTable:
    """Surface -> value lookup that honours a per-entry case rule."""

    def __init__(self, entries: Iterable[tuple[str, object, bool]]) -> None:
        exact: dict[str, object] = {}
        folded: dict[str, object] = {}
        self.case_rules: dict[str, bool] = {}
        for surface, value, ignore_case in entries:
            self.case_rules[surface] = ignore_case
            if ignore_case:
                folded.setdefault(surface.casefold(), value)
            else:
                exact[surface] = value
        self._exact = MappingProxyType(exact)
        self._folded = MappingProxyType(folded)

    def get(self, surface: str) -> object | None:
        found = self._exact.get(surface)
        if found is None:
            found = self._folded.get(surface.casefold())
        if found is None and (" " in surface or "\t" in surface or "\n" in surface):
            key = normalise_space(surface)
            found = self._exact.get(key)
            if found is None:
                found = self._folded.get(key.casefold())
        return found

    def pattern(self) -> str:
        return mixed_case_alternation(self.case_rules)


@dataclass(frozen=True, slots=True)
class UnitEntry:
    unit: str  # name in the project's pint registry
    kind: str  # pint dimension name, or percent / percentage_point / ratio


@dataclass(frozen=True, slots=True)
class CurrencyEntry:
    code: str  # ISO 4217
    position: str  # pre | post | both


def _currency_table(position: str) -> CaseTable:
    entries = []
    for surface, code, where in rows("currencies.tsv"):
        if where == position or (where == "both" and position != "glued"):
            # Codes and symbols ("Rs", "USD") are exact; spelled-out names ("dollars", "Swiss francs") ignore case.
            ignore_case = surface[0].islower() or " " in surface.strip(" $")
            entries.append((surface, CurrencyEntry(code, where), ignore_case))
    return CaseTable(entries)


def _unit_surfaces() -> Iterator[tuple[str, UnitEntry, bool]]:
    """Each surface of units.tsv, and its plural where the file says pint's "s" rule forms it."""
    for surface, unit, kind, case, plural in rows("units.tsv"):
        entry = UnitEntry(unit, kind)
        yield surface, entry, case == "i"
        if plural == "s":
            yield surface + "s", entry, case == "i"


CURRENCY_PREFIXES: Final = _currency_table("pre")
CURRENCY_GLUED: Final = _currency_table("glued")
CURRENCY_SUFFIXES: Final = _currency_table("post")

UNITS: Final = CaseTable(_unit_surfaces())

SCALES: Final = CaseTable((surface, float(mult), case == "i") for surface, mult, case in rows("scales.tsv"))

NUMBER_WORDS: Final[Mapping[str, tuple[float, str]]] = MappingProxyType(
    {word: (float(value), cls) for word, value, cls in rows("number_words.tsv")}
)

QUALIFIERS: Final[Mapping[str, str]] = MappingProxyType(dict(rows("qualifiers.tsv")))

# Month name or abbreviation -> (month number, "name" or "abbreviation").
MONTH_FORMS: Final[Mapping[str, tuple[int, str]]] = MappingProxyType(
    {name: (int(number), form) for name, number, form in rows("months.tsv")}
)
MONTHS: Final[Mapping[str, int]] = MappingProxyType({name: number for name, (number, _) in MONTH_FORMS.items()})


def _stop_contexts() -> dict[str, str]:
    """Reference and weekday words, then every month name and abbreviation (also with its stop)."""
    table = dict(rows("stop_contexts.tsv"))
    for name, (_, form) in MONTH_FORMS.items():
        table[name] = "month"
        if form == "abbreviation":
            table[name + "."] = "month"
    return table


STOP_CONTEXTS: Final[Mapping[str, str]] = MappingProxyType(_stop_contexts())

# Trade words: word (lower case; flow words also in their "re-" form: "re-exports") -> (class, form).
_TRADE: Final = {
    form: (cls, pos)
    for word, cls, pos in rows("trade_words.tsv")
    for form in ((word.lower(), f"re-{word.lower()}") if cls in ("export", "import") else (word.lower(),))
}
TRADE_WORDS: Final[Mapping[str, str]] = MappingProxyType({word: cls for word, (cls, _) in _TRADE.items()})
TRADE_FORMS: Final[Mapping[str, str]] = MappingProxyType({word: pos for word, (_, pos) in _TRADE.items()})

FUNCTION_WORDS: Final[Mapping[str, str]] = MappingProxyType({word: cls for word, cls in rows("function_words.tsv")})
ORDINALS: Final[Mapping[str, str]] = MappingProxyType(dict(rows("ordinals.tsv")))
RELATIVE_WORDS: Final[Mapping[str, str]] = MappingProxyType(dict(rows("relative_words.tsv")))
ABBREVIATIONS: Final = frozenset(row[0] for row in rows("abbreviations.tsv"))
MULTIPLIER_WORDS: Final[Mapping[str, float]] = MappingProxyType(
    {word: float(factor) for word, factor in rows("multiplier_words.tsv")}
)
# Vague amount -> (low, high, form); see vague_amounts.tsv.
VAGUE_AMOUNTS: Final[Mapping[str, tuple[float, float, str]]] = MappingProxyType(
    {phrase: (float(low), float(high), form) for phrase, low, high, form in rows("vague_amounts.tsv")}
)
SHARE_CUES: Final = tuple(row[0] for row in rows("share_cues.tsv"))
# Words around "one" that make it a pronoun: before it ("the same one") and after it ("one another").
ONE_PRONOUN_BEFORE: Final = frozenset(w for w, side in rows("one_as_pronoun.tsv") if side == "before")
ONE_PRONOUN_AFTER: Final = frozenset(w for w, side in rows("one_as_pronoun.tsv") if side == "after")
ADDRESS_WORDS: Final = frozenset(row[0] for row in rows("address_words.tsv"))
TIME_ZONES: Final = tuple(row[0] for row in rows("time_zones.tsv"))


def words_of_class(*classes: str) -> list[str]:
    """Number words of the given classes (see number_words.tsv).

    >>> words_of_class("tens")[:2]
    ['twenty', 'thirty']
    """
    return [w for w, (_, cls) in NUMBER_WORDS.items() if cls in classes]


def function_words(*classes: str) -> frozenset[str]:
    """Function words of the given classes (all of them without an argument).

    >>> sorted(function_words("article"))
    ['a', 'an', 'the']
    """
    return frozenset(w for w, cls in FUNCTION_WORDS.items() if not classes or cls in classes)


def trade_words(*classes: str, forms: tuple[str, ...] = ()) -> frozenset[str]:
    """Trade words of the given classes, of the given forms only when ``forms`` is not empty.

    >>> sorted(trade_words("up", forms=("adj", "adv")))
    ['higher', 'up']
    """
    return frozenset(w for w, cls in TRADE_WORDS.items() if cls in classes and (not forms or TRADE_FORMS[w] in forms))


def scale_words() -> list[str]:
    """The spelled-out scale words ("hundred", "million"), singular, from scales.tsv.

    >>> scale_words()
    ['hundred', 'thousand', 'lakh', 'million', 'crore', 'billion', 'trillion']
    """
    spelled = (w for w, _, _ in rows("scales.tsv") if w.isalpha() and w.islower() and len(w) > 3 and not w.endswith("s"))
    return sorted(spelled, key=lambda w: float(SCALES.get(w)))  # type: ignore[arg-type]
