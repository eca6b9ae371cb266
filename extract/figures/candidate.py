"""A candidate figure: what the grammar matched, read into typed fields before any rule judges it.

Reading only looks things up (numbers, scale words, currency signs, unit words); every decision
that could go either way ("m" million or metres, "pounds" sterling or weight, a year or a count)
is a named rule in :mod:`extract.figures.rules`.
"""

from __future__ import annotations

from operator import methodcaller
from typing import Final, NamedTuple

import regex

from extract.figures.grammar import (
    AND_A_HALF_AFTER,
    DIGIT_AMOUNT,
    LEFT_CONTEXT,
    LEFT_WORDS,
    OF_A_BEFORE_UNIT,
    OF_BEFORE_UNIT,
    PER_UNIT_AFTER,
    POST_WORD_AT,
    RATE_AFTER,
    RATE_BEFORE,
    SPACE_BEFORE_UNIT,
    SPACED_SCALE,
    WORD_AMOUNT,
    WORD_TRIGGER,
    WORD_TRIGGER_AND_A_HALF,
)
from extract.figures.numbers import parse_digits, parse_number, parse_word_number, scale_value, tidy_float
from extract.vocab import (
    CURRENCY_GLUED,
    CURRENCY_NAME_STARTS,
    CURRENCY_PREFIXES,
    CURRENCY_SUFFIXES,
    MULTIPLIER_WORDS,
    NUMBER_WORDS,
    QUALIFIERS,
    STOP_CONTEXTS,
    UNITS,
    VAGUE_AMOUNTS,
    CurrencyEntry,
    UnitEntry,
)

# Candidate.expression: what kind of text the figure is written as.
NUMBER: Final = "number"  # digits or number words: "64.2%", "seventy ships"
FRACTION: Final = "fraction"  # "a third", "two-thirds"
VAGUE: Final = "vague"  # "dozens of", "several hundred"
MULTIPLIER: Final = "multiplier"  # "doubled", "fivefold"

# _read unpacks these groups by position (groups() is far cheaper than group(names)).
assert tuple(LEFT_CONTEXT.groupindex) == ("lead", "qual", "stop", "glued", "sign_out", "cur", "sign")
assert tuple(DIGIT_AMOUNT.groupindex) == ("num", "half", "scale_word", "scale_letter", "post_word", "post_sign")

_MATCH_START: Final = methodcaller("start")
_VALUE: Final = 20  # index of Candidate.value: the fields before it are what was read


# Traits of a candidate, as bits: a rule names the traits a candidate must have for it to apply,
# so that a rule about four-digit numbers is never called for "64.2%". Computed once per candidate.
NUMBER_T: Final = 1 << 0  # digits or number words ("64.2", "seventy")
FRACTION_T: Final = 1 << 1  # "a third"
VAGUE_T: Final = 1 << 2  # "dozens of"
MULTIPLIER_T: Final = 1 << 3  # "doubled", "fivefold"
DIGITS: Final = 1 << 4  # written in digits
WORDS: Final = 1 << 5  # written in words
UNIT: Final = 1 << 6  # a unit, currency or scale word is attached
UNITLESS: Final = 1 << 7  # nothing is attached
STOP: Final = 1 << 8  # a reference or calendar word right before ("Article", "April")
GLUED: Final = 1 << 9  # a word glued by a hyphen right before ("Su-")
MINUS: Final = 1 << 10  # a "-" sign before
FOUR_DIGITS: Final = 1 << 11  # exactly four digits ("2023", "1000")
SMALL_WHOLE: Final = 1 << 12  # a whole number up to 31 (a day of the month?)
SCALE_M: Final = 1 << 13  # the scale letter "m" or "M" ("37m")
POUND: Final = 1 << 14  # the word "pound(s)" after it
QUALIFIED: Final = 1 << 15  # a qualifier word before ("over", "about")
_EXPRESSION_BITS: Final = {NUMBER: NUMBER_T, FRACTION: FRACTION_T, VAGUE: VAGUE_T, MULTIPLIER: MULTIPLIER_T}
_TRAIT_NAMES: Final = {
    bit: name.lower().removesuffix("_t")
    for name, bit in (("NUMBER_T", NUMBER_T), ("FRACTION_T", FRACTION_T), ("VAGUE_T", VAGUE_T), ("MULTIPLIER_T", MULTIPLIER_T),
                      ("DIGITS", DIGITS), ("WORDS", WORDS), ("UNIT", UNIT), ("UNITLESS", UNITLESS), ("STOP", STOP),
                      ("GLUED", GLUED), ("MINUS", MINUS), ("FOUR_DIGITS", FOUR_DIGITS), ("SMALL_WHOLE", SMALL_WHOLE),
                      ("SCALE_M", SCALE_M), ("POUND", POUND), ("QUALIFIED", QUALIFIED))
}  # fmt: skip


