"""The rules that judge a candidate figure: an ordered table of small named functions.

Each rule takes a :class:`~extract.figures.candidate.Candidate` and the text it was read from and
returns ``False`` (no effect), ``True`` (the candidate is no figure: dropped) or a changed
candidate. :data:`RULES` lists them in the order they run; each says which candidates it applies
to, so that a rule about numbers written in words never runs on digits. The first rule that
drops a candidate ends its judgement; the trace of ``python -m extract explain`` names it.

Every rule has a doctest of the example it exists for; :func:`judge` runs one rule on the
candidate of a number in a sentence.
"""

from __future__ import annotations

import ast
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Final

import regex

from extract.figures.candidate import (
    DIGITS,
    FOUR_DIGITS,
    FRACTION_T,
    GLUED,
    MINUS,
    MULTIPLIER_T,
    NUMBER_T,
    POUND,
    QUALIFIED,
    SCALE_M,
    SMALL_WHOLE,
    STOP,
    UNIT,
    UNITLESS,
    WORDS,
    Candidate,
    candidates_at,
    valued,
)
from extract.figures.grammar import (
    ADDRESS_AFTER,
    CAPTION_LINE,
    CLOCK_AFTER,
    CODE_BLOCK_EDGE,
    CODE_HINT,
    CODE_MARK,
    COMPOUND_AFTER,
    DATELINE_DASH,
    DAY_SPAN_BEFORE,
    DIGIT_CHAIN,
    ENCODED_TOKEN,
    LOWER_DATELINE_BEFORE,
    METRES_RESTATED,
    MODEL_CODE,
    MONTH_WORDS,
    NOTE_START,
    PAIR_AFTER,
    PHONE_AROUND,
    PHONE_CORE,
    PLURAL_AFTER,
    PROPER_BEFORE,
    RIGHT_DATE,
    SHORT_CODE,
    YEAR_LEAD,
    is_year,
)
from extract.vocab import (
    MULTIPLIER_ADJECTIVES,
    NUMBER_IDIOMS,
    NUMBER_WORDS,
    ONE_PRONOUN_AFTER,
    ONE_PRONOUN_BEFORE,
    ORDINALS,
    RELATIVE_WORDS,
    function_words,
    trade_words,
)

Verdict = bool | Candidate  # False: no effect; True: dropped; a Candidate: changed


@dataclass(frozen=True, slots=True)
class Rule:
    """One entry of the rule table: its function and the traits a candidate needs for it to apply."""

    name: str
    judge: Callable[[Candidate, str], Verdict]
    requires: int  # trait bits, all of which the candidate must have

    @property
    def reason(self) -> str:
        """The first line of the rule's docstring: what it decides, for the trace."""
        doc = self.judge.__doc__ or _source_docstrings().get(self.judge.__name__) or self.name
        return doc.strip().splitlines()[0]


@cache
def _source_docstrings() -> dict[str, str]:
    """The docstrings of this module's functions, read from its source: compiled (mypyc), its
    functions carry none, and the trace must read the same either way."""
    tree = ast.parse(Path(__file__).with_name("rules.py").read_text(encoding="utf-8"))
    return {node.name: ast.get_docstring(node) or "" for node in tree.body if isinstance(node, ast.FunctionDef)}


_WORD = regex.compile(r"[\w'\u2019-]+")
_MONTH_NAMES: Final = frozenset(MONTH_WORDS)
_GOODS_AFTER = regex.compile(r"[^\S\n]+of[^\S\n]+[a-z]")  # "pounds of flour"
_PERIOD_WORDS_BEFORE: Final = frozenset({"the", *(w for w, p in ORDINALS.items() if p != "follows")})
_ORDINAL_FOLLOWERS: Final = frozenset(w for w, p in ORDINALS.items() if p == "follows")
# A number in words followed by one of these counts nothing ("the bottom three during"); words that
# may join two figures ("two to three", "two or three", "two of the five") are not among them.
_PROSE_AFTER_WORD_NUMBER: Final = function_words("preposition", "relative", "auxiliary", "conjunction")
# A capitalised function word before a number starts no name: "In 2023", "Some 300".
_NOT_LABELS: Final = frozenset(w.capitalize() for w in function_words())
_OPENING: Final = regex.compile("<")
_PLAIN_BEFORE: Final = frozenset(" \t(\"'\u201c\u2018$\u20ac\u00a3\u00a5~")
_PLAIN_AFTER: Final = frozenset(" \t\n,.;:!?)\"'\u201d\u2019%")


def word_before(text: str, start: int) -> str:
    """The word right before ``start`` (separated by whitespace), or "".

    >>> word_before("the same one", 9), word_before("(one", 1)
    ('same', '')
    """
    words = _WORD.findall(text, start - 30 if start > 30 else 0, start)
    return words[-1] if words and text[start - 1 : start].isspace() else ""


def word_after(text: str, end: int) -> str:
    """The word right after ``end`` and one space, or "".

    >>> word_after("one another", 3), word_after("one.", 3)
    ('another', '')
    """
    found = _WORD.match(text, end + 1) if text[end : end + 1] == " " else None
    return found.group() if found else ""


# --- rules on what the candidate is written as ---------------------------------------------------


def digits_inside_a_word(c: Candidate, text: str) -> bool:
    """Digits glued to a letter are part of a word or a code (G20, H5N1, base64).

    >>> judge(digits_inside_a_word, "the G20 summit", "20"), judge(digits_inside_a_word, "RM23.50 a share", "23.50")
    (True, False)
    """
    return c.start > 0 and text[c.start - 1].isalpha() and not c.currency


