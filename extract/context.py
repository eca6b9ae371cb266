"""Trade context of each figure: role, direction, measure, countries, flow, period, US dollars, restatements.

Works sentence by sentence on the figures that ``extract_figures`` found; each decision is a small
rule below with a doctest of its example.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from operator import itemgetter, methodcaller
from types import MappingProxyType

import regex

from extract.countries import Mention, codes_in, find_countries
from extract.fx import to_usd
from extract.periods import Period, find_periods, parse_date
from extract.records import Draft, Figure
from extract.sentences import clip_sentence
from extract.vocab import _rows

TRADE_WORDS: Mapping[str, str] = MappingProxyType(
    {form: cls for w, cls in _rows("trade_words.tsv") for form in (w.lower(), f"re-{w.lower()}")}  # re-exports
)

# Words, numbers and single punctuation marks. The stdlib engine tokenizes a third faster here.
_TOKEN = re.compile(r"[A-Za-z\u00c0-\u024f][\w\u00c0-\u024f'\u2019-]*|\d[\d.,]*|[^\s\w]")
# Words that never belong to a measure phrase or a counted noun.
_FUNCTION = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "from",
        "by",
        "for",
        "with",
        "and",
        "or",
        "but",
        "as",
        "than",
        "that",
        "which",
        "who",
        "whose",
        "this",
        "these",
        "those",
        "its",
        "their",
        "his",
        "her",
        "our",
        "your",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "will",
        "would",
        "could",
        "should",
        "may",
        "might",
        "can",
        "said",
        "says",
        "per",
        "cent",
        "percent",
        "year",
        "years",
        "month",
        "months",
        "since",
        "during",
        "between",
        "after",
        "before",
        "over",
        "under",
        "about",
        "around",
        "some",
        "nearly",
        "almost",
        "roughly",
        "more",
        "less",
        "most",
        "least",
        "up",
        "down",
        "while",
        "when",
        "where",
        "it",
        "they",
        "we",
        "he",
        "she",
        "last",
        "next",
        "into",
        "through",
        "via",
        "across",
    ]
)
# Verbs that end a measure phrase or a counted noun ("imports of machine tools came from").
_VERBS = frozenset(
    [
        "came",
        "come",
        "comes",
        "go",
        "goes",
        "went",
        "reached",
        "reach",
        "totalled",
        "totaled",
        "hit",
        "amounted",
        "stood",
        "stand",
        "fell",
        "rose",
    ]
)
_LEVEL_BEFORE = frozenset(["to", "at", "from", "of"])  # "rose to $7bn", "fell from 5%": the figure is a level
_CHANGE_NOUNS_AFTER = frozenset(
    [
        "increase",
        "rise",
        "jump",
        "gain",
        "growth",
        "drop",
        "decline",
        "fall",
        "decrease",
        "slump",
        "surge",
        "higher",
        "lower",
        "up",
        "down",
    ]
)
_SHARE_PHRASES = ("share", "accounted", "accounts", "account", "made up", "makes up", "supplied", "came from", "come from")
_COUNT_KINDS = frozenset({"count"})
_MATCH_START = methodcaller("start")
_BLOCK_CHARS = 64_000  # characters of text per context block
_FLOW_CLASSES = frozenset({"export", "import"})
_HEAD_CLASSES = frozenset({"export", "import", "measure"})
_MULTIPLIER_VERBS = frozenset({"doubled", "tripled", "trebled", "quadrupled"})


# A token is a plain tuple (start, text, lower, class in trade_words.tsv or None): made by zip in
# C for every word of a document, which named tuples would make several times slower.
_Token = tuple[int, str, str, str | None]
START, TEXT, LOWER, CLASS = range(4)
_START = itemgetter(START)


@dataclass(frozen=True, slots=True)
class Flow:
    position: int
    exporter: str
    importer: str


def add_context(figures: Sequence[Figure | Draft], text: str, doc_date: str = "") -> list[Figure]:
    """``figures`` of ``text`` with their context columns filled in.

    >>> from extract.figures import extract_figures
    >>> t = "China's exports to Russia jumped 64.2% between 2021 and 2023."
    >>> f = add_context(extract_figures(t, context=False), t)[0]
    >>> (f.role, f.direction, f.measure, f.exporter, f.importer, f.period_start, f.period_end)
    ('change', 'up', 'exports', 'CHN', 'RUS', '2021-01-01', '2023-12-31')
    """
    anchor = parse_date(doc_date)
    by_sentence: dict[int, list[Figure]] = {}
    for f in figures:
        by_sentence.setdefault(f.sentence_index, []).append(f)
    spans = []
    for group in by_sentence.values():
        first = group[0]
        s_start = text.find(first.sentence, max(0, first.start - len(first.sentence)), first.end + len(first.sentence))
        s_start = s_start if s_start >= 0 else first.start
        spans.append((s_start, s_start + len(first.sentence), group))
    out: list[Figure] = []
    # Blocks of whole sentences: one pass per block for tokens, countries and periods, so that the
    # work is shared by its sentences and memory stays bounded however long the document is.
    block: list[tuple[int, int, list[Figure]]] = []
    for span in spans:
        if block and span[1] - block[0][0] > _BLOCK_CHARS:
            out.extend(_block_context(text, block, anchor))
            block = []
        block.append(span)
    if block:
        out.extend(_block_context(text, block, anchor))
    return out


def _block_context(text: str, block: list[tuple[int, int, list[Figure]]], anchor: date | None) -> list[Figure]:
    b_start, b_end = block[0][0], block[-1][1]
    mentions = find_countries(text, b_start, b_end)
    periods = find_periods(text, b_start, b_end, anchor)
    mention_starts = [m.start for m in mentions]
    period_starts = [p.start for p in periods]
    tokens = _tokenize(text, b_start, b_end)
    token_starts = [t[START] for t in tokens]
    classed = [k for k, t in enumerate(tokens) if t[CLASS] is not None]
    heads = [k for k in classed if tokens[k][CLASS] in _HEAD_CLASSES and _is_noun_form(tokens[k])]
    flow_words = [k for k in classed if tokens[k][CLASS] in _FLOW_CLASSES]
    out: list[Figure] = []
    for s_start, s_end, group in block:
        in_sentence = mentions[bisect_left(mention_starts, s_start) : bisect_left(mention_starts, s_end)]
        sentence_periods = periods[bisect_left(period_starts, s_start) : bisect_left(period_starts, s_end)]
        lo, hi = bisect_left(token_starts, s_start), bisect_left(token_starts, s_end)
        sentence_heads = [k - lo for k in heads[bisect_left(heads, lo) : bisect_left(heads, hi)]]
        sentence_flows = [k - lo for k in flow_words[bisect_left(flow_words, lo) : bisect_left(flow_words, hi)]]
        out.extend(
            _sentence_context(
                group, s_start, text, tokens[lo:hi], sentence_heads, sentence_flows, in_sentence, sentence_periods, anchor
            )
        )
    return out


def _sentence_context(
    group: list[Figure],
    sentence_start: int,
    text: str,
    tokens: list[_Token],
    heads: list[int],
    flow_words: list[int],
    mentions: list[Mention],
    periods: list[Period],
    anchor: date | None,
) -> list[Figure]:
    countries = codes_in(mentions)
    flows = find_flows(text, tokens, mentions, flow_words)
    figure_spans = [(f.start, f.end) for f in group]
    periods = usable_periods(periods, figure_spans)
    restates = [k > 0 and is_restatement(group[k - 1], f, text[group[k - 1].end : f.start]) for k, f in enumerate(group)]
    out = []
    for k, f in enumerate(group):
        sentence, sentence_offset = clip_sentence(f.sentence, f.start - sentence_start, f.end - sentence_start)
        index = _token_index(tokens, f.start)
        after = _token_index(tokens, f.end)
        cue = change_cue(tokens, index) or ("up" if index < len(tokens) and tokens[index][LOWER] in _MULTIPLIER_VERBS else "")
        direction = (
            cue
            or reached_direction(tokens, index)
            or ("down" if f.value < 0 and f.kind in ("percent", "percentage_point") else "")
        )
        signed = f.surface[:1] in "+-\u2212" and f.kind in ("percent", "percentage_point")
        role = "change" if signed else role_of(f.kind, tokens, index, after, cue, text[f.end : f.end + 4])
        value, low, high = f.value, f.value_low, f.value_high
        if role == "change" and value < 0:
            direction = "down"
            value, low, high = -value, _neg(high), _neg(low)
        period = nearest_period(periods, f.start, f.end)
        flow = nearest_flow(flows, f.start)
        same_as = group[k - 1].figure_id if restates[k] else ""
        value_usd, fx_note = None, ""
        if f.kind == "money":
            partner = group[k - 1] if restates[k] else (group[k + 1] if k + 1 < len(group) and restates[k + 1] else None)
            stated = partner.value if partner is not None and partner.unit.split("/")[0] == "USD" else None
            when = parse_date(period.last) if period else None
            value_usd, fx_note = to_usd(value, f.unit, when or anchor, stated)
        out.append(
            Figure(
                f.figure_id,
                f.doc_id,
                f.sentence_index,
                f.start,
                f.end,
                f.surface,
                value,
                low,
                high,
                f.unit,
                f.kind,
                f.qualifier,
                sentence,
                sentence_offset,
                role=role,
                direction=direction,
                measure=measure_of(f.kind, tokens, index, after, heads),
                countries=countries,
                exporter=flow.exporter if flow else "",
                importer=flow.importer if flow else "",
                period=period.text if period else "",
                period_start=period.first if period else "",
                period_end=period.last if period else "",
                value_usd=value_usd,
                fx_note=fx_note,
                same_as=same_as,
            )
        )
    return out


def _neg(value: float | None) -> float | None:
    return -value if value is not None else None


def _token_index(tokens: list[_Token], offset: int) -> int:
    """Index of the first token that starts at or after ``offset``."""
    return bisect_left(tokens, offset, key=_START)


def _tokenize(text: str, start: int = 0, end: int | None = None) -> list[_Token]:
    """Tokens of ``text[start:end]`` (offsets into ``text``), made once and shared out by sentence.

    Built column by column (findall runs in C) and zipped into tuples, which avoids a Python-level
    call per token: this is the hottest loop of the context step.
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


