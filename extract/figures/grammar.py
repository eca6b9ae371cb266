"""Compiled regular expressions of the figure grammar.

Every pattern is written in verbose mode, one commented line per piece, compiled once here and
composed from named helpers. Vocabulary comes from :mod:`extract.vocab`; nothing is spelled here
that a data file already lists.
"""

from __future__ import annotations

import re
from typing import Final

import regex

from extract.vocab import (
    ADDRESS_WORDS,
    CURRENCY_GLUED,
    CURRENCY_PREFIXES,
    CURRENCY_SUFFIX_WORDS,
    MULTIPLIER_WORDS,
    NUMBER_WORDS,
    QUALIFIERS,
    RELATIVE_WORDS,
    SCALES,
    STOP_CONTEXTS,
    TIME_ZONES,
    UNITS,
    VAGUE_AMOUNTS,
    CaseTable,
    alternation,
    scale_words,
    words_of_class,
)

FLAGS: Final = regex.VERBOSE | regex.VERSION0

# --- years ---------------------------------------------------------------------------------------

# The one definition of a year, shared by the figure rules (a bare year is a period, not a figure)
# and the period finder: 1900-2099, the years news writes about. An earlier four-digit number
# ("1850 people", "closed at 1478 points") is a figure.
FIRST_YEAR: Final = 1900
LAST_YEAR: Final = 2099
YEAR: Final = r"(?:19|20)\d{2}"


def is_year(value: float) -> bool:
    """Whether a four-digit number can be a year.

    >>> is_year(2023), is_year(1850), is_year(2023.5)
    (True, False, False)
    """
    return FIRST_YEAR <= value <= LAST_YEAR and float(value).is_integer()


def _split_by_length(table: CaseTable, shortest: int) -> tuple[dict[str, bool], dict[str, bool]]:
    """Entries of ``table`` whose surface is at most ``shortest`` characters, and the rest."""
    short = {w: ic for w, ic in table.case_rules.items() if len(w) <= shortest}
    long = {w: ic for w, ic in table.case_rules.items() if len(w) > shortest}
    return short, long


def _case_alternation(table: dict[str, bool]) -> str:
    return CaseTable((w, True, ic) for w, ic in table.items()).pattern()


# --- numbers ---------------------------------------------------------------------------------

DIGITS = r"""
(?: \d (?: \. \d+ )? e [-+]? \d{1,3} (?! [\w.] )              # 1.5e6, 3e5: scientific notation ("7E7" is a model)
  | \d{1,3} (?: \. \d+ )? \x20? [x\u00d7] \x20? 10           # 1.99 x 10, then the power of ten:
    (?: (?: \^ | \*\* ) [-+\u2212]? \d{1,3}                    #   ^30, **-6, ^\u221230
      | \u207b? [\u2070\u00b9\u00b2\u00b3\u2074-\u2079]+          #   superscript digits
      | \u2212 \d{1,3} ) (?! [\d.] )                            #   a true minus sign: 10\u221230
  | \d{1,3} - \d{1,2} / (?: 64|32|16|8|4|3|2 ) (?! [\d/] )   # 33-1/3, 1-3/4: wire copy's mixed fractions
  | \d{1,2} / (?: 64|32|16|8|4|3|2 ) (?! [\d/] ) (?= \x20? (?i: pct | percent | per \x20 cent | % ) )   # 5/8 pct
  | \d{1,2} (?: , \d{2} )+ , \d{3} (?! [\d,] ) (?: \. \d+ )?   # 2,77,000: Indian grouping (lakh, crore)
  | \d{1,3} (?: , \d{3} )+ (?: \. \d+ )?            # 1,200,000.5
  | \d{1,3} (?: [\u00a0\u202f\u2009] \d{3} )+ (?: [.,] \d+ )?   # 1 200 000 with no-break or thin spaces
  | \d{1,3} (?: \x20 \d{3} )+ (?! [\d.,-]? \d )      # 1 200 000 with plain spaces, whole groups only (not "12 737-300")
  | \d+ (?: \. \d+ )?                                # 1200 or 1200.5
  | \. \d+                                           # .001
)
"""

_UNITS_WORDS = alternation(words_of_class("unit"), ignore_case=True)
_TENS_WORDS = alternation(words_of_class("tens"), ignore_case=True)
_FRACTION_WORDS = alternation(words_of_class("fraction"), ignore_case=True)
_SMALL_WORDS = alternation([w for w, (v, cls) in NUMBER_WORDS.items() if cls == "unit" and 1 <= v <= 10], ignore_case=True)
_SCALE_WORDS = alternation(scale_words(), ignore_case=True)  # hundred, thousand, lakh, million, ...

