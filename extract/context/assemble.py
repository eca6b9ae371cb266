"""The context stage: each figure's role, direction, measure, countries, flow, period, US dollars
and restatement, decided sentence by sentence by the rules of the modules beside this one.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from datetime import date
from itertools import pairwise
from typing import Final, NamedTuple

from extract.context.clauses import clause_marks, clause_of, clause_starts, continues
from extract.context.countries import Mention, as_of, codes_in, find_countries
from extract.context.currency import bare_currency_noun, currency_by_country
from extract.context.flows import (
    FLOW_CANDIDATES,
    FLOW_CLASSES,
    Flow,
    find_flows,
    is_flow_word,
    listed_partner,
    nearest_flow,
    partner_after,
    reporter_side,
)
from extract.context.fx import to_usd
from extract.context.measure import HEAD_CLASSES, is_noun_form, measure_of
from extract.context.periods import Period, by_tense, endpoint, find_periods, parse_date, resolve_shift, shift_reference
from extract.context.restatement import is_restatement
from extract.context.role import change_cue, multiplier_verb, reached_direction, role_of
from extract.context.tokens import CLASS, LOWER, START, TEXT, Token, token_index, tokenize
from extract.figures import Found
from extract.text import Sentences
from extract.vocab import FUNCTION_WORDS, FUTURE_WORDS, PERIOD_CUES, QUALIFIERS, function_words

_BLOCK_CHARS: Final = 64_000  # characters of text per context block
_SIGNED_KINDS: Final = frozenset({"percent", "percentage_point"})
# How far (in characters) a figure can sit from the flow word it takes: a long sentence's flow
# far away is another matter's ("a six-month moratorium … and arms sales to Iran").
_FLOW_REACH: Final = 160
# Words whose presence before a period means it is no longer the sentence's opening scene.
# A period after the figure is the likelier one at equal distance ("a 0.6 pct increase in March"):
# characters added to the distance of a period before the figure.
_BEFORE_PENALTY: Final = 5
# Words that may stand between "to"/"from" and the figure ("from more than 50,000").
_QUALIFYING: Final = function_words("adverb", "preposition", "conjunction", "article") | frozenset(QUALIFIERS)
_SPANS: Final = frozenset({"first_n", "back", "ending", "week", "rel_base"})
_SCENE_BREAKERS: Final = frozenset({"up", "down", "level", "export", "import"})
_COMMA: Final = re.compile(",")
# Words at most between a comparison's base figure and the period that dates it ("against 14,380
# tonnes loaded in the same 1985 month": "tonnes" is the figure's, then three words).
_BASE_REACH: Final = 4
# Words that open an aside set off by commas: an appositive ("DaimlerChrysler, a 30% shareholder,
# …"), a non-restrictive relative clause (", which opened in March,") or a "with" phrase (", with 355
# listed stocks,"). A past participle opens one too (", founded in 1952,"). Source: English grammar.
_RELATIVES: Final = function_words("relative") - {"that"}
_PART_OPENERS: Final = frozenset({"including", "includes", "comprising"})
_ASIDE_OPENERS: Final = function_words("article") | _RELATIVES | {"with"} | _PART_OPENERS
# Words that open a sentence with an introductory phrase ("For the first nine months of 1986, the
# company lost …", "In addition, the firm …"): the comma after it opens the main clause, no aside.
_INTRODUCERS: Final = function_words("preposition", "conjunction", "adverb")
# In an appositive, words that make it a statement or a restatement of a figure rather than a noun
# phrase naming a thing ("…, the largest of which was …", "…, a fivefold rise, …").
_NOT_NOUN_PHRASE: Final = function_words("auxiliary", "relative")


class Context(NamedTuple):
    """The trade context of one figure, and the words that decided it (for ``explain``)."""

    value: float  # a change downwards is written as a positive magnitude with direction "down"
    value_low: float | None
    value_high: float | None
    unit: str  # the figure's unit, which the context may settle ("francs" by the country named)
    role: str
    direction: str
    measure: str
    countries: str
    exporter: str
    importer: str
    period: str
    period_start: str
    period_end: str
    value_usd: float | None
    fx_note: str
    same_as: int  # index, in the figures given, of the figure this one restates; -1 for none
    role_cue: str  # the word that made the role ("jumped", "of", "share")
    direction_cue: str  # the word that gave the direction ("fell", "climbed", "-")
    flow_cue: str  # the flow word the exporter and importer were read around ("exports")
    period_cue: str = ""  # the rule that chose the period ("own clause", "opens the sentence", "base, back from …")


def add_context(figures: Sequence[Found], sentences: Sentences, doc_date: str = "") -> list[Context]:
    """The context of each of ``figures`` (found in ``sentences.text``), in the same order.

    >>> from extract.figures import find_figures
    >>> from extract.text import split_sentences
    >>> s = split_sentences("China's exports to Russia jumped 64.2% between 2021 and 2023.")
    >>> c = add_context(find_figures(s), s)[0]
    >>> (c.role, c.direction, c.measure, c.exporter, c.importer, c.period_start, c.period_end)
    ('change', 'up', 'exports', 'CHN', 'RUS', '2021-01-01', '2023-12-31')
    """
    anchor = parse_date(doc_date)
    groups: list[tuple[int, list[int]]] = []  # (sentence index, indices of its figures)
    for k, f in enumerate(figures):
        if groups and groups[-1][0] == f.sentence_index:
            groups[-1][1].append(k)
        else:
            groups.append((f.sentence_index, [k]))
    out: list[Context | None] = [None] * len(figures)
    # Blocks of consecutive sentences that hold figures: one pass per block for tokens, countries
    # and periods, so that the work is shared by its sentences, sentences without figures are never
    # read (a fifth of the context's work on news), and memory stays bounded however long the
    # document is.
    block: list[tuple[int, list[int]]] = []
    for group in groups:
        if block and (group[0] != block[-1][0] + 1 or sentences.ends[group[0]] - sentences.starts[block[0][0]] > _BLOCK_CHARS):
            _block_context(figures, sentences, block, anchor, out)
            block = []
        block.append(group)
    if block:
        _block_context(figures, sentences, block, anchor, out)
    return [c for c in out if c is not None]


def _block_context(
    figures: Sequence[Found],
    sentences: Sentences,
    block: list[tuple[int, list[int]]],
    anchor: date | None,
    out: list[Context | None],
) -> None:
    text = sentences.text
    b_start, b_end = sentences.starts[block[0][0]], sentences.ends[block[-1][0]]
    mentions = as_of(find_countries(text, b_start, b_end), anchor)
    periods = find_periods(text, b_start, b_end, anchor)
    marks = clause_marks(text, b_start, b_end)
    commas = [m.start() for m in _COMMA.finditer(text, b_start, b_end)]
    mention_starts = [m.start for m in mentions]
    period_starts = [p.start for p in periods]
    tokens = tokenize(text, b_start, b_end)
    token_starts = [t[START] for t in tokens]
    classed = [k for k, t in enumerate(tokens) if t[CLASS] is not None]
    heads = [k for k in classed if tokens[k][CLASS] in HEAD_CLASSES and is_noun_form(tokens[k])]
    flow_words = [
        k
        for k in classed
        if tokens[k][CLASS] in FLOW_CLASSES or (tokens[k][LOWER] in FLOW_CANDIDATES and is_flow_word(tokens, k))
    ]
    for index, members in block:
        s_start, s_end = sentences.span(index)
        in_sentence = mentions[bisect_left(mention_starts, s_start) : bisect_left(mention_starts, s_end)]
        sentence_periods = periods[bisect_left(period_starts, s_start) : bisect_left(period_starts, s_end)]
        lo, hi = bisect_left(token_starts, s_start), bisect_left(token_starts, s_end)
        sentence_heads = [k - lo for k in heads[bisect_left(heads, lo) : bisect_left(heads, hi)]]
        sentence_flows = [k - lo for k in flow_words[bisect_left(flow_words, lo) : bisect_left(flow_words, hi)]]
        sentence_marks = marks[bisect_left(marks, s_start) : bisect_left(marks, s_end)]
        sentence_commas = commas[bisect_left(commas, s_start) : bisect_left(commas, s_end)]
        _sentence_context(
            figures,
            members,
            text,
            tokens[lo:hi],
            (sentence_heads, sentence_flows, sentence_marks, sentence_commas),
            in_sentence,
            sentence_periods,
            anchor,
            out,
        )


def _sentence_context(
    figures: Sequence[Found],
    members: list[int],
    text: str,
    tokens: list[Token],
    words: tuple[list[int], list[int], list[int], list[int]],
    mentions: list[Mention],
    periods: list[Period],
    anchor: date | None,
    out: list[Context | None],
) -> None:
    heads, flow_words, marks, commas = words  # token indices of measure heads and flow words; offsets of clause marks, commas
    countries = codes_in(mentions)
    group = [figures[k] for k in members]
    spans = [(f.start, f.end) for f in group]
    periods = usable_periods(periods, spans)
    scope = Clauses(tokens, mentions, flow_words, heads, periods, anchor, spans, marks, commas)
    restates = [j > 0 and is_restatement(group[j - 1], f, text[group[j - 1].end : f.start]) for j, f in enumerate(group)]
    last_period: Period | None = None
    for j, f in enumerate(group):
        index = token_index(tokens, f.start)
        after = token_index(tokens, f.end)
        direction, direction_cue = change_cue(tokens, index)
        cue = direction_cue
        if not direction and multiplier_verb(tokens, index):
            direction, direction_cue = "up", tokens[index][1]
        if not direction:
            direction, direction_cue = reached_direction(tokens, index)
        if not direction and f.value < 0 and f.kind in _SIGNED_KINDS:
            direction, direction_cue = "down", "-"
        surface = text[f.start : f.end]
        if surface[:1] in "+-\u2212" and f.kind in _SIGNED_KINDS:
            role, role_cue = "change", surface[:1]
        else:
            role, role_cue = role_of(f.kind, tokens, index, after, cue)
        value, low, high = f.value, f.low, f.high
        if role == "change" and value < 0:
            direction, direction_cue = "down", surface[:1]
            value, low, high = -value, _neg(high), _neg(low)
        clause = clause_of(scope.starts, index)
        if restates[j] and last_period is not None:
            # "a 1986 loss of 240 mln dlrs or 6.97 dlrs a share": the same amount, the same period
            period, period_cue = last_period, "restates the figure before"
        elif timeless(f.kind, surface, text, f.end):
            period, period_cue = None, ""
        else:
            period, period_cue = scope.period(clause, f.start, f.end)
        # the end or start of a span "between" two dates that a level moved across ("rose to 100
        # tonnes between August and October"); a span that names when a figure was measured ("in
        # January and February", "the October-December quarter", "from July to June") is whole
        if period is not None and period.kind in ("months", "span") and period.text[:8].lower() == "between ":
            lead = _lead_word(tokens, index)
            ended = endpoint(period, lead)
            if ended is not period:
                period, period_cue = ended, f"{period_cue}; the span's {'end' if lead == 'to' else 'start'} ({lead!r})"
        last_period = period
        flow = scope.flow(clause, f.start)
        if flow is not None:
            exporter, importer = listed_partner(tokens, index, mentions, flow)
            if not (exporter or importer):
                exporter, importer = partner_after(tokens, after, mentions, flow)
            if exporter or importer:
                flow = Flow(flow.position, exporter or flow.exporter, importer or flow.importer, flow.cue)
        value_usd, fx_note = None, ""
        unit = f.unit
        if f.kind == "money":
            noun = bare_currency_noun(surface)
            if noun and countries:  # "2.9 billion francs" in a sentence about Belgium: BEF
                unit = currency_by_country(f.unit, noun, countries.split(";"), anchor.isoformat() if anchor else "")
            partner = group[j - 1] if restates[j] else (group[j + 1] if j + 1 < len(group) and restates[j + 1] else None)
            stated = partner.value if partner is not None and partner.unit.split("/")[0] == "USD" else None
            when = parse_date(period.last) if period else None
            value_usd, fx_note = to_usd(value, unit, when or anchor, stated)
        # tuple.__new__ directly: a named tuple's own __new__ is a Python function, costly per figure
        out[members[j]] = tuple.__new__(
            Context,
            (
                value,
                low,
                high,
                unit,
                role,
                direction,
                measure_of(f.kind, tokens, index, after, heads),
                countries,
                flow.exporter if flow else "",
                flow.importer if flow else "",
                period.text if period else "",
                period.first if period else "",
                period.last if period else "",
                value_usd,
                fx_note,
                members[j - 1] if restates[j] else -1,
                role_cue,
                direction_cue,
                _flow_cue(flow),
                period_cue if period is not None and period.first else "",
            ),
        )


class Clauses:
    """The clauses of one sentence, and the flow and period each figure takes from its own clause
    first: a clause that states a flow or a period of its own never takes another clause's."""

    def __init__(
        self,
        tokens: list[Token],
        mentions: list[Mention],
        flow_words: list[int],
        heads: list[int],
        periods: list[Period],
        anchor: date | None,
        figures: list[tuple[int, int]],
        marks: list[int],
        commas: list[int],
    ):
        self.tokens, self.mentions, self.flow_words, self.heads, self.periods = tokens, mentions, flow_words, heads, periods
        self.anchor, self.figures = anchor, figures
        self.starts = clause_starts(tokens, marks) if marks and (flow_words or periods) else [0]
        self._flows: dict[int, list[Flow]] = {}
        self._sentence_flows: list[Flow] | None = None
        self._token_starts: list[int] | None = None
        self._figure_ends: list[int] | None = None
        self._owners: dict[int, int] | None = None
        self._delivery = bool(periods) and any(p.delivery for p in periods)
        self.asides = asides(tokens, commas) if periods and len(commas) > 1 else []
        # one clause, one figure, plain periods, no aside: the nearest period is the figure's, nothing to weigh
        self._simple = (
            len(self.starts) == 1
            and len(figures) == 1
            and not self.asides
            and not any(p.is_base or p.shift or p.delivery or p.kind in _SPANS for p in periods)
        )

    def _bounds(self, clause: int) -> tuple[int, int]:
        """Token indices of the clause."""
        end = self.starts[clause + 1] if clause + 1 < len(self.starts) else len(self.tokens)
        return self.starts[clause], end

    def _offsets(self, clause: int) -> tuple[int, int]:
        lo, hi = self._bounds(clause)
        start = self.tokens[lo][START] if lo < len(self.tokens) else 1 << 62
        end = self.tokens[hi][START] if hi < len(self.tokens) else 1 << 62
        return start, end

    def flow(self, clause: int, offset: int) -> Flow | None:
        """The flow nearest the figure in its clause; a clause without a flow word takes the flow
        of a clause before it unless it names a measure of its own ("…, while its debt doubled")."""
        if len(self.starts) == 1:
            return _within_reach(nearest_flow(self._sentence(), offset), offset)
        lo, hi = self._bounds(clause)
        own = self._clause_flows(clause)
        if own is not None:
            found = _within_reach(nearest_flow(own, offset), offset)
            if found is None or (found.exporter and found.importer):
                return found
            earlier = [f for c in range(clause) for f in self._clause_flows(c) or () if f.exporter and f.importer]
            return reporter_side(found, earlier[-1]) if earlier else found
        if any(lo <= k < hi for k in self.heads):
            return None
        # only a clause before it ("Exports to Japan rose 5 pct, and 8 pct in May"): a later clause's
        # flow is another matter's ("The ECU fell 11 pct, when EC sales to Japan rose")
        before = self._offsets(clause)[0]
        return _within_reach(nearest_flow([f for f in self._sentence() if f.position < before], offset), offset)

    def _clause_flows(self, clause: int) -> list[Flow] | None:
        """The flows of the clause's own flow words; None when it has none."""
        if clause not in self._flows:
            lo, hi = self._bounds(clause)
            own_words = [k - lo for k in self.flow_words if lo <= k < hi]
            if not own_words:
                return None
            start, end = self._offsets(clause)
            mentions = [m for m in self.mentions if start <= m.start < end]
            self._flows[clause] = find_flows(self.tokens[lo:hi], mentions, own_words)
        return self._flows[clause]

    def _sentence(self) -> list[Flow]:
        if self._sentence_flows is None:
            self._sentence_flows = find_flows(self.tokens, self.mentions, self.flow_words)
        return self._sentence_flows

    def period(self, clause: int, start: int, end: int) -> tuple[Period | None, str]:
        """The period nearest the figure in its clause, else one that opens the sentence ("In
        2004, …"); a period of another clause is not the figure's. A month or quarter without its
        year follows the clause's tense ("will impose tariffs from July": the next July). With the
        rule that decided it (for ``explain``)."""
        if not self.periods:
            return None, ""
        if self._simple:
            chosen, rule = nearest_period(self.periods, start, end), "nearest"  # one clause, one figure
        else:
            chosen, rule = self._choose(clause, start, end)
        if chosen is not None and chosen.shift:
            reference = shift_reference(chosen, self.periods)
            moved = resolve_shift(chosen, reference, self.anchor)
            return moved, f"base, back from {reference.text!r}" if reference else "base, back from the document date"
        if chosen is None or not chosen.yearless:
            return chosen, rule
        lo, hi = self._bounds(clause)
        # the tense of the words before the period in its clause ("will impose … from July")
        # (a delivery is the future of the deal that names it: "bought … for April delivery")
        future = chosen.delivery or any(t[LOWER] in FUTURE_WORDS for t in self.tokens[lo:hi] if t[START] < chosen.start)
        moved = by_tense(chosen, future, self.anchor)
        return moved, rule if moved is chosen else f"{rule}; year by tense ({'future' if future else 'past'})"

    def _choose(self, clause: int, start: int, end: int) -> tuple[Period | None, str]:
        # not a period the figure is part of ("one month ago"), nor another figure's base period, nor
        # one across an aside's edge ("The firm, founded in 1952, employs 4,000")
        periods = [
            p
            for p in self.periods
            if not (p.start < end and start < p.end)
            and not self._base_of_another(p, end)
            and not (self.asides and across_aside(self.asides, p.start, start))
            and not self._owned_by_another(p, start)
        ]
        base = self._period_after_base(periods, start, end)
        if base is not None:
            return base, "base, the period right after it"
        if len(self.starts) == 1:
            if periods or not self.asides:
                if not self._delivery:
                    return nearest_period(periods, start, end), "nearest"
                return _delivery_first(periods, start, end, self.figures, self._opens)
            return self._opening(start, end)
        rule = "own clause"
        while True:
            c_start, c_end = self._offsets(clause)
            own = [p for p in periods if c_start <= p.start < c_end]
            if own:
                if not self._delivery:
                    return nearest_period(own, start, end), rule
                chosen, how = _delivery_first(own, start, end, self.figures, self._opens)
                return chosen, rule if how == "nearest" else f"{rule}; {how}"
            if not continues(self.tokens, self.starts, clause):
                break
            clause -= 1
            rule = "clause continued from the one before"
        return self._opening(start, end)

    def _base_of_another(self, period: Period, end: int) -> bool:
        """A period that belongs to a comparison's base, not to the figure ending at ``end``: "than
        in 1985" with no figure of its own, a relative base after another figure ("the year
        before"), or a period right after a base figure brought in by "from", "compared with",
        "versus" ("7.0 pct compared with 7.3 pct in 1985": 7.3 pct's; "from 3.2% last year to 2.5%":
        3.2%'s)."""
        if period.start >= end and period.is_base:
            # unless the figure is itself the base, right before it: "from 4.6 billion from the same
            # period in 1986"
            return not (period.shift and period.start - end <= 12 and self._brought_in_by_comparison(self._start_of(end)))
        if self._figure_ends is None:
            self._figure_ends = [e for _, e in self.figures]
        last = bisect_right(self._figure_ends, period.start) - 1
        if last < 0 or self.figures[last][1] == end:
            return False  # no figure before the period, or it is this one
        base_start, base_end = self.figures[last]
        if period.start >= end and period.shift and base_start >= end:
            return True  # "the year before", "a week ago" date only the figure right before them
        if period.start < end and period.start - base_end > 12:
            return False  # a period before the figure is a base's only when it follows that base closely
        if period.start >= end and base_start < end:
            return False
        return self._brought_in_by_comparison(base_start)

    def _period_after_base(self, periods: list[Period], start: int, end: int) -> Period | None:
        """For a comparison's base figure (after "from", "against", "compared with"), the period
        that follows it within a few words, with no mark or figure between ("against 14,380 tonnes
        loaded in the same 1985 month", "from 2.91 dlrs in May 1985"): a period before it is
        the figure's it is compared with."""
        if self._token_starts is None:
            self._token_starts = [t[START] for t in self.tokens]
        after = [p for p in periods if p.start >= end]
        if not after or not self._brought_in_by_comparison(start):
            return None
        first = min(after, key=lambda p: p.start)
        lo, hi = bisect_left(self._token_starts, end), bisect_left(self._token_starts, first.start)
        between = self.tokens[lo:hi]
        if len(between) > _BASE_REACH or any(not t[TEXT][0].isalpha() for t in between):
            return None
        return first

    def _start_of(self, end: int) -> int:
        """The start of the figure that ends at ``end``."""
        return next(s for s, e in self.figures if e == end)

    def _owned_by_another(self, period: Period, start: int) -> bool:
        """A period in the possessive right before another figure dates that figure only: "doubled
        in February to $261 mln from January's $129 mln" ($129 mln's, not $261 mln's); so does one
        that qualifies the noun of another figure ("a surplus of $4.5 bln, against a 1985 deficit
        of 900 mln": 900 mln's)."""
        if self._owners is None:
            self._owners = self._possessive_periods()
        owner = self._owners.get(period.start)
        return owner is not None and owner != start

    def _possessive_periods(self) -> dict[int, int]:
        """Start of each possessive or attributive period -> start of the figure it dates
        ("January's $214 mln", "a 1984 deficit of 650 mln"), once per sentence."""
        if self._token_starts is None:
            self._token_starts = [t[START] for t in self.tokens]
        owners = {}
        for period in self.periods:
            k = bisect_left(self._token_starts, period.end) - 1
            if k < 0:
                continue
            word = self.tokens[k]
            if word[START] + len(word[TEXT]) != period.end + 2 or not word[TEXT].endswith(("'s", "\u2019s")):
                # only in a noun phrase opened by an article or a determiner ("a 1986 loss of"), not
                # after a verb ("the year 1986 includes charges of")
                opened = bisect_left(self._token_starts, period.start) - 1
                if opened < 0 or self.tokens[opened][LOWER] not in _DETERMINERS:
                    continue
                owner = attributive_owner(self.tokens, k + 1, self._token_starts, self.figures)
                if owner is not None:
                    owners[period.start] = owner
                continue
            after = [s for s, _ in self.figures if s > period.end]
            if not after:
                continue
            # at most three words between, no mark: "April's record $129 mln", "this year's figure of 129 bln"
            between = bisect_left(self._token_starts, after[0]) - k - 1
            if between <= 3 and all(t[TEXT][0].isalpha() for t in self.tokens[k + 1 : k + 1 + between]):
                owners[period.start] = after[0]
        return owners

    def _brought_in_by_comparison(self, figure_start: int) -> bool:
        """The figure starting at ``figure_start`` follows "from", "compared with", "versus"…"""
        if self._token_starts is None:
            self._token_starts = [t[START] for t in self.tokens]
        at = bisect_left(self._token_starts, figure_start)
        for k in range(at - 1, max(-1, at - 4), -1):
            word = self.tokens[k][LOWER]
            if PERIOD_CUES.get(word) in ("compare", "base"):
                return True
            if word == "to" and k and PERIOD_CUES.get(self.tokens[k - 1][LOWER]) == "compare":
                return True  # "compared to"
            if word == "to" or word[:1].isdigit():
                return False
        return False

    def _opening(self, start: int, end: int) -> tuple[Period | None, str]:
        """The period that sets the sentence's scene, for a figure with none of its own (not one
        the figure is part of)."""
        opening = [p for p in self.periods if self._opens(p) and not (p.start < end and start < p.end)]
        return (opening[0], "opens the sentence") if opening else (None, "")

    def _opens(self, period: Period) -> bool:
        """A period that sets the sentence's scene: within its first few words, before any clause
        mark and before any verb of change or level ("In 2004, …", "For the whole of 2004, …";
        not "Exports fell last year, while …")."""
        first_end = self._offsets(0)[1]
        before = [t for t in self.tokens[:6] if t[START] < period.start]
        return period.start < first_end and len(before) <= 4 and not any(t[CLASS] in _SCENE_BREAKERS for t in before)