def traits(c: Candidate) -> int:
    """The trait bits of ``c`` (read_candidate works them out from what it read; this function is for
    a candidate a rule has changed).

    >>> describe(traits(candidates_at("In 2023 exports rose", 3)[0]))
    'number digits unitless four_digits'
    """
    bits = _EXPRESSION_BITS[c.expression] | (WORDS if c.is_word else DIGITS) | (UNIT if c.unit or c.scale_text else UNITLESS)
    if c.stop:
        bits |= STOP
    if c.glued:
        bits |= GLUED
    if c.sign == "-":
        bits |= MINUS
    if len(c.number_text) == 4 and c.number_text.isdigit():
        bits |= FOUR_DIGITS
    if c.number <= 31 and c.number.is_integer():
        bits |= SMALL_WHOLE
    if c.scale_text in ("m", "M"):
        bits |= SCALE_M
    if c.unit == "pound":
        bits |= POUND
    if c.qualifier_word:
        bits |= QUALIFIED
    return bits


def describe(bits: int) -> str:
    """The names of the trait bits, in order.

    >>> describe(NUMBER_T | UNITLESS | FOUR_DIGITS)
    'number unitless four_digits'
    """
    return " ".join(name for bit, name in sorted(_TRAIT_NAMES.items()) if bits & bit)


class Candidate(NamedTuple):
    """One match of the figure grammar, read but not yet judged.

    ``start``/``end`` span the written number (with its scale and unit words); the figure's
    surface later widens to a sign or currency before it (``surface_start``). A named tuple: tens
    of thousands are made per megabyte of text, and a tuple is made several times faster than a
    frozen dataclass. Its value is worked out when it is read; a rule that changes its scale, unit
    or qualifier returns ``valued(c._replace(...))``.
    """

    start: int
    end: int
    expression: str  # NUMBER, FRACTION, VAGUE or MULTIPLIER
    number_text: str  # the number as written ("64.2", "seventy-five"); "" for the other expressions
    is_word: bool  # written in words
    number: float  # the written number, "and a half" included, before its scale
    scale_text: str  # "bn", "million"; "" when none
    scale: float  # 1.0 when none
    unit: str  # ISO code, pint unit name, "percent", ""
    kind: str  # money, percent, count, a pint dimension, ...
    factor: float  # what the unit word multiplies by (cents: 0.01)
    post: str  # the unit word or sign after the number, as written ("dollars", "%")
    qualifier: str  # exact, approx, more_than, ...
    qualifier_word: str  # as written ("around", "more than")
    lead: str  # "between" / "from" before the figure, lower-case: a range may follow
    stop: str  # a reference or calendar word right before ("Article", "April")
    glued: str  # a word glued to the number by a hyphen ("Su-", "COVID -")
    sign: str  # "-", "+", "\u2212", "minus" or ""
    currency: str  # currency sign or code before the number, as written ("US$", "RMB")
    surface_start: int  # where the surface starts: the sign or currency before the number
    value: float = 0.0  # the number times its scale and unit factor, negative after a minus
    low: float | None = None
    high: float | None = None
    traits: int = 0  # trait bits: which rules apply (see ``traits``)


