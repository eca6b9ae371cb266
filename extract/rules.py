"""Disambiguation rules: each decides one question about a candidate figure.

Every rule is a small function of plain values (or of the text and an offset) with a doctest of
the example it exists for, so a rule can be read, tested and changed on its own.
"""

from __future__ import annotations

from extract.grammar import (
    ADDRESS_AFTER,
    CAPTION_LINE,
    CODE_BLOCK_EDGE,
    CODE_HINT,
    CODE_MARK,
    ENCODED_TOKEN,
    METRES_RESTATED,
    PHONE_AROUND,
    PLURAL_AFTER,
    PROPER_BEFORE,
    RIGHT_DATE,
    SHORT_CODE,
    YEAR_LEAD,
)

# Words after which "one" is a pronoun, not a count ("the same one", "no one").
_ONE_PRONOUN_BEFORE = frozenset(
    [
        "the",
        "this",
        "that",
        "any",
        "each",
        "every",
        "no",
        "same",
        "which",
        "another",
        "only",
        "last",
        "first",
        "new",
        "right",
        "wrong",
        "big",
        "little",
    ]
)
# Words after "one" that make it a pronoun or an idiom ("one another", "one by one", "one day").
_ONE_PRONOUN_AFTER = frozenset(["another", "by", "day", "way"])
# Words that make "half"/"quarter" part of a period: "the first half", "second quarter".
_PERIOD_ORDINALS = frozenset(["the", "first", "second", "third", "fourth", "last", "final", "latter", "former", "other"])
# Words after a fraction that make it an ordinal: "for a fifth straight year".
_ORDINAL_FOLLOWERS = frozenset(
    [
        "straight",
        "consecutive",
        "successive",
        "time",
        "times",
        "year",
        "month",
        "week",
        "day",
        "quarter",
        "round",
        "term",
        "place",
    ]
)
# Verbs and prepositions before "X to Y" that make it a change then a level, not a range.
_CHANGE_BEFORE = frozenset(
    [
        "by",
        "up",
        "down",
        "rose",
        "fell",
        "grew",
        "gained",
        "lost",
        "jumped",
        "dropped",
        "increased",
        "decreased",
        "climbed",
        "slid",
        "plunged",
        "surged",
        "soared",
        "cut",
        "raised",
        "lowered",
        "declined",
        "slumped",
        "shrank",
        "added",
    ]
)
# Words after a number written in words that show it is not counting anything ("the bottom three during").
_FUNCTION_WORDS = frozenset(
    [
        "during",
        "in",
        "at",
        "for",
        "with",
        "by",
        "from",
        "on",
        "who",
        "which",
        "that",
        "is",
        "are",
        "was",
        "were",
        "and",
        "but",
        "as",
        "than",
        "so",
        "if",
        "when",
        "while",
    ]
)
# Sentence-initial capitalised words are not labels; neither are these function words.
_NOT_LABELS = frozenset(
    [
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "By",
        "For",
        "From",
        "With",
        "About",
        "Around",
        "Some",
        "Nearly",
        "Over",
        "Under",
        "Only",
        "Just",
        "Almost",
        "Roughly",
        "Approximately",
        "Of",
        "To",
        "And",
        "Or",
        "But",
        "Since",
        "Until",
        "After",
        "Before",
        "Between",
        "During",
        "Among",
    ]
)


def is_reference_or_date(stop_kind: str | None, has_unit: bool) -> bool:
    """A number after a reference word ("Article 5") or a month or weekday ("April 26", "Monday 6").

    >>> is_reference_or_date("reference", False), is_reference_or_date("month", False)
    (True, True)
    >>> is_reference_or_date("month", True)  # "in May 5% more" keeps the percent
    False
    """
    return stop_kind is not None and not has_unit


def is_designation(glued: str | None, has_unit: bool) -> bool:
    """A number glued by a hyphen to a capitalised word: a model or a name (Su-35, COVID-19).

    >>> is_designation("Su-", False), is_designation("COVID -", False), is_designation("sub-", False)
    (True, True, False)
    """
    return bool(glued) and not has_unit and any(ch.isupper() for ch in glued)  # type: ignore[union-attr]


