"""Finding figures in text: candidates from the grammar, filtered by the rules, joined into ranges."""

from __future__ import annotations

from dataclasses import replace
from typing import NamedTuple

import regex

from extract import rules
from extract.context import add_context
from extract.grammar import (
    BRACKET_OPEN,
    DIGIT_AMOUNT,
    LEFT_CONTEXT,
    PER_UNIT_AFTER,
    RANGE_JOIN,
    SPACED_SCALE,
    WORD_AMOUNT,
    WORD_TRIGGER,
)
from extract.numbers import parse_number, scale_value, tidy_float
from extract.records import Draft, Figure
from extract.sentences import Sentences, clip_sentence, split_sentences
from extract.vocab import (
    CURRENCY_GLUED,
    CURRENCY_PREFIXES,
    CURRENCY_SUFFIXES,
    NUMBER_WORDS,
    QUALIFIERS,
    STOP_CONTEXTS,
    UNITS,
    CurrencyEntry,
    UnitEntry,
)

# _candidate unpacks these groups by position (groups() is far cheaper than group(names)).
assert tuple(LEFT_CONTEXT.groupindex) == ("lead", "qual", "stop", "glued", "sign_out", "cur", "sign")
assert tuple(DIGIT_AMOUNT.groupindex) == ("num", "half", "scale_word", "scale_letter", "post_word", "post_sign")

_WORD = regex.compile(r"[\w'\u2019-]+")
_VAGUE_RANGES = {
    "dozens": (12.0, 120.0),
    "hundreds": (1e2, 1e3),
    "thousands": (1e3, 1e4),
    "millions": (1e6, 1e7),
    "billions": (1e9, 1e10),
}
_SEVERAL = {"several": (3.0, 9.0), "a few": (2.0, 9.0)}
_MULTIPLIER_VERBS = {"doubled": 2.0, "tripled": 3.0, "trebled": 3.0, "quadrupled": 4.0}


class _Candidate(NamedTuple):
    start: int
    end: int
    value: float
    low: float | None
    high: float | None
    unit: str
    kind: str
    qualifier: str
    lead: str  # "between" / "from" before the figure, for ranges
    number: float  # the written number before its scale, for scale distribution
    scale: float  # 1.0 when no scale word
    has_own_unit: bool


def extract_figures(text: str, doc_id: str = "doc", *, date: str = "", context: bool = True) -> list[Figure]:
    """Every figure in ``text``, in order of position, with its trade context unless ``context`` is false.

    ``date`` (ISO) is the document's date: relative periods ("last year") and exchange rates use it.

    >>> [(f.surface, f.value, f.unit, f.qualifier) for f in extract_figures("Exports jumped 64.2% to $1.2bn.")]
    [('64.2%', 64.2, 'percent', 'exact'), ('$1.2bn', 1200000000.0, 'USD', 'exact')]
    """
    sentences = split_sentences(text)
    matches = list(DIGIT_AMOUNT.finditer(text))
    words = _word_matches(text)
    if words:
        matches = sorted(matches + words, key=lambda m: m.start())
    candidates = [c for m in matches if (c := _candidate(text, m)) is not None]
    joined = _join_ranges(text, candidates, sentences)
    cache: dict[int, str] = {}
    if context:  # drafts: the context step builds each record once, with every column
        return add_context([_figure(text, doc_id, c, sentences, cache, Draft) for c in joined], text, date)
    figures = [_figure(text, doc_id, c, sentences, cache, Figure) for c in joined]
    return [_clipped(f, sentences) for f in figures]


def _clipped(figure: Figure, sentences: Sentences) -> Figure:
    start = sentences.span(figure.sentence_index)[0]
    sentence, offset = clip_sentence(figure.sentence, figure.start - start, figure.end - start)
    return replace(figure, sentence=sentence, sentence_offset=offset)


def _word_matches(text: str) -> list[regex.Match[str]]:
    """WORD_AMOUNT matches, tried only where WORD_TRIGGER finds a word a figure can start with."""
    found: list[regex.Match[str]] = []
    covered = -1
    for trigger in WORD_TRIGGER.finditer(text):
        at = trigger.start()
        if at < covered:
            continue
        m = WORD_AMOUNT.match(text, at)
        if m:
            found.append(m)
            covered = m.end()
    return found