def bounds(value: float, qualifier: str) -> tuple[float | None, float | None]:
    """(low, high) of a figure: one open end for a bound.

    >>> bounds(5.0, "more_than"), bounds(5.0, "at_most"), bounds(5.0, "approx")
    ((5.0, None), (None, 5.0), (5.0, 5.0))
    """
    if qualifier in ("more_than", "at_least"):
        return value, None
    if qualifier in ("less_than", "at_most"):
        return None, value
    return value, value


class _Left(NamedTuple):
    """What LEFT_CONTEXT read before a number."""

    qualifier: str
    qualifier_word: str
    lead: str
    stop: str
    glued: str
    sign: str
    currency: str
    surface_start: int


def read_candidate(text: str, m: regex.Match[str]) -> Candidate:
    """The candidate of one match of DIGIT_AMOUNT or WORD_AMOUNT, with what stands before it."""
    start, end = m.span()
    left = _left_of(text, start)
    qualifier, qual, _, stop_kind, glued, sign, cur, _ = left
    if m.re is DIGIT_AMOUNT:
        number_text, half, scale_word, scale_letter, post_word, post_sign = m.groups()
    else:
        number_text, half, scale_word, scale_letter, post_word, post_sign = m.group(
            "num", "half_w", "scale_word_w", "scale_letter_w", "post_word_w", "post_sign_w"
        )
    if number_text is None:
        return _read_expression(text, m, _Left(*left))
    is_word = not (number_text[0].isdigit() or number_text[0] == ".")
    scale_text = scale_word or scale_letter or ""
    if cur and not scale_text:  # "US$829.6 m": a scale letter set apart after a currency sign
        spaced = SPACED_SCALE.match(text, end)
        if spaced:
            scale_text, end = spaced.group("scale"), spaced.end()
    number = _word_value(number_text) if is_word else parse_digits(number_text)
    if half:
        number += 0.5
    post = post_word or post_sign or ""
    if not post and not cur and text[end : end + 1] == " ":  # "3 billion Egyptian pounds": a CLDR name
        name = currency_name_after(text, end)
        if name is not None:
            post, end = name
    if cur or post:
        unit, kind, factor, end = _unit_of(text, cur or "", post, start, end)
        if post and not half and text[end + 1 : end + 4] == "and":  # most units are followed by other words
            and_a_half = AND_A_HALF_AFTER.match(text, end)
            if and_a_half:  # "a cent and a half", "two years and a half"
                number, end = number + 0.5, and_a_half.end()
    else:  # a bare number, most candidates: nothing to look up
        unit, kind, factor = "", "count", 1.0
    scale = scale_value(scale_text) if scale_text else 1.0
    value = _value_of(number, scale, factor, sign, qualifier)  # read now: most candidates keep it unchanged
    # The traits, as traits() reads them, from what is at hand: a call per candidate costs more.
    bits = NUMBER_T | (WORDS if is_word else DIGITS) | (UNIT if unit or scale_text else UNITLESS)
    if stop_kind:
        bits |= STOP
    if glued:
        bits |= GLUED
    if sign == "-":
        bits |= MINUS
    if len(number_text) == 4 and number_text.isdigit():
        bits |= FOUR_DIGITS
    if number <= 31 and number.is_integer():
        bits |= SMALL_WHOLE
    if scale_text in ("m", "M"):
        bits |= SCALE_M
    if unit == "pound":
        bits |= POUND
    if qual:
        bits |= QUALIFIED
    # tuple.__new__ directly: a named tuple's own __new__ is a Python function, the costliest part here
    read = (start, end, NUMBER, number_text, is_word, number, scale_text, scale, unit, kind, factor, post)
    return tuple.__new__(Candidate, (*read, *left, *value, bits))


_Lefts = tuple[str, str, str, str, str, str, str, int]