def is_label_number(text: str, start: int, has_unit: bool) -> bool:
    """A bare number right after a capitalised word inside a sentence is part of a name.

    >>> s = "contacted by France 24 on Monday"
    >>> is_label_number(s, s.index("24"), False)
    True
    >>> s = "Beijing allowed Moscow 5"
    >>> is_label_number(s, s.index("5"), True)
    False
    >>> s = "Some 300 people"   # sentence-initial words are not labels
    >>> is_label_number(s, s.index("300"), False)
    False
    """
    if has_unit or start < 2 or text[start - 1] != " ":
        return False
    found = PROPER_BEFORE.search(text, max(0, start - 40), start)
    if not found:
        return False
    word = found.group("word").rstrip(".")
    if word in _NOT_LABELS:
        return False
    before = text[max(0, found.start() - 3) : found.start()]
    return not sentence_starts_after(before)


def sentence_starts_after(before: str) -> bool:
    """Whether the text ``before`` a word ends a sentence (or is the start of the text).

    >>> sentence_starts_after(""), sentence_starts_after(". "), sentence_starts_after("he ")
    (True, True, False)
    """
    stripped = before.rstrip(" \t\"'\u201c\u2018(")
    return not stripped or stripped[-1] in ".!?:\n" or before.endswith("\n")


def is_bare_year(number_text: str, value: float, text: str, start: int, end: int) -> bool:
    """A four-digit number between 1000 and 2100 with nothing attached is a year (a period).

    It stays a count only when a plural noun follows and no year word precedes it.

    >>> s = "exports jumped between 2021 and 2023"
    >>> is_bare_year("2021", 2021.0, s, s.index("2021"), s.index("2021") + 4)
    True
    >>> s = "closed at 1478 points"
    >>> is_bare_year("1478", 1478.0, s, s.index("1478"), s.index("1478") + 4)
    False
    >>> s = "In 2023 exports rose"
    >>> is_bare_year("2023", 2023.0, s, 3, 7)
    True
    """
    if len(number_text) != 4 or not number_text.isdigit() or not 1000 <= value <= 2199:
        return False
    if YEAR_LEAD.search(text, max(0, start - 20), start):
        return True
    return not PLURAL_AFTER.match(text, end)


def is_date_or_time_after(text: str, end: int, value: float) -> bool:
    """A small integer followed by a month or a clock word: "7 May", "5 pm".

    >>> is_date_or_time_after("Tuesday 7 May", 9, 7.0)
    True
    >>> is_date_or_time_after("7 tonnes", 1, 7.0)
    False
    """
    return value <= 31 and value.is_integer() and RIGHT_DATE.match(text, end) is not None


def is_caption_code(line: str) -> bool:
    """A line that is only a code and a few lower-case words, like a photo caption's file name.

    >>> is_caption_code("140322 putin xi m")
    True
    >>> is_caption_code("2483805 lightning strikes were counted.")
    False
    """
    return CAPTION_LINE.match(line) is not None