# Horizontal white space: a figure never runs across a line break ("388,536\nYear").
_SP = r"[^\S\n]"

WORD_NUMBER = rf"""
(?: {_TENS_WORDS} (?: (?: - | {_SP} ) {_UNITS_WORDS} \b )?     # twenty, seventy-five
  | {_UNITS_WORDS}                                   # one .. nineteen
  | (?i: a {_SP}+ dozen | dozen )                       # a dozen
  | (?i: half {_SP}+ an? ) (?= {_SP}+ {_SCALE_WORDS} \b )   # "half a billion" (scale follows)
  | (?i: an? ) (?= {_SP}+ {_SCALE_WORDS} \b )            # "a million" (scale follows)
  | (?i: an? ) (?= {_SP}+ [^\W\d_]+ {_SP}+ and {_SP}+ a {_SP}+ half (?! [-\w] ) )   # "a cent and a half" (unit checked after)
)
"""

# Words of time and "times" after "one in five": "a loss in five days", "one in three times" name
# no share (units.tsv rows of kind duration, and the multiplier word).
_NOT_A_WHOLE_AFTER = alternation(
    (w for w in UNITS.case_rules if getattr(UNITS.get(w), "kind", "") in ("duration", "ratio")), ignore_case=True
)

# The qualifier words that can hedge "half" (qualifiers.tsv, words only: "about", "more than").
_HEDGES = alternation((w for w in QUALIFIERS if w.replace(" ", "").isalpha()), ignore_case=True)
# Scale words and their abbreviations ("million", "mln", "bn"): "some half mln barrels" is a number.
_ANY_SCALE = _case_alternation(_split_by_length(SCALES, 1)[1])

# Fractions of a whole: "a third", "two-thirds", "one fifth", "one in three", "nine out of every
# ten", "half" (the rule decides when "half" counts).
FRACTION = rf"""
(?: (?P<frac_count> (?i: an? ) | {_SMALL_WORDS} ) (?: {_SP} | - )+ (?P<frac> {_FRACTION_WORDS} ) (?! [-\w] )
  # "one in three Germans", "two out of five firms": a share of a group, as NewsQuant and the rulebook read it
  | (?P<frac_count> {_SMALL_WORDS} ) {_SP}+ (?i: in | out {_SP}+ of ) {_SP}+ (?: (?i: every ) {_SP}+ )?
    (?P<frac_whole> {_TENS_WORDS} | {_UNITS_WORDS} | (?i: a {_SP}+ hundred ) | [1-9] \d{{0,2}} (?! [\d.,] \d ) ) \b
    (?! {_SP}+ {_NOT_A_WHOLE_AFTER} \b )
  | (?P<frac_half> (?i: half ) ) (?= {_SP}+ (?i: of|the|a|an|its|their|all) \b )
    (?! {_SP}+ (?i: an? ) {_SP}+ {_SCALE_WORDS} \b )            # "half a billion" is a number
  # a change by half: "cut in half", "fell by half", "halved", "the halving of duties" (50 percent)
  | (?<= (?<! \w ) (?i: in | by ) {_SP}+ ) (?P<frac_half> (?i: half ) ) (?! [-\w] )
    (?! {_SP}+ (?i: an? ) {_SP}+ {_SCALE_WORDS} \b )            # "by half a billion" is a number
  | (?P<frac_half> (?i: halved | halving ) ) \b
  # a hedged half: "about half is", "just over half", "more than half" (a qualifier word before it)
  | (?<= (?<! \w ) {_HEDGES} {_SP}+ ) (?P<frac_half> (?i: half ) ) (?! [-\w] )
    (?! {_SP}+ (?: (?i: an? ) {_SP}+ )? {_ANY_SCALE} \b )       # "some half mln barrels" is a number
  # a share held: "half owned by", "a half-controlled unit"
  | (?P<frac_half> (?i: half ) ) (?= (?: - | {_SP}+ ) (?i: owned | controlled | held ) \b )
)
"""


# Multiplier verbs and adjectives: "doubled", "fivefold", "five-fold".
MULTIPLIER_WORD = rf"""
(?: (?P<mult_verb> {alternation(MULTIPLIER_WORDS, ignore_case=True)} ) \b     # multiplier_words.tsv
  | (?P<mult_num> {_SMALL_WORDS} | \d+ (?: \. \d+ )? ) -? (?i: fold ) \b
)
"""