def currency_before_words(c: Candidate, text: str) -> bool:
    """A currency sign before a number in words is not a money figure ("$ one" in a code, "US$ half").

    >>> judge(currency_before_words, "costs $ one", "one"), judge(currency_before_words, "costs one dollar", "one")
    (True, False)
    """
    return bool(c.currency)


def unusual_digit(c: Candidate, text: str) -> bool:
    """A digit the regex module knows and Python does not (U+116D0): no news figure is written so.

    >>> judge(unusual_digit, "rose \\U000116d1 times", "\\U000116d1"), judge(unusual_digit, "rose five times", "five")
    (True, False)
    """
    return c.is_word and not c.number_text[0].isalpha()


def fraction_names_a_period(c: Candidate, text: str) -> bool:
    """ "the first half", "a fifth straight year": a period or an ordinal, not a share.

    >>> judge(fraction_names_a_period, "in the first half of 2023", "half")
    True
    >>> judge(fraction_names_a_period, "for a fifth straight year", "a fifth")
    True
    >>> judge(fraction_names_a_period, "nearly half of it", "half")
    False
    >>> judge(fraction_names_a_period, "the halving of duties", "halving")  # a change, never a period
    False
    """
    if text[c.start : c.start + 4].lower() == "halv":
        return False
    before, after = word_before(text, c.start).lower(), word_after(text, c.end).lower()
    return before in _PERIOD_WORDS_BEFORE or after in _ORDINAL_FOLLOWERS


# --- rules that change a candidate ----------------------------------------------------------------


def m_after_number_is_metres(c: Candidate, text: str) -> Verdict:
    """ "37m (121ft)": an "m" restated in feet is metres, not million.

    >>> judge(m_after_number_is_metres, "the 37m (121ft)-long skeleton", "37m").unit
    'meter'
    >>> judge(m_after_number_is_metres, "EUR835m (USD900m)", "835m")
    False
    """
    if c.scale_text not in ("m", "M") or c.currency or METRES_RESTATED.match(text, c.end) is None:
        return False
    return valued(c._replace(scale_text="", scale=1.0, unit="meter", kind="length", factor=1.0))


def pounds_as_sterling(c: Candidate, text: str) -> Verdict:
    """ "8 billion pounds" is sterling, and so are pounds near "sterling" or "£"; "208 pounds" is a weight.

    >>> judge(pounds_as_sterling, "a deal worth 8 billion pounds", "8").unit
    'GBP'
    >>> judge(pounds_as_sterling, "he weighs 208 pounds", "208"), judge(pounds_as_sterling, "3 million pounds of flour", "3")
    (False, False)
    """
    if c.unit != "pound" or c.post.lower() not in ("pound", "pounds"):
        return False
    if _GOODS_AFTER.match(text, c.end):  # "3 million pounds of flour": a weight of goods
        return False
    nearby = text[max(0, c.end - 200) : c.end + 200]
    if c.scale_text or "sterling" in nearby or "\u00a3" in nearby:
        return c._replace(unit="GBP", kind="money")
    return False


# Metals weighed in troy ounces on every exchange that quotes them (LBMA, COMEX, NYMEX): an ounce
# of one of these is a troy ounce. Source: the exchanges' contract specifications.
_PRECIOUS_AFTER = regex.compile(r"[^\S\n]+(?:of[^\S\n]+)?(?i:gold|silver|platinum|palladium)\b")


def ounce_of_precious_metal(c: Candidate, text: str) -> Verdict:
    """An ounce of gold, silver, platinum or palladium is a troy ounce: "0.077 ounce gold a ton".

    >>> judge(ounce_of_precious_metal, "it sold 12,000 ounces of gold", "12,000").unit
    'troy_ounce'
    >>> judge(ounce_of_precious_metal, "a 6 ounce steak", "6")
    False
    """
    if c.unit != "ounce" or _PRECIOUS_AFTER.match(text, c.end) is None:
        return False
    return c._replace(unit="troy_ounce")


_NAME_COMMA_BEFORE = regex.compile(r"(?r)[A-Z][\w'.-]+,[^\S\n]\Z")


def age_in_apposition(c: Candidate, text: str) -> Verdict:
    """A number between commas right after a name is the person's age: "Lee, 61, said" is 61 years.

    >>> judge(age_in_apposition, "Lee, 61, said", "61").unit, judge(age_in_apposition, "in May, 61, 62", "61")
    ('year', False)
    """
    if not (c.number_text.isdigit() and len(c.number_text) == 2) or text[c.end : c.end + 1] != ",":
        return False
    found = _NAME_COMMA_BEFORE.search(text, max(0, c.start - 30), c.start)
    if found is None or found.group()[:-2].rstrip(",") in _MONTH_NAMES:
        return False
    return valued(c._replace(unit="year", kind="duration"))


def half_of_a_number(c: Candidate, text: str) -> bool:
    """ "a half" after "and" ends the number before it ("a cent and a half"): no share of its own.

    >>> judge(half_of_a_number, "a cent and a half", "a half"), judge(half_of_a_number, "a half of it", "a half")
    (True, False)
    """
    return word_before(text, c.start).lower() == "and"