def _tokens(words: str) -> list[_Token]:
    """Tokens of a phrase, for doctests."""
    return _tokenize(words)


def change_cue(tokens: list[_Token], index: int) -> str:
    """The direction of a change verb or noun governing the figure at token ``index``: up, down or "".

    Looks back over at most four tokens, skipping qualifiers and "by"; "to"/"from" right before the
    figure make it the level reached, not the change ("rose to $7bn").

    >>> t = _tokens("exports jumped by nearly 64.2 %")
    >>> change_cue(t, 4)
    'up'
    >>> t = _tokens("revenue rose to 7 bn")
    >>> change_cue(t, 3)
    ''
    >>> t = _tokens("an increase of 18.3 points")
    >>> change_cue(t, 3)
    'up'
    """
    for k in range(index - 1, max(-1, index - 5), -1):
        word = tokens[k][LOWER]
        cls = TRADE_WORDS.get(word)
        if word in _LEVEL_BEFORE and not (word == "of" and k and TRADE_WORDS.get(tokens[k - 1][LOWER]) in ("up", "down")):
            return ""  # "rose to a record $65bn": the level reached
        if cls in ("up", "down"):
            if word == "up" and k + 1 < len(tokens) and tokens[k + 1][LOWER] == "to":
                return ""  # "up to" is a bound
            return cls
        if word in (".", ",", ";", ":") or TRADE_WORDS.get(word) in ("export", "import", "measure", "share"):
            break
    return ""


