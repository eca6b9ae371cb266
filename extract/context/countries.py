"""Country mentions: names, alternative spellings and demonyms from the countryinfo gazetteer
(``data/gazetteer.tsv``, written by ``python -m tools.gazetteer``), plus the project's own aliases
(capitals as metonyms, news abbreviations) in ``data/country_aliases.tsv``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from functools import cache

import regex

from extract.vocab import rows


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    code: str  # ISO 3166 alpha-3
    surface: str
    is_demonym: bool
    possessive: bool  # "China's"


@dataclass(frozen=True)
class Gazetteer:
    codes: dict[str, str]  # alias -> alpha-3, or "-" for a shadowing non-country
    demonyms: frozenset[str]
    by_first_word: dict[str, tuple[tuple[str, ...], ...]]  # first word -> alias word tuples, longest first


# Capitalised tokens: the only places a country alias can start ("U.S.", "Pan-American", "King's").
_TOKEN = regex.compile(r"[A-Z][\w\u00c0-\u024f.'\u2019-]*")
# The capitalised parts of a hyphenated token: "China-Russia", "U.S.-Soviet".
_PART = regex.compile(r"(?<![\w.])[A-Z][\w\u00c0-\u024f.'\u2019]*")
_POSSESSIVE = ("'s", "\u2019s", "'", "\u2019")


@cache
def gazetteer() -> Gazetteer:
    """The alias table, built on first use from the gazetteer file and the aliases file."""
    codes: dict[str, str] = {}
    demonyms: set[str] = set()
    for name in ("gazetteer.tsv", "country_aliases.tsv"):  # ours last: they override
        for alias, code, *kind in rows(name):
            if code:
                codes[alias] = code
            if kind == ["demonym"]:
                demonyms.add(alias)
    first: dict[str, list[tuple[str, ...]]] = {}
    for alias in codes:
        words = tuple(alias.split())
        first.setdefault(words[0], []).append(words)
    by_first = {w: tuple(sorted(v, key=len, reverse=True)) for w, v in first.items()}
    return Gazetteer(codes, frozenset(demonyms), by_first)


def find_countries(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Country mentions in ``text[start:end]``, in order; non-country phrases ("Latin American") are skipped.

    >>> [(m.surface, m.code, m.possessive) for m in find_countries("China's exports to Russia and the Kremlin")]
    [('China', 'CHN', True), ('Russia', 'RUS', False), ('Kremlin', 'RUS', False)]
    >>> [m.code for m in find_countries("Chinese firms, Latin American buyers and US$ 5 from American banks")]
    ['CHN', 'USA']
    >>> [(m.surface, m.end) for m in find_countries("Exports to the United States.")]
    [('United States', 28)]
    """
    table = gazetteer()
    tokens = list(_TOKEN.finditer(text, start, len(text) if end is None else end))
    out: list[Mention] = []
    skip_until = -1
    for i, token in enumerate(tokens):
        if token.start() < skip_until or (token.start() and (text[token.start() - 1].isalnum())):
            continue
        found = _match_at(text, tokens, i, table)
        if found is None:
            if "-" in token.group():
                out.extend(_hyphen_parts(text, token, table))
            continue
        name, stop, possessive = found
        skip_until = stop
        code = table.codes[name]
        if code != "-" and text[stop : stop + 1] != "$":  # "US$" is a currency
            out.append(Mention(token.start(), stop, code, name, name in table.demonyms, possessive))
    return out


def _hyphen_parts(text: str, token: regex.Match[str], table: Gazetteer) -> list[Mention]:
    """Countries joined by an ASCII hyphen, as an en dash would join them: "China-Russia trade".

    >>> [m.code for m in find_countries("China-Russia trade and U.S.-Soviet talks, not Coca-Cola")]
    ['CHN', 'RUS', 'USA', 'SUN']
    """
    out = []
    for part in _PART.finditer(text, token.start(), token.end()):
        word, possessive = _bare(part.group())
        name = word if word in table.codes else word.rstrip(".") if word.rstrip(".") in table.codes else ""
        if name and table.codes[name] != "-":
            out.append(
                Mention(part.start(), part.start() + len(name), table.codes[name], name, name in table.demonyms, possessive)
            )
    return out


@cache
def _historic_capitals() -> dict[str, tuple[str, date]]:
    return {alias: (code, date.fromisoformat(last)) for alias, code, last in rows("historic_capitals.tsv")}


def as_of(mentions: list[Mention], anchor: date | None) -> list[Mention]:
    """Mentions with capitals read as the state they stood for on the document's date.

    >>> [m.code for m in as_of(find_countries("Moscow and the Kremlin"), date(1987, 3, 5))]
    ['SUN', 'SUN']
    >>> [m.code for m in as_of(find_countries("Moscow and the Kremlin"), date(2024, 3, 5))]
    ['RUS', 'RUS']
    """
    if anchor is None:
        return mentions
    table = _historic_capitals()
    out = []
    for m in mentions:
        historic = table.get(m.surface)
        out.append(replace(m, code=historic[0]) if historic and anchor <= historic[1] else m)
    return out


def _match_at(text: str, tokens: list[regex.Match[str]], i: int, table: Gazetteer) -> tuple[str, int, bool] | None:
    """The longest alias starting at token ``i``: (alias, end offset, possessive)."""
    raw = tokens[i].group()
    word, possessive = _bare(raw)
    candidates = table.by_first_word.get(raw) or table.by_first_word.get(word) or table.by_first_word.get(word.rstrip("."))
    if not candidates:
        return None
    for words in candidates:
        if len(words) == 1:
            last = tokens[i]
            if words[0] != word and words[0] != word.rstrip("."):
                continue
            bare = words[0]
            return bare, last.start() + len(bare), possessive
        if i + len(words) > len(tokens):
            continue
        span = tokens[i : i + len(words)]
        if all(span[k + 1].start() == span[k].end() + 1 for k in range(len(span) - 1)):
            last_word, last_possessive = _bare(span[-1].group())
            if last_word != words[-1] and last_word.rstrip(".") == words[-1]:
                last_word = words[-1]  # a sentence's full stop: "sold to the United States."
            if (*(t.group() for t in span[:-1]), last_word) == words:
                return " ".join(words), span[-1].start() + len(last_word), last_possessive
    return None


def _bare(token: str) -> tuple[str, bool]:
    """A token without its possessive ending or a sentence-final full stop (kept for "U.S.")."""
    for ending in _POSSESSIVE:
        if token.endswith(ending) and len(token) > len(ending):
            return token[: -len(ending)], True
    return token, False


def codes_in(mentions: list[Mention]) -> str:
    """The distinct codes of ``mentions`` in order of first mention, joined by ";".

    >>> codes_in(find_countries("Moscow asked Beijing; China and Russia agreed"))
    'RUS;CHN'
    """
    seen: dict[str, None] = {}
    for m in mentions:
        seen.setdefault(m.code, None)
    return ";".join(seen)