def over_means_during(c: Candidate, text: str) -> Verdict:
    """ "over two years" is a period of time, not "more than two years"; "over $5bn" is a bound.

    >>> judge(over_means_during, "talks over two years", "two").qualifier, judge(over_means_during, "over $5bn", "5bn")
    ('exact', False)
    """
    if c.qualifier_word.lower() == "over" and c.kind == "duration":
        return valued(c._replace(qualifier="exact"))
    return False


def duration_names_a_period(c: Candidate, text: str) -> bool:
    """A duration after "the", "first", "last" or "past" names the period a figure covers ("in the
    first five months", "over the past two years"), not a figure; "for four months" is one.

    >>> judge(duration_names_a_period, "in the first five months of", "five")
    True
    >>> judge(duration_names_a_period, "for four months", "four")
    False
    >>> judge(duration_names_a_period, "it will last six months", "six")
    False
    >>> judge(duration_names_a_period, "a 10-year low", "10")
    False
    >>> judge(duration_names_a_period, "unchanged for the past 30 years", "30")  # how long: a figure
    False
    >>> judge(duration_names_a_period, "a surplus for the last three months of 2021", "three")
    True
    """
    if c.kind != "duration" or c.scale_text or "-" in text[c.start : c.end]:
        return False
    before = word_before(text, c.surface_start).lower()
    if before == "the":
        return True
    if before not in _PERIOD_BEFORE_DURATION:
        return False
    # "the last six months", "its first nine months"; in "will last six months" the word is a verb
    article_at = c.surface_start - len(before) - 1
    article = word_before(text, article_at).lower()
    if article not in _BEFORE_A_PERIOD_WORD:
        return False
    if article != "the" or before not in _RECENT_WORDS or _OF_AFTER.match(text, c.end):  # "the last three months of 2021"
        return True
    return not _lasting_for(text, article_at - len(article) - 1)


# "past", "last", "previous", "next": the words that count a stretch back or ahead from the
# document's date (relative_words.tsv, steps -1 and 1).
_RECENT_WORDS: Final = frozenset(w for w, step in RELATIVE_WORDS.items() if step in ("-1", "1"))
_OF_AFTER = regex.compile(r"[^\S\n]+of\b")  # "the last three months of 2021" names a part of a period
# The prepositions that make "the past two years" say how long, not when (English grammar: the
# two that take a duration as their object and no date).
_HOW_LONG: Final = frozenset({"for", "within"})


def _lasting_for(text: str, at: int) -> bool:
    """Whether the word before ``at`` (where "the" starts) asks how long ("for the past 36 years", "within the next
    two months"), so that the duration is a figure, not the period another figure covers.

    >>> _lasting_for("flat for the", 9), _lasting_for("rose in the", 8)
    (True, False)
    """
    return word_before(text, at).lower() in _HOW_LONG


_AFTER_A_TIME: Final = frozenset(w for w, step in RELATIVE_WORDS.items() if step == "after")


def time_word_dates_the_comparison(c: Candidate, text: str) -> Verdict:
    """In "versus 275,000 week ago" the word of time dates what is compared; the number has no unit.

    >>> judge(time_word_dates_the_comparison, "versus 275,000 week ago", "275,000").unit
    ''
    >>> judge(time_word_dates_the_comparison, "two weeks ago", "two")
    False
    """
    if c.kind != "duration" or c.number == 1 or c.post.lower().endswith("s") or c.post[-1:].isupper():
        return False
    if not c.number.is_integer():  # "an hour and a half later": the duration is stated
        return False
    if word_after(text, c.end).lower() not in _AFTER_A_TIME:
        return False
    end = c.end - len(c.post)
    while end > c.start and text[end - 1] in " -":
        end -= 1
    return valued(c._replace(end=end, unit="", kind="count", post="", factor=1.0))


# --- rules on numbers written in words -----------------------------------------------------------


def one_is_pronoun(c: Candidate, text: str) -> bool:
    """ "one" as a pronoun or idiom ("the same one", "one another", "no one") is no figure.

    >>> judge(one_is_pronoun, "the same one across", "one"), judge(one_is_pronoun, "has one solution", "one")
    (True, False)
    """
    if c.number_text.lower() != "one":
        return False
    return word_before(text, c.start).lower() in ONE_PRONOUN_BEFORE or word_after(text, c.end).lower() in ONE_PRONOUN_AFTER


def article_without_unit(c: Candidate, text: str) -> bool:
    """ "a" or "an" is a number only with the unit it counts one of ("a cent and a half").

    >>> judge(article_without_unit, "a cat and a half", "a"), judge(article_without_unit, "a cent and a half", "a")
    (True, False)
    """
    return text[c.start : c.end].lower() in ("a", "an")


def word_number_without_noun(c: Candidate, text: str) -> bool:
    """A number written in words must be followed by a word ("two countries"), else it is prose.

    >>> judge(word_number_without_noun, "he took the two.", "two"), judge(word_number_without_noun, "two areas", "two")
    (True, False)
    >>> judge(word_number_without_noun, "four-, five- and six-cylinder engines", "four")  # a compound adjective
    False
    >>> judge(word_number_without_noun, "a three-for-two split", "two")  # the second term of a ratio
    True
    """
    if c.unit:
        return False
    if text[c.start - 5 if c.start > 5 else 0 : c.start].lower() == "-for-":  # "a three-for-two split": a ratio
        return True
    nxt = text[c.end : c.end + 2]
    if len(nxt) == 2 and nxt[0] == "-":
        return not compound_adjective(c, text)
    return not (len(nxt) == 2 and nxt[0] == " " and nxt[1].isalpha())