_DETERMINERS: Final = function_words("article", "determiner")
# Words that may stand between "of" and the figure it brings in ("a 1986 loss of about 25 mln").
_BEFORE_FIGURE: Final = frozenset(QUALIFIERS) | function_words("article")


def attributive_owner(tokens: list[Token], k: int, token_starts: list[int], figures: list[tuple[int, int]]) -> int | None:
    """The start of the figure that a period qualifies as part of its noun phrase: the period, one
    to three words of a noun ("1986 net loss", "1985/86 projected revenue"), "of" and the figure
    ("a 1986 net loss of 3.7 mln stg"); ``k`` is the index of the token after the period. None
    when the period is followed by anything else ("last year with a value of 230 mln": no noun).

    >>> from extract.context.tokens import tokenize
    >>> text = "sales of $5 bln against a 1985 deficit of about 900 mln"
    >>> tokens = tokenize(text)
    >>> starts = [t[START] for t in tokens]
    >>> figures = [(10, 16), (text.index("900"), len(text))]
    >>> attributive_owner(tokens, starts.index(text.index("deficit")), starts, figures) == text.index("900")
    True
    >>> attributive_owner(tokens, 1, starts, figures) is None  # "of" right after: no noun between
    True
    """
    j = k
    while j < len(tokens) and j - k < 3 and tokens[j][TEXT][0].isalpha() and tokens[j][LOWER] not in FUNCTION_WORDS:
        j += 1
    if j == k or j >= len(tokens) or tokens[j][LOWER] != "of":
        return None
    j += 1
    while j < len(tokens) and tokens[j][LOWER] in _BEFORE_FIGURE:
        j += 1
    if j >= len(tokens):
        return None
    at = tokens[j][START]
    return next((fs for fs, fe in figures if fs <= at < fe), None)


