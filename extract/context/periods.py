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
from datetime import date
from typing import Final

import regex

from extract.figures.grammar import YEAR as _YEAR
from extract.vocab import MONTH_FORMS, MONTHS, ORDINALS, RELATIVE_WORDS, alternation

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

PERIOD = regex.compile(
    rf"""
    (?P<span> (?i: between | from ) \s+ (?P<span_a> {_YEAR} ) \s+ (?i: and | to | through | until ) \s+ (?P<span_b> {_YEAR} ) )
  | (?P<dashed> (?P<dash_a> {_YEAR} ) \s* [-\u2013] \s* (?P<dash_b> {_YEAR} | \d{{2}} ) (?! \d ) )     # 2021-2023, 2021-23
  | (?P<quarter> (?i: the \s+ )? (?P<q_ord> {_QUARTER_ORDINAL} )
        [\s-]+ (?i: quarter ) (?: \s+ (?i: of ) )? (?: \s+ (?P<q_year> {_YEAR} ) )? )
  | (?P<qcode> \b Q (?P<q_num> [1-4] ) (?: \s* (?P<qc_year> {_YEAR} ) | / (?P<qc_short> \d{{2}} ) )? \b )   # Q3 2023, Q3/23
  | (?P<half> (?i: the \s+ )? (?P<h_ord> {_HALF_ORDINAL} ) [\s-]+ (?i: half )   # the first half of 2023
        (?: \s+ (?i: of ) )? (?: \s+ (?P<h_year> {_YEAR} ) )? )
  | (?P<hcode> \b H (?P<h_num> [12] ) (?: \s* (?P<hc_year> {_YEAR} ) )? \b )
  | (?P<months> (?: (?i: between | from ) \s+ )? (?P<m_from> {_MONTH} )          # January-October, between January and March
        \s* (?: [-\u2013] | \s (?i: to|through|until|and ) \s ) \s* (?P<m_to> {_MONTH} ) (?: ,? \s+ (?P<ms_year> {_YEAR} ) )? )
  | (?P<day> (?P<d_month> {_MONTH} ) \s+ (?P<d_day> \d{{1,2}} ) ,? \s+ (?P<d_year> {_YEAR} ) )   # April 26, 2024
  | (?P<month> (?: (?P<m_name> {_MONTH} ) \s+ (?P<m_year> {_YEAR} )          # October 2023
              | (?<= \b (?i: in|since|during|by|until|from|of|last|this|early|late|mid|end|through) [\s-] )
                (?P<m_alone> {_MONTH} ) (?! \s+ \d{{1,2}} \b ) ) )                # in October
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
def _either_case(words: list[str]) -> str:
    """Words as written and capitalised ("last|Last"), longest first, for the stdlib engine."""
    forms = {form for w in words for form in (w, w[:1].upper() + w[1:])}
    return "|".join(re.escape(w) for w in sorted(forms, key=lambda w: (-len(w), w)))


_ORDINAL_WORDS: Final = _either_case(list(_PART_ORDINALS))
_RELATIVE_WORDS: Final = _either_case(list(_RELATIVE_STEPS))
_MONTH_WORDS: Final = "|".join(sorted(MONTHS, key=lambda m: (-len(m), m)))
PERIOD_TRIGGER: Final = re.compile(
    rf"""
    \b (?: [Tt]he \s+ (?= (?:{_ORDINAL_WORDS}) [\s-] )                           # the last quarter
        | [Bb]etween \s+ (?= {_YEAR} | {_MONTH_WORDS} )                            # between 2021 and 2023
        | [Ff]rom \s+ (?= {_YEAR} | a \s+ year | {_MONTH_WORDS} )                  # from 2021 to 2023
        | (?: {_ORDINAL_WORDS} ) (?= [\s-] (?:quarter|half) )                       # first half
        | (?: {_RELATIVE_WORDS} ) (?= \s+ (?:year|month|quarter) )                  # last year
        | [Yy]ear (?= [\s-] (?:on|over) [\s-] )                                      # year on year
        | {_MONTH_WORDS} | Q[1-4] | H[12] | y/y | {_YEAR}                            # October, Q3, 2023
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
    yearless: bool = False  # a month, quarter or half named without its year: the tense may move it


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
    """
    year_n = int(m.group("ms_year")) if m.group("ms_year") else (anchor.year if anchor else None)
    a, b = MONTHS[m.group("m_from").rstrip(".")], MONTHS[m.group("m_to").rstrip(".")]
    return _month_bounds(year_n, a, b) if year_n and a <= b else _NONE


def _day(m: regex.Match[str], anchor: date | None) -> tuple[str, str]:
    """ "April 26, 2024": that day; an impossible date is no period.

    >>> _resolve("April 26, 2024"), _resolve("February 30, 2024")
    (('2024-04-26', '2024-04-26'), ('', ''))
    """
    try:
        day = date(int(m.group("d_year")), MONTHS[m.group("d_month").rstrip(".")], int(m.group("d_day"))).isoformat()
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


# The outer group of PERIOD that matched -> its resolver.
RESOLVERS: Final[dict[str, Resolver]] = {
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
    for trigger in PERIOD_TRIGGER.finditer(text, start, stop):
        if trigger.start() < covered:
            continue
        m = PERIOD.match(text, trigger.start(), stop)
        if m is None:
            continue
        covered = m.end()
        kind = m.lastgroup or "year"  # dispatch on the outer group: a full groupdict() costs more
        first, last = RESOLVERS[kind](m, anchor)
        out.append(Period(m.start(), m.end(), m.group(), first, last, kind == "yoy", _is_yearless(m, kind)))
    return out


_YEAR_GROUPS: Final = {
    "quarter": ("q_year",),
    "qcode": ("qc_year", "qc_short"),
    "half": ("h_year",),
    "hcode": ("hc_year",),
    "months": ("ms_year",),
    "month": ("m_year",),
}


def _is_yearless(m: regex.Match[str], kind: str) -> bool:
    """A part of a year named without the year ("in July", "the third quarter")."""
    groups = _YEAR_GROUPS.get(kind)
    return groups is not None and not any(m.group(g) for g in groups)


def by_tense(period: Period, future: bool, anchor: date | None) -> Period:
    """A yearless period moved by the tense of its clause: the next July in a sentence about the
    future, the last complete third quarter in one about the past.

    >>> july = find_periods("tariffs from July", anchor=date(2024, 6, 12))[0]
    >>> (july.first, by_tense(july, True, date(2024, 6, 12)).first)
    ('2023-07-01', '2024-07-01')
    >>> q3 = find_periods("third quarter profits rose", anchor=date(1987, 2, 26))[0]
    >>> (q3.first, by_tense(q3, False, date(1987, 2, 26)).first)
    ('1987-07-01', '1986-07-01')
    """
    if not period.yearless or anchor is None or not period.first:
        return period
    first, last = date.fromisoformat(period.first), date.fromisoformat(period.last)
    if future and last < anchor:
        return _shift_years(period, 1)
    if not future and last > anchor and first.month != anchor.month:
        return _shift_years(period, -1)
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