def compound_adjective(c: Candidate, text: str) -> bool:
    """A number in words joined by a hyphen to a noun counts it ("six-cylinder engines", "a
    five-member panel", "four-, five- and six-door cars"); "one-off", "zero-coupon", "two-way" and
    "two-for-one" are idioms.

    >>> compound_adjective(candidates_at("six-cylinder", 0)[0], "six-cylinder")
    True
    >>> compound_adjective(candidates_at("two-way trade", 0)[0], "two-way trade")
    False
    """
    found = COMPOUND_AFTER.match(text, c.end)
    if found is None or c.number < 2:  # "one-off", "zero-coupon": idioms
        return False
    head = found.group("head").lower()
    return head not in NUMBER_IDIOMS and head not in NUMBER_WORDS  # "years four-seven" is a span


def word_number_before_function_word(c: Candidate, text: str) -> bool:
    """A number in words followed by a function word counts nothing: "slipped to the bottom three during".

    >>> judge(word_number_before_function_word, "the bottom three during May", "three")
    True
    >>> judge(word_number_before_function_word, "three countries", "three")
    False
    >>> judge(word_number_before_function_word, "two or three", "two")
    False
    """
    return word_after(text, c.end).lower() in _PROSE_AFTER_WORD_NUMBER


# "the two companies", "both sides", "the top three": words before a number in words that make it
# refer back to a known group or name a rank ("a", "an", "some" and possessives introduce a count:
# "its three plants").
_INTRODUCING: Final = frozenset({"a", "an", "some", "its", "their", "his", "her", "our", "your"})
_GROUP_BEFORE: Final = function_words("article", "determiner", "rank") - _INTRODUCING
# Words after "one" that keep it a number: a range or list ("one to three", "one or two").
_ONE_IN_A_RANGE: Final = function_words("linking") - {"of", "per"}
# Words before a duration that make it a period ("the first five months", "the past two years").
_PERIOD_BEFORE_DURATION: Final = _PERIOD_WORDS_BEFORE | {w for w, step in RELATIVE_WORDS.items() if step != "after"}
# ... when one of these stands before that word: "the last", "its first", "over past" (not "will last").
_BEFORE_A_PERIOD_WORD: Final = function_words("article", "determiner", "preposition") - {"a", "an", "some"}


def number_word_names_a_group(c: Candidate, text: str) -> bool:
    """A number in words after "the", "these", "both" or "top" refers to a group already known or
    names a rank ("the two companies", "the top three"): it counts nothing new.

    >>> judge(number_word_names_a_group, "the two companies agreed", "two")
    True
    >>> judge(number_word_names_a_group, "top three markets", "three")
    True
    >>> judge(number_word_names_a_group, "it built two plants", "two")
    False
    """
    return word_before(text, c.start).lower() in _GROUP_BEFORE


def one_counts_nothing(c: Candidate, text: str) -> bool:
    """ "one" with no unit is a pronoun or an article ("one of the largest", "one analyst said"),
    not a count; in a range or list it stays a number ("one to three weeks").

    >>> judge(one_counts_nothing, "one analyst said", "one"), judge(one_counts_nothing, "one of them", "one")
    (True, True)
    >>> judge(one_counts_nothing, "one or two ships", "one")
    False
    """
    if c.number != 1 or c.number_text.lower() != "one":  # "one and a half" is a number
        return False
    return word_after(text, c.end).lower() not in _ONE_IN_A_RANGE


# --- rules on names, references and dates --------------------------------------------------------


def reference_or_date(c: Candidate, text: str) -> bool:
    """A bare number after a reference word ("Article 5") or a month or weekday ("April 26", "Monday 6").

    >>> judge(reference_or_date, "under Article 5 of", "5"), judge(reference_or_date, "on April 26 the", "26")
    (True, True)
    >>> judge(reference_or_date, "in May 5% more", "5%")  # a unit keeps the figure
    False
    """
    return bool(c.stop)


def designation(c: Candidate, text: str) -> bool:
    """A bare number glued by a hyphen to a capitalised word is a model or a name (Su-35, COVID-19).

    >>> judge(designation, "two Su-35 jets", "35"), judge(designation, "a sub-5% rate", "5%")
    (True, False)
    """
    return any(ch.isupper() for ch in c.glued)


def label_number(c: Candidate, text: str) -> bool:
    """A bare number right after a capitalised word inside a sentence is part of a name ("France 24").

    >>> judge(label_number, "contacted by France 24 on Monday", "24"), judge(label_number, "Some 300 people came", "300")
    (True, False)
    >>> judge(label_number, "passed the Senate 61 to 35", "61")  # a pair of numbers: a tally, no name
    False
    """
    if c.qualifier != "exact" or c.start < 2 or text[c.start - 1] != " ":
        return False
    if PAIR_AFTER.match(text, c.end):
        return False
    before = text[max(0, c.start - 40) : c.start - 1].rpartition(" ")[2]
    if before.islower() or before.isdigit():  # the word before has no capital: no name (a cheap test first)
        return False
    found = PROPER_BEFORE.search(text, max(0, c.start - 40), c.start)
    if not found or found.group("word").rstrip(".") in _NOT_LABELS:
        return False
    return not sentence_starts_after(text[max(0, found.start() - 3) : found.start()])