# --- scales and units --------------------------------------------------------------------------

_SCALE_SHORT, _SCALE_LONG = _split_by_length(SCALES, 1)
SCALE_WORD = _case_alternation(_SCALE_LONG)  # "billion", "bn": may follow a space
SCALE_LETTER = _case_alternation(_SCALE_SHORT)  # "m", "K": glued, or spaced after a currency sign

_UNIT_SHORT, _UNIT_LONG = _split_by_length(UNITS, 1)
_CUR_POST_SHORT, _CUR_POST_LONG = _split_by_length(CURRENCY_SUFFIX_WORDS, 1)
POST_LONG = _case_alternation(_UNIT_LONG | _CUR_POST_LONG | {"pounds": True, "pound": True})
# What a unit or currency word can start with: a letter, or one of these ("°C"). A look-ahead on it
# spares the engine the tries after most numbers, which a space and a plain word follow.
_POST_LONG_FIRST = "".join(sorted({w[0] for w in (*_UNIT_LONG, *_CUR_POST_LONG) if not w[0].isalpha()}))
POST_LONG_START = rf"(?= [^\W\d_] | [{regex.escape(_POST_LONG_FIRST)}] )" if _POST_LONG_FIRST else r"(?= [^\W\d_] )"
POST_SHORT = _case_alternation(_UNIT_SHORT | _CUR_POST_SHORT)
PER_UNIT = _case_alternation({w: ic for w, ic in _UNIT_LONG.items() if len(w) > 2})

# Vague plurals ("dozens of", "hundreds of", "tens of millions of") and "several hundred"
# (vague_amounts.tsv).
_VAGUE_PLURALS = alternation((w for w, (_, _, form) in VAGUE_AMOUNTS.items() if form == "plural"), ignore_case=True)
_VAGUE_BEFORE_SCALE = alternation((w for w, (_, _, form) in VAGUE_AMOUNTS.items() if form == "before_scale"), ignore_case=True)
VAGUE = rf"""
(?: (?P<vague_tens> (?i: tens ) {_SP}+ of {_SP}+ ) ?                 # "tens of" multiplies by ten
    (?P<vague> {_VAGUE_PLURALS} ) (?= {_SP}+ of \b )               # dozens of, hundreds of
  | (?P<several> {_VAGUE_BEFORE_SCALE} ) {_SP}+ (?P<several_scale> {_SCALE_WORDS} ) \b   # several hundred
)
"""


CURRENCY_PREFIX = CURRENCY_PREFIXES.pattern()


# What may follow a number: "and a half", a scale word, a unit or currency name. Shared by both scans.
def tail(suffix: str = "") -> str:
    """What may follow a number: "and a half", a scale word, a unit or currency name.

    Shared by both scans; ``suffix`` keeps group names unique for the stdlib engine."""
    return rf"""
    (?! \d | : \d | [/\u2044] \d | \. \d )         # not a time (10:30), a date (26.04) or a fraction
    # no line break inside a figure: "388,536\nYear" ends a table row, and the next line starts another;
    # two spaces may stand before a word ("513,000  dlrs"), a column's gap of more may not
    (?P<half{suffix}> {_SP}+ and {_SP}+ a {_SP}+ half )?      # one and a half
    # 900 million; a pair of scale words starts with hundred or thousand ("two hundred million", never "bn trillion")
    (?: (?: [^\S\n]{{1,2}} | - )? (?= [^\W\d_] )                     # a scale word starts with a letter
        (?P<scale_word{suffix}> (?: (?i: hundred | thousand ) (?: [^\S\n] | - )+ )? {SCALE_WORD} \b )
      | (?P<scale_letter{suffix}> {SCALE_LETTER} ) (?! \w )                                # 835m, 8K
    )?
    (?: (?: [^\S\n]{{1,2}} | - )? {POST_LONG_START}                 # a letter or "°" first
        (?P<post_word{suffix}> {POST_LONG} ) (?! \w )                # 900 million dollars, two-year
      | (?P<post_sign{suffix}> {POST_SHORT} ) (?! \w )                 # 64.2%, 4x, 10W
    )?
    (?! [\w%] )                                         # the figure ends at a word boundary
"""