def _figure(text: str, doc_id: str, c: _Candidate, sentences: Sentences, cache: dict[int, str], make: type) -> Figure:
    index = sentences.index_of(c.start)
    sentence = cache.get(index)
    if sentence is None:
        sentence = cache[index] = sentences.sentence(index)
    return make(  # type: ignore[no-any-return]
        f"{doc_id}:{c.start}-{c.end}",
        doc_id,
        index,
        c.start,
        c.end,
        text[c.start : c.end],
        c.value,
        c.low,
        c.high,
        c.unit,
        c.kind,
        c.qualifier,
        sentence,
    )


def _word_before(text: str, start: int) -> str:
    words = _WORD.findall(text, start - 30 if start > 30 else 0, start)
    return words[-1] if words and text[start - 1 : start].isspace() else ""


def _word_after(text: str, end: int) -> str:
    found = _WORD.match(text, end + 1) if text[end : end + 1] == " " else None
    return found.group() if found else ""


def _bounds(value: float, qualifier: str) -> tuple[float | None, float | None]:
    if qualifier in ("more_than", "at_least"):
        return value, None
    if qualifier in ("less_than", "at_most"):
        return None, value
    return value, value


def _candidate(text: str, m: regex.Match[str]) -> _Candidate | None:
    start, end = m.span()
    left = LEFT_CONTEXT.search(text, start - 32 if start > 32 else 0, start)
    # groups() is an order of magnitude cheaper than group(names...) on this hot path
    lead, qual, stop, glued, sign_out, cur, sign = left.groups()
    if start and text[start - 1].isalpha() and not cur:
        return None  # digits inside a word: G20, H5N1, base64
    qualifier = QUALIFIERS.get(" ".join(qual.lower().split()), "exact") if qual else "exact"
    lead = lead.lower() if lead else ""
    sign = sign or sign_out
    if m.re is DIGIT_AMOUNT:
        number_text, half, scale_word, scale_letter, post_word, post_sign = m.groups()
    else:
        number_text, half, scale_word, scale_letter, post_word, post_sign = m.group(
            "num", "half_w", "scale_word_w", "scale_letter_w", "post_word_w", "post_sign_w"
        )
    scale_text = scale_word or scale_letter
    post = post_word or post_sign

    if number_text is None:
        if cur:
            return None
        if m.group("frac_expr"):
            return _fraction(text, m, qualifier, lead)
        if m.group("vague_expr"):
            return _vague(m, lead)
        word = m.group("mult_verb")
        value = _MULTIPLIER_VERBS[word.lower()] if word else parse_number(m.group("mult_num"))
        return _Candidate(start, end, value, *_bounds(value, qualifier), "times", "ratio", qualifier, lead, value, 1.0, True)

    is_word = not (number_text[0].isdigit() or number_text[0] == ".")
    if is_word and (cur or not number_text[0].isalpha()):
        # not alpha either: a digit the regex module's Unicode tables know and Python's do not
        # (U+116D0, found by fuzzing); no news figure is written with it
        return None
    number = parse_number(number_text) + (0.5 if half else 0.0)
    if cur and not scale_text:
        spaced = SPACED_SCALE.match(text, end)
        if spaced:
            scale_text, end = spaced.group("scale"), spaced.end()
    scale = scale_value(scale_text)
    if scale_text in ("m", "M") and not cur and rules.m_is_metres(text, end):
        scale_text, scale = None, 1.0
        unit, kind, factor = "meter", "length", 1.0
    else:
        unit, kind, factor, end = _unit_of(text, cur, post, end, scaled=scale_text is not None)
    has_unit = bool(unit) or scale_text is not None
    if qual and rules.over_means_during(qual, kind):
        qualifier = "exact"

    if is_word:
        if number_text.lower() == "one" and rules.one_is_pronoun(_word_before(text, start), _word_after(text, end)):
            return None
        if not unit and rules.word_number_needs_noun(text, end):
            return None
        if not has_unit and rules.word_number_before_function_word(_word_after(text, end)):
            return None
    if rules.is_reference_or_date(_stop_kind(stop), has_unit):
        return None
    if rules.is_designation(glued, has_unit):
        return None
    if not has_unit:
        if qualifier == "exact" and rules.is_label_number(text, start, has_unit):
            return None
        if not is_word and rules.precedes_proper_name(text, end):
            return None
        if sign == "-" and rules.is_acronym(_word_before(text, start - 1)):
            return None
        if rules.is_bare_year(number_text, number, text, start, end):
            return None
        if rules.is_date_or_time_after(text, end, number):
            return None
        if not is_word and rules.is_phone_number(text, start, end):
            return None
    machine = not is_word and _maybe_machine_text(text, start, end)
    if machine and (rules.in_encoded_run(text, start, end) or _in_caption(text, start)):
        return None
    if rules.in_code(text, start, end):
        return None

    value = tidy_float(number * scale * factor)
    if sign and sign[0] in "-\u2212mM":
        value = -value
    # The surface keeps the currency sign and the minus: "US$110.97bn", "-5.4%".
    if cur or sign:
        start = left.start("sign_out") if sign_out else (left.start("cur") if cur else left.start("sign"))
    low, high = _bounds(value, qualifier)
    return _Candidate(start, end, value, low, high, unit, kind, qualifier, lead, number, scale, bool(unit))