def sentence_starts_after(before: str) -> bool:
    """Whether the text ``before`` a word ends a sentence (or is the start of the text), a wire
    dateline's dash included ("PARIS, March 5 - Five consortia").

    >>> sentence_starts_after(""), sentence_starts_after(". "), sentence_starts_after("5 - "), sentence_starts_after("he ")
    (True, True, True, False)
    """
    stripped = before.rstrip(" \t\"'\u201c\u2018(")
    if not stripped or stripped[-1] in ".!?:\n" or before.endswith("\n"):
        return True
    return stripped[-1] in "-\u2013\u2014" and before.endswith(" ")


def address_number(c: Candidate, text: str) -> bool:
    """A bare number before a street name or a ZIP label is part of an address ("49 Zorro Ranch Road").

    >>> [judge(address_number, s, n) for s, n in (("at 49 Zorro Ranch Road", "49"), ("the 90049 ZIP Code", "90049"))]
    [True, True]
    >>> judge(address_number, "a lease at 16-18 Mill Avenue", "16")
    True
    >>> judge(address_number, "China ordered 140 Airbus A320 jets", "140")
    False
    >>> judge(address_number, "It shipped 900 Mack Trucks to Chile", "900")
    False
    """
    return ADDRESS_AFTER.match(text, c.end) is not None


def minus_before_acronym(c: Candidate, text: str) -> bool:
    """A dash after an acronym joins a name ("COVID -19"); it is no minus, and the number no figure.

    >>> judge(minus_before_acronym, "the COVID -19 crisis", "19"), judge(minus_before_acronym, "down -5 from", "5")
    (True, False)
    """
    if c.sign != "-":
        return False
    return sum(ch.isupper() for ch in word_before(text, c.surface_start)) >= 2


# Nouns of trade a year names the period of ("1987 sales", "the 1986 results"): a plural noun after
# a year keeps it a count ("2000 jobs") unless it is one of these.
_NOUNS_A_YEAR_DATES: Final = trade_words("measure", "export", "import", forms=("noun",))


def bare_year(c: Candidate, text: str) -> bool:
    """A four-digit year (1900-2099) with nothing attached is a period, not a figure.

    It stays a count when a plural noun follows and no year word precedes it, unless the noun is
    one of trade that the year dates ("1987 sales"); a number that opens a line or a wire note is
    a year whatever follows, as news style spells out any other number that starts a sentence.

    >>> judge(bare_year, "exports jumped between 2021 and 2023", "2021"), judge(bare_year, "In 2023 exports rose", "2023")
    (True, True)
    >>> judge(bare_year, "it cut 2000 jobs", "2000"), judge(bare_year, "The firm employed 1850 people", "1850")
    (False, False)
    >>> judge(bare_year, "expected 1987 sales of", "1987")
    True
    >>> judge(bare_year, "Revs 8.1 mln vs 7.4 mln\\nNOTE: 1987 includes a charge", "1987")  # a wire note's year
    True
    """
    if len(c.number_text) != 4 or not c.number_text.isdigit() or not is_year(c.number):
        return False
    if YEAR_LEAD.search(text, max(0, c.start - 20), c.start) or NOTE_START.search(text, max(0, c.start - 8), c.start):
        return True
    noun = PLURAL_AFTER.match(text, c.end)
    return noun is None or noun.group("noun").lower() in _NOUNS_A_YEAR_DATES


def year_before_a_time_word(c: Candidate, text: str) -> bool:
    """A year before a singular word of time names a period: "the same 1986 month" is no duration.

    >>> judge(year_before_a_time_word, "in the same 1986 month", "1986"), judge(year_before_a_time_word, "for 2000 years", "2000")
    (True, False)
    """
    return c.kind == "duration" and is_year(c.number) and c.number_text.isdigit() and not c.post.lower().endswith("s")


def day_after_a_date(c: Candidate, text: str) -> bool:
    """The day that ends a span of days is a date: "between March 17 and 19", "from May 2 to 6".

    >>> judge(day_after_a_date, "on sale between March 17 and 19 only", "19"), judge(day_after_a_date, "rose 17 to 19", "19")
    (True, False)
    """
    return DAY_SPAN_BEFORE.search(text, max(0, c.start - 24), c.start) is not None


def lowercase_dateline(c: Candidate, text: str) -> bool:
    """The day of a wire dateline written in lower case is a date: "st paul, april 7 - cattle rose".

    A month in lower case elsewhere ("in march 3 firms bid") is left alone.

    >>> judge(lowercase_dateline, "chicago, march 3 - corn rose", "3"), judge(lowercase_dateline, "in march 3 firms", "3")
    (True, False)
    """
    return (
        LOWER_DATELINE_BEFORE.search(text, max(0, c.start - 16), c.start) is not None
        and DATELINE_DASH.match(text, c.end) is not None
    )


def digit_chain(c: Candidate, text: str) -> bool:
    """Three or more numbers joined by hyphens are a name, a code or a date: "Lotus 1-2-3", "2023-05-01".

    >>> judge(digit_chain, "the 1-2-3 program", "1"), judge(digit_chain, "a 10-8 vote", "10")
    (True, False)
    """
    if text[c.end : c.end + 1] != "-" and text[c.start - 1 : c.start] != "-":
        return False
    left = c.start
    while left > 0 and (text[left - 1].isdigit() or text[left - 1] == "-"):
        left -= 1
    found = DIGIT_CHAIN.match(text, left)
    return found is not None and found.end() >= c.end