def _left_of(text: str, start: int) -> _Lefts:
    """What LEFT_CONTEXT reads before ``start``, as _Left's fields."""
    if plain_word_before(text, start):
        return ("exact", "", "", "", "", "", "", start)
    found = LEFT_CONTEXT.search(text, start - 32 if start > 32 else 0, start)
    assert found is not None  # every part of LEFT_CONTEXT is optional
    lead, qual, stop, glued, sign_out, cur, sign = found.groups()
    sign = sign or sign_out or ""
    surface_start = start
    if cur or sign:
        surface_start = found.start("sign_out") if sign_out else (found.start("cur") if cur else found.start("sign"))
    qualifier = QUALIFIERS.get(" ".join(qual.lower().split()), "exact") if qual else "exact"
    stop_kind = (STOP_CONTEXTS.get(stop) or STOP_CONTEXTS.get(stop + ".") or "") if stop else ""
    return (qualifier, qual or "", lead.lower() if lead else "", stop_kind, glued or "", sign, cur or "", surface_start)


def plain_word_before(text: str, start: int) -> bool:
    """Whether a space and a plain word stand before ``start`` that LEFT_CONTEXT cannot read: ASCII
    letters, not the last word of a qualifier, range lead, stop word or currency, and not ending in
    "minus" (read without a word boundary). Then there is no left context, and no search for it.

    >>> plain_word_before("exports rose 5%", 13), plain_word_before("about 5%", 6), plain_word_before("RMB 10", 4)
    (True, False, False)
    >>> plain_word_before("rose -5%", 6), plain_word_before("up to 6", 6), plain_word_before("sold 6", 5)
    (False, False, True)
    """
    if start < 2 or text[start - 1] != " ":
        return False
    first = start - 1
    while first > 0 and ("a" <= text[first - 1] <= "z" or "A" <= text[first - 1] <= "Z"):
        first -= 1
    if first == start - 1:
        return False
    word = text[first : start - 1].lower()
    return word not in LEFT_WORDS and not word.endswith("minus")


# The first word after a number, then up to five more, on one line.
_FIRST_WORD_AFTER = regex.compile(r"[^\S\n]{1,2}([\w'\u2019-]+)")
_WORDS_AFTER = regex.compile(r"(?:[^\S\n]{1,2}[\w'\u2019-]+){1,5}")
_WORD = regex.compile(r"[\w'\u2019-]+")


def currency_name_after(text: str, end: int) -> tuple[str, int] | None:
    """(name, end) of a CLDR currency name right after ``end``, the longest that fits, or None.

    Most numbers are followed by a word that starts no currency name: one match and one lookup
    settle those; the following words are read only for a word that does.

    >>> currency_name_after("3 billion Egyptian pounds were", 9)
    ('Egyptian pounds', 25)
    >>> currency_name_after("5 East Caribbean dollars", 1), currency_name_after("5 ships", 1)
    (('East Caribbean dollars', 24), None)
    """
    first = _FIRST_WORD_AFTER.match(text, end)
    names = CURRENCY_NAME_STARTS.get(first.group(1).casefold()) if first else None
    if first is None or names is None:
        return None
    rest = _WORDS_AFTER.match(text, first.end())
    stop = rest.end() if rest else first.end()
    words = [(m.group().casefold(), m.start(), m.end()) for m in _WORD.finditer(text, first.start(1), stop)]
    for name in names:
        if len(name) <= len(words) and all(words[k][0] == part for k, part in enumerate(name)):
            last = words[len(name) - 1][2]
            if text[last : last + 1].isalnum():  # the name ends inside a longer word
                continue
            return text[words[0][1] : last], last
    return None


def _word_value(number_text: str) -> float:
    """The value of a number in words; a "word" that is no letter is a digit the regex module knows
    and Python does not (U+116D0): it gets no value, and rules.unusual_digit drops it."""
    return parse_word_number(number_text) if number_text[0].isalpha() else 0.0