_PLAIN_BEFORE = frozenset(" \t(\"'\u201c\u2018$\u20ac\u00a3\u00a5~")
_PLAIN_AFTER = frozenset(" \t\n,.;:!?)\"'\u201d\u2019%")


def _maybe_machine_text(text: str, start: int, end: int) -> bool:
    """Cheap pre-check: only a number glued to other characters, or at a line start, can be
    part of encoded junk or a caption code; the rules themselves are costlier."""
    before = text[start - 1] if start else "\n"
    after = text[end] if end < len(text) else " "
    return before == "\n" or before not in _PLAIN_BEFORE or after not in _PLAIN_AFTER


def _stop_kind(stop: str | None) -> str | None:
    if not stop:
        return None
    return STOP_CONTEXTS.get(stop) or STOP_CONTEXTS.get(stop + ".")


def _in_caption(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : line_end if line_end != -1 else len(text)]
    return len(line) < 60 and rules.is_caption_code(line)


def _unit_of(text: str, prefix: str | None, post: str | None, end: int, *, scaled: bool) -> tuple[str, str, float, int]:
    """(unit, kind, factor, end) of a numeric figure, from its currency sign and the word after it.

    ``end`` moves past a priced-per unit ("$58.24 per barrel")."""
    code = ""
    if prefix:
        entry = CURRENCY_PREFIXES.get(prefix) or CURRENCY_GLUED.get(prefix)
        code = entry.code if isinstance(entry, CurrencyEntry) else ""
    if post:
        folded = post.lower()
        if folded in ("cent", "cents"):
            return code or "USD", "money", 0.01, end
        if folded in ("pound", "pounds") and not code:
            nearby = text[max(0, end - 200) : end + 200]
            if rules.pounds_is_money(scaled, "sterling" in nearby or "\u00a3" in nearby):
                return "GBP", "money", 1.0, end
            return "pound", "mass", 1.0, end
        if not code:
            named = _named_unit(post)
            if named is not None and named[1] == "money":
                code = named[0]
            elif named is not None:
                return named[0], named[1], 1.0, end
    if code:
        per = PER_UNIT_AFTER.match(text, end)
        per_unit = UNITS.get(per.group("per")) if per else None
        if isinstance(per_unit, UnitEntry):
            return f"{code}/{per_unit.unit}", "money", 1.0, per.end()  # type: ignore[union-attr]
        return code, "money", 1.0, end
    return "", "count", 1.0, end


def _named_unit(word: str) -> tuple[str, str] | None:
    """(unit, kind) of a currency name or unit written after a number: "dollars" -> USD money."""
    currency = CURRENCY_SUFFIXES.get(word) if word else None
    if isinstance(currency, CurrencyEntry):
        return currency.code, "money"
    unit = UNITS.get(word) if word else None
    return (unit.unit, unit.kind) if isinstance(unit, UnitEntry) else None