def in_encoded_run(text: str, start: int, end: int) -> bool:
    """Whether the number sits inside base64, hex, a URL, an e-mail or a tracking code.

    >>> s = "yH5BAEAAAAALAAAAAABAAEAAAIBRAA7 and 12 ships"
    >>> in_encoded_run(s, s.index("7"), s.index("7") + 1), in_encoded_run(s, s.index("12"), s.index("12") + 2)
    (True, False)
    >>> s = "see https://example.com/2023/report-64.html"
    >>> in_encoded_run(s, s.index("64"), s.index("64") + 2)
    True
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


def in_code(text: str, start: int, end: int) -> bool:
    """Whether the number sits in JavaScript, CSS, JSON or HTML left over from scraping: two marks
    of code on its line, within 100 characters of it.

    >>> s = "function f(){ var x = 10; return x * 2.5; }"
    >>> in_code(s, s.index("10"), s.index("10") + 2)
    True
    >>> s = ".nav { color: #333; z-index: 999 }"
    >>> in_code(s, s.index("999"), s.index("999") + 3)
    True
    >>> s = "One euro = 1.08 dollars; exports rose 5% (see table)."
    >>> in_code(s, s.index("5%"), s.index("5%") + 1)
    False
    >>> s = "<script>alert(1)</script> Exports rose 5% in 2023."
    >>> in_code(s, s.index("1"), s.index("1") + 1), in_code(s, s.index("5%"), s.index("5%") + 1)
    (True, False)
    """
    lo = start - 100 if start > 100 else 0
    lo = text.rfind("\n", lo, start) + 1 or lo  # the figure's own line; the search stays within the window
    line_end = text.find("\n", end, end + 100)
    hi = line_end if line_end >= 0 else end + 100
    if CODE_HINT.search(text, lo, hi) is None:  # prose, nearly always: one scan and done
        return in_html_tag(text, start, end)  # a tag may have opened on an earlier line
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


def is_phone_number(text: str, start: int, end: int) -> bool:
    """Whether the number is part of a telephone number.

    >>> s = "call +1 202-555-0143 today"
    >>> is_phone_number(s, s.index("202"), s.index("202") + 3)
    True
    >>> s = "between 5-10% of trade"
    >>> is_phone_number(s, s.index("10"), s.index("10") + 2)
    False
    """
    for found in PHONE_AROUND.finditer(text, max(0, start - 20), min(len(text), end + 20)):
        if found.start() <= start and end <= found.end():
            return True
    return False


def one_is_pronoun(word_before: str, word_after: str) -> bool:
    """ "one" as a pronoun or idiom ("the same one", "one another", "no one") is no figure.

    >>> one_is_pronoun("same", "across"), one_is_pronoun("has", "solution"), one_is_pronoun("", "another")
    (True, False, True)
    """
    return word_before.lower() in _ONE_PRONOUN_BEFORE or word_after.lower() in _ONE_PRONOUN_AFTER


def fraction_is_period_or_ordinal(word_before: str, word_after: str) -> bool:
    """ "the first half", "a fifth straight year": a period or an ordinal, not a share.

    >>> fraction_is_period_or_ordinal("first", "of"), fraction_is_period_or_ordinal("a", "straight")
    (True, True)
    >>> fraction_is_period_or_ordinal("nearly", "of")
    False
    """
    return word_before.lower() in _PERIOD_ORDINALS or word_after.lower() in _ORDINAL_FOLLOWERS


def pounds_is_money(scaled: bool, sentence_has_sterling: bool) -> bool:
    """ "8 billion pounds" is sterling; "208 pounds" (of body weight) is mass.

    >>> pounds_is_money(True, False), pounds_is_money(False, False), pounds_is_money(False, True)
    (True, False, True)
    """
    return scaled or sentence_has_sterling


def scale_distributes(first_number: float, second_number: float) -> bool:
    """In "1 to 2 thousand" the scale word applies to both ends; in "$200 to $4 million" it does not.

    The scale distributes when doing so keeps the range in order of the written numbers.

    >>> scale_distributes(1, 2), scale_distributes(89, 93), scale_distributes(200, 4)
    (True, True, False)
    """
    return first_number <= second_number


def to_joins_range(word_before_first: str) -> bool:
    """ "X to Y" is a range, unless X is a change and Y the level it led to ("rose 5% to $84").

    >>> to_joins_range("from"), to_joins_range("by"), to_joins_range("rose")
    (True, False, False)
    """
    return word_before_first.lower() not in _CHANGE_BEFORE


def word_number_needs_noun(text: str, end: int) -> bool:
    """A number written in words must be followed by a word ("two countries"), else it is prose.

    >>> word_number_needs_noun("the two.", 7), word_number_needs_noun("two areas", 3)
    (True, False)
    """
    nxt = text[end : end + 2]
    return not (len(nxt) == 2 and nxt[0] == " " and nxt[1].isalpha())


def word_number_before_function_word(word_after: str) -> bool:
    """A number in words followed by a function word counts nothing: "slipped to the bottom three during".

    >>> word_number_before_function_word("during"), word_number_before_function_word("countries")
    (True, False)
    """
    return word_after.lower() in _FUNCTION_WORDS


def precedes_proper_name(text: str, end: int) -> bool:
    """A bare number before a street or place name is part of an address: "49 Zorro Ranch Road".

    >>> s = "the 90049 ZIP Code and 49 Zorro Ranch Road, but 63,150 Model 3s"
    >>> [precedes_proper_name(s, s.index(n) + len(n)) for n in ("90049", "and 49", "63,150")]
    [True, True, False]
    """
    return ADDRESS_AFTER.match(text, end) is not None


def is_acronym(word: str) -> bool:
    """Two or more capitals: "COVID" in "COVID -19" makes the dash part of a name, not a minus.

    >>> is_acronym("COVID"), is_acronym("down")
    (True, False)
    """
    return sum(ch.isupper() for ch in word) >= 2


def m_is_metres(text: str, end: int) -> bool:
    """ "37m (121ft)": an "m" restated in feet is metres, not million.

    >>> m_is_metres("the 37m (121ft)-long skeleton", 7), m_is_metres("EUR835m (USD900m)", 7)
    (True, False)
    """
    return METRES_RESTATED.match(text, end) is not None


def over_means_during(qualifier_word: str, kind: str) -> bool:
    """ "over two years" is a period of time, not "more than two years"; "over $5bn" is a bound.

    >>> over_means_during("over", "duration"), over_means_during("over", "money"), over_means_during("more than", "duration")
    (True, False, False)
    """
    return qualifier_word.lower() == "over" and kind == "duration"