def _candidate(
    start: int,
    end: int,
    expression: str,
    number_text: str,
    is_word: bool,
    number: float,
    scale_text: str,
    unit: str,
    kind: str,
    factor: float,
    post: str,
    left: _Left,
    value: float = 0.0,
    low: float | None = None,
    high: float | None = None,
) -> Candidate:
    c = Candidate(
        start, end, expression, number_text, is_word, number, scale_text, scale_value(scale_text), unit, kind, factor, post,
        *left, value, low, high,
    )  # fmt: skip
    return c._replace(traits=traits(c))


# Adverbs of frequency and "per annum" -> the time unit of a rate (pint names); the rest of
# RATE_AFTER's time words are units.tsv rows. Source: English usage.
_EVERY: Final = {"annually": "year", "yearly": "year", "annum": "year", "daily": "day", "monthly": "month", "weekly": "week"}
# Kinds of quantity that a rate per time can be made of: goods, not durations, shares or temperatures.
_RATE_KINDS: Final = frozenset({"mass", "volume", "energy", "count"})
_GOODS_KINDS: Final = _RATE_KINDS - {"count"}  # a count per time stays a count (the rulebook)


def rate_named_before(text: str, unit: str, kind: str, start: int) -> tuple[str, str] | None:
    """(unit, kind) of goods that an adverb of frequency before them makes a rate: "a daily
    average of 145 mln cubic feet" is cubic feet per day, "an annual capacity of 650,000 tonnes"
    tonnes per year. Goods only: counts, money and shares keep their unit.

    >>> rate_named_before("It pumped a daily average of 145 mln cubic feet.", "cubic_foot", "volume", 29)
    ('cubic_foot / day', 'volumetric_flow_rate')
    >>> rate_named_before("at an annual rate of 6.1 mln units", "", "count", 21)
    """
    if kind not in _GOODS_KINDS or "/" in unit:
        return None
    found = RATE_BEFORE.search(text, max(0, start - 48), start)
    if found is None:
        return None
    time = _EVERY.get(found.group("every").lower()) or _EVERY["annually"]  # "annual"
    return f"{unit} / {time}", "volumetric_flow_rate" if kind == "volume" else f"{kind}_rate"


def rate_of(text: str, unit: str, kind: str, end: int) -> tuple[str, str, int] | None:
    """(unit, kind, end) of a quantity of goods that is a rate per time: "tonnes a year",
    "cubic feet of gas per day"; ``end`` moves past the time only when nothing stands between.

    >>> rate_of("500 tonnes a year", "tonne", "mass", 10)
    ('tonne / year', 'mass_rate', 17)
    >>> rate_of("60 cubic feet of gas per day", "cubic_foot", "volume", 13)
    ('cubic_foot / day', 'volumetric_flow_rate', 13)
    """
    if kind not in _RATE_KINDS or "/" in unit:
        return None
    found = RATE_AFTER.match(text, end)
    if found is None:
        return None
    word = (found.group("per") or found.group("every")).lower()
    entry = UNITS.get(word)
    time = _EVERY.get(word) or (entry.unit if isinstance(entry, UnitEntry) else "year")
    rate_kind = "volumetric_flow_rate" if kind == "volume" else f"{kind}_rate"
    return f"{unit} / {time}", rate_kind, end if found.group("goods") else found.end()


# Spans of years stated in a larger unit, counted in years as the rulebook counts durations ("two
# decades" -> 20 years, "a quarter of a century" -> 25 years): unit -> (year, years in one).
IN_YEARS: Final = {"decade_of_years": ("year", 10.0), "century": ("year", 100.0)}