def reached_direction(tokens: list[_Token], index: int) -> str:
    """The direction of the move that led to a level: "climbed to 34.5 percent" is up.

    >>> reached_direction(_tokens("payments climbed to 34.5 percent"), 3), reached_direction(_tokens("reached 5 %"), 1)
    ('up', '')
    """
    for k in range(index - 1, max(0, index - 4), -1):
        if tokens[k][LOWER] == "to":
            cls = TRADE_WORDS.get(tokens[k - 1][LOWER])
            return cls if cls in ("up", "down") else ""
    return ""


def role_of(kind: str, tokens: list[_Token], index: int, after: int, cue: str, text_after: str) -> str:
    """level | change | share.

    >>> role_of("percent", _tokens("70 % of Russian imports"), 0, 2, "", " of ")
    'share'
    >>> role_of("percent", _tokens("jumped 64.2 %"), 1, 3, "up", " ")
    'change'
    >>> role_of("money", _tokens("reached 110 bn"), 1, 3, "", " ")
    'level'
    >>> role_of("percent", _tokens("a 5 % increase"), 1, 3, "", " inc")
    'change'
    """
    next_word = tokens[after][LOWER] if after < len(tokens) else ""
    if kind == "ratio" and index < len(tokens) and tokens[index][LOWER] in _MULTIPLIER_VERBS:
        return "change"  # "doubled" is itself the change
    if kind in ("percent", "percentage_point", "ratio", "money", "count") and next_word in _CHANGE_NOUNS_AFTER:
        return "change"
    if cue:
        return "change"
    if kind == "percent":
        if next_word == "of":
            return "share"
        window = " ".join(t[LOWER] for t in tokens[max(0, index - 8) : index])
        if any(phrase in window for phrase in _SHARE_PHRASES):
            return "share"
    return "level"