# The unit of a fraction or a vague amount, read after the match: "hundreds of miles", "several
# thousand tonnes", "a quarter of a percentage point". One compiled copy of the unit words serves
# all three (each copy inside WORD_AMOUNT would cost a tenth of a second to compile at start).
# The stdlib engine compiles this long word list in half the time of ``regex`` (15 ms against 31 ms
# of every start-up); it is only ever matched at one place, where the two engines are alike.
POST_WORD_AT = re.compile(rf"(?P<post> {POST_LONG} ) (?! \w )", re.VERBOSE)
OF_BEFORE_UNIT = regex.compile(r"[^\S\n]+ of [^\S\n]+", FLAGS)  # hundreds of | miles
SPACE_BEFORE_UNIT = regex.compile(r"[^\S\n]{1,2}", FLAGS)  # several thousand | tonnes
OF_A_BEFORE_UNIT = regex.compile(r"[^\S\n]+ (?: of [^\S\n]+ )? (?i: an? ) [^\S\n]+", FLAGS)  # a quarter of a | point

# Figures written with digits. The scan starts at a digit so that the engine can skip text fast;
# a currency sign, qualifier or minus before the digits is read by LEFT_CONTEXT afterwards.
# A letter may precede the digits here ("PS2.7m", "RM23.50"); the extractor keeps such a match
# only when LEFT_CONTEXT reads a currency code there, which keeps this look-behind fixed-width.
DIGIT_AMOUNT = regex.compile(
    rf"""
    (?<! [\d_.,/:\u2044] )                            # not inside a number, a time or a path
    (?P<num> {DIGITS} )                                # 64.2, 1,200, .5
    {tail()}
    """,
    FLAGS,
)

# Figures written in words: fractions, vague plurals, multipliers and cardinals.
WORD_AMOUNT = regex.compile(
    rf"""
    \b
    (?: (?P<frac_expr> {FRACTION} )                     # a third, two-thirds
      | (?P<vague_expr> {VAGUE} )                       # dozens of, several hundred
      | (?P<mult_expr> {MULTIPLIER_WORD} )              # doubled, fivefold
      | (?P<num> {WORD_NUMBER} ) {tail("_w")}           # seventy, two years, a million dollars
    )
    """,
    FLAGS,
)

# After a figure with a currency sign: a scale letter set apart ("US$829.6 m") and a unit it is
# priced per ("$58.24 per barrel", "$3500 a month").
SPACED_SCALE = regex.compile(rf"\x20 (?P<scale> {SCALE_LETTER} ) (?! \w )", FLAGS)
_AFTER_DURATION = alternation(w for w, step in RELATIVE_WORDS.items() if step == "after")
# Compiled by the stdlib engine, as POST_WORD_AT and for the same reason (5 ms against 17 ms).
PER_UNIT_AFTER = re.compile(
    rf"""
    [^\S\n]* (?: per | an? | / ) [^\S\n]* (?P<per> {PER_UNIT} ) \b   # per barrel, a month, /tonne
    (?! \s+ {_AFTER_DURATION} \b )                         # not "a year earlier"
    """,
    re.VERBOSE,
)

# After a quantity of goods: the time it is a rate per ("tonnes a year", "cubic feet per day",
# "barrels of fuel oil a month", "tonnes of rubber annually"). The words naming the goods may stand
# between ("of" and up to four words); then the figure's surface ends at its unit.
_TIME_UNITS = alternation((w for w in UNITS.case_rules if getattr(UNITS.get(w), "kind", "") == "duration"), ignore_case=True)
RATE_AFTER = regex.compile(
    rf"""
    (?P<goods> [^\S\n]+ of (?: [^\S\n]+ [a-z][\w-]* ){{1,4}}? )?          # of natural gas
    [^\S\n]* (?: (?: per | an? | / ) [^\S\n]* (?P<per> {_TIME_UNITS} | annum ) \b   # per day, a year
             | (?P<every> annually | yearly | daily | monthly | weekly ) \b )     # annually
    (?! [^\S\n]+ {_AFTER_DURATION} \b )                                      # not "a year earlier"
    """,
    FLAGS,
)

# --- left context, matched backwards from the figure's start ----------------------------------

# Matched backwards (LEFT_CONTEXT is a (?r) pattern): tries built from the words' ends.
QUALIFIER = alternation(QUALIFIERS, ignore_case=True, reverse=True)
_STOP_WORDS = alternation(STOP_CONTEXTS, reverse=True)
_CURRENCY_GLUED_BACK = CURRENCY_GLUED.pattern(reverse=True)
_CURRENCY_PREFIX_BACK = CURRENCY_PREFIXES.pattern(reverse=True)

