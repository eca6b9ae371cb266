"""Time periods in a sentence ("between 2021 and 2023", "Q3 2023", "in the last quarter of 2023",
"January-October 2024", "last year") as written and as ISO date bounds.

Relative or incomplete periods resolve against the document's date when one is known; otherwise
they keep their text and get no ISO dates.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Final

import regex

from extract.figures.grammar import YEAR as _YEAR
from extract.vocab import (
    ABBREVIATIONS,
    MONTH_FORMS,
    MONTHS,
    NUMBER_WORDS,
    ORDINALS,
    PERIOD_CUES,
    RELATIVE_WORDS,
    TRADE_FORMS,
    TRADE_WORDS,
    alternation,
)

# Longest first; only abbreviations take a full stop ("Oct."), so "in October." keeps its stop out.
_MONTH: Final = (
    "(?:"
    + "|".join(
        rf"{name}\.?" if form == "abbreviation" else name
        for name, (_, form) in sorted(MONTH_FORMS.items(), key=lambda item: (-len(item[0]), item[0]))
    )
    + ")"
)
# Ordinals of quarters and halves (ordinals.tsv): position 1-4, or "last".
_PART_ORDINALS: Final = {w: p for w, p in ORDINALS.items() if p.isdigit() or p == "last"}
_QUARTER_ORDINAL: Final = alternation(_PART_ORDINALS, ignore_case=True)
_HALF_ORDINAL: Final = alternation((w for w, p in _PART_ORDINALS.items() if p in ("1", "2")), ignore_case=True)
# Relative period words (relative_words.tsv): "last", "this", "next" and their steps.
_RELATIVE_STEPS: Final = {w: int(step) for w, step in RELATIVE_WORDS.items() if step != "after"}
_RELATIVE: Final = alternation(_RELATIVE_STEPS, ignore_case=True)
_AFTER_DURATION: Final = alternation((w for w, step in RELATIVE_WORDS.items() if step == "after"), ignore_case=True)

# Counts of months or years in words ("the first nine months", "the last three years"): 2 to 12.
_COUNT_WORDS: Final = {
    w: int(v) for w, (v, _) in NUMBER_WORDS.items() if w.isalpha() and w.islower() and 2 <= v <= 12 and v.is_integer()
}
_COUNT: Final = rf"(?: \d{{1,2}} | {alternation(_COUNT_WORDS, ignore_case=True)} )"
_ENDED: Final = r"(?i: ended | ending | to )"
_DECADE: Final = r"(?:1[89]|20)\d0"  # the first year of a decade: "the 1970s"
# The nouns of what a figure measures (trade_words.tsv: flows and measures as nouns, in the plural
# too): a month right before one, maybe past one word, names its period ("February exports rose",
# "January car sales"). Checked after a match (a set, not an alternation: PERIOD compiles at start-up).
_MEASURE_NOUNS: Final = frozenset(
    w for w, form in TRADE_FORMS.items() if form == "noun" and TRADE_WORDS[w] in ("export", "import", "measure")
)
_WORDS_AFTER: Final = re.compile(r"\s+([a-z]+)(?:\s+([a-z]+))?")

PERIOD = regex.compile(
    rf"""
    (?P<split> (?P<split_a> {_YEAR} ) / (?P<split_b> {_YEAR} | \d{{2}} ) (?! [\d/] ) )          # 1986/87: a fiscal or crop year
  | (?P<pair> (?i: both \s+ )? (?P<pair_a> {_YEAR} ) \s+ (?i: and ) \s+ (?P<pair_b> {_YEAR} )      # (both) 1983 and 1984
        (?! [\w%-] ) )
  | (?P<ending> (?i: (?: fiscal | financial | crop ) \s+ )? (?i: year | 12 \s+ months | twelve \s+ months ) \s+ {_ENDED} \s+
        (?P<e_month> {_MONTH} ) (?: \s+ (?P<e_day> \d{{1,2}} ) (?! \d ) )?                   # year ended March 31, 1986
        (?: ,? \s+ (?P<e_year> {_YEAR} ) )? )
  | (?P<week> (?i: week ) \s+ {_ENDED} \s+ (?P<w_month> {_MONTH} ) \s+ (?P<w_day> \d{{1,2}} ) (?! \d )
        (?: ,? \s+ (?P<w_year> {_YEAR} ) )? )                                                 # the week ended March 13
  | (?P<first_n> (?i: first ) \s+ (?P<fn_count> {_COUNT} ) \s+ (?P<fn_unit> (?i: months | quarters ) )   # first nine months
        (?: \s+ (?i: of ) \s+ (?: (?P<fn_year> {_YEAR} )                                     # of 1986
            | (?P<fn_rel> (?i: this | last | the ) ) \s+ (?i: year ) ) )? )                     # of this year
  | (?P<back> (?i: last | past ) \s+ (?P<b_count> {_COUNT} ) \s+                        # the last three years
        (?P<b_unit> (?i: years | months | weeks | days ) ) (?! \s+ (?i: of ) \b ) )   # (not "the last 10 days of March")
  | (?P<since> (?i: since ) \s+ (?: (?: (?P<s_month> {_MONTH} ) \s+ )? (?P<s_year> {_YEAR} ) (?! [\w%-] )   # since 2021
        | (?i: the \s+ )? (?: (?i: early | mid | late ) [\s-]+ )? (?P<s_decade> {_DECADE} ) s \b ) )   # since the mid-1970s
  | (?P<decade> (?<= (?: \b (?P<dec_part> (?i: early | mid | late ) ) [\s-]+ )? )         # the late 1970s
        (?P<dec_start> {_DECADE} ) s \b )
  | (?P<on_day> (?<= \b (?i: on | as \s of ) \s ) (?P<od_month> {_MONTH} ) \s+ (?P<od_day> \d{{1,2}} )  # on Feb 25
        (?! \d | ,? \s+ {_YEAR} ) )
  | (?P<to_date> (?P<td_unit> (?i: year | quarter | month | week ) ) [\s-] (?i: to ) [\s-] (?i: date ) )   # year-to-date
  | (?P<year_end> (?i: (?: year [\s-]? end | end \s+ of ) ) \s+ (?: (?P<ye_year> {_YEAR} )   # yearend 1986,
        | (?P<ye_month> {_MONTH} ) (?: \s+ (?P<ye_myear> {_YEAR} ) )? ) (?! \w ) )              # the end of February
  | (?P<rel_base> (?i: (?: previous | prior | preceding ) \s+ (?P<rb_unit> year | month | week | quarter | day ) \b
        | (?P<rb_unit2> year | month | week | quarter | day ) s? \s+ (?P<rb_dir> earlier | before | ago ) \b
        | (?: corresponding \s+ | same \s+ )? year [\s-] ago \s+ period
        | same \s+ period \s+ (?: last | a \s+ year \s+ ago ) (?: \s+ year )?                   # the year before, a week ago
        | same \s+ (?P<rb_year> {_YEAR} ) \s+ (?: month | period | quarter | week ) \b                # the same 1986 month
        | same \s+ (?: month | period | quarter | week ) \s+ (?: of | in ) \s+ (?P<rb_year2> {_YEAR} ) (?! [\d/] ) ) )
  | (?P<day_span> (?i: from | between ) \s+ (?P<ds_month> {_MONTH} ) \s+ (?P<ds_day> \d{{1,2}} )   # from March 11 to 20
        \s+ (?i: to | through | until | and ) \s+ (?P<ds_month2> {_MONTH} ) \s+ (?P<ds_day2> \d{{1,2}} ) (?! \d ) )
  | (?P<season> (?i: (?: this | the \s+ current ) \s+ (?: crop \s+ | marketing \s+ )?         # this season
        (?: season | crop \s+ year ) ) )
  | (?P<span> (?i: between | from ) \s+ (?P<span_a> {_YEAR} ) \s+ (?i: and | to | through | until ) \s+ (?P<span_b> {_YEAR} ) )
  | (?P<dashed> (?P<dash_a> {_YEAR} ) \s* [-\u2013] \s* (?P<dash_b> {_YEAR} | \d{{2}} ) (?! \d ) )     # 2021-2023, 2021-23
  | (?P<quarter> (?i: the \s+ )? (?P<q_ord> {_QUARTER_ORDINAL} )
        [\s-]+ (?i: quarter ) (?: \s+ (?i: of ) )? (?: \s+ (?P<q_year> {_YEAR} ) )? )
  | (?P<qcode> \b Q (?P<q_num> [1-4] ) (?: \s* (?P<qc_year> {_YEAR} ) | / (?P<qc_short> \d{{2}} ) )? \b )   # Q3 2023, Q3/23
  | (?P<half> (?i: the \s+ )? (?P<h_ord> {_HALF_ORDINAL} ) [\s-]+ (?i: half )   # the first half of 2023
        (?: \s+ (?i: of ) )? (?: \s+ (?P<h_year> {_YEAR} ) )? )
  | (?P<hcode> \b H (?P<h_num> [12] ) (?: \s* (?P<hc_year> {_YEAR} ) )? \b )
  | (?P<months> (?: (?i: between | from ) \s+ )? (?P<m_from> {_MONTH} )          # January-October, between January and March
        (?: ,? \s+ (?P<mf_year> {_YEAR} ) )?                                          # between March 2022 and October 2023
        \s* (?: [-\u2013/] | \s (?i: to|through|until|and ) \s ) \s*               # April/May, late April/early July
        (?: (?i: early | mid | late ) [\s-]+ )? (?P<m_to> {_MONTH} ) (?! \w )
        (?: ,? \s+ (?i: of \s+ )? (?P<ms_year> {_YEAR} ) )? )                                # February and October of 1986
  | (?P<day> (?P<d_month> {_MONTH} ) \s+ (?P<d_day> \d{{1,2}} )                              # April 26, 2024
        (?: / (?P<d_day2> \d{{1,2}} ) (?! [\d/] ) | ,? \s+ (?P<d_year> {_YEAR} ) ) )                # April 14/30
  | (?P<month_rel> (?P<mr_name> {_MONTH} ) \s+ (?i: of \s+ )?                              # February last year
        (?P<mr_which> (?i: last | this ) ) \s+ (?i: year ) )
  | (?P<month> (?: (?P<m_name> {_MONTH} ) \s+ (?i: of \s+ )? (?P<m_year> {_YEAR} )          # October 2023, October of 2023
              | (?: (?<= \b (?i: in|since|during|by|until|from|of|last|this|early|late|mid|end|through|the|for) [\s-] )
                  | (?P<m_attr> (?= [A-Za-z]+ \.? \s+ [a-z] ) ) )                          # February exports (checked)
                (?P<m_alone> {_MONTH} ) (?! \w | / | \s+ \d{{1,2}} \b ) ) )            # in October
  | (?P<relative> (?P<rel_which> {_RELATIVE} ) \s+ (?P<rel_unit> (?i: year|month|quarter ) ) )
  | (?P<yoy> (?i: year [\s-] on [\s-] year | year [\s-] over [\s-] year | y/y          # a comparison basis
              | from \s+ a \s+ year \s+ {_AFTER_DURATION} ) )
  | (?P<year> (?<! [\w$€£.,-] ) {_YEAR} (?! [\w%-] | [.,] \d ) )
    """,
    regex.VERBOSE,
)


# Where a period can start, with just enough of what follows to skip the common words ("the",
# "from", "year") that start no period. Scanning for these with the stdlib engine and trying
# PERIOD only there is many times faster than letting PERIOD scan every position of a document.
# As WORD_TRIGGER, the pattern opens with the non-word character before the word rather than
# ``\b`` (so the engine skips the positions inside words in its C loop: a twelfth of the context
# stage) and is matched on the text behind one space (``_padded``), so that a match starts at the
# word's offset in the text. No branch takes the space after its word, which the next match needs.
def _either_case(words: list[str]) -> str:
    """Words as written and capitalised ("last|Last"), longest first, for the stdlib engine."""
    forms = {form for w in words for form in (w, w[:1].upper() + w[1:])}
    return "|".join(re.escape(w) for w in sorted(forms, key=lambda w: (-len(w), w)))


_ORDINAL_WORDS: Final = _either_case(list(_PART_ORDINALS))
_RELATIVE_WORDS: Final = _either_case(list(_RELATIVE_STEPS))
_MONTH_WORDS: Final = "|".join(sorted(MONTHS, key=lambda m: (-len(m), m)))
PERIOD_TRIGGER: Final = re.compile(
    rf"""
    \W                                                                            # the character before the word
    (?: [Tt]he (?= \s+ (?:{_ORDINAL_WORDS}) [\s-] )                               # the last quarter
        | [Bb]etween (?= \s+ (?: {_YEAR} | {_MONTH_WORDS} ) )                      # between 2021 and 2023
        | [Ff]rom (?= \s+ (?: {_YEAR} | a \s+ year | {_MONTH_WORDS} ) )            # from 2021 to 2023
        | (?: {_ORDINAL_WORDS} ) (?= [\s-] (?:quarter|half) | \s+ \w+ \s+ (?:months|years|quarters) \b )  # first nine months
        | (?: {_RELATIVE_WORDS} | [Pp]rior | [Pp]receding )                       # last year, past three years, previous week
            (?= \s+ (?:year|month|quarter|week|day) \b | \s+ \w+ \s+ (?:months|years|weeks|days) \b )
        | [Yy]ear (?: [\s-]? [Ee]nd (?= \s )                                        # yearend 1986
            | (?= [\s-] (?:on|over|to) [\s-] | s? \s+ (?:earlier|before|ago|ended|ending|to) \b | [\s-] ago \s+ period ) )
        | (?: [Mm]onth | [Ww]eek | [Qq]uarter | [Dd]ay )                             # a week ago, week-to-date
            (?= s? \s+ (?:earlier|before|ago|ended|ending|to) \b | -to-date )
        | (?: [Ff]iscal | [Ff]inancial | [Cc]rop | 12 | [Tt]welve )                 # the fiscal year to June 2020
            (?= \s+ (?:year|months) \s+ (?:ended|ending|to) \s )
        | [Bb]oth (?= \s+ {_YEAR} )                                                   # both 1983 and 1984
        | [Ss]ince (?= \s )                                                          # since 2021
        | (?: [Tt]his | [Tt]he )                                                       # this season
            (?= \s+ (?:current \s+)? (?:crop \s+ | marketing \s+)? (?:season|crop \s+ year) \b )
        | [Ee]nd (?= \s+ of \s )                                                     # the end of February
        | (?: [Cc]orresponding | [Ss]ame ) (?= \s+ (?: year [\s-] ago | period \s+ (?:last|a \s+ year) ) )  # year-ago period
        | [Ss]ame (?= \s+ (?: {_YEAR} \s+ \w | (?:month|period|quarter|week) \s+ (?:of|in) \s+ {_YEAR} ) )  # same 1986 month
        | {_MONTH_WORDS} | Q[1-4] | H[12] | y/y | {_YEAR} s?                         # October, Q3, 2023, the 1990s
    ) \b
    """,
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Period:
    start: int
    end: int
    text: str
    first: str  # ISO date or ""
    last: str  # ISO date or ""
    is_comparison: bool = False  # "year on year": a basis, used only when nothing better is named
    is_base: bool = False  # "than in 1985": a comparison's base, not for a figure before it
    shift: str = ""  # "the year before", "a week ago": unit and steps back ("year 1", "week 1 ago"), resolved
    # against the sentence's own period (or the document date for "ago") by ``resolve_shift``
    kind: str = ""  # the PERIOD group that matched ("year", "week", "first_n")
    yearless: str = ""  # the kind of a month, quarter or half named without its year: the tense may move it
    delivery: bool = False  # "for May shipment": when goods bought or sold move, the trade's own period


def _month_bounds(year: int, first_month: int, last_month: int) -> tuple[str, str]:
    """ISO bounds of whole months.

    >>> _month_bounds(2023, 10, 12)
    ('2023-10-01', '2023-12-31')
    """
    last_day = calendar.monthrange(year, last_month)[1]
    return date(year, first_month, 1).isoformat(), date(year, last_month, last_day).isoformat()


def _short_year(century_of: int, two_digits: str) -> int:
    """ "2021-23" ends in 2023.

    >>> _short_year(2021, "23")
    2023
    """
    return century_of // 100 * 100 + int(two_digits)


def previous_quarter(anchor: date) -> tuple[int, int]:
    """(year, quarter) of the last complete quarter before ``anchor``.

    >>> previous_quarter(date(2024, 5, 7))
    (2024, 1)
    >>> previous_quarter(date(2024, 2, 1))
    (2023, 4)
    """
    quarter = (anchor.month - 1) // 3 + 1
    return (anchor.year, quarter - 1) if quarter > 1 else (anchor.year - 1, 4)


def _quarter(year: int, quarter: int) -> tuple[str, str]:
    return _month_bounds(year, quarter * 3 - 2, quarter * 3)


# --- one resolver per kind of period: (first, last) ISO dates of a PERIOD match -----------------------

Resolver = Callable[[regex.Match[str], "date | None"], tuple[str, str]]
_NONE: Final = ("", "")


def _span(m: regex.Match[str], anchor: date | None) -> tuple[str, str]:
    """ "between 2021 and 2023": from the first year's start to the second's end.

    >>> _resolve("between 2021 and 2023")
    ('2021-01-01', '2023-12-31')
    """
    return f"{m.group('span_a')}-01-01", f"{m.group('span_b')}-12-31"


def _dashed(m: regex.Match[str], anchor: date | None) -> tuple[str, str]:
    """ "2021-2023", "2021-23"; a span that runs backwards is no period.

    >>> _resolve("2021-23"), _resolve("2023-2021")
    (('2021-01-01', '2023-12-31'), ('', ''))
    """
    a = int(m.group("dash_a"))
    b_text = m.group("dash_b")
    b = int(b_text) if len(b_text) == 4 else _short_year(a, b_text)
    return (f"{a}-01-01", f"{b}-12-31") if a < b else _NONE


def _quarter_of(m: regex.Match[str], anchor: date | None) -> tuple[str, str]:
    """ "the third quarter of 2023", "Q3/23"; "the last quarter" alone is the one before the document date.

    >>> _resolve("the third quarter of 2023"), _resolve("Q3/23"), _resolve("the last quarter", date(2024, 5, 7))
    (('2023-07-01', '2023-09-30'), ('2023-07-01', '2023-09-30'), ('2024-01-01', '2024-03-31'))
    """
    year = m.group("q_year") or m.group("qc_year")
    short = m.group("qc_short")
    year_n = int(year) if year else (2000 + int(short) if short else None)
    position = _PART_ORDINALS.get((m.group("q_ord") or "").lower(), "")
    if position == "last":
        if year_n is not None:
            return _quarter(year_n, 4)
        return _quarter(*previous_quarter(anchor)) if anchor else _NONE
    quarter = int(position) if position else int(m.group("q_num"))
    year_n = year_n or (anchor.year if anchor else None)
    return _quarter(year_n, quarter) if year_n else _NONE


def _half_of(m: regex.Match[str], anchor: date | None) -> tuple[str, str]:
    """ "the first half of 2023", "H2 2023"; without a year, the document's year.

    >>> _resolve("the first half of 2023"), _resolve("H2", date(2024, 5, 7))
    (('2023-01-01', '2023-06-30'), ('2024-07-01', '2024-12-31'))
    """
    year = m.group("h_year") or m.group("hc_year")
    year_n = int(year) if year else (anchor.year if anchor else None)
    half = int(_PART_ORDINALS[m.group("h_ord").lower()]) if m.group("h_ord") else int(m.group("h_num"))
    if not year_n:
        return _NONE
    return _month_bounds(year_n, 1, 6) if half == 1 else _month_bounds(year_n, 7, 12)


def _months(m: regex.Match[str], anchor: date | None) -> tuple[str, str]:
    """ "January-October 2024", "between January and March" (of the document's year).

    >>> _resolve("January-October 2024"), _resolve("between January and March", date(2024, 5, 7))
    (('2024-01-01', '2024-10-31'), ('2024-01-01', '2024-03-31'))
    >>> _resolve("between March 2022 and October 2023"), _resolve("from November 1986 to February")
    (('2022-03-01', '2023-10-31'), ('1986-11-01', '1987-02-28'))
    """
    a, b = MONTHS[m.group("m_from").rstrip(".")], MONTHS[m.group("m_to").rstrip(".")]
    if m.group("mf_year"):  # "between March 2022 and October 2023", "from March 2022 to May"
        year_a = int(m.group("mf_year"))
        year_b = int(m.group("ms_year")) if m.group("ms_year") else year_a + (b < a)
        if (year_b, b) < (year_a, a):
            return _NONE
        return _month_bounds(year_a, a, a)[0], _month_bounds(year_b, b, b)[1]
    year_n = int(m.group("ms_year")) if m.group("ms_year") else (anchor.year if anchor else None)
    return _month_bounds(year_n, a, b) if year_n and a <= b else _NONE


def _day(m: regex.Match[str], anchor: date | None) -> tuple[str, str]:
    """ "April 26, 2024": that day; an impossible date is no period. "for April 14/30 delivery":
    those days of the month, in the document's year (the tense of the clause may move it, like a
    month named alone).

    >>> _resolve("April 26, 2024"), _resolve("February 30, 2024")
    (('2024-04-26', '2024-04-26'), ('', ''))
    >>> _resolve("for April 14/30 delivery", date(1987, 4, 7)), _resolve("May 30/5")
    (('1987-04-14', '1987-04-30'), ('', ''))
    """
    month = MONTHS[m.group("d_month").rstrip(".")]
    if m.group("d_day2"):
        a, b = int(m.group("d_day")), int(m.group("d_day2"))
        if anchor is None or not 1 <= a < b <= calendar.monthrange(anchor.year, month)[1]:
            return _NONE
        return date(anchor.year, month, a).isoformat(), date(anchor.year, month, b).isoformat()
    try:
        day = date(int(m.group("d_year")), month, int(m.group("d_day"))).isoformat()
    except ValueError:
        return _NONE
    return day, day


def _month(m: regex.Match[str], anchor: date | None) -> tuple[str, str]:
    """ "October 2023"; "in October" alone is the last October up to the document date.

    >>> _resolve("October 2023"), _resolve("in October", date(2024, 5, 7))
    (('2023-10-01', '2023-10-31'), ('2023-10-01', '2023-10-31'))
    """
    month = MONTHS[(m.group("m_alone") or m.group("m_name")).rstrip(".")]
    if m.group("m_year"):
        return _month_bounds(int(m.group("m_year")), month, month)
    if anchor:
        year_n = anchor.year if month <= anchor.month else anchor.year - 1
        return _month_bounds(year_n, month, month)
    return _NONE


def _relative_period(m: regex.Match[str], anchor: date | None) -> tuple[str, str]:
    """ "last year", "this quarter", "past month" against the document date.

    >>> _resolve("last year", date(2024, 5, 7)), _resolve("last month", date(2024, 1, 15)), _resolve("last year")
    (('2023-01-01', '2023-12-31'), ('2023-12-01', '2023-12-31'), ('', ''))
    """
    if anchor is None:
        return _NONE
    step = _RELATIVE_STEPS[m.group("rel_which").lower()]
    unit = m.group("rel_unit").lower()
    if unit == "year":
        return _month_bounds(anchor.year + step, 1, 12)
    if unit == "month":
        index = anchor.year * 12 + anchor.month - 1 + step
        return _month_bounds(index // 12, index % 12 + 1, index % 12 + 1)
    quarter_index = anchor.year * 4 + (anchor.month - 1) // 3 + step
    return _quarter(quarter_index // 4, quarter_index % 4 + 1)


def _comparison(m: regex.Match[str], anchor: date | None) -> tuple[str, str]:
    """ "year on year": a comparison basis, no dates of its own.

    >>> _resolve("year on year")
    ('', '')
    """
    return _NONE


def _year(m: regex.Match[str], anchor: date | None) -> tuple[str, str]:
    """ "2023": the calendar year.

    >>> _resolve("in 2023")
    ('2023-01-01', '2023-12-31')
    """
    return f"{m.group('year')}-01-01", f"{m.group('year')}-12-31"


# A split of more than one year ("the 1983/85 period", "its 1987/92 plan") runs from the first year
# to the last, like "1983-85"; a wider one is more likely a pair of figures than a period.
_LONGEST_SPLIT: Final = 10


def _split(m: regex.Match[str], anchor: date | None) -> tuple[str, str]:
    """ "1986/87", "the 1985/86 crop year": both calendar years (the rulebook's convention for a
    fiscal or crop year whose months are not stated).

    >>> _resolve("the 1985/86 crop year"), _resolve("1999/2000"), _resolve("1999/00"), _resolve("the 1983/85 period")
    (('1985-01-01', '1986-12-31'), ('1999-01-01', '2000-12-31'), ('1999-01-01', '2000-12-31'), ('1983-01-01', '1985-12-31'))
    """
    a = int(m.group("split_a"))
    b_text = m.group("split_b")
    b = int(b_text) if len(b_text) == 4 else _short_year(a, b_text)
    if b < a:
        b += 100  # "1999/00"
    return (f"{a}-01-01", f"{b}-12-31") if a < b <= a + _LONGEST_SPLIT else _NONE


def _pair(m: regex.Match[str], anchor: date | None) -> tuple[str, str]:
    """ "in both 1983 and 1984": from the first to the second.

    >>> _resolve("in both 1983 and 1984")
    ('1983-01-01', '1984-12-31')
    """
    a, b = int(m.group("pair_a")), int(m.group("pair_b"))
    return (f"{a}-01-01", f"{b}-12-31") if a < b else _NONE


def _last_on_or_before(month: int, day: int | None, anchor: date | None, year: str | None) -> date | None:
    """The date of ``month``/``day`` (the month's last day without one) in ``year``, or without a
    year the latest such date up to the document's date."""

    def on(y: int) -> date | None:
        last_day = calendar.monthrange(y, month)[1]
        return date(y, month, day) if day and day <= last_day else (None if day else date(y, month, last_day))

    if year:
        return on(int(year))
    if anchor is None:
        return None
    found = on(anchor.year)
    return found if found is None or found <= anchor else on(anchor.year - 1)


def _ending(m: regex.Match[str], anchor: date | None) -> tuple[str, str]:
    """ "the year ended March 31, 1986", "the fiscal year to June 2020": the twelve months to it.

    >>> _resolve("the year ended March 31, 1986"), _resolve("fiscal year to June 2020")
    (('1985-04-01', '1986-03-31'), ('2019-07-01', '2020-06-30'))
    """
    day = int(m.group("e_day")) if m.group("e_day") else None
    end = _last_on_or_before(MONTHS[m.group("e_month").rstrip(".")], day, anchor, m.group("e_year"))
    if end is None:
        return _NONE
    year_before = end.replace(year=end.year - 1, day=min(end.day, calendar.monthrange(end.year - 1, end.month)[1]))
    return (year_before + timedelta(days=1)).isoformat(), end.isoformat()


def _week(m: regex.Match[str], anchor: date | None) -> tuple[str, str]:
    """ "the week ended March 31": the seven days to that date (the latest one up to the
    document's date when no year is given).

    >>> _resolve("the week ended March 31", date(1987, 4, 7)), _resolve("week ending January 9, 1987")
    (('1987-03-25', '1987-03-31'), ('1987-01-03', '1987-01-09'))
    """
    end = _last_on_or_before(MONTHS[m.group("w_month").rstrip(".")], int(m.group("w_day")), anchor, m.group("w_year"))
    return ((end - timedelta(days=6)).isoformat(), end.isoformat()) if end else _NONE


def _first_months(m: regex.Match[str], anchor: date | None) -> tuple[str, str]:
    """ "the first nine months of 1986", "the first five months of this year".

    >>> _resolve("the first nine months of 1986"), _resolve("first five months of this year", date(1987, 6, 2))
    (('1986-01-01', '1986-09-30'), ('1987-01-01', '1987-05-31'))
    >>> _resolve("the first three quarters of 2023"), _resolve("the first two quarters", date(2024, 9, 2))
    (('2023-01-01', '2023-09-30'), ('2024-01-01', '2024-06-30'))
    """
    count = _count(m.group("fn_count")) * (3 if m.group("fn_unit").lower() == "quarters" else 1)
    if m.group("fn_year"):
        year_n: int | None = int(m.group("fn_year"))
    else:  # "of this year", "of the year" or no year at all (the tense may move it back a year)
        year_n = None if anchor is None else anchor.year - ((m.group("fn_rel") or "").lower() == "last")
    return _month_bounds(year_n, 1, count) if year_n and 1 <= count <= 12 else _NONE


def _count(text: str) -> int:
    return int(text) if text.isdigit() else _COUNT_WORDS.get(text.lower(), 0)


def _back(m: regex.Match[str], anchor: date | None) -> tuple[str, str]:
    """ "over the last three years": counted back from the document's date.

    >>> _resolve("the last three years", date(1987, 4, 5)), _resolve("the past six months", date(1987, 4, 5))
    (('1984-04-05', '1987-04-05'), ('1986-10-05', '1987-04-05'))
    >>> _resolve("in the past seven weeks", date(1987, 4, 1)), _resolve("the last 10 days", date(1987, 4, 1))
    (('1987-02-12', '1987-04-01'), ('1987-03-23', '1987-04-01'))
    """
    if anchor is None:
        return _NONE
    count = _count(m.group("b_count"))
    unit = m.group("b_unit").lower()
    if unit in ("weeks", "days"):  # whole days counted back, the document's date the last of them
        days = count * (7 if unit == "weeks" else 1)
        return (anchor - timedelta(days=days - 1)).isoformat(), anchor.isoformat()
    months = count * 12 if unit.startswith("year") else count
    index = anchor.year * 12 + anchor.month - 1 - months
    year_n, month = index // 12, index % 12 + 1
    start = date(year_n, month, min(anchor.day, calendar.monthrange(year_n, month)[1]))
    return start.isoformat(), anchor.isoformat()


def _since(m: regex.Match[str], anchor: date | None) -> tuple[str, str]:
    """ "since 2021": from its start to the document's date (nothing without a date).

    >>> _resolve("since 2021", date(2024, 5, 7)), _resolve("since June 2003"), _resolve("since the 1970s", date(1987, 6, 1))
    (('2021-01-01', '2024-05-07'), ('', ''), ('1970-01-01', '1987-06-01'))
    """
    if anchor is None:
        return _NONE
    month = MONTHS[m.group("s_month").rstrip(".")] if m.group("s_month") else 1
    start = date(int(m.group("s_year") or m.group("s_decade")), month, 1)
    return (start.isoformat(), anchor.isoformat()) if start <= anchor else _NONE


def _on_day(m: regex.Match[str], anchor: date | None) -> tuple[str, str]:
    """ "on Feb 25": that day, the latest one up to the document's date.

    >>> _resolve("balance on Feb 25", date(1987, 2, 26))
    ('1987-02-25', '1987-02-25')
    """
    day = _last_on_or_before(MONTHS[m.group("od_month").rstrip(".")], int(m.group("od_day")), anchor, None)
    return (day.isoformat(), day.isoformat()) if day else _NONE


def _day_span(m: regex.Match[str], anchor: date | None) -> tuple[str, str]:
    """ "from March 11 through March 20": those days, of the latest such span up to the document's date.

    >>> _resolve("for the eight days from March 12 through March 19", date(1987, 3, 24))
    ('1987-03-12', '1987-03-19')
    """
    last = _last_on_or_before(MONTHS[m.group("ds_month2").rstrip(".")], int(m.group("ds_day2")), anchor, None)
    if last is None:
        return _NONE
    month, day = MONTHS[m.group("ds_month").rstrip(".")], int(m.group("ds_day"))
    try:
        first = date(last.year if month <= last.month else last.year - 1, month, day)
    except ValueError:
        return _NONE
    return first.isoformat(), last.isoformat()


def _season(m: regex.Match[str], anchor: date | None) -> tuple[str, str]:
    """ "this season", "the current crop year": the split year that holds the document's date, read
    like "1986/87" (both calendar years); a crop year begins mid-year, so before July it is the one
    that began the year before.

    >>> _resolve("exports this season", date(1987, 3, 31)), _resolve("the current crop year", date(1987, 9, 1))
    (('1986-01-01', '1987-12-31'), ('1987-01-01', '1988-12-31'))
    """
    if anchor is None:
        return _NONE
    first = anchor.year - 1 if anchor.month <= 6 else anchor.year
    return f"{first}-01-01", f"{first + 1}-12-31"


def _month_relative(m: regex.Match[str], anchor: date | None) -> tuple[str, str]:
    """ "February last year": that month of the year before the document's.

    >>> _resolve("February last year", date(1987, 3, 16))
    ('1986-02-01', '1986-02-28')
    """
    if anchor is None:
        return _NONE
    year_n = anchor.year - (m.group("mr_which").lower() == "last")
    month = MONTHS[m.group("mr_name").rstrip(".")]
    return _month_bounds(year_n, month, month)


def _to_date(m: regex.Match[str], anchor: date | None) -> tuple[str, str]:
    """ "year-to-date", "month to date", "the week to date": from the start of that year, quarter,
    month or week (a Monday) to the document's date.

    >>> _resolve("year-to-date sales", date(1987, 3, 25)), _resolve("sold for the week to date", date(1987, 4, 7))
    (('1987-01-01', '1987-03-25'), ('1987-04-06', '1987-04-07'))
    >>> _resolve("quarter-to-date", date(1987, 5, 20)), _resolve("month to date", date(1987, 5, 20))
    (('1987-04-01', '1987-05-20'), ('1987-05-01', '1987-05-20'))
    """
    if anchor is None:
        return _NONE
    unit = m.group("td_unit").lower()
    if unit == "week":
        first = anchor - timedelta(days=anchor.weekday())
    elif unit == "month":
        first = anchor.replace(day=1)
    elif unit == "quarter":
        first = date(anchor.year, (anchor.month - 1) // 3 * 3 + 1, 1)
    else:
        first = date(anchor.year, 1, 1)
    return first.isoformat(), anchor.isoformat()


# Years of a decade by its part: "the early 1980s" 1980-83, "the mid-1980s" 1984-86, "the late
# 1980s" 1987-89 (our convention, in thirds: news uses the words loosely).
_DECADE_PARTS: Final = {"": (0, 9), "early": (0, 3), "mid": (4, 6), "late": (7, 9)}


def _decade(m: regex.Match[str], anchor: date | None) -> tuple[str, str]:
    """ "the 1970s", "the late 1970s": the decade's years, or the part of it named.

    >>> _resolve("in the 1970s"), _resolve("in the late 1970s"), _resolve("by the mid-1990s")
    (('1970-01-01', '1979-12-31'), ('1977-01-01', '1979-12-31'), ('1994-01-01', '1996-12-31'))
    """
    start = int(m.group("dec_start"))
    first, last = _DECADE_PARTS[(m.group("dec_part") or "").lower()]
    return f"{start + first}-01-01", f"{start + last}-12-31"


def _year_end(m: regex.Match[str], anchor: date | None) -> tuple[str, str]:
    """ "at yearend 1986", "at the end of February": that last day.

    >>> _resolve("reserves at yearend 1986"), _resolve("at the end of February", date(1987, 3, 16))
    (('1986-12-31', '1986-12-31'), ('1987-02-28', '1987-02-28'))
    >>> _resolve("300 mln by the end of 1990")
    ('1990-01-01', '1990-12-31')
    """
    if m.group("ye_year"):
        if m.string[max(0, m.start() - 7) : m.start()].lower().rstrip().endswith(("by", "by the")):
            return f"{m.group('ye_year')}-01-01", f"{m.group('ye_year')}-12-31"  # "by the end of 1990": a target year
        return f"{m.group('ye_year')}-12-31", f"{m.group('ye_year')}-12-31"
    day = _last_on_or_before(MONTHS[m.group("ye_month").rstrip(".")], None, anchor, m.group("ye_myear"))
    return (day.isoformat(), day.isoformat()) if day else _NONE


def _relative_base(m: regex.Match[str], anchor: date | None) -> tuple[str, str]:
    """ "the year before", "a week ago": no dates until ``resolve_shift`` finds what it is relative to.

    >>> _resolve("the previous week")
    ('', '')
    """
    return _NONE


# The count before a relative base's unit: "two months earlier" (the base starts at its unit).
_COUNT_BEFORE: Final = re.compile(rf"\b(\d{{1,2}}|{_either_case(list(_COUNT_WORDS))})\s+$")


def _shift_of(m: regex.Match[str]) -> str:
    """The unit and steps back of a relative base: "the previous week" -> "week 1".

    >>> [_shift_of(PERIOD.search(s)) for s in ("previous week", "two months earlier", "year-ago period", "one month ago")]
    ['week 1', 'month 2 before', 'year 1 before', 'month 1 ago']
    >>> [_shift_of(PERIOD.search(s)) for s in ("the same 1986 month", "the same period of 1985")]
    ['in 1986', 'in 1985']
    """
    if m.group("rb_unit"):
        return f"{m.group('rb_unit').lower()} 1"
    if m.group("rb_year") or m.group("rb_year2"):
        return f"in {m.group('rb_year') or m.group('rb_year2')}"  # the same period, in another year
    if not m.group("rb_unit2"):
        return "year 1 before"
    count = _COUNT_BEFORE.search(m.string, max(0, m.start() - 12), m.start())
    steps = _count(count.group(1)) if count else 1
    way = "ago" if m.group("rb_dir").lower() == "ago" else "before"
    return f"{m.group('rb_unit2').lower()} {steps} {way}"


def resolve_shift(period: Period, reference: Period | None, anchor: date | None) -> Period:
    """A relative base's dates: the sentence's own period moved back ("the week ended March 31 …
    the previous week"), or for "ago" with nothing to move, the document's date moved back.

    >>> week = find_periods("in the week ended March 31", anchor=date(1987, 4, 7))[0]
    >>> base = find_periods("the previous week")[0]
    >>> moved = resolve_shift(base, week, date(1987, 4, 7))
    >>> moved.first, moved.last
    ('1987-03-18', '1987-03-24')
    >>> ago = resolve_shift(find_periods("one month ago")[0], None, date(1987, 4, 24))
    >>> ago.first, ago.last
    ('1987-03-24', '1987-03-24')
    >>> feb = find_periods("in February 1987")[0]
    >>> same = resolve_shift(find_periods("the same 1986 month")[0], feb, None)
    >>> same.first, same.last
    ('1986-02-01', '1986-02-28')
    """
    unit, steps, *way = period.shift.split()
    n = int(steps)
    if unit == "in":  # "the same 1986 month": the reference's dates in that year, else the year
        if reference is None or not reference.first:
            return replace(period, first=f"{n}-01-01", last=f"{n}-12-31")
        moved = _shift_years(reference, n - date.fromisoformat(reference.first).year)
        return replace(period, first=moved.first, last=moved.last)
    if reference is not None and reference.first:
        first, last = (
            _back_by(date.fromisoformat(reference.first), unit, n),
            _back_by(date.fromisoformat(reference.last), unit, n),
        )
        return replace(period, first=first.isoformat(), last=last.isoformat())
    if way == ["ago"] and anchor is not None:
        day = _back_by(anchor, unit, n).isoformat()
        return replace(period, first=day, last=day)
    return period


_UNIT_KINDS: Final = {
    "week": ("week",),
    "month": ("month", "month_rel"),
    "quarter": ("quarter", "qcode"),
    "day": ("day", "on_day"),
}


def shift_reference(shifted: Period, periods: list[Period]) -> Period | None:
    """What a relative base is relative to: the last dated period before it, of its own unit when
    there is one ("the week ended January 9, the 1987 quota year, … the previous week")."""
    dated = [p for p in periods if p.start < shifted.start and p.first and not p.shift and not p.is_comparison]
    kinds = _UNIT_KINDS.get(shifted.shift.split()[0], ())
    same_unit = [p for p in dated if p.kind in kinds]
    candidates = same_unit or dated
    return candidates[-1] if candidates else None


def endpoint(period: Period, lead: str) -> Period:
    """The end of a span that a figure reached ("to 43,521") or started from ("from 50,000"):
    between February and October, the level reached is October's.

    >>> span = find_periods("Between February and October of 1986")[0]
    >>> [(endpoint(span, w).first, endpoint(span, w).last) for w in ("to", "from")]
    [('1986-10-01', '1986-10-31'), ('1986-02-01', '1986-02-28')]
    """
    if period.kind not in ("months", "span") or not period.first or lead not in ("to", "from"):
        return period
    first, last = date.fromisoformat(period.first), date.fromisoformat(period.last)
    if period.kind == "months":
        at = last if lead == "to" else first
        return replace(
            period,
            first=at.replace(day=1).isoformat(),
            last=date(at.year, at.month, calendar.monthrange(at.year, at.month)[1]).isoformat(),
        )
    year_n = last.year if lead == "to" else first.year
    return replace(period, first=f"{year_n}-01-01", last=f"{year_n}-12-31")


def _back_by(day: date, unit: str, n: int) -> date:
    if unit in ("day", "week"):
        return day - timedelta(days=n * (7 if unit == "week" else 1))
    months = n * {"year": 12, "quarter": 3}.get(unit, 1)
    index = day.year * 12 + day.month - 1 - months
    year_n, month = index // 12, index % 12 + 1
    last_day = calendar.monthrange(year_n, month)[1]
    at_month_end = day.day == calendar.monthrange(day.year, day.month)[1]
    return date(year_n, month, last_day if at_month_end else min(day.day, last_day))


# The outer group of PERIOD that matched -> its resolver.
RESOLVERS: Final[dict[str, Resolver]] = {
    "season": _season,
    "day_span": _day_span,
    "month_rel": _month_relative,
    "to_date": _to_date,
    "decade": _decade,
    "year_end": _year_end,
    "rel_base": _relative_base,
    "split": _split,
    "pair": _pair,
    "ending": _ending,
    "week": _week,
    "first_n": _first_months,
    "back": _back,
    "since": _since,
    "on_day": _on_day,
    "span": _span,
    "dashed": _dashed,
    "quarter": _quarter_of,
    "qcode": _quarter_of,
    "half": _half_of,
    "hcode": _half_of,
    "months": _months,
    "day": _day,
    "month": _month,
    "relative": _relative_period,
    "yoy": _comparison,
    "year": _year,
}


def _resolve(text: str, anchor: date | None = None) -> tuple[str, str]:
    """The ISO bounds of the first period in ``text`` (for doctests)."""
    (found,) = find_periods(text, anchor=anchor)[:1]
    return found.first, found.last


# What can follow a year to make it part of a longer period ("1986/87", "2021-23", "1983 and 1984",
# "1987 to 1990"); a year followed by none of these is a bare year.
_JOINS_YEARS: Final = re.compile(r"\s*[/\-\u2013]|\s+(?:and|to|through|until)\s", re.IGNORECASE)
_BARE_YEAR: Final = regex.compile(rf"(?<! [\w$€£.,-] ) (?P<year> {_YEAR} ) (?! [\w%-] | [.,] \d )", regex.VERBOSE)


@lru_cache(maxsize=2)
def _padded(text: str) -> str:
    """``text`` behind one space, made once per document for PERIOD_TRIGGER's blocks."""
    return " " + text


def find_periods(text: str, start: int = 0, end: int | None = None, anchor: date | None = None) -> list[Period]:
    """Period mentions in ``text[start:end]``.

    >>> [(p.text, p.first, p.last) for p in find_periods("exports jumped 64.2% between 2021 and 2023")]
    [('between 2021 and 2023', '2021-01-01', '2023-12-31')]
    >>> [(p.text, p.first, p.last) for p in find_periods("In the last quarter of 2023, 70% of imports")]
    [('the last quarter of 2023', '2023-10-01', '2023-12-31')]
    >>> [(p.text, p.first) for p in find_periods("sales rose last year", anchor=date(2024, 5, 7))]
    [('last year', '2023-01-01')]
    """
    stop = len(text) if end is None else end
    out = []
    covered = start
    for trigger in PERIOD_TRIGGER.finditer(_padded(text), start, stop + 1):
        at, trigger_end = trigger.start(), trigger.end() - 1  # offsets in ``text``
        if at < covered:
            continue
        if trigger_end - at == 4 and text[at].isdigit() and not _JOINS_YEARS.match(text, trigger_end, stop):
            # a year on its own, the commonest trigger: the short pattern, not all of PERIOD
            year = _BARE_YEAR.match(text, at, stop)
            if year is None:
                continue
            covered = year.end()
            cue = lead_cue(text, at)
            if cue != "not_period":
                out.append(
                    Period(
                        at,
                        year.end(),
                        year.group(),
                        f"{year.group()}-01-01",
                        f"{year.group()}-12-31",
                        False,
                        cue == "base",
                        kind="year",
                    )
                )
            continue
        m = PERIOD.match(text, at, stop)
        if m is None:
            continue
        covered = m.end()
        kind = m.lastgroup or "year"  # dispatch on the outer group: a full groupdict() costs more
        cue = lead_cue(text, m.start())
        if cue == "not_period" or (cue == "record" and kind == "since"):
            continue
        if kind == "month" and m.group("m_attr") is not None and not before_measure_noun(text, m.end()):
            continue  # "May be", "March said": a month alone names a period before a measure noun only
        if kind == "decade" and _DECADE_LEAD.search(text, max(0, m.start() - 20), m.start()) is None:
            continue  # "the darling of late 1990s investors": a decade names a period only after "in", "by"…
        first, last = RESOLVERS[kind](m, anchor)
        yearless = kind if _is_yearless(m, kind) else ""
        shift = _shift_of(m) if kind == "rel_base" else ""
        delivery = _is_delivery(text, m.start(), m.end())
        if kind == "months" and "/" in m.group() and yearless and not (delivery or _named_span(text, m.start(), m.end())):
            continue  # "Jul/Dec 1.40 under": a futures position, not a span (unlike "for April/May delivery")
        # a relative base right after "from", "compared with" has no figure of its own ("up 24 pct
        # from the same 1986 period"): a comparison's base, not the change's period
        is_base = cue == "base" or (bool(shift) and (cue == "compare" or _compared_on(text, m.start())))
        out.append(Period(m.start(), m.end(), m.group(), first, last, kind == "yoy", is_base, shift, kind, yearless, delivery))
    return out


# Words that bring in a comparison's base right before a relative base: "up 1.3 pct on the same
# 1986 period", "a rise over the previous year" (read only there: "over" and "on" date nothing else).
_COMPARED_ON: Final = re.compile(r"\b(?:on|over|than)\s+(?:the\s+|a\s+)?$", re.IGNORECASE)


def _compared_on(text: str, start: int) -> bool:
    """A relative base brought in by "on", "over" or "than".

    >>> _compared_on("up 1.3 pct on the same 1986 period", 18), _compared_on("in the same 1986 period", 7)
    (True, False)
    """
    return _COMPARED_ON.search(text, max(0, start - 12), start) is not None


# "for" before a period of delivery, maybe with a part of the month ("for late April/early July
# shipment"); without it only a delivery or a contract month is one ("April delivery cattle", "the
# June contract"): "February shipments rose" are goods that moved.
_FOR_BEFORE: Final = re.compile(r"\bfor\s+(?:(?:early|mid|late)[\s-]+)?$", re.IGNORECASE)
_DELIVERY_MONTH: Final = re.compile(r"\s+(?:deliver(?:y|ies)|contracts?)\b", re.IGNORECASE)
_NOT_DELIVERY_BEFORE: Final = re.compile(r"\b(?:in|during|since|last|until|through)\s+(?:the\s+)?$", re.IGNORECASE)


def _is_delivery(text: str, start: int, end: int) -> bool:
    """The period at ``start``..``end`` is when goods bought or sold will move: "for May shipment",
    "April delivery cattle", "the June contract"; not "February shipments rose", "deliveries in
    April fell".

    >>> text = "for May shipment; April delivery cattle; February shipments rose; sold in June delivery"
    >>> [_is_delivery(text, text.index(m), text.index(m) + len(m)) for m in ("May", "April", "February", "June")]
    [True, True, False, False]
    """
    before = max(0, start - 16)
    if _DELIVERY.match(text, end) is not None and _FOR_BEFORE.search(text, before, start) is not None:
        return True
    return _DELIVERY_MONTH.match(text, end) is not None and _NOT_DELIVERY_BEFORE.search(text, before, start) is None


# A noun that makes a pair of months a span: "in the January/November period".
_PERIOD_NOUN: Final = re.compile(r"\s+period\b", re.IGNORECASE)
# A preposition of time before a decade: "in the 1970s", "by the late 1990s", "during the 1980s".
_DECADE_LEAD: Final = re.compile(
    r"\b(?:in|during|by|until|through|throughout|over|from|for)\s+(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?$", re.IGNORECASE
)
# A preposition that makes a pair of months a span: "during Jan/Dec", "over the March/May period".
_SPAN_BEFORE: Final = re.compile(r"\b(?:in|during|over|for|of|through)\s+(?:the\s+)?$", re.IGNORECASE)


def before_measure_noun(text: str, end: int) -> bool:
    """The word after ``end``, or the one after it, is the noun of a measure ("February exports
    rose", "January car sales").

    >>> text = "February exports rose; March car sales fell; May be lower"
    >>> [before_measure_noun(text, text.index(m) + len(m)) for m in ("February", "March", "May")]
    [True, True, False]
    """
    words = _WORDS_AFTER.match(text, end)
    return words is not None and (words.group(1) in _MEASURE_NOUNS or words.group(2) in _MEASURE_NOUNS)


def _named_span(text: str, start: int, end: int) -> bool:
    """A yearless pair of months with a slash read as a span: after a preposition or before
    "period" ("in the January/November period", "during Jan/Dec"); alone it labels a futures
    position ("Aug/Sept at 1,870 dlrs").

    >>> _named_span("sold in Jan/Dec", 8, 15), _named_span("Aug/Sept at 1,870", 0, 8)
    (True, False)
    """
    return _PERIOD_NOUN.match(text, end) is not None or _SPAN_BEFORE.search(text, max(0, start - 16), start) is not None


# What follows a period of delivery: "for May to September shipment", "for April/May delivery".
_DELIVERY: Final = re.compile(r"\s+(?:shipments?|deliver(?:y|ies)|loading|arrivals?)\b", re.IGNORECASE)

_SKIPPED_BEFORE: Final = frozenset({"in", "on", "the", "of", "since"})
_ABBREVIATIONS: Final = frozenset(w.lower() for w in ABBREVIATIONS)


def lead_cue(text: str, start: int) -> str:
    """The role that the word before a period gives it (period_cues.tsv), or "" ("in", "on",
    "the", "of" and "since" are looked past).

    >>> text = "the lowest level since June 1980, due April 24, 1990, lower than in 1985"
    >>> [lead_cue(text, text.index(s)) for s in ("since", "April", "1985")]
    ['record', 'not_period', 'base']
    >>> lead_cue("The issue was due. In 1986 it rose", 22)
    ''

    """
    words = text[max(0, start - 30) : start].lower().split()
    for word in reversed(words[-4:]):
        if word[-1:] in "!?;:" or (word.endswith(".") and "." not in word[:-1] and word[:-1] not in _ABBREVIATIONS):
            return ""  # the sentence or clause before ends there ("… it said. In 1986 …"), not "vs." or "U.S."
        word = word.strip(".,;:()\"'")
        if word not in _SKIPPED_BEFORE:
            return PERIOD_CUES.get(word, "")
    return ""


_YEAR_GROUPS: Final = {
    "quarter": ("q_year",),
    "qcode": ("qc_year", "qc_short"),
    "half": ("h_year",),
    "hcode": ("hc_year",),
    "months": ("ms_year", "mf_year"),
    "month": ("m_year",),
    "first_n": ("fn_year", "fn_rel"),
    "day": ("d_year",),
}


_PARTS_OF_YEAR: Final = frozenset({"quarter", "qcode", "half", "hcode"})


def _is_yearless(m: regex.Match[str], kind: str) -> bool:
    """A part of a year named without the year ("in July", "the third quarter")."""
    groups = _YEAR_GROUPS.get(kind)
    return groups is not None and not any(m.group(g) for g in groups)


def by_tense(period: Period, future: bool, anchor: date | None) -> Period:
    """A yearless period moved by the tense of its clause: the next July in a sentence about the
    future, last year's third quarter in one about the past dated before it began.

    >>> july = find_periods("tariffs from July", anchor=date(2024, 6, 12))[0]
    >>> (july.first, by_tense(july, True, date(2024, 6, 12)).first)
    ('2023-07-01', '2024-07-01')
    >>> q3 = find_periods("third quarter profits rose", anchor=date(1987, 2, 26))[0]
    >>> (q3.first, by_tense(q3, False, date(1987, 2, 26)).first)
    ('1987-07-01', '1986-07-01')
    >>> nine = find_periods("rose in the first nine months", anchor=date(2024, 3, 1))[0]
    >>> by_tense(nine, False, date(2024, 3, 1)).first
    '2023-01-01'

    """
    if not period.yearless or anchor is None or not period.first:
        return period
    first, last = date.fromisoformat(period.first), date.fromisoformat(period.last)
    if future and last < anchor:
        return _shift_years(period, 1)
    if not future and first > anchor and period.yearless in _PARTS_OF_YEAR:
        return _shift_years(period, -1)  # results reported for a quarter not yet begun are last year's
    if not future and last > anchor and period.yearless == "first_n":
        return _shift_years(period, -1)  # "rose in the first three quarters", said in March: last year's
    return period


def _shift_years(period: Period, years: int) -> Period:
    first, last = date.fromisoformat(period.first), date.fromisoformat(period.last)
    start = first.replace(year=first.year + years)
    end_month_days = calendar.monthrange(last.year + years, last.month)[1]
    end = last.replace(year=last.year + years, day=min(last.day, end_month_days))
    return replace(period, first=start.isoformat(), last=end.isoformat())


def parse_date(value: str) -> date | None:
    """A document date from ISO text ("2024-05-07", "2024-05-07T10:00:00Z"); None when empty or invalid.

    >>> parse_date("2024-05-07T10:00:00Z"), parse_date("")
    (datetime.date(2024, 5, 7), None)
    """
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