def asides(tokens: list[Token], commas: list[int]) -> list[tuple[int, int, bool]]:
    """The asides of a sentence: words between two commas opened by an article, a relative pronoun,
    "with" or a past participle, as (start offset, end offset, closed). A closed aside (an
    appositive or a relative clause) is a statement of its own: its figures take no period from
    outside it; a participle's ("…, valued at 35 mln dlrs, …") describes the figure before it.
    ``commas`` are the offsets of the sentence's commas.

    >>> from extract.context.tokens import tokenize
    >>> def show(text):
    ...     commas = [k for k, c in enumerate(text) if c == ","]
    ...     return [(text[a:b], closed) for a, b, closed in asides(tokenize(text), commas)]
    >>> show("The firm, founded in 1952, employs 4,000, and Japan, a buyer, paid")
    [('founded in 1952', False), ('a buyer', True)]
    >>> show("In 1986, the firm sold 5%, a tenfold rise, and more")
    [('a tenfold rise', False)]
    >>> show("The maker plans to ship 320,000 vans in 1988, including 90,000 to Canada, and more")
    [('including 90,000 to Canada', False)]
    """
    # (index of the comma's token, offset of the comma); a number token may hold its comma ("1952,"),
    # and a comma inside a number ("4,000") is none
    marks = []
    for offset in commas:
        k = token_index(tokens, offset)
        if k < len(tokens) and tokens[k][START] == offset:
            marks.append((k, offset))
        elif k > 0 and (t := tokens[k - 1])[START] + len(t[TEXT]) - 1 == offset:
            marks.append((k - 1, offset))
    out = []
    for (a, _), (b, end) in pairwise(marks):
        first_k = a + 1
        if b - first_k < 1 or b - a > 16 or any(tokens[j][TEXT] in (";", "(", ")") for j in range(first_k, b)):
            continue
        if a == marks[0][0] and tokens[0][LOWER] in _INTRODUCERS:
            continue  # the first comma ends an introductory phrase: the main clause follows
        if b + 1 < len(tokens) and tokens[b + 1][LOWER] == "when":
            continue  # the clause goes on past the comma (", who bought it in 1982, when it had …")
        first = tokens[first_k]
        word = first[LOWER]
        participle = word.endswith("ed") and len(word) > 4 and word.isalpha() and first[TEXT][0].islower()
        if word in _RELATIVES:
            out.append((first[START], end, True))
        elif word in _ASIDE_OPENERS:
            inner = tokens[first_k + 1 : b]
            noun_phrase = not any(t[LOWER] in _NOT_NOUN_PHRASE or t[CLASS] in ("up", "down") for t in inner)
            # "including 250,000 to the U.S.": a part of the figure before, of its period too
            out.append((first[START], end, noun_phrase and word not in _PART_OPENERS))
        elif participle and first[CLASS] is None:
            out.append((first[START], end, False))
    return out