def model_designation(c: Candidate, text: str) -> bool:
    """A type and its variant joined by a hyphen name a model, not a range or a tally: "the 747-400",
    "15 767-300ER planes"; "100-200 tonnes" stays a range (a type number is no round hundred).

    >>> judge(model_designation, "four 747-400 aircraft", "747"), judge(model_designation, "four 747-400 aircraft", "400")
    (True, True)
    >>> judge(model_designation, "sold 100-200 tonnes", "100"), judge(model_designation, "a 10-8 vote", "10")
    (False, False)
    """
    if text[c.end : c.end + 1] != "-" and text[c.start - 1 : c.start] != "-":
        return False
    left = c.start - 4 if text[c.start - 1 : c.start] == "-" else c.start
    if left > 0 and text[left - 1].isupper():  # "A340-600"
        left -= 1
    found = MODEL_CODE.match(text, max(left, 0))
    return found is not None and found.end() >= c.end and int(found.group("type")) % 100 != 0


# Words after a base-form multiplier that make it a verb: "could double to", "doubles in size",
# "will triple by 2030", "doubled the amount"; the end of a clause too. Any other word makes it
# an adjective ("a double taxation treaty").
_MULTIPLIER_VERB_AFTER: Final = function_words("article", "linking", "preposition") | {"its", "their", "this", "next", "again"}


def multiplier_adjective(c: Candidate, text: str) -> bool:
    """ "double" and "triple" are verbs ("exports could double by 2030") or adjectives ("a double
    taxation treaty", "double-digit growth"); only the verb states a multiplication.

    >>> judge(multiplier_adjective, "sales could double by 2030", "double")
    False
    >>> judge(multiplier_adjective, "a double taxation treaty", "double"), judge(multiplier_adjective, "double-digit", "double")
    (True, True)
    >>> judge(multiplier_adjective, "a triple A rating", "triple")
    True
    """
    if text[c.start : c.end].lower() not in MULTIPLIER_ADJECTIVES:
        return False
    if text[c.end : c.end + 1] == "-":
        return True
    after = word_after(text, c.end)  # as written: "a triple A rating" is no article
    return bool(after) and after not in _MULTIPLIER_VERB_AFTER


def year_after_apostrophe(c: Candidate, text: str) -> bool:
    """Two digits after an apostrophe are a year: "Sept'19", "the class of '98".

    >>> judge(year_after_apostrophe, "sales in Sept'19 rose", "19"), judge(year_after_apostrophe, "up 19 pct", "19")
    (True, False)
    """
    return len(c.number_text) == 2 and text[c.start - 1 : c.start] in ("'", "\u2019")


def date_or_time_after(c: Candidate, text: str) -> bool:
    """A small whole number followed by a month or a clock word is a date or a time: "7 May", "5 pm".

    >>> judge(date_or_time_after, "on Tuesday 7 May", "7"), judge(date_or_time_after, "it sold 7 tonnes", "7")
    (True, False)
    """
    return c.number <= 31 and c.number.is_integer() and RIGHT_DATE.match(text, c.end) is not None


def clock_time(c: Candidate, text: str) -> bool:
    """A four-digit time of the 24-hour clock is no figure: "at 1000 GMT", "from 0900 to 1305", "2100 hrs".

    Written with a leading zero, or followed by a time zone, "local", "hrs" or "<City> time".

    >>> judge(clock_time, "talks resume at 1000 GMT", "1000"), judge(clock_time, "from 0900 to 1305", "0900")
    (True, True)
    >>> judge(clock_time, "shipped 1000 tonnes", "1000"), judge(clock_time, "closed at 2500 points", "2500")
    (False, False)
    """
    digits = c.number_text
    if len(digits) != 4 or not digits.isdigit() or int(digits[:2]) > 23 or int(digits[2:]) > 59:
        return False
    if c.unit and c.unit != "hour":  # "2100 hrs" reads as hours; "1000 tonnes" is a figure
        return False
    if digits[0] == "0" or (c.unit == "hour" and c.post.lower() in ("hrs", "hours")):
        return True
    return CLOCK_AFTER.match(text, c.end) is not None


def number_word_in_a_name(c: Candidate, text: str) -> bool:
    """A capitalised number word inside a sentence is part of a name: "the Group of Five", "the Big Three".

    >>> judge(number_word_in_a_name, "envoys of the Group of Five met in Paris", "Five")
    True
    >>> judge(number_word_in_a_name, "Eleven ships sailed", "Eleven"), judge(number_word_in_a_name, "in five ports", "five")
    (False, False)
    """
    if not c.number_text[:1].isupper():
        return False
    return not sentence_starts_after(text[max(0, c.start - 4) : c.start])


def phone_number(c: Candidate, text: str) -> bool:
    """A number that is part of a telephone number.

    >>> judge(phone_number, "call 202-555-0143 today", "202"), judge(phone_number, "between 5-10% of trade", "10%")
    (True, False)
    """
    lo, hi = max(0, c.start - 20), min(len(text), c.end + 20)
    if PHONE_CORE.search(text, lo, hi) is None:
        return False
    return any(found.start() <= c.start and c.end <= found.end() for found in PHONE_AROUND.finditer(text, lo, hi))


# --- rules on machine text -------------------------------------------------------------------------


def machine_text(c: Candidate, text: str) -> bool:
    """A number inside base64, hex, a URL, an e-mail, a tracking code or a caption code is no figure.

    >>> judge(machine_text, "yH5BAEAAAAALAAAAAABAAEAAAIBRAA7 and 12 ships", "7"), judge(machine_text, "and 12 ships", "12")
    (True, False)
    >>> judge(machine_text, "see https://example.com/2023/report-64.html", "64")
    True
    """
    if not _glued_or_line_start(text, c.start, c.end):  # plain prose: the scans below cost more
        return False
    return in_encoded_run(text, c.start, c.end) or in_caption(text, c.start)


