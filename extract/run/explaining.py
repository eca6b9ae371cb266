"""The text ``python -m extract explain`` prints: every candidate with the rules that kept,
changed, joined or dropped it, then each figure with its context and the words that decided it."""

from __future__ import annotations

from extract.extractor import Explanation

_WIDTH = 24  # characters of a candidate's text shown in the trace


def render_explanation(e: Explanation) -> str:
    """``e`` as lines a person reads, sentence by sentence.

    >>> from extract import explain
    >>> print(render_explanation(explain("In 2023 exports fell 5%.")))  # doctest: +NORMALIZE_WHITESPACE +ELLIPSIS
    Sentence 0: In 2023 exports fell 5%.
      candidates
        2023                      dropped by bare_year: A four-digit year (1900-2099) with nothing attached is a period, ...
        5%                        kept
      figure 5% = 5 percent (percent, exact)
        role        change        from "fell"
        direction   down          from "fell"
        measure     exports
        period      2023          2023-01-01 .. 2023-12-31 by nearest
    """
    text = e.sentences.text
    lines: list[str] = []
    for index in range(len(e.sentences)):
        s_start, s_end = e.sentences.span(index)
        steps = [s for s in e.trace if s_start <= s.start < s_end]
        figures = [(f, c) for f, c in zip(e.figures, e.contexts, strict=True) if f.sentence_index == index]
        if not steps:
            continue
        lines.append(f"Sentence {index}: {text[s_start:s_end]}")
        lines.append("  candidates")
        for step in steps:
            shown = text[step.start : step.end][:_WIDTH]
            what = step.action if step.rule == "kept" else f"{step.action} by {step.rule}"
            lines.append(f"    {shown:<{_WIDTH}}  {what}" + (f": {step.detail}" if step.detail else ""))
        for f, c in figures:
            unit = f" {f.unit}" if f.unit else ""
            lines.append(f"  figure {f.surface} = {f.value:g}{unit} ({f.kind}, {f.qualifier})")
            rows = [
                ("role", f.role, c.role_cue),
                ("direction", f.direction, c.direction_cue),
                ("measure", f.measure, ""),
                ("countries", f.countries, ""),
                ("exporter", f.exporter, c.flow_cue if f.exporter else ""),
                ("importer", f.importer, c.flow_cue if f.importer else ""),
                ("period", f.period, f"{f.period_start} .. {f.period_end} by {c.period_cue}" if f.period_start else ""),
                ("US dollars", f"{f.value_usd:,.0f}" if f.value_usd is not None else "", f.fx_note),
                ("restates", f.same_as, ""),
            ]
            for name, value, why in rows:
                if not value:
                    continue
                because = why if name in ("period", "US dollars") else (f'from "{why}"' if why else "")
                lines.append(f"    {name:<11} {value:<13} {because}".rstrip())
    return "\n".join(lines) if lines else "No figure candidates in this text."
