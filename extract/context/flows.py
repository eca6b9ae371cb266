"""Trade flows a sentence states: who exports to whom ("China's exports to Russia", "Russian
imports of Chinese semiconductors", "came from China")."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from extract.context.countries import Mention
from extract.context.tokens import CLASS, LOWER, START, TEXT, Token
from extract.vocab import TRADE_WORDS, function_words

_FUNCTION: Final = function_words()
FLOW_CLASSES: Final = frozenset({"export", "import"})


@dataclass(frozen=True, slots=True)
class Flow:
    position: int  # offset of the flow word
    exporter: str
    importer: str
    cue: str  # the flow word as written ("exports", "imported")


def find_flows(tokens: list[Token], mentions: list[Mention], flow_words: list[int] | None = None) -> list[Flow]:
    """Stated trade flows in one sentence: who exports to whom.

    >>> from extract.context.countries import find_countries
    >>> from extract.context.tokens import tokenize
    >>> def flows(s):
    ...     return [(f.exporter, f.importer) for f in find_flows(tokenize(s), find_countries(s))]
    >>> flows("China's exports to Russia jumped"), flows("Russian imports of Chinese semiconductors rose")
    ([('CHN', 'RUS')], [('CHN', 'RUS')])
    >>> flows("70% of Russian imports of machine tools came from China"), flows("China supplied 90% of Russia's imports")
    ([('CHN', 'RUS')], [('CHN', 'RUS')])
    >>> flows("India imported a record volume of Russian crude"), flows("Bilateral trade between the two countries grew")
    ([('RUS', 'IND')], [])
    """
    out: list[Flow] = []
    if flow_words is None:
        flow_words = [k for k, t in enumerate(tokens) if t[CLASS] in FLOW_CLASSES]
    if not flow_words:
        return out
    by_start = {m.start: m for m in mentions}
    for k in flow_words:
        t = tokens[k]
        subject = _subject(tokens, k, by_start, mentions, is_verb=t[LOWER].endswith("ed") or t[LOWER] in ("sold", "bought"))
        if t[CLASS] == "export":
            exporter = _after(tokens, k, ("from",), by_start, limit=8) or subject or _of_origin(tokens, k, by_start)
            importer = _after(tokens, k, ("to", "into"), by_start, limit=8) or _possessed_import(tokens, k, by_start)
        else:
            importer = subject or _after(tokens, k, ("into",), by_start, limit=8)
            exporter = _after(tokens, k, ("from",), by_start, limit=12) or _of_origin(tokens, k, by_start)
            exporter = exporter or _came_from(tokens, k, by_start)
        if exporter and importer and exporter != importer:
            out.append(Flow(t[START], exporter, importer, t[TEXT]))
        elif exporter or importer:
            same = exporter == importer
            out.append(Flow(t[START], "" if same else exporter, "" if same else importer, t[TEXT]))
    return _merge_flows(out)


def nearest_flow(flows: list[Flow], offset: int) -> Flow | None:
    return min(flows, key=lambda f: abs(f.position - offset)) if flows else None


def _subject(tokens: list[Token], k: int, by_start: dict[int, Mention], mentions: list[Mention], *, is_verb: bool) -> str:
    """Country right before a flow word: "China's exports", "Russian crude imports", or a verb's subject."""
    for j in range(k - 1, max(-1, k - 4), -1):
        m = by_start.get(tokens[j][START])
        if m and (m.possessive or m.is_demonym):
            return m.code
        if tokens[j][LOWER] in (".", ",", ";") or (tokens[j][LOWER] in _FUNCTION and tokens[j][LOWER] != "'s"):
            break
    if is_verb:
        window_start = tokens[max(0, k - 6)][START]
        before = [m for m in mentions if window_start <= m.start < tokens[k][START]]
        if before:
            return before[-1].code
    return ""


def _after(tokens: list[Token], k: int, preps: tuple[str, ...], by_start: dict[int, Mention], limit: int) -> str:
    """Country after a preposition following the flow word: "to Russia", "from China"."""
    for j in range(k + 1, min(len(tokens) - 1, k + limit)):
        if tokens[j][LOWER] == ";":
            break
        if tokens[j][LOWER] in preps:
            nxt = tokens[j + 1] if tokens[j + 1][LOWER] != "the" or j + 2 >= len(tokens) else tokens[j + 2]
            m = by_start.get(nxt[START])
            if m:
                return m.code
    return ""


def _came_from(tokens: list[Token], k: int, by_start: dict[int, Mention]) -> str:
    """The origin named by "came from" / "come from" later in the sentence, however far."""
    for j in range(k + 1, len(tokens) - 2):
        if tokens[j][LOWER] in ("came", "come", "comes", "coming") and tokens[j + 1][LOWER] == "from":
            m = by_start.get(tokens[j + 2][START])
            return m.code if m else ""
    return ""


def _of_origin(tokens: list[Token], k: int, by_start: dict[int, Mention]) -> str:
    """A demonym after "of" names the origin: "imports of Chinese semiconductors"."""
    for j in range(k + 1, min(len(tokens) - 1, k + 9)):
        if tokens[j][LOWER] == "of":
            m = by_start.get(tokens[j + 1][START])
            if m and m.is_demonym:
                return m.code
        if tokens[j][LOWER] in (".", ";"):
            break
    return ""


def _possessed_import(tokens: list[Token], k: int, by_start: dict[int, Mention]) -> str:
    """The possessor of a later "imports": "supplied 90% of Russia's imports" -> Russia."""
    for j in range(k + 1, min(len(tokens) - 1, k + 8)):
        if TRADE_WORDS.get(tokens[j][LOWER]) == "import":
            for i in range(j - 1, max(k, j - 3), -1):
                m = by_start.get(tokens[i][START])
                if m and (m.possessive or m.is_demonym):
                    return m.code
    return ""


def _merge_flows(flows: list[Flow]) -> list[Flow]:
    """Join half-stated flows of one sentence that do not contradict each other."""
    complete = [f for f in flows if f.exporter and f.importer]
    if complete:
        return complete
    exporters = {f.exporter for f in flows if f.exporter}
    importers = {f.importer for f in flows if f.importer}
    if len(exporters) <= 1 and len(importers) <= 1 and exporters != importers:  # one side may be unnamed
        first = flows[0]
        return [Flow(first.position, exporters.pop() if exporters else "", importers.pop() if importers else "", first.cue)]
    return []