LEFT_CONTEXT = regex.compile(
    rf"""(?r)
    (?: (?<! \w ) (?P<lead> (?i: between|from ) ) \s+      # range leads: between 20% and 30%
      | (?<! \w ) (?P<qual> {QUALIFIER} ) \s*              # around, more than, up to, ~
      | (?<! \w ) (?P<stop> {_STOP_WORDS} ) \.? \s+        # Article 5, April 26, Monday 6
      | (?P<glued> [A-Za-z]+ [&/]? [A-Za-z]* - \x20? )     # Su-35, S-400, COVID-19, TA-125
    )?
    (?P<sign_out> (?<! \w ) [-+\u2212] | (?i: minus ) [-\s] )?   # -$5bn, minus-5
    (?: (?<! [A-Za-z] ) (?P<cur> {_CURRENCY_GLUED_BACK} )   # "PS2.7m": a sign that is a word when spaced
      | (?<! [A-Za-z] ) (?P<cur> {_CURRENCY_PREFIX_BACK} ) \x20?       # $5, US$ 1.3, RMB 10, not "covers 13"
    )?
    (?P<sign> (?<! \w ) [-+\u2212] )?                  # $-50.8bn, -5.4%, +0.2%
    \Z
    """,
    FLAGS,
)

# The last words of everything LEFT_CONTEXT reads (qualifiers, range leads, stop words, currency
# codes), folded: a number after a space and a plain word outside this set has nothing
# before it for LEFT_CONTEXT to read, and the search is skipped (most numbers: "rose 5%").
_LEFT_SURFACES: Final = (*QUALIFIERS, *STOP_CONTEXTS, *CURRENCY_PREFIXES.case_rules, *CURRENCY_GLUED.case_rules)
LEFT_WORDS: Final = frozenset(surface.split()[-1].casefold() for surface in (*_LEFT_SURFACES, "between", "from"))

# The capitalised word just before a number ("France 24", "Galaxy Note 20", "iPhone 11").
PROPER_BEFORE = regex.compile(
    r"""(?r)
    (?<! [\w&.] )
    (?P<word> [A-Z] [\w&.]*                   # a capitalised token
      | [a-z]+ [A-Z] \w* )                    # or a camel-case brand: iPhone, eBay
    \x20 \Z                                   # then one space
    """,
    FLAGS,
)

# --- right context, matched forwards from the figure's end ------------------------------------

_ZONES = alternation(z for z in TIME_ZONES if z.isupper())  # GMT, EST, ...
_CLOCK_WORDS = alternation((z for z in TIME_ZONES if z.islower()), ignore_case=True)  # local, hrs, hours

# Month names and abbreviations, as the stop words list them ("March", "Sept").
MONTH_WORDS: Final = tuple(k for k, v in STOP_CONTEXTS.items() if v == "month")

RIGHT_DATE = regex.compile(
    rf"""
    (?: \s* (?: to | and | - | \u2013 ) \s* \d{{1,2}} )?   # the first day of a span: "3 to 9 March"
    \.? \s* (?: of \s+ )?                              # 26 April, 7th of May
    (?: {alternation(MONTH_WORDS)} ) \b
    | \s* (?i: a\.m\.|p\.m\.|am|pm ) \b                 # 5 pm
    | \s* {_ZONES} \b                                     # 10 GMT
    """,
    FLAGS,
)

# After a four-digit number: what makes it a time of the 24-hour clock ("1000 GMT", "1530 local time",
# "2100 hrs", "1800 Chicago time").
CLOCK_AFTER = regex.compile(
    rf"""
    \x20 (?: {_ZONES} \b                                  # 1000 GMT
         | {_CLOCK_WORDS} \b                              # 0900 local, 2100 hrs
         | [A-Z] [a-z]+ (?: \x20 [A-Z] [a-z]+ )? \x20 (?i: time ) \b   # 1800 Chicago time, 0900 New York time
    )
    """,
    FLAGS,
)

# Before a day of the month that ends a span of days: "between March 17 and 19", "from May 2 to 6".
DAY_SPAN_BEFORE = regex.compile(
    rf"""(?r)
    (?: {alternation(MONTH_WORDS, reverse=True)} ) \.? \s+   # March, Sept.
    \d{{1,2}} \s* (?: (?i: and | to | through | till | until ) \s+ | [-\u2013] \s* )   # 17 and, 2 to, 3-
    \Z
    """,
    FLAGS,
)

