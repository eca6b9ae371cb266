"""Time periods in a sentence ("between 2021 and 2023", "Q3 2023", "in the last quarter of 2023",
"January-October 2024", "last year") as written and as ISO date bounds.

Relative or incomplete periods resolve against the document's date when one is known; otherwise
they keep their text and get no ISO dates.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

import regex

from extract.vocab import _rows

_MONTH_ROWS = list(_rows("periods.tsv"))
MONTHS: dict[str, int] = {name: int(number) for name, number, _ in _MONTH_ROWS}
# Longest first; only abbreviations take a full stop ("Oct."), so "in October." keeps its stop out.
_MONTH = (
    "(?:"
    + "|".join(
        rf"{name}\.?" if form == "abbreviation" else name
        for name, _, form in sorted(_MONTH_ROWS, key=lambda r: (-len(r[0]), r[0]))
    )
    + ")"
)
_YEAR = r"(?:19|20)\d{2}"
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}

PERIOD = regex.compile(
    rf"""
    (?P<span> (?i: between | from ) \s+ (?P<span_a> {_YEAR} ) \s+ (?i: and | to | through | until ) \s+ (?P<span_b> {_YEAR} ) )
  | (?P<dashed> (?P<dash_a> {_YEAR} ) \s* [-\u2013] \s* (?P<dash_b> {_YEAR} | \d{{2}} ) (?! \d ) )     # 2021-2023, 2021-23
  | (?P<quarter> (?i: the \s+ )? (?P<q_ord> (?i: first|second|third|fourth|last|final|1st|2nd|3rd|4th ) )
        [\s-]+ (?i: quarter ) (?: \s+ (?i: of ) )? (?: \s+ (?P<q_year> {_YEAR} ) )? )
  | (?P<qcode> \b Q (?P<q_num> [1-4] ) (?: \s* (?P<qc_year> {_YEAR} ) | / (?P<qc_short> \d{{2}} ) )? \b )   # Q3 2023, Q3/23
  | (?P<half> (?i: the \s+ )? (?P<h_ord> (?i: first|second|1st|2nd ) ) [\s-]+ (?i: half )   # the first half of 2023
        (?: \s+ (?i: of ) )? (?: \s+ (?P<h_year> {_YEAR} ) )? )
  | (?P<hcode> \b H (?P<h_num> [12] ) (?: \s* (?P<hc_year> {_YEAR} ) )? \b )
  | (?P<months> (?: (?i: between | from ) \s+ )? (?P<m_from> {_MONTH} )          # January-October, between January and March
        \s* (?: [-\u2013] | \s (?i: to|through|until|and ) \s ) \s* (?P<m_to> {_MONTH} ) (?: ,? \s+ (?P<ms_year> {_YEAR} ) )? )
  | (?P<day> (?P<d_month> {_MONTH} ) \s+ (?P<d_day> \d{{1,2}} ) ,? \s+ (?P<d_year> {_YEAR} ) )   # April 26, 2024
  | (?P<month> (?: (?P<m_name> {_MONTH} ) \s+ (?P<m_year> {_YEAR} )          # October 2023
              | (?<= \b (?i: in|since|during|by|until|from|of|last|this|early|late|mid|end|through) [\s-] )
                (?P<m_alone> {_MONTH} ) (?! \s+ \d{{1,2}} \b ) ) )                # in October
  | (?P<relative> (?P<rel_which> (?i: last|this|next|previous|past ) ) \s+ (?P<rel_unit> (?i: year|month|quarter ) ) )
  | (?P<yoy> (?i: year [\s-] on [\s-] year | year [\s-] over [\s-] year | y/y          # a comparison basis
              | from \s+ a \s+ year \s+ (?: earlier|ago|before ) ) )
  | (?P<year> (?<! [\w$€£.,-] ) {_YEAR} (?! [\w%-] | [.,] \d ) )
    """,
    regex.VERBOSE,
)


# Where a period can start, with just enough of what follows to skip the common words ("the",
# "from", "year") that start no period. Scanning for these with the stdlib engine and trying
# PERIOD only there is many times faster than letting PERIOD scan every position of a document.
_ORDINAL_WORDS = "first|second|third|fourth|final|last|1st|2nd|3rd|4th"
_MONTH_WORDS = "|".join(sorted(MONTHS, key=lambda m: (-len(m), m)))
PERIOD_TRIGGER = re.compile(
    rf"""
    \b (?: [Tt]he \s+ (?= (?:{_ORDINAL_WORDS}) [\s-] )                           # the last quarter
        | [Bb]etween \s+ (?= (?:19|20)\d\d | {_MONTH_WORDS} )                      # between 2021 and 2023
        | [Ff]rom \s+ (?= (?:19|20)\d\d | a \s+ year | {_MONTH_WORDS} )            # from 2021 to 2023
        | (?: {_ORDINAL_WORDS} | First|Second|Third|Fourth|Final|Last ) (?= [\s-] (?:quarter|half) )   # first half
        | (?: [Ll]ast | [Tt]his | [Nn]ext | [Pp]revious | [Pp]ast ) (?= \s+ (?:year|month|quarter) )  # last year
        | [Yy]ear (?= [\s-] (?:on|over) [\s-] )                                      # year on year
        | {_MONTH_WORDS} | Q[1-4] | H[12] | y/y | (?:19|20)\d\d                      # October, Q3, 2023
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


def resolve(m: regex.Match[str], anchor: date | None) -> tuple[str, str, bool]:
    """(first, last, is_comparison) of one PERIOD match; "" dates where it cannot be resolved.

    Dispatches on the outer named group that matched (``lastgroup``), reading only its own
    sub-groups: a full groupdict() costs more than the rest of the resolution.
    """
    kind = m.lastgroup
    g = m.group
    year_of_doc = anchor.year if anchor else None
    if kind == "span":
        return f"{g('span_a')}-01-01", f"{g('span_b')}-12-31", False
    if kind == "dashed":
        a = int(g("dash_a"))
        b_text = g("dash_b")
        b = int(b_text) if len(b_text) == 4 else _short_year(a, b_text)
        return (f"{a}-01-01", f"{b}-12-31", False) if a < b else ("", "", False)
    if kind in ("quarter", "qcode"):
        year = g("q_year") or g("qc_year")
        short = g("qc_short")
        year_n = int(year) if year else (2000 + int(short) if short else None)
        ordinal = (g("q_ord") or "").lower()
        if ordinal in ("last", "final"):
            if year_n is not None:
                return (*_quarter(year_n, 4), False)
            if anchor:
                return (*_quarter(*previous_quarter(anchor)), False)
            return "", "", False
        quarter = _ORDINALS[ordinal] if ordinal else int(g("q_num"))
        year_n = year_n or year_of_doc
        return (*_quarter(year_n, quarter), False) if year_n else ("", "", False)
    if kind in ("half", "hcode"):
        year = g("h_year") or g("hc_year")
        year_n = int(year) if year else year_of_doc
        half = _ORDINALS[g("h_ord").lower()] if g("h_ord") else int(g("h_num"))
        if not year_n:
            return "", "", False
        return (*(_month_bounds(year_n, 1, 6) if half == 1 else _month_bounds(year_n, 7, 12)), False)
    if kind == "months":
        year_n = int(g("ms_year")) if g("ms_year") else year_of_doc
        a, b = MONTHS[g("m_from").rstrip(".")], MONTHS[g("m_to").rstrip(".")]
        return (*_month_bounds(year_n, a, b), False) if year_n and a <= b else ("", "", False)
    if kind == "day":
        try:
            day = date(int(g("d_year")), MONTHS[g("d_month").rstrip(".")], int(g("d_day"))).isoformat()
        except ValueError:  # "February 30"
            return "", "", False
        return day, day, False
    if kind == "month":
        month = MONTHS[(g("m_alone") or g("m_name")).rstrip(".")]
        if g("m_year"):
            return (*_month_bounds(int(g("m_year")), month, month), False)
        if anchor:
            year_n = anchor.year if month <= anchor.month else anchor.year - 1
            return (*_month_bounds(year_n, month, month), False)
        return "", "", False
    if kind == "relative":
        return (*_relative(g("rel_which").lower(), g("rel_unit").lower(), anchor), False)
    if kind == "yoy":
        return "", "", True
    year = g("year")
    return f"{year}-01-01", f"{year}-12-31", False


def _relative(which: str, unit: str, anchor: date | None) -> tuple[str, str]:
    """ "last year", "this quarter", "past year" against the document date.

    >>> _relative("last", "year", date(2024, 5, 7)), _relative("last", "month", date(2024, 1, 15))
    (('2023-01-01', '2023-12-31'), ('2023-12-01', '2023-12-31'))
    >>> _relative("last", "year", None)
    ('', '')
    """
    if anchor is None:
        return "", ""
    step = {"last": -1, "previous": -1, "past": -1, "this": 0, "next": 1}[which]
    if unit == "year":
        return _month_bounds(anchor.year + step, 1, 12)
    if unit == "month":
        index = anchor.year * 12 + anchor.month - 1 + step
        return _month_bounds(index // 12, index % 12 + 1, index % 12 + 1)
    quarter_index = anchor.year * 4 + (anchor.month - 1) // 3 + step
    return _quarter(quarter_index // 4, quarter_index % 4 + 1)


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
        first, last, comparison = resolve(m, anchor)
        out.append(Period(m.start(), m.end(), m.group(), first, last, comparison))
    return out


def parse_date(value: str) -> date | None:
    """A document date from ISO text ("2024-05-07", "2024-05-07T10:00:00Z"); None when empty or invalid.

    >>> parse_date("2024-05-07T10:00:00Z"), parse_date("")
    (datetime.date(2024, 5, 7), None)
    """
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
