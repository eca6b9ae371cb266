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
    ['doubled', '2', 'verb']
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


def _trie(words: Iterable[str], *, reverse: bool = False) -> str:
    """A regex of literal ``words`` as a trie: each shared prefix is written once, so the engine
    checks a few characters instead of trying a thousand words one by one. At each branch the
    longer words come first ("billion" before "bn" before "b"), and a word that ends where a
    longer one goes on is an optional part, tried long first; a space matches any run of white space
    but a line break (a figure never runs across one).

    ``reverse`` builds the trie from the words' ends, for patterns matched backwards (``(?r)``),
    where the engine meets a word's last character first: "HK $" must be tried before "$".
    """
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = root
        for char in reversed(word) if reverse else word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> tuple[str, int]:  # type: ignore[type-arg]
        """The pattern of ``node``'s subtree and the length of its longest word, in one pass."""
        children = sorted(((k, *emit(child)) for k, child in node.items() if k), key=lambda c: (-c[2], c[0]))
        pieces = [(r"[^\S\n]+" if k == " " else regex.escape(k), rest) for k, rest, _ in children]
        branches = [rest + char if reverse else char + rest for char, rest in pieces]
        depth = 1 + children[0][2] if children else 0
        if not branches:
            return "", depth
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return (("(?:" + body + ")?") if len(branches) == 1 else body + "?"), depth
        return body, depth

    return emit(root)[0]


def alternation(words: Iterable[str], *, ignore_case: bool = False, reverse: bool = False) -> str:
    """A regex matching any of the literal ``words``, longest first, any space matching a run of
    white space on one line
    (``reverse``: for a pattern matched backwards).

    >>> alternation(["bn", "billion", "b"]), alternation(["$", "HK $"], reverse=True)
    ('(?:b(?:illion|n)?)', '(?:(?:HK[^\\\\S\\\\n]+)?\\\\$)')
    """
    ordered = sorted({normalise_space(w).casefold() if ignore_case else normalise_space(w) for w in words})
    body = _trie(ordered, reverse=reverse)
    return f"(?i:{body})" if ignore_case else f"(?:{body})"


def mixed_case_alternation(table: Mapping[str, bool], *, reverse: bool = False) -> str:
    """An alternation where each word carries its own case rule (``True`` = ignore case): the words
    that ignore case, then the exact ones (the grammar's look-arounds make the engine try the
    second group when a word of the first ends inside a longer word).

    >>> mixed_case_alternation({"pc": False, "per cent": True})
    '(?:(?i:per[^\\\\S\\\\n]+cent)|(?:pc))'
    """
    folded = alternation([w for w, ignore in table.items() if ignore], ignore_case=True, reverse=reverse)
    exact = alternation([w for w, ignore in table.items() if not ignore], reverse=reverse)
    parts = [p for p, words in ((folded, any(table.values())), (exact, not all(table.values()))) if words]
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

    def pattern(self, *, reverse: bool = False) -> str:
        return mixed_case_alternation(self.case_rules, reverse=reverse)


@dataclass(frozen=True, slots=True)
class UnitEntry:
    unit: str  # name in the project's pint registry
    kind: str  # pint dimension name, or percent / percentage_point / ratio


@dataclass(frozen=True, slots=True)
class CurrencyEntry:
    code: str  # ISO 4217
    position: str  # pre | post | both | glued
    factor: float = 1.0  # what a subunit multiplies by ("cts": 0.01)


# Wire copy's abbreviations of a currency name's last word ("Canadian dlrs"), and the subunit of
# every currency named "dollar" ("Canadian cents", "canadian cts"): hundredths, as ISO 4217 says.
_WIRE_FORMS: Final = {"dollars": ("dlrs",), "dollar": ("dlr",)}
_DOLLAR_SUBUNITS: Final = ("cents", "cts")


