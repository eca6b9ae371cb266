"""Finding figures in text: candidates from the grammar, judged by the rule table, joined into ranges.

The stage's one entry is :func:`find_figures`; it returns :class:`Found` records (a figure before
its trade context) and, when asked, the trace of every rule that dropped, changed or joined a
candidate.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from mypy_extensions import mypyc_attr

from extract.figures.candidate import Candidate, candidates, traits
from extract.figures.ranges import (
    carried_unit,
    elliptical_unit,
    joined,
    pair_of,
    rate_goes_on,
    refusal,
    restated_qualifier,
    restated_unit,
    shared_unit,
    short_tons_go_on,
    whole_unit,
)
from extract.figures.rules import rules_for
from extract.text.sentences import Sentences


class Found(NamedTuple):
    """A figure before its context: its span in the text, what it is worth and its sentence."""

    start: int
    end: int
    value: float
    low: float | None
    high: float | None
    unit: str
    kind: str
    qualifier: str
    sentence_index: int


@mypyc_attr(native_class=False)  # compiled, a Python class still: records must pickle
@dataclass(frozen=True, slots=True)
class Step:
    """One line of the trace: what a rule did to the candidate at ``start``..``end``."""

    start: int
    end: int
    rule: str  # the rule's name, or "kept"
    action: str  # "dropped", "changed", "joined", "kept"
    detail: str  # the rule's reason, or what changed


def find_figures(sentences: Sentences, trace: list[Step] | None = None) -> list[Found]:
    """Every figure of ``sentences.text``, in order; each rule's effect appended to ``trace`` if given.

    >>> from extract.text import split_sentences
    >>> [(f.value, f.unit) for f in find_figures(split_sentences("Exports jumped 64.2% to $1.2bn."))]
    [(64.2, 'percent'), (1200000000.0, 'USD')]
    """
    text = sentences.text
    index_of = sentences.index_of
    out: list[Found] = []
    last: Candidate | None = None
    last_sentence = -1
    with_units: list[Candidate] = []  # the figures of the current sentence that have a unit
    for read in candidates(text):
        judged = _judged(text, read, trace)
        if judged is None:
            continue
        c = judged
        sentence = index_of(c.surface_start)
        if sentence != last_sentence:
            with_units = []
        if last is not None and sentence == last_sentence:
            joined_pair = _join(text, last, c, trace)
            if joined_pair is not None:
                last = joined_pair
                out[-1] = _found(joined_pair, sentence)
                continue
            shared = shared_unit(text, last, c)
            if shared is not None:
                _note(trace, last, "shared_unit", "changed", f"unit {last.unit!r} -> {shared.unit!r} (written once after 'or')")
                out[-1] = _found(shared, sentence)
            if c.unit:  # the unit of a figure that may belong to the one before, or follow from it
                whole = whole_unit(text, last, c) if not last.unit else None
                if whole is not None:
                    _note(trace, last, "whole_unit", "changed", f"unit -> {whole.unit!r} (part of the whole after it)")
                    out[-1] = _found(whole, sentence)
                rate = rate_goes_on(text, last, c) if " / " in last.unit else None
                if rate is not None:
                    _note(trace, c, "rate_goes_on", "changed", f"unit -> {rate.unit!r} (a list after a rate)")
                    c = rate
                short = short_tons_go_on(last, c) if last.unit == "short_ton" else None
                if short is not None:
                    _note(trace, c, "short_tons_go_on", "changed", "unit -> 'short_ton' (tons after short tons)")
                    c = short
            restated = restated_qualifier(text, last, c)
            if restated is not None:
                _note(trace, c, "restated_qualifier", "changed", f"qualifier {c.qualifier} -> {restated.qualifier}")
                c = restated
            carried = carried_unit(text, last, c)
            if carried is not None:
                _note(trace, c, "carried_unit", "changed", f"unit -> {carried.unit!r} (compared with the figure before)")
                c = carried
            else:
                unsaid = elliptical_unit(text, last, c)
                if unsaid is not None:
                    _note(
                        trace, c, "elliptical_unit", "changed", f"unit -> {unsaid.unit!r} (left unsaid after the figure before)"
                    )
                    c = unsaid
                elif with_units and not c.unit:
                    again = restated_unit(text, with_units, c)
                    if again is not None:
                        _note(trace, c, "restated_unit", "changed", f"unit -> {again.unit!r} (the same number earlier)")
                        c = again
        if c.unit:
            with_units.append(c)
        last, last_sentence = c, sentence
        out.append(tuple.__new__(Found, (c.surface_start, c.end, c.value, c.low, c.high, c.unit, c.kind, c.qualifier, sentence)))
    return out


def _judged(text: str, c: Candidate, trace: list[Step] | None, after: str = "") -> Candidate | None:
    """``c`` after the rules that apply to it (those after the rule ``after`` only), or None when a
    rule drops it. A rule that changes ``c`` hands the changed candidate to the rules after it."""
    for rule in rules_for(c.traits, after):
        verdict = rule.judge(c, text)
        if verdict is False:
            continue
        if verdict is True:
            if trace is not None:
                _note(trace, c, rule.name, "dropped", rule.reason)
            return None
        if trace is not None:
            _note(trace, c, rule.name, "changed", _change(c, verdict))
        changed = verdict._replace(traits=traits(verdict))  # a change may change which rules apply
        return _judged(text, changed, trace, rule.name)
    if trace is not None:
        _note(trace, c, "kept", "kept", "")
    return c


def _join(text: str, a: Candidate, b: Candidate, trace: list[Step] | None) -> Candidate | None:
    pair = pair_of(text, a, b)
    if pair is None:
        return None
    refused = refusal(pair)
    if refused:
        _note(trace, b, refused, "not joined", f"not joined to the figure before it ({pair.connector!r})")
        return None
    result = joined(text, pair)
    joined_text = f"{text[a.surface_start : a.end]!r} {pair.connector} {text[b.surface_start : b.end]!r}"
    _note(trace, result, "range", "joined", joined_text)
    return result


def _note(trace: list[Step] | None, c: Candidate, rule: str, action: str, detail: str) -> None:
    if trace is not None:
        trace.append(Step(c.surface_start, c.end, rule, action, detail))


def _change(before: Candidate, after: Candidate) -> str:
    changed = [
        f"{name} {getattr(before, name)!r} -> {getattr(after, name)!r}"
        for name in ("unit", "kind", "scale_text", "qualifier")
        if getattr(before, name) != getattr(after, name)
    ]
    return ", ".join(changed)


def _found(c: Candidate, sentence_index: int) -> Found:
    return Found(c.surface_start, c.end, c.value, c.low, c.high, c.unit, c.kind, c.qualifier, sentence_index)