# Before the day of a dateline written all in lower case ("st paul, april 7 - "): the place's
# comma and a month in lower case. The dash after the day is checked by DATELINE_DASH.
LOWER_DATELINE_BEFORE = regex.compile(
    rf"""(?r)
    [a-z.] , [^\S\n]+                                             # st paul,
    (?: {alternation((m.lower() for m in MONTH_WORDS), reverse=True)} ) \.? [^\S\n]+   # april, sept.
    \Z
    """,
    FLAGS,
)
DATELINE_DASH = regex.compile(r"[^\S\n]* (?: -- | - | \u2013 | \u2014 ) [^\S\n]", FLAGS)  # the dash that ends it

# After a number in words: a hyphen that makes it part of a compound adjective, written whole
# ("six-cylinder") or suspended before the last of a list ("four-, five- and six-cylinder").
COMPOUND_AFTER = regex.compile(
    r"""
    - (?: ,? [^\S\n]+ (?: (?: and | or | to ) [^\S\n]+ )? [^\W\d_]+ - ){0,4}   # "-, five- and six-"
    (?P<head> [^\W\d_]+ )                                                      # cylinder
    """,
    FLAGS,
)

# Three or more numbers joined by hyphens: a name or a code ("Lotus 1-2-3"), or an ISO date.
DIGIT_CHAIN = regex.compile(r"\d+ (?: - \d+ ){2,}", FLAGS)

# After a number: a second number joined by a dash or "to" ("61 to 35", "10-8"): a pair, as a
# tally or a range, never the number of a name.
PAIR_AFTER = regex.compile(r"\x20? (?: - | to ) \x20? \d", FLAGS)

# A model designation: a three-digit type and a variant in hundreds, glued by a hyphen ("747-400",
# "767-300ER", "A340-600"). Ranges are written low to high; a type number is no round hundred.
MODEL_CODE = regex.compile(
    r"""
    (?<! [\w.,-] ) [A-Z]? (?P<type> [1-9] \d{2} ) - [1-9]00   # 747-400, A340-600
    (?! [\d.,] \d | \d )                                   # not "747-4000", not a decimal
    """,
    FLAGS,
)

# After a bare number: a street or place name ending in a street word (address_words.tsv), or a
# ZIP code label, so the number is part of an address. Capitalised words alone are not enough:
# "140 Airbus A320 jets" and "900 Mack Trucks" are figures.
ADDRESS_AFTER = regex.compile(
    rf"""
    (?: [-\u2013] \d{{1,5}} )?                                                  # 16-18: a run of numbers
    \x20 (?: (?: [A-Z] [\w'.-]* \x20 ){{0,3}} {alternation(ADDRESS_WORDS)} \b \.?   # 49 Zorro Ranch Road, 12 Downing St
         | [NSEW] \.? \x20 \d+ (?: st|nd|rd|th ) \b                             # 9 E 71st St
         | ZIP \b                                                             # 90049 ZIP Code
    )
    """,
    FLAGS,
)

# "37m (121ft)": a length restated in feet right after an "m".
METRES_RESTATED = regex.compile(r"\s* \( \s* [\d.,]+ \s* (?: ft | feet | foot ) \b", FLAGS)

# What joins two figures into a range: "5-10%", "5.2bn to 7.8bn", "20% and 30%" (after "between").
RANGE_JOIN = regex.compile(
    r"""
    \s* (?: [-\u2013\u2014] | to | and | or ) \s* \Z   # the whole text between the two figures
    """,
    FLAGS,
)

# Between a figure and a bare number that compares with it, and so is in its unit: "31 cts vs 31",
# "12.3 billion stg from 14.1 billion", "318 mln marks last year from 297 mln", "17.75 pct from a
# revised 18.0".
COMPARED_WITH = regex.compile(
    r"""
    [^\n;]{0,40}?                                                    # a few words: "in 1986", "last year"
    (?<! \w ) (?i: vs \.? | versus | against | from | compared \s+ (?: with | to ) ) (?! \w )   # the comparing word
    [^\n;\d]{0,24}                                                  # "a revised", "January's", "loss"
    \Z
    """,
    FLAGS,
)

# Between the first end of a change written "from X unit ... to Y" and a bare Y: a few words
# ("combined", "in 2008": a year is no figure, so it may stand between) and "to": "from 21 mpg
# combined to 23", "from 7.75 pct last week to 7.5".
TO_END_OF_CHANGE = regex.compile(
    r"""
    [^\n;]{0,30}? (?<! \w ) to [^\S\n]+ (?: (?i: about | around | some | nearly | almost ) [^\S\n]+ )?   # ... to (about)
    \Z
    """,
    FLAGS,
)