def across_aside(spans: list[tuple[int, int, bool]], period: int, figure: int) -> bool:
    """The period at offset ``period`` lies inside an aside that does not hold the figure at
    ``figure``, or the figure inside a closed aside that does not hold the period.

    >>> across_aside([(10, 20, False)], 12, 30), across_aside([(10, 20, False)], 30, 12), across_aside([(10, 20, True)], 30, 12)
    (True, False, True)
    """
    for a, b, closed in spans:
        inside_period, inside_figure = a <= period < b, a <= figure < b
        if inside_period != inside_figure and (inside_period or closed):
            return True
    return False


def _delivery_first(
    periods: list[Period], start: int, end: int, figures: list[tuple[int, int]], opens: Callable[[Period], bool]
) -> tuple[Period | None, str]:
    """The period of delivery if the clause names one with no other figure between ("took 40,000
    tonnes this week for March to June arrival": March to June) or one that opens the sentence, the
    scene of all its figures ("For August loading, Peru sold 12,000 tonnes at 91.20 dlrs"), else the
    nearest; with the rule that chose it."""
    own = [
        p
        for p in periods
        if p.delivery and (opens(p) or not any(end <= fs < p.start or p.end <= fs < start for fs, _ in figures if fs != start))
    ]
    if own:
        return nearest_period(own, start, end), "delivery period"
    return nearest_period([p for p in periods if not p.delivery], start, end), "nearest"