def _fraction(text: str, m: regex.Match[str], qualifier: str, lead: str) -> _Candidate | None:
    start, end = m.span()
    if m.group("frac_half"):
        share = 0.5
        if rules.fraction_is_period_or_ordinal(_word_before(text, start), _word_after(text, end)):
            return None
    else:
        count_word = m.group("frac_count").lower()
        count = 1.0 if count_word in ("a", "an") else NUMBER_WORDS[count_word][0]
        if rules.fraction_is_period_or_ordinal(_word_before(text, start), _word_after(text, end)):
            return None
        share = count * NUMBER_WORDS[m.group("frac").lower()][0]
    value = round(share * 100, 2)
    return _Candidate(start, end, value, *_bounds(value, qualifier), "percent", "percent", qualifier, lead, value, 1.0, True)


def _vague(m: regex.Match[str], lead: str) -> _Candidate:
    start, end = m.span()
    if m.group("vague"):
        low, high = _VAGUE_RANGES[m.group("vague").lower()]
        if m.group("vague_tens"):
            low, high = low * 10, high * 10
    else:
        low, high = _SEVERAL[" ".join(m.group("several").lower().split())]
        factor = scale_value(m.group("several_scale"))
        low, high = low * factor, high * factor
    value = tidy_float((low + high) / 2)
    named = _named_unit(m.group("vague_unit") or "")
    unit, kind = named if named is not None else ("", "count")
    return _Candidate(start, end, value, low, high, unit, kind, "approx", lead, value, 1.0, bool(unit))


def _join_ranges(text: str, candidates: list[_Candidate], sentences: Sentences) -> list[_Candidate]:
    """Join "5-10%", "between 20% and 30%", "from 5.2bn to 7.8bn dollars" into single range figures,
    and let a bracketed restatement inherit the qualifier of the figure it restates."""
    out: list[_Candidate] = []
    for c in candidates:
        prev = out[-1] if out else None
        if prev is not None and sentences.index_of(prev.start) == sentences.index_of(c.start):
            between = text[prev.end : c.start]
            joined = _as_range(text, prev, c, between)
            if joined is not None:
                out[-1] = joined
                continue
            if BRACKET_OPEN.match(between) and c.qualifier == "exact" and prev.qualifier not in ("exact", "range"):
                low, high = _bounds(c.value, prev.qualifier)
                c = c._replace(qualifier=prev.qualifier, low=low, high=high)
        out.append(c)
    return out


def _as_range(text: str, a: _Candidate, b: _Candidate, between: str) -> _Candidate | None:
    join = RANGE_JOIN.match(between)
    if join is None or b.qualifier != "exact" or a.qualifier not in ("exact", "approx") or a.low != a.high:
        return None
    connector = between.strip().lower()
    if connector == "and" and a.lead != "between":
        return None
    if connector == "or" and a.has_own_unit:
        return None
    if connector == "to" and a.lead != "from" and a.has_own_unit and not rules.to_joins_range(_word_before(text, a.start)):
        return None
    if a.unit and b.unit and a.kind != b.kind:
        return None
    if a.unit and b.unit and a.unit != b.unit:
        return None
    low_value = a.value
    if a.scale == 1.0 and b.scale != 1.0 and rules.scale_distributes(a.number, b.number):
        low_value = tidy_float(a.value * b.scale)
    low, high = sorted((low_value, b.value))
    start = a.start
    if a.lead:
        window = max(0, a.start - 40)
        at = text[window : a.start].lower().rfind(a.lead)
        start = window + at if at >= 0 else a.start
    qualifier = "approx" if a.qualifier == "approx" else "range"
    return _Candidate(
        start,
        b.end,
        tidy_float((low + high) / 2),
        low,
        high,
        b.unit or a.unit,
        b.kind if b.unit else a.kind,
        qualifier,
        a.lead,
        a.number,
        b.scale,
        True,
    )