# Before the first end of such a change: "from", a qualifier word may stand between ("from about 14-18 mpg").
FROM_BEFORE = regex.compile(
    r"""(?r)
    (?<! \w ) (?i: from ) [^\S\n]+ (?: (?i: about | around | some | nearly | almost | roughly ) [^\S\n]+ )?   # from (about)
    \Z
    """,
    FLAGS,
)

# Between a bare scaled number and the whole it is part of: "340 million of the 2.2 billion
# shekels", "2 mln of its 5 mln tonnes".
PART_OF_WHOLE = regex.compile(r"[^\S\n]+ of [^\S\n]+ (?i: the | its | their | a [^\S\n]+ total [^\S\n]+ of ) [^\S\n]+ \Z", FLAGS)

# After a unit: "and a half" of it ("a cent and a half", "two years and a half").
AND_A_HALF_AFTER = regex.compile(r"[^\S\n]+ and [^\S\n]+ a [^\S\n]+ half (?! [-\w] )", FLAGS)

# A restatement in brackets right after a figure: "900 million dollars (835 million euros)".
BRACKET_OPEN = regex.compile(r"\s* [(\[] \s* \Z", FLAGS)

# Lines that are nothing but a caption code: "140322 putin xi m".
CAPTION_LINE = regex.compile(
    r"""
    \A \s* \d{4,} (?: \s+ [a-z]+ ){1,6} \s* \Z          # digits then a few lower-case words, no punctuation
    """,
    FLAGS,
)

# A lower-case plural right after a bare four-digit number: "1478 points", "2000 workers".
PLURAL_AFTER = regex.compile(r"\x20 (?P<noun> [a-z]{3,}s ) \b", FLAGS)

# Before a quantity of goods: an adverb of frequency that makes it a rate ("a daily average of 120
# mln cubic feet", "an annual capacity of 800,000 tonnes"); a qualifier may stand between.
RATE_BEFORE = regex.compile(
    r"""(?r)
    (?<! \w ) (?P<every> (?i: daily | weekly | monthly | yearly | annual ) )             # daily
    [^\S\n]+ (?i: average | rate | output | production | capacity ) [^\S\n]+ of      # average of
    [^\S\n]+ (?: (?i: about | around | some | nearly | almost | an \x20 estimated ) [^\S\n]+ )?   # (about)
    \Z
    """,
    FLAGS,
)

# Between a rate of goods and the next quantity of a list: the first goods and "and" ("120 mln cubic
# feet a day of gas and 11,149 barrels of oil").
GOODS_THEN_AND = regex.compile(r"[^\S\n]+ of (?: [^\S\n]+ [a-z][\w-]* ){1,3} [^\S\n]+ and [^\S\n]+ \Z", FLAGS)

# Before a year that opens a wire note or a line of a results table: "NOTE: 1987 includes",
# "\n1986 loss includes a gain".
NOTE_START = regex.compile(r"(?r) (?: \A | \n | (?i: note ) [^\S\n]* : [^\S\n]* ) \Z", FLAGS)

# Words before a four-digit number that make it a year: "in 2023", "fiscal 2024", "mid-2023".
YEAR_LEAD = regex.compile(
    r"""(?r)
    (?<! \w )
    (?i: in|since|of|by|from|between|and|to|until|till|through|during|for          # prepositions of time
       | year|fiscal|early|late|mid|before|after|around|circa|the                   # year words
       | spring|summer|autumn|fall|winter )                                         # seasons
    [\s-]+ \Z
    """,
    FLAGS,
)

# A run of encoded or machine text around a match: base64, hex, long alphanumerics, URLs.
ENCODED_TOKEN = regex.compile(
    r"""
    (?: [A-Za-z0-9+/=_-]{20,}                           # base64 / hex / tracking codes
      | (?i: https?:// | www\. ) \S+                      # URLs
      | \S+ @ \S+ \. \w+                                  # e-mail addresses
    )
    """,
    FLAGS,
)

# A short token that is a tracking code or a query string rather than prose: "UA-123456-1",
# "utm_campaign=spring2024", "id=456&ref=abc12".
SHORT_CODE = regex.compile(
    r"""
    (?: [A-Z]{1,4} - \d{4,} (?: - \d+ )?                # analytics ids: UA-123456-1, G-2024123
      | utm_ \w+ = \S*                                  # campaign tags
      | [\w.-]+ = [^\s&]* (?: & [\w.-]+ = [^\s&]* )+     # query strings with two or more keys
    )
    """,
    FLAGS,
)

