"""The extractor's vocabularies, read once from the tab-separated files in ``extract/data``.

Logic never spells a currency, unit or number word itself: it asks this module, which keeps
each vocabulary as a lookup table plus a helper that turns it into a regex alternation.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

import regex

DATA_DIR = Path(__file__).with_name("data")


def _rows(name: str) -> Iterator[list[str]]:
    """Rows of a data file, skipping blank lines and ``#`` comments."""
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
    for surface, code, where in _rows("currencies.tsv"):
        if where == position or (where == "both" and position != "glued"):
            # Codes and symbols ("Rs", "USD") are exact; spelled-out names ("dollars", "Swiss francs") ignore case.
            ignore_case = surface[0].islower() or " " in surface.strip(" $")
            entries.append((surface, CurrencyEntry(code, where), ignore_case))
    return CaseTable(entries)


CURRENCY_PREFIXES = _currency_table("pre")
CURRENCY_GLUED = _currency_table("glued")
CURRENCY_SUFFIXES = _currency_table("post")

UNITS = CaseTable((surface, UnitEntry(unit, kind), case == "i") for surface, unit, kind, case in _rows("units.tsv"))

SCALES = CaseTable((surface, float(mult), case == "i") for surface, mult, case in _rows("scales.tsv"))

NUMBER_WORDS: Mapping[str, tuple[float, str]] = MappingProxyType(
    {word: (float(value), cls) for word, value, cls in _rows("number_words.tsv")}
)

QUALIFIERS: Mapping[str, str] = MappingProxyType(dict(_rows("qualifiers.tsv")))

STOP_CONTEXTS: Mapping[str, str] = MappingProxyType(dict(_rows("stop_contexts.tsv")))


def words_of_class(*classes: str) -> list[str]:
    """Number words of the given classes (see number_words.tsv)."""
    return [w for w, (_, cls) in NUMBER_WORDS.items() if cls in classes]