def measure_of(kind: str, tokens: list[_Token], index: int, after: int, heads: list[int] | None = None) -> str:
    """The noun phrase the figure measures, as written.

    >>> measure_of("count", _tokens("909,000 vehicles from China"), 0, 1)
    'vehicles'
    >>> t = _tokens("70 % of Russian imports of machine tools which amounted")
    >>> measure_of("percent", t, 0, 2)
    'imports of machine tools'
    >>> t = _tokens("Russia's crude oil shipments fell 5 %")
    >>> measure_of("percent", t, 5, 7)
    'crude oil shipments'
    """
    if kind in _COUNT_KINDS:
        words = []
        for t in tokens[after : after + 3]:
            if t[LOWER] in _FUNCTION or t[LOWER] in _VERBS or t[LOWER].endswith("ed") or not t[TEXT][0].isalpha():
                break
            words.append(t[TEXT])
        if words:
            return " ".join(words)
    head = _nearest_head(tokens, index, after, heads)
    if head is None:
        return ""
    start = head
    while start > 0 and _is_modifier(tokens[start - 1]) and head - start < 2:
        start -= 1
    end = head + 1
    if end + 1 < len(tokens) and tokens[end][LOWER] == "of":
        stop = end + 1
        while stop < len(tokens) and stop < end + 4 and _in_phrase(tokens[stop]):
            stop += 1
        if stop > end + 1:
            end = stop
    return " ".join(t[TEXT] for t in tokens[start:end])


def _nearest_head(tokens: list[_Token], index: int, after: int, heads: list[int] | None) -> int | None:
    if heads is None:
        heads = [
            k for k, t in enumerate(tokens) if TRADE_WORDS.get(t[LOWER]) in ("export", "import", "measure") and _is_noun_form(t)
        ]
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


def _in_phrase(t: _Token) -> bool:
    """A word that continues "imports of ...": content words, not verbs or change words."""
    return (
        _is_content(t)
        and t[LOWER] not in _VERBS
        and not t[LOWER].endswith("ed")
        and TRADE_WORDS.get(t[LOWER]) not in ("up", "down")
    )


def _is_noun_form(t: _Token) -> bool:
    """Flow words used as nouns ("imports"), not verbs ("imported", "bought"), can head a measure."""
    return not t[LOWER].endswith("ed") and t[LOWER] not in ("sold", "bought", "buys")


def _is_content(t: _Token) -> bool:
    return t[TEXT][0].isalpha() and t[LOWER] not in _FUNCTION


def _is_modifier(t: _Token) -> bool:
    """A lower-case content word before a head noun: "crude oil" in "crude oil shipments"."""
    cls = TRADE_WORDS.get(t[LOWER])
    return _is_content(t) and (t[TEXT][0].islower() or cls == "measure") and cls not in ("up", "down", "export", "import")


def find_flows(text: str, tokens: list[_Token], mentions: list[Mention], flow_words: list[int] | None = None) -> list[Flow]:
    """Stated trade flows in one sentence: who exports to whom.

    >>> def flows(s):
    ...     return [(f.exporter, f.importer) for f in find_flows(s, _tokens(s), find_countries(s))]
    >>> flows("China's exports to Russia jumped")
    [('CHN', 'RUS')]
    >>> flows("Russian imports of Chinese semiconductors rose")
    [('CHN', 'RUS')]
    >>> flows("70% of Russian imports of machine tools came from China")
    [('CHN', 'RUS')]
    >>> flows("China supplied 90% of Russia's imports")
    [('CHN', 'RUS')]
    >>> flows("India imported a record volume of Russian crude")
    [('RUS', 'IND')]
    >>> flows("Bilateral trade between the two countries grew")
    []
    """
    out: list[Flow] = []
    if flow_words is None:
        flow_words = [k for k, t in enumerate(tokens) if t[CLASS] in _FLOW_CLASSES]
    if not flow_words:
        return out
    by_start = {m.start: m for m in mentions}
    for k in flow_words:
        t = tokens[k]
        side = t[CLASS]
        subject = _subject(tokens, k, by_start, mentions, is_verb=t[LOWER].endswith("ed") or t[LOWER] in ("sold", "bought"))
        exporter = importer = ""
        if side == "export":
            exporter = subject
            importer = _after(tokens, k, ("to", "into"), by_start, limit=8)
            exporter = _after(tokens, k, ("from",), by_start, limit=8) or exporter
            exporter = exporter or _of_origin(tokens, k, by_start)
            possessed = _possessed_import(tokens, k, by_start)  # "supplied 90% of Russia's imports"
            importer = importer or possessed
        else:
            importer = subject or _after(tokens, k, ("into",), by_start, limit=8)
            exporter = _after(tokens, k, ("from",), by_start, limit=12) or _of_origin(tokens, k, by_start)
            exporter = exporter or _came_from(tokens, k, by_start)
        if exporter and importer and exporter != importer:
            out.append(Flow(t[START], exporter, importer))
        elif exporter or importer:
            out.append(Flow(t[START], exporter if exporter != importer else "", importer if exporter != importer else ""))
    return _merge_flows(out)