# Marks of program text (JavaScript, CSS, JSON, HTML) left in a scraped article; two of them near
# a number make it code, not a figure.
CODE_MARK = regex.compile(
    r"""
    (?: \b (?: function | var | let | const | return | typeof | document | window | console ) \b [\s.(]   # JS words
      | [{};] \s* [\w$#.-]+ \s* [:=(]                     # "{ color:", "; x =", "} f("
      | [\w$] \( [^()\s]* \) \s* [;,)}]                     # a call glued to its name: "alert(1);"
      | " \w+ " \s* :                                     # a JSON key
      | \# [0-9a-fA-F]{3,8} \b                             # a CSS colour
      | </? (?i: script | style ) \b                          # a script or style tag
    )
    """,
    FLAGS,
)

# Characters without which a stretch of text holds no CODE_MARK but a JS keyword: checked first,
# in one scan, because prose almost never holds them.
CODE_HINT = regex.compile(r""" [{}=<\#] | \) ; | " : """, FLAGS)

# Where a script or style block ends or starts: the text beyond is the page's own again.
CODE_BLOCK_EDGE = regex.compile(r"</? (?i: script | style ) \b [^<>]{0,200} >", FLAGS)

PHONE_AROUND = regex.compile(
    r"""
    (?: \+? \d{1,3} [\s.-] )? \(? \d{3} \)? [\s.-] \d{3} [.-] \d{4} \b   # +1 202-555-0143, (202) 555.0143
    """,
    FLAGS,
)
# The part every telephone number of PHONE_AROUND holds: searched first, as the engine finds it by
# its digits fast, where PHONE_AROUND's optional start makes it try every position.
PHONE_CORE = regex.compile(r"\d{3} [.-] \d{4}", FLAGS)

# Fast trigger for WORD_AMOUNT: the words a written-out figure can start with, lower-case or
# capitalised. Scanning for these with the stdlib engine and matching WORD_AMOUNT only where they
# occur is about twice as fast as scanning with WORD_AMOUNT itself; written as tries, the stdlib
# engine checks a word's first letters once instead of trying three hundred words in turn at every
# word boundary (0.05 s a megabyte against 0.12 s). The pattern starts with the non-word character
# before the word instead of ``\b``: a pattern that starts with a character set lets the engine
# skip, in its C loop, every position inside a word, where ``\b`` made it try the whole pattern
# (a twentieth of the figures-only time). It is matched on the text behind one space, so a match's
# start is the word's offset in the text itself.
_TRIGGER_WORDS = sorted(
    {*NUMBER_WORDS, *(w.split()[0] for w in VAGUE_AMOUNTS), "tens", *MULTIPLIER_WORDS} - {"half", "halves", "a"},
    key=lambda w: (-len(w), w),
)
_AFTER_A = sorted(
    {"dozen", *scale_words(), *(w.split()[1] for w in VAGUE_AMOUNTS if w.startswith("a ")), *words_of_class("fraction")}
    - {"halves", "thirds", "quarters", "fifths", "sixths", "sevenths", "eighths", "ninths", "tenths"},
    key=lambda w: (-len(w), w),
)
WORD_TRIGGER = re.compile(
    r"\W(?:"  # the character before the word: a space, a bracket, a dash
    + alternation(_TRIGGER_WORDS + [w.capitalize() for w in _TRIGGER_WORDS])
    + r"|[A-Za-z]+fold"  # fivefold, twofold
    + r"|[Hh]alf(?=[\s-])|[Hh]alf(?=[.,;:!?)])"  # "half of", "almost half the", "half-owned", "cut in half."
    + r"|[Hh]alv(?:ed|ing)"  # halved, halving
    + r"|[Aa]n?(?=\s+"
    + alternation(_AFTER_A)
    + r"\b))\b"  # a dozen, a million, a few, a third
)
# The same, with "a cent and a half" besides: used only on texts that hold "and a half", so that
# the look-ahead after every "a" costs nothing elsewhere.
WORD_TRIGGER_AND_A_HALF = re.compile(
    WORD_TRIGGER.pattern[: -len(r")\b")] + r"|[Aa]n?(?=[^\S\n]+[^\W\d_]+[^\S\n]+and[^\S\n]+a[^\S\n]+half(?![-\w])))\b"
)