# A hyphen and a word right after a figure ("a 20-year bond", "the 12-member board", "a 2-for-1
# split", "its 80 pct-owned unit") or inside its surface ("six to eight-tonne trucks").
_HYPHEN_WORD: Final = re.compile(r"-[A-Za-z]")
_HYPHENATED: Final = re.compile(r"\w-[A-Za-z]+$")
_PARTICIPLE: Final = re.compile(r"-[a-z]+ed\b")  # "-owned", "-held", "-controlled": a stake, whatever its kind
_NEXT_WORD: Final = re.compile(r"[\s-]*([A-Za-z]+)")


def timeless(kind: str, surface: str, text: str, end: int) -> bool:
    """A figure that measures nothing over a period, so takes none: a duration ("three months to
    find a buyer", "a five-year extension"; not "a 16-year high", a record dated by its period)
    or a figure made an adjective by a hyphen, which names a property of a thing ("a 20-year
    bond", "the 12-member board", "eight-tonne trucks", "its 51 pct-owned unit"); money keeps
    its period ("a 40-mln dlr purchase"), and so do percentages unless they state a stake.

    >>> t = "a 20-year bond, a 16-year high, the 12-member board, 51 pct-owned, a 40-mln dlr deal, a 5-pct rise"
    >>> [timeless(k, s, t, t.index(s) + len(s)) for k, s in
    ...  [("duration", "20-year"), ("duration", "16-year"), ("count", "12"), ("percent", "51 pct"),
    ...   ("money", "40-mln dlr"), ("percent", "5-pct")]]
    [True, False, True, True, False, False]
    >>> t = "240 six to eight-tonne lorries"
    >>> timeless("mass", "six to eight-tonne", t, len(t) - 8)
    True
    """
    if kind == "duration":
        word = _NEXT_WORD.match(text, end)
        return word is None or PERIOD_CUES.get(word.group(1).lower()) != "record"
    if kind == "money":
        return False
    if kind in _SIGNED_KINDS:
        return _PARTICIPLE.match(text, end) is not None
    return _HYPHEN_WORD.match(text, end) is not None or _HYPHENATED.search(surface) is not None


