"""Joining neighbouring candidates of one sentence: ranges ("5-10%", "between 20% and 30%", "from
5.2bn to 7.8bn dollars") and restatements in brackets that share a qualifier.

Like the candidate rules, each decision is a small named function over the two candidates and
the text between them; :data:`JOIN_RULES` runs them in order and the first that refuses wins.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from extract.figures.candidate import MULTIPLIER, NUMBER, Candidate, bounds, candidates_at, valued
from extract.figures.grammar import (
    BRACKET_OPEN,
    COMPARED_WITH,
    FROM_BEFORE,
    GOODS_THEN_AND,
    PART_OF_WHOLE,
    RANGE_JOIN,
    TO_END_OF_CHANGE,
)
from extract.figures.numbers import tidy_float
from extract.figures.rules import word_after, word_before
from extract.vocab import RELATIVE_WORDS, function_words, trade_words

# Words before "X to Y" that make X a change and Y the level it led to ("rose 5% to $84"), not a
# range: the change verbs of trade_words.tsv, and "by" ("up by 5% to").
_CHANGE_BEFORE: Final = trade_words("up", "down") | {"by"}

# Words after a bare number that leave its noun unsaid ("exported 157 mln in 1986", "from 233 mln
# last year"): function words and words of relative time. Any other lower-case word after it is
# its own noun ("12 mln shares", "to 174,133 units"), and the number takes no unit from another.
_NOUN_UNSAID_AFTER: Final = function_words() | frozenset(RELATIVE_WORDS)


def noun_unsaid_after(text: str, end: int) -> bool:
    """Whether no word, a function word or a word of relative time follows ``end``: the number's
    noun is left unsaid.

    >>> noun_unsaid_after("exported 157 mln.", 16), noun_unsaid_after("12 mln shares", 6)
    (True, False)
    """
    after = word_after(text, end)
    return not after or after.lower() in _NOUN_UNSAID_AFTER


def own_noun_after(text: str, end: int) -> bool:
    """Whether a lower-case content word follows ``end``: the number's own noun.

    >>> own_noun_after("to 174,133 units", 10), own_noun_after("from 233 mln last year", 12)
    (True, False)
    """
    return word_after(text, end).islower() and not noun_unsaid_after(text, end)


@dataclass(frozen=True, slots=True)
class Pair:
    """Two neighbouring candidates of one sentence and what stands between them."""

    first: Candidate
    second: Candidate
    connector: str  # the joining word or dash, lower-case and stripped ("to", "-", "and")
    word_before_first: str
    noun_after_second: bool = False  # a plural noun of its own follows the second ("9,100 units")


def plain_figures_only(p: Pair) -> bool:
    """Only exact or approximate single figures join into a range; bounds and ranges do not.

    >>> refuses(plain_figures_only, "more than 5 to 10 ships")
    True
    >>> refuses(plain_figures_only, "could take up to 60,000 to 85,000 tonnes")  # "up to" a range: the range
    False
    """
    a, b = p.first, p.second
    if b.qualifier != "exact":
        return True
    if up_to_a_range(p):
        return False
    return a.qualifier not in ("exact", "approx") or a.low != a.high


def up_to_a_range(p: Pair) -> bool:
    """ "up to X to Y" bounds a range the writer could not narrow: it reads as the range X-Y, as
    "up to" cannot bound both ends at once ("could take up to 60,000 to 85,000 tonnes").

    >>> t = "a cut of up to 5 to 8 pct"
    >>> up_to_a_range(pair_of(t, candidates_at(t, 15)[0], candidates_at(t, 20)[0]))
    True
    """
    a = p.first
    return p.connector == "to" and a.qualifier == "at_most" and " ".join(a.qualifier_word.lower().split()) == "up to"


def and_needs_between(p: Pair) -> bool:
    """ "X and Y" is a range only after "between": "between 20% and 30%", not "5% and 7%".

    >>> refuses(and_needs_between, "rose 5% and 7%"), refuses(and_needs_between, "between 20% and 30%")
    (True, False)
    """
    return p.connector == "and" and p.first.lead != "between"


def or_never_joins(p: Pair) -> bool:
    """ "X or Y" gives two figures, each as written: "6.8 or 6.9 pct", "two or three ships", "21.7
    mln dlrs or 46 cts a share"; a range is "X to Y", "X-Y" or "between X and Y".

    >>> refuses(or_never_joins, "cost $5 or $6"), refuses(or_never_joins, "from 5 to 6 ships")
    (True, False)
    """
    return p.connector == "or"


def multipliers_never_join(p: Pair) -> bool:
    """A multiplier is a change, never a range's end: "doubled to 756 mln stg" is 2 times, then a level.

    >>> refuses(multipliers_never_join, "output doubled to 756 tonnes")
    True
    """
    return p.first.expression == MULTIPLIER or p.second.expression == MULTIPLIER


def change_then_level(p: Pair) -> bool:
    """ "rose 5% to $84": a change and the level it led to, not a range ("from 5% to 7%" is one).

    >>> refuses(change_then_level, "exports rose 5% to 7%"), refuses(change_then_level, "from 5% to 7%")
    (True, False)
    >>> refuses(change_then_level, "jobs grew by 296,000 to 28.5 million")  # "by": even with no unit
    True
    >>> refuses(change_then_level, "cut by 15 to 19 pct")
    False
    """
    a, before = p.first, p.word_before_first.lower()
    if p.connector != "to" or a.lead == "from":
        return False
    if before == "by":  # "by 15 to 19 pct" is a range: the unit written once belongs to both ends
        return bool(a.unit) or not p.second.unit
    return bool(a.unit) and before in _CHANGE_BEFORE


def units_differ(p: Pair) -> bool:
    """Two figures with different units are two figures: "5 tonnes to 10%".

    >>> refuses(units_differ, "from 5 tonnes to 10%"), refuses(units_differ, "from 5 to 10 tonnes")
    (True, False)
    """
    a, b = p.first, p.second
    return bool(a.unit) and bool(b.unit) and (a.kind != b.kind or a.unit != b.unit)


def own_noun_not_unit(p: Pair) -> bool:
    """A bare second end with a plural noun of its own counts something else than a first end with a unit:
    "from 12 pct to 9,100 units" is two figures; "from 5 to 10 tonnes" is one range.

    >>> refuses(own_noun_not_unit, "rose from 12 pct to 9,100 units"), refuses(own_noun_not_unit, "from 5 pct to 7 pct")
    (True, False)
    >>> refuses(own_noun_not_unit, "the $40-40.25 range")  # a dash joins a range that a noun follows
    False
    >>> refuses(own_noun_not_unit, "2.2 mln dlrs to 2.4 mln forecast")  # a verb after it: the unit is shared
    False
    """
    return p.connector == "to" and bool(p.first.unit) and not p.second.unit and p.noun_after_second


def tally_not_range(p: Pair) -> bool:
    """Two bare whole numbers, the larger first, are a tally or a score ("voted 10-8", "passed 52 to
    47", "won 3-2"): two counts, as the rulebook says. A range is written low to high; "from" or
    "between" before it still makes one.

    >>> refuses(tally_not_range, "the panel voted 10-8 to approve"), refuses(tally_not_range, "5-10 ships")
    (True, False)
    >>> refuses(tally_not_range, "from 13 to 11 ships"), refuses(tally_not_range, "down 10-8 pct")
    (False, False)
    """
    a, b = p.first, p.second
    if a.lead in ("from", "between") or a.unit or b.unit or a.scale_text or b.scale_text:
        return False
    return a.number > b.number and a.number.is_integer() and b.number.is_integer()


JOIN_RULES: Final[tuple[tuple[str, Callable[[Pair], bool]], ...]] = (
    ("plain_figures_only", plain_figures_only),
    ("and_needs_between", and_needs_between),
    ("or_never_joins", or_never_joins),
    ("multipliers_never_join", multipliers_never_join),
    ("change_then_level", change_then_level),
    ("units_differ", units_differ),
    ("own_noun_not_unit", own_noun_not_unit),
    ("tally_not_range", tally_not_range),
)


def scale_distributes(first_number: float, second_number: float) -> bool:
    """In "1 to 2 thousand" the scale word applies to both ends; in "$200 to $4 million" it does not.

    The scale distributes when doing so keeps the range in order of the written numbers.

    >>> scale_distributes(1, 2), scale_distributes(89, 93), scale_distributes(200, 4)
    (True, True, False)
    """
    return first_number <= second_number


def pair_of(text: str, a: Candidate, b: Candidate) -> Pair | None:
    """The pair ``a``, ``b`` when only a range connector stands between them."""
    between = text[a.end : b.surface_start]
    if RANGE_JOIN.match(between) is None:
        return None
    own_noun = own_noun_after(text, b.end) and word_after(text, b.end).endswith("s")  # "units", not "forecast"
    return Pair(a, b, between.strip().lower(), word_before(text, a.surface_start), own_noun)


def refusal(p: Pair) -> str:
    """The name of the first join rule that keeps the pair apart, or ""."""
    for name, refuses_pair in JOIN_RULES:
        if refuses_pair(p):
            return name
    return ""


def joined(text: str, p: Pair) -> Candidate:
    """The range of a pair that joins: from the first's lead word ("between") to the second's end."""
    a, b = p.first, p.second
    low_value = a.value
    if not a.unit and b.factor != 1.0:  # "1 to 2 cts": the first end is in cents too
        low_value = tidy_float(low_value * b.factor)
    if a.scale == 1.0 and b.scale != 1.0 and scale_distributes(a.number, b.number):
        low_value = tidy_float(low_value * b.scale)
    low, high = sorted((low_value, b.value))
    start = a.surface_start
    if a.lead:
        window = max(0, start - 40)
        at = text[window:start].lower().rfind(a.lead)
        start = window + at if at >= 0 else start
    return b._replace(
        start=start,
        surface_start=start,
        value=tidy_float((low + high) / 2),
        low=low,
        high=high,
        unit=b.unit or a.unit,
        kind=b.kind if b.unit else a.kind,
        qualifier="approx" if a.qualifier == "approx" else "range",
        lead=a.lead,
        number=a.number,
    )


def restated_qualifier(text: str, a: Candidate, b: Candidate) -> Candidate | None:
    """A bracketed restatement takes the qualifier of the figure it restates: "around 900 million
    dollars (835 million euros)" makes both approximate.

    >>> t = "around 900 million dollars (835 million euros)"
    >>> a, b = candidates_at(t, 7)[0], candidates_at(t, 28)[0]
    >>> restated_qualifier(t, a, b).qualifier
    'approx'
    """
    if BRACKET_OPEN.match(text, a.end, b.surface_start) is None or b.qualifier != "exact":
        return None
    if a.qualifier in ("exact", "range"):
        return None
    low, high = bounds(b.value, a.qualifier)
    return b._replace(qualifier=a.qualifier, low=low, high=high)


def carried_unit(text: str, a: Candidate, b: Candidate) -> Candidate | None:
    """A bare number compared with the figure before it takes that figure's unit, a subunit
    included, when both or neither have a scale word: "15.7 billion stg from 17.4 billion",
    "31 cts vs 31". A sentence with no unit stays unitless.

    >>> t = "Shr 31 cts vs 31"
    >>> carried_unit(t, candidates_at(t, 4)[0], candidates_at(t, 14)[0]).value
    0.31
    """
    if b.unit or not a.unit or b.expression != NUMBER or a.expression != NUMBER or a.kind == "duration":
        return None  # a share ("grew by about half, from 2.10 to 3.15 bln") lends no unit
    if bool(a.scale_text) != bool(b.scale_text):
        return None
    if COMPARED_WITH.match(text, a.end, b.surface_start) is None and not end_of_change(text, a, b):
        return None
    if own_noun_after(text, b.end):  # "up 21 pct from a year before to 96,480 units"
        return None
    return valued(b._replace(unit=a.unit, kind=a.kind, factor=a.factor))


def end_of_change(text: str, a: Candidate, b: Candidate) -> bool:
    """Whether ``b`` is the end of a change from ``a`` written "from X unit ... to Y": the unit
    is written once, for both ("from 21 mpg combined to 23", "from 7.75 pct last week to 7.5").

    >>> t = "Mileage rose from 21 mpg in 2010 to 23."
    >>> end_of_change(t, candidates_at(t, 18)[0], candidates_at(t, 36)[0])
    True
    """
    if "to" not in text[a.end : b.surface_start] or TO_END_OF_CHANGE.match(text, a.end, b.surface_start) is None:
        return False
    return a.lead == "from" or FROM_BEFORE.search(text, max(0, a.surface_start - 16), a.surface_start) is not None


def rate_goes_on(text: str, a: Candidate, b: Candidate) -> Candidate | None:
    """The next quantity of goods in a list after a rate is a rate per the same time: "a daily
    average of 95 mln cubic feet of gas and 8,420 barrels of oil" (``b`` per day too).

    >>> t = "It pumped 95 mln cubic feet a day of gas and 9,100 barrels of oil."
    >>> rate_goes_on(t, candidates_at(t, 10)[0], candidates_at(t, 45)[0]).unit
    'oil_barrel / day'
    """
    if " / " not in a.unit or not b.unit or "/" in b.unit or b.kind not in ("mass", "volume"):
        return None
    rate_kind = "volumetric_flow_rate" if b.kind == "volume" else "mass_rate"
    if a.kind != rate_kind or GOODS_THEN_AND.match(text, a.end, b.surface_start) is None:  # "bpd of crude and 7.2 mln tonnes"
        return None
    time = a.unit.rpartition(" / ")[2]
    return b._replace(unit=f"{b.unit} / {time}", kind=rate_kind)


def short_tons_go_on(a: Candidate, b: Candidate) -> Candidate | None:
    """Plain "tons" after a figure in short tons are short tons too: "5,988 short tons versus
    46,254 tons" (US agricultural reports weigh in short tons throughout).

    >>> t = "Imports were 5,988 short tons versus 46,254 tons."
    >>> short_tons_go_on(candidates_at(t, 13)[0], candidates_at(t, 37)[0]).unit
    'short_ton'
    """
    if a.unit != "short_ton" or b.unit != "tonne" or b.post.lower() not in ("tons", "ton"):
        return None
    return valued(b._replace(unit="short_ton"))


def whole_unit(text: str, a: Candidate, b: Candidate) -> Candidate | None:
    """A bare scaled number that is part of a whole takes the whole's unit: "340 million of the
    2.2 billion shekels" (``a`` with ``b``'s unit).

    >>> t = "He raised 340 million of the 2.2 billion shekels."
    >>> whole_unit(t, candidates_at(t, 10)[0], candidates_at(t, 29)[0]).unit
    'ILS'
    """
    if a.unit or not b.unit or a.expression != NUMBER or not (a.scale_text and b.scale_text) or b.kind == "duration":
        return None
    if PART_OF_WHOLE.match(text, a.end, b.surface_start) is None:
        return None
    return valued(a._replace(unit=b.unit, kind=b.kind, factor=b.factor))


def elliptical_unit(text: str, a: Candidate, b: Candidate) -> Candidate | None:
    """A bare number with a scale word and no noun after it takes the unit of the scaled figure
    before it in its sentence, as wire copy leaves the unit unsaid the second time: "produced 540 mln
    kilos and exported 157 mln", "100 mln guilders this year and a further 300 mln by 1990".

    >>> t = "It produced 540 mln kilos and exported 157 mln in 1986."
    >>> elliptical_unit(t, candidates_at(t, 12)[0], candidates_at(t, 39)[0]).unit
    'kilogram'
    >>> t = "Net was 5 mln dlrs on 12 mln shares."
    >>> elliptical_unit(t, candidates_at(t, 8)[0], candidates_at(t, 22)[0]) is None
    True
    """
    if b.unit or b.currency or not a.unit or b.expression != NUMBER or a.kind == "duration":
        return None
    if not (a.scale_text and b.scale_text) or a.kind == "percent":
        return None
    if not noun_unsaid_after(text, b.end):
        return None
    if text[b.end : b.end + 3].lstrip()[:1] in ("(", "["):  # "771 billion ($1tn)": restated, so in another unit
        return None
    return valued(b._replace(unit=a.unit, kind=a.kind, factor=a.factor))


def restated_unit(text: str, earlier: list[Candidate], b: Candidate) -> Candidate | None:
    """A bare number that repeats, digit for digit, a figure with a unit earlier in its sentence
    restates it, in that unit: "cut its prime rate to 18.25 pct from 18.5, but left its base rate
    at 18.5". Short numbers ("5", "12") and words ("the other two") repeat by chance and are left alone.

    >>> t = "It set 7.25 pct for one loan, and left the other at 7.25."
    >>> restated_unit(t, [candidates_at(t, 7)[0]], candidates_at(t, 52)[0]).unit
    'percent'
    """
    digits = b.number_text
    if b.unit or b.expression != NUMBER or not digits[0].isdigit() or (len(digits) < 3 and "." not in digits):
        return None
    for a in earlier:
        if a.number_text == b.number_text and a.unit and a.scale_text == b.scale_text and a.kind != "duration":
            if own_noun_after(text, b.end):  # "at 7.25 pct ... 7.25 units"
                return None
            return valued(b._replace(unit=a.unit, kind=a.kind, factor=a.factor))
    return None


def shared_unit(text: str, a: Candidate, b: Candidate) -> Candidate | None:
    """In "X or Y unit" the unit (and scale) written once belongs to both: ``a`` with ``b``'s unit;
    so in "X and Y-unit" and "X- and Y-unit", where the unit makes a compound adjective of both
    ("12 and 28-week periods", "two- and five-year notes").

    >>> t = "six or seven dollars"
    >>> shared = shared_unit(t, candidates_at(t, 0)[0], candidates_at(t, 7)[0])
    >>> shared.value, shared.unit
    (6.0, 'USD')
    """
    if a.unit or not b.unit or a.expression != NUMBER or a.scale_text:
        return None
    joining = text[a.end : b.surface_start].strip(" -").lower()
    if joining != "or" and not (joining == "and" and compound_unit(text, b)):
        return None
    scale_text, scale = (b.scale_text, b.scale) if scale_distributes(a.number, b.number) else ("", 1.0)
    return valued(a._replace(unit=b.unit, kind=b.kind, factor=b.factor, scale_text=scale_text, scale=scale))


def compound_unit(text: str, b: Candidate) -> bool:
    """Whether ``b``'s unit is joined to its number by a hyphen, as a compound adjective ("28-week").

    >>> t = "the 12 and 28-week periods"
    >>> compound_unit(t, candidates_at(t, 11)[0]), compound_unit("12 and 28 weeks", candidates_at("12 and 28 weeks", 7)[0])
    (True, False)
    """
    return bool(b.post) and text[b.end - len(b.post) - 1 : b.end - len(b.post)] == "-"


def refuses(rule: Callable[[Pair], bool], text: str) -> bool:
    """Whether ``rule`` keeps apart the first two candidates of ``text`` (for doctests)."""
    found = [c for at in range(len(text)) for c in candidates_at(text, at) if c.start == at]
    pair = pair_of(text, found[0], found[1])
    if pair is None:
        raise ValueError("no range connector between the first two candidates")
    return rule(pair)