def _unit_of(text: str, currency: str, post: str, start: int, end: int) -> tuple[str, str, float, int]:
    """(unit, kind, factor, end) from the currency sign before a number (at ``start``) and the word
    after it; ``end`` moves past a unit the amount is priced per ("$58.24 per barrel")."""
    code = ""
    factor = 1.0
    if currency:
        entry = CURRENCY_PREFIXES.get(currency) or CURRENCY_GLUED.get(currency)
        code = entry.code if isinstance(entry, CurrencyEntry) else ""
    if post:
        folded = post.lower()
        if folded in ("pound", "pounds") and not code:
            rate = rate_of(text, "pound", "mass", end)
            if rate is not None and rate[2] == end:  # goods named between ("pounds of okra monthly"): a weight, per time
                return rate[0], rate[1], 1.0, rate[2]
            return "pound", "mass", 1.0, end  # rules.pounds_as_sterling may make it money
        named = CURRENCY_SUFFIXES.get(post)
        if isinstance(named, CurrencyEntry):
            factor = named.factor
            code = code or named.code  # a sign before wins: "US$ 5 cents", "$5 dollars"
        elif not code:
            unit = UNITS.get(post)
            if isinstance(unit, UnitEntry):
                rate = rate_of(text, unit.unit, unit.kind, end)
                if rate is not None:
                    return rate[0], rate[1], 1.0, rate[2]
                before = rate_named_before(text, unit.unit, unit.kind, start) if unit.kind in _GOODS_KINDS else None
                if before is not None:
                    return before[0], before[1], 1.0, end
                counted, factor = IN_YEARS.get(unit.unit, (unit.unit, 1.0))
                return counted, unit.kind, factor, end
    if code:
        per = PER_UNIT_AFTER.match(text, end)
        per_unit = UNITS.get(per.group("per")) if per else None
        if per is not None and isinstance(per_unit, UnitEntry):
            return f"{code}/{per_unit.unit}", "money", factor, per.end()
        return code, "money", factor, end
    return "", "count", 1.0, end


def named_unit(word: str) -> tuple[str, str] | None:
    """(unit, kind) of a currency name or unit written after a number.

    >>> named_unit("dollars"), named_unit("tonnes"), named_unit("ships")
    (('USD', 'money'), ('tonne', 'mass'), None)
    """
    currency = CURRENCY_SUFFIXES.get(word) if word else None
    if isinstance(currency, CurrencyEntry):
        return currency.code, "money"
    unit = UNITS.get(word) if word else None
    return (unit.unit, unit.kind) if isinstance(unit, UnitEntry) else None


def _unit_word_after(text: str, end: int, lead: regex.Pattern[str]) -> tuple[str, int]:
    """(unit word, its end) when ``lead`` and a unit word follow ``end``, else ("", end)."""
    between = lead.match(text, end)
    found = POST_WORD_AT.match(text, between.end()) if between else None
    return (found.group("post"), found.end()) if found else ("", end)


def share_of_a_whole(count: str, whole: str) -> float:
    """The share that "one in three", "two out of five" state: count / whole.

    >>> share_of_a_whole("one", "three"), share_of_a_whole("Nine", "10"), share_of_a_whole("one", "a hundred")
    (0.3333333333333333, 0.9, 0.01)
    """
    folded = " ".join(whole.lower().split())
    total = 100.0 if folded == "a hundred" else NUMBER_WORDS[folded][0] if folded in NUMBER_WORDS else float(folded)
    return NUMBER_WORDS[count.lower()][0] / total