def _lead_word(tokens: list[Token], index: int) -> str:
    """ "to" or "from" just before the figure at token ``index`` (past a qualifier: "from more than
    50,000"), else ""."""
    for k in range(index - 1, max(-1, index - 4), -1):
        word = tokens[k][LOWER]
        if word in ("to", "from"):
            return word
        if word not in _QUALIFYING:
            break
    return ""


def _within_reach(flow: Flow | None, offset: int) -> Flow | None:
    return flow if flow is not None and abs(flow.position - offset) <= _FLOW_REACH else None


def _flow_cue(flow: Flow | None) -> str:
    return flow.cue if flow is not None and (flow.exporter or flow.importer) else ""


def _neg(value: float | None) -> float | None:
    return -value if value is not None else None


def usable_periods(periods: list[Period], figures: list[tuple[int, int]]) -> list[Period]:
    """The sentence's periods that overlap no figure (in "2,023 tonnes" no year is named), named
    periods first: "year on year" is kept only when nothing else is named. A span that holds a
    count ("the first nine months", "the last three years") names a period all the same."""
    usable = [p for p in periods if p.kind in _SPANS or not any(p.start < fe and fs < p.end for fs, fe in figures)]
    return [p for p in usable if not p.is_comparison] or usable


def nearest_period(periods: list[Period], start: int, end: int) -> Period | None:
    """The period named closest to the figure at ``start``..``end``.

    >>> near = nearest_period(find_periods("In 2022 exports rose 5%, and in 2023 fell 3%"), 37, 39)
    >>> near.text if near else None
    '2023'
    """
    if not periods:
        return None
    return min(periods, key=lambda p: p.start - end if p.start >= end else start - p.end + _BEFORE_PENALTY)