def _glued_or_line_start(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else "\n"
    after = text[end] if end < len(text) else " "
    return before == "\n" or before not in _PLAIN_BEFORE or after not in _PLAIN_AFTER


def in_encoded_run(text: str, start: int, end: int) -> bool:
    """Whether the number sits inside base64, hex, a URL, an e-mail or a tracking code.

    >>> s = "tag UA-123456-1 on"
    >>> in_encoded_run(s, s.index("-1 ") + 1, s.index("-1 ") + 2)
    True
    """
    left = start
    lo = max(0, start - 200)
    while left > lo and not text[left - 1].isspace():
        left -= 1
    right = end
    hi = min(len(text), end + 200)
    while right < hi and not text[right].isspace():
        right += 1
    if right - left < 20:
        return SHORT_CODE.fullmatch(text, left, right) is not None
    return ENCODED_TOKEN.search(text, left, right) is not None


def in_caption(text: str, start: int) -> bool:
    """Whether the number's line is only a code and a few lower-case words, like a photo caption's file name.

    >>> in_caption("140322 putin xi m", 0), in_caption("2483805 lightning strikes were counted.", 0)
    (True, False)
    """
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : line_end if line_end != -1 else len(text)]
    return len(line) < 60 and CAPTION_LINE.match(line) is not None


def in_code(c: Candidate, text: str) -> bool:
    """A number in JavaScript, CSS, JSON or an HTML tag left over from scraping: two marks of code on
    its line within 100 characters, or inside a tag.

    >>> judge(in_code, "function f(){ var x = 10; return x * 2.5; }", "10")
    True
    >>> judge(in_code, ".nav { color: #333; z-index: 999 }", "999")
    True
    >>> judge(in_code, "One euro = 1.08 dollars; exports rose 5% (see table).", "5%")
    False
    >>> s = "<script>alert(1)</script> Exports rose 5% in 2023."
    >>> judge(in_code, s, "1"), judge(in_code, s, "5%")
    (True, False)
    """
    start, end = c.start, c.end
    lo = start - 100 if start > 100 else 0
    lo = text.rfind("\n", lo, start) + 1 or lo  # the figure's own line; the search stays within the window
    line_end = text.find("\n", end, end + 100)
    hi = line_end if line_end >= 0 else end + 100
    if not _has_code_hint(text, lo, hi):  # prose, nearly always: a bisection and done
        return _tag_opens_before(text, start) and in_html_tag(text, start, end)  # a tag may have opened earlier
    if in_html_tag(text, start, end):
        return True
    for edge in CODE_BLOCK_EDGE.finditer(text, lo, hi):  # the window stops at a script's or style's edge
        if edge.end() <= start and edge.group().startswith("</"):
            lo = edge.end()
        elif edge.start() >= end and not edge.group().startswith("</"):
            hi = edge.start()
            break
    if CODE_HINT.search(text, lo, hi) is None:
        return False
    marks = CODE_MARK.finditer(text, lo, hi)
    return next(marks, None) is not None and next(marks, None) is not None


@lru_cache(maxsize=4)
def _code_marks(text: str) -> tuple[list[int], list[int], list[int]]:
    """Where CODE_HINT matches in ``text`` (starts, ends) and where a "<" stands: one scan each per
    document, so that prose costs each figure a bisection instead of two searches. (A text's hash is
    computed once and kept by Python, so the cache costs nothing per call.)"""
    hints = list(CODE_HINT.finditer(text))
    return [m.start() for m in hints], [m.end() for m in hints], [m.start() for m in _OPENING.finditer(text)]


def _has_code_hint(text: str, lo: int, hi: int) -> bool:
    """``CODE_HINT.search(text, lo, hi) is not None``, from the document's marks.

    >>> s = "x = 1; y"
    >>> _has_code_hint(s, 0, 3), _has_code_hint(s, 4, 8)
    (True, False)
    """
    starts, ends, _ = _code_marks(text)
    k = bisect_left(starts, lo)
    return k < len(starts) and starts[k] < hi and ends[k] <= hi


def _tag_opens_before(text: str, start: int) -> bool:
    """Whether a "<" stands in the 200 characters before ``start`` (else no tag can hold the number)."""
    opens = _code_marks(text)[2]
    k = bisect_left(opens, start)
    return k > 0 and opens[k - 1] >= start - 200


def in_html_tag(text: str, start: int, end: int) -> bool:
    """Whether the number is inside an HTML tag (an attribute's value), not in the text around it.

    >>> s = '<div style="width: 100px">Exports rose 5%.</div>'
    >>> in_html_tag(s, s.index("100"), s.index("100") + 3), in_html_tag(s, s.index("5%"), s.index("5%") + 1)
    (True, False)
    >>> s = "a share of <5% and > 3%"
    >>> in_html_tag(s, s.index("5%"), s.index("5%") + 1)
    False
    """
    lo = start - 200 if start > 200 else 0
    opening = text.rfind("<", lo, start)
    if opening < 0 or text.rfind(">", opening, start) >= 0:
        return False
    after = text[opening + 1 : opening + 2]
    if not (after.isalpha() or after in ("/", "!")):
        return False
    closing = text.find(">", end, end + 200)
    return closing >= 0 and text.find("<", end, closing) < 0