def _read_expression(text: str, m: regex.Match[str], left: _Left) -> Candidate:
    """A fraction ("a third"), a vague amount ("dozens of") or a multiplier ("doubled")."""
    start, end = m.span()
    if m.group("frac_expr"):
        if m.group("frac_half"):
            share = 0.5
        elif m.group("frac_whole"):
            share = share_of_a_whole(m.group("frac_count"), m.group("frac_whole"))
        else:
            count_word = m.group("frac_count").lower()
            count = 1.0 if count_word in ("a", "an") else NUMBER_WORDS[count_word][0]
            share = count * NUMBER_WORDS[m.group("frac").lower()][0]
        post, post_end = _unit_word_after(text, end, OF_A_BEFORE_UNIT)
        named = named_unit(post)
        if named is not None:
            end = post_end  # "a quarter of a percentage point": a share of that unit
            unit, kind = named
            unit, years = IN_YEARS.get(unit, (unit, 1.0))  # "a quarter of a century": 25 years
            value = tidy_float(share * years)
            low, high = bounds(value, left.qualifier)
            return _candidate(start, end, FRACTION, "", True, value, "", unit, kind, 1.0, "", left, value, low, high)
        value = round(share * 100, 2)
        low, high = bounds(value, left.qualifier)
        return _candidate(start, end, FRACTION, "", True, value, "", "percent", "percent", 1.0, "", left, value, low, high)
    if m.group("vague_expr"):
        if m.group("vague"):
            low_v, high_v, _ = VAGUE_AMOUNTS[m.group("vague").lower()]
            if m.group("vague_tens"):
                low_v, high_v = low_v * 10, high_v * 10
        else:
            low_v, high_v, _ = VAGUE_AMOUNTS[" ".join(m.group("several").lower().split())]
            factor = scale_value(m.group("several_scale"))
            low_v, high_v = low_v * factor, high_v * factor
        value = tidy_float((low_v + high_v) / 2)
        post, post_end = _unit_word_after(text, end, OF_BEFORE_UNIT if m.group("vague") else SPACE_BEFORE_UNIT)
        named = named_unit(post)
        unit, kind = named if named is not None else ("", "count")
        if named is not None:
            end = post_end
        vague = left._replace(qualifier="approx")
        return _candidate(start, end, VAGUE, "", True, value, "", unit, kind, 1.0, "", vague, value, low_v, high_v)
    word = m.group("mult_verb")
    value = MULTIPLIER_WORDS[word.lower()] if word else parse_number(m.group("mult_num"))
    low, high = bounds(value, left.qualifier)
    return _candidate(start, end, MULTIPLIER, "", True, value, "", "times", "ratio", 1.0, "", left, value, low, high)


def valued(c: Candidate) -> Candidate:
    """``c`` with its value worked out again, after a rule changed its scale, unit or qualifier.

    >>> from extract.figures.candidate import candidates_at
    >>> c = candidates_at("exports of $5bn", 12)[0]
    >>> valued(c._replace(scale=1e6)).value
    5000000.0
    """
    if c.expression != NUMBER:
        return c
    return Candidate(*c[:_VALUE], *_value_of(c.number, c.scale, c.factor, c.sign, c.qualifier), c.traits)


def _value_of(number: float, scale: float, factor: float, sign: str, qualifier: str) -> tuple[float, float | None, float | None]:
    """(value, low, high) of a number: times its scale and unit factor, negative after a minus."""
    value = tidy_float(number * scale * factor)
    if sign and sign[0] in "-\u2212mM":
        value = -value
    low, high = bounds(value, qualifier)
    return value, low, high


def candidates(text: str) -> list[Candidate]:
    """Every candidate the grammar reads in ``text``, in order of position, not yet judged."""
    matches = list(DIGIT_AMOUNT.finditer(text))
    words = _word_matches(text)
    if words:
        wholes = [m.span() for m in words if m.group("frac_whole")]
        if wholes:  # "one in 12": the digits of the whole belong to the share
            matches = [m for m in matches if not any(a <= m.start() < b for a, b in wholes)]
        matches.extend(words)
        matches.sort(key=_MATCH_START)
    return [read_candidate(text, m) for m in matches]


def candidates_at(text: str, at: int) -> list[Candidate]:
    """The candidates that start at ``at``, from either scan (for doctests and tests)."""
    return [c for c in candidates(text) if c.start == at]


def _word_matches(text: str) -> list[regex.Match[str]]:
    """WORD_AMOUNT matches, tried only where WORD_TRIGGER finds a word a figure can start with."""
    found: list[regex.Match[str]] = []
    covered = -1
    trigger_words = WORD_TRIGGER_AND_A_HALF if "and a half" in text else WORD_TRIGGER
    for trigger in trigger_words.finditer(" " + text):
        at = trigger.start()  # the word's offset in ``text``: the match starts one character early
        if at < covered:
            continue
        m = WORD_AMOUNT.match(text, at)
        if m:
            found.append(m)
            covered = m.end()
    return found