def _subject(tokens: list[_Token], k: int, by_start: dict[int, Mention], mentions: list[Mention], *, is_verb: bool) -> str:
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


def _after(tokens: list[_Token], k: int, preps: tuple[str, ...], by_start: dict[int, Mention], limit: int) -> str:
    """Country after a preposition following the flow word: "to Russia", "from China"."""
    for j in range(k + 1, min(len(tokens) - 1, k + limit)):
        if tokens[j][LOWER] in (";",):
            break
        if tokens[j][LOWER] in preps:
            nxt = tokens[j + 1] if tokens[j + 1][LOWER] != "the" or j + 2 >= len(tokens) else tokens[j + 2]
            m = by_start.get(nxt[START])
            if m:
                return m.code
    return ""


def _came_from(tokens: list[_Token], k: int, by_start: dict[int, Mention]) -> str:
    """The origin named by "came from" / "come from" later in the sentence, however far."""
    for j in range(k + 1, len(tokens) - 2):
        if tokens[j][LOWER] in ("came", "come", "comes", "coming") and tokens[j + 1][LOWER] == "from":
            m = by_start.get(tokens[j + 2][START])
            return m.code if m else ""
    return ""


def _of_origin(tokens: list[_Token], k: int, by_start: dict[int, Mention]) -> str:
    """A demonym after "of" names the origin: "imports of Chinese semiconductors"."""
    for j in range(k + 1, min(len(tokens) - 1, k + 9)):
        if tokens[j][LOWER] == "of":
            m = by_start.get(tokens[j + 1][START])
            if m and m.is_demonym:
                return m.code
        if tokens[j][LOWER] in (".", ";"):
            break
    return ""


def _possessed_import(tokens: list[_Token], k: int, by_start: dict[int, Mention]) -> str:
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
        return [Flow(flows[0].position, exporters.pop() if exporters else "", importers.pop() if importers else "")]
    return []


def nearest_flow(flows: list[Flow], offset: int) -> Flow | None:
    return min(flows, key=lambda f: abs(f.position - offset)) if flows else None


def usable_periods(periods: list[Period], figures: list[tuple[int, int]]) -> list[Period]:
    """The sentence's periods that overlap no figure (in "2,023 tonnes" no year is named), named
    periods first: "year on year" is kept only when nothing else is named."""
    usable = [p for p in periods if not any(p.start < fe and fs < p.end for fs, fe in figures)]
    return [p for p in usable if not p.is_comparison] or usable


def nearest_period(periods: list[Period], start: int, end: int) -> Period | None:
    """The period named closest to the figure at ``start``..``end``.

    >>> near = nearest_period(find_periods("In 2022 exports rose 5%, and in 2023 fell 3%"), 37, 39)
    >>> near.text if near else None
    '2023'
    """
    if not periods:
        return None
    return min(periods, key=lambda p: p.start - end if p.start >= end else start - p.end)


# --- restatements and US dollars ----------------------------------------------------------------

_RESTATEMENT_GAP = regex.compile(
    r"""
    \s* [(\[] \s*                                       # 900 million dollars (835 million euros)
    | \s* , \s* (?: or | i\.e\. ) \s+ (?: about | around | roughly | some | nearly | almost )? \s*   # , or about $20 billion
    """,
    regex.VERBOSE,
)


def is_restatement(first: Figure, second: Figure, gap: str) -> bool:
    """The second figure restates the first in another unit of the same kind.

    >>> a = Figure("a", "d", 0, 0, 19, "900 million dollars", 9e8, 9e8, 9e8, "USD", "money", "approx", "")
    >>> b = Figure("b", "d", 0, 21, 38, "835 million euros", 8.35e8, 8.35e8, 8.35e8, "EUR", "money", "approx", "")
    >>> is_restatement(a, b, " ("), is_restatement(a, b, " and ")
    (True, False)
    """
    return (
        first.sentence_index == second.sentence_index
        and first.kind == second.kind
        and first.kind not in ("count", "percent", "percentage_point", "ratio")
        and first.unit != second.unit
        and _RESTATEMENT_GAP.fullmatch(gap) is not None
    )