# --- the table ----------------------------------------------------------------------------------------

# The order rules run in, each with the traits a candidate needs for it to apply. Change rules come
# before the drop rules they inform; after a change the traits are read again.
RULES: Final[tuple[Rule, ...]] = (
    Rule("digits_inside_a_word", digits_inside_a_word, DIGITS),
    Rule("currency_before_words", currency_before_words, WORDS),
    Rule("unusual_digit", unusual_digit, NUMBER_T | WORDS),
    Rule("fraction_names_a_period", fraction_names_a_period, FRACTION_T),
    Rule("m_after_number_is_metres", m_after_number_is_metres, NUMBER_T | SCALE_M),
    Rule("pounds_as_sterling", pounds_as_sterling, NUMBER_T | POUND),
    Rule("over_means_during", over_means_during, NUMBER_T | QUALIFIED),
    Rule("age_in_apposition", age_in_apposition, NUMBER_T | DIGITS | UNITLESS),
    Rule("half_of_a_number", half_of_a_number, FRACTION_T),
    Rule("ounce_of_precious_metal", ounce_of_precious_metal, NUMBER_T | UNIT),
    Rule("duration_names_a_period", duration_names_a_period, NUMBER_T | UNIT),
    Rule("time_word_dates_the_comparison", time_word_dates_the_comparison, NUMBER_T | UNIT),
    Rule("one_is_pronoun", one_is_pronoun, NUMBER_T | WORDS),
    Rule("one_counts_nothing", one_counts_nothing, NUMBER_T | WORDS | UNITLESS),
    Rule("number_word_names_a_group", number_word_names_a_group, NUMBER_T | WORDS | UNITLESS),
    Rule("article_without_unit", article_without_unit, NUMBER_T | WORDS | UNITLESS),
    Rule("word_number_without_noun", word_number_without_noun, NUMBER_T | WORDS),
    Rule("word_number_before_function_word", word_number_before_function_word, NUMBER_T | WORDS | UNITLESS),
    Rule("number_word_in_a_name", number_word_in_a_name, NUMBER_T | WORDS | UNITLESS),
    Rule("reference_or_date", reference_or_date, NUMBER_T | UNITLESS | STOP),
    Rule("designation", designation, NUMBER_T | UNITLESS | GLUED),
    Rule("label_number", label_number, NUMBER_T | UNITLESS),
    Rule("address_number", address_number, NUMBER_T | DIGITS | UNITLESS),
    Rule("minus_before_acronym", minus_before_acronym, NUMBER_T | UNITLESS | MINUS),
    Rule("bare_year", bare_year, NUMBER_T | UNITLESS | FOUR_DIGITS),
    Rule("year_before_a_time_word", year_before_a_time_word, NUMBER_T | DIGITS | FOUR_DIGITS | UNIT),
    Rule("day_after_a_date", day_after_a_date, NUMBER_T | UNITLESS | SMALL_WHOLE),
    Rule("lowercase_dateline", lowercase_dateline, NUMBER_T | DIGITS | UNITLESS | SMALL_WHOLE),
    Rule("year_after_apostrophe", year_after_apostrophe, NUMBER_T | DIGITS | UNITLESS),
    Rule("multiplier_adjective", multiplier_adjective, MULTIPLIER_T),
    Rule("digit_chain", digit_chain, NUMBER_T | DIGITS),
    Rule("model_designation", model_designation, NUMBER_T | DIGITS | UNITLESS),
    Rule("date_or_time_after", date_or_time_after, NUMBER_T | UNITLESS | SMALL_WHOLE),
    Rule("clock_time", clock_time, NUMBER_T | DIGITS | FOUR_DIGITS),
    Rule("phone_number", phone_number, NUMBER_T | DIGITS | UNITLESS),
    Rule("machine_text", machine_text, NUMBER_T | DIGITS),
    Rule("in_code", in_code, NUMBER_T),
)
_POSITION: Final = {rule.name: k for k, rule in enumerate(RULES)}
_CACHE: dict[tuple[int, str], tuple[Rule, ...]] = {}


def rules_for(bits: int, after: str = "") -> tuple[Rule, ...]:
    """The rules that apply to a candidate with trait ``bits``, in table order; with ``after``,
    only those that come after that rule.

    >>> [r.name for r in rules_for(NUMBER_T | DIGITS | UNITLESS | FOUR_DIGITS, after="phone_number")]
    ['machine_text', 'in_code']
    """
    key = (bits, after)
    found = _CACHE.get(key)
    if found is None:
        start = _POSITION[after] + 1 if after else 0
        found = _CACHE[key] = tuple(r for r in RULES[start:] if r.requires & bits == r.requires)
    return found


def judge(rule: Callable[[Candidate, str], Verdict], text: str, number: str) -> Verdict:
    """Run one rule of the table on the candidate the grammar reads at the first ``number`` in
    ``text``, as the table would (False where the rule does not apply); for doctests and tests.

    >>> judge(bare_year, "In 2023 exports rose", "2023"), judge(bare_year, "In 2023 tonnes", "2023 tonnes")
    (True, False)
    """
    found = candidates_at(text, text.index(number))
    if not found:
        raise ValueError(f"the grammar reads no candidate at {number!r}")
    candidate = found[0]
    if not any(r.judge is rule for r in rules_for(candidate.traits)):
        return False
    return rule(candidate, text)