def _currency_rows() -> Iterator[tuple[str, str, str, float]]:
    """(surface, code, position, factor): currencies.tsv first, then what CLDR adds.

    CLDR gives every ISO code (either side of a number, exact case) and each English name of
    more than one word ("Egyptian pounds", "Chilean pesos"), in the singular and the plural; names
    CLDR dates with a parenthesis ("Brazilian cruzeiro (1990–1993)") are left out. One-word names
    ("euro", "won") and the default of an ambiguous noun ("francs") are ours.
    """
    for row in rows("currencies.tsv"):
        yield row[0], row[1], row[2], float(row[3]) if len(row) > 3 else 1.0
    for code, _name, singular, plural in rows("cldr_currencies.tsv"):
        yield code, code, "both", 1.0
        for name in (singular, plural):
            words = name.split()
            if len(words) < 2 or "(" in name:
                continue
            yield name, code, "name", 1.0
            for wire in _WIRE_FORMS.get(words[-1].lower(), ()):
                yield " ".join([*words[:-1], wire]), code, "name", 1.0
            if words[-1].lower() in _WIRE_FORMS:
                for sub in _DOLLAR_SUBUNITS:
                    yield " ".join([*words[:-1], sub]), code, "name", 0.01


# Read once: four tables and the index of names are made from them at start-up.
_CURRENCY_ROWS: Final = tuple(_currency_rows())


def _currency_table(*positions: str) -> CaseTable:
    entries = []
    seen: set[str] = set()
    for surface, code, where, factor in _CURRENCY_ROWS:
        if where in positions or (where == "both" and "glued" not in positions):
            # Codes and symbols ("Rs", "USD") are exact; spelled-out names ("dollars", "Swiss francs") ignore case.
            ignore_case = surface[0].islower() or " " in surface.strip(" $")
            key = surface.casefold() if ignore_case else surface
            if key in seen:  # the first row of a surface wins: ours before CLDR's
                continue
            seen.add(key)
            entries.append((surface, CurrencyEntry(code, where, factor), ignore_case))
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
# Every surface written after a number, CLDR's names included: the table lookups use.
CURRENCY_SUFFIXES: Final = _currency_table("post", "name")
# ... without CLDR's names: what the grammar's alternation lists. A thousand names in the figure
# regexes would cost a second to compile at every start; candidate.currency_name_after reads
# them word by word instead, through CURRENCY_NAME_STARTS.
CURRENCY_SUFFIX_WORDS: Final = _currency_table("post")
_NAME_WORD = regex.compile(r"[\w'\u2019-]+")


def name_words(text: str) -> tuple[str, ...]:
    """The words of a name, case-folded, as currency_name_after compares them.

    >>> name_words("East Caribbean dollars")
    ('east', 'caribbean', 'dollars')
    """
    return tuple(w.casefold() for w in _NAME_WORD.findall(text))


def _name_starts() -> dict[str, tuple[tuple[str, ...], ...]]:
    starts: dict[str, set[tuple[str, ...]]] = {}
    for surface, _code, where, _factor in _CURRENCY_ROWS:
        if where == "name":
            words = name_words(surface)
            starts.setdefault(words[0], set()).add(words)
    return {first: tuple(sorted(names, key=len, reverse=True)) for first, names in starts.items()}


# First word of a CLDR currency name -> the names that start with it (as words), longest first.
CURRENCY_NAME_STARTS: Final[Mapping[str, tuple[tuple[str, ...], ...]]] = MappingProxyType(_name_starts())

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
    {word: float(factor) for word, factor, _ in rows("multiplier_words.tsv")}
)
# Multiplier verbs that are adjectives too ("double", "triple"): form "both" in multiplier_words.tsv.
MULTIPLIER_ADJECTIVES: Final = frozenset(word for word, _, form in rows("multiplier_words.tsv") if form == "both")
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


# --- the context stage's own vocabulary (clauses, historic capitals) ---------------------------------

CLAUSE_MARKS: Final[Mapping[str, tuple[str, str]]] = MappingProxyType(
    {w: (where, kind) for w, where, kind in rows("clause_marks.tsv")}
)
FUTURE_WORDS: Final = frozenset(row[0] for row in rows("future_words.tsv"))
PERIOD_CUES: Final[Mapping[str, str]] = MappingProxyType(dict(rows("period_cues.tsv")))
# Flow qualifiers (flow_qualifiers.tsv): capitalised words that make a country name a company's
# ("Japan Airlines"), and words that make a flow noun domestic ("domestic sales").
COMPANY_WORDS: Final = frozenset(w for w, role in rows("flow_qualifiers.tsv") if role == "company")
DOMESTIC_WORDS: Final = frozenset(w for w, role in rows("flow_qualifiers.tsv") if role == "domestic")


# --- the figures stage's compounds of a number word (round 4) ---------------------------------------

# Words after "N-" that make the number an idiom or a ratio, not a count (number_idioms.tsv).
NUMBER_IDIOMS: Final = frozenset(row[0].lower() for row in rows("number_idioms.tsv"))
