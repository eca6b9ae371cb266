"""Figures marked in their text: where a figure stands in its sentence, and the HTML of a text, a
sentence or a selection with its figures marked in their kind's colour (escaped, from templates).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from markupsafe import Markup

from dashboard_lib.labels import KIND_COLOURS, OTHER_COLOUR, amount_text, country_name, document_text, flow_text
from dashboard_lib.templates import render


def _stands_alone(sentence: str, start: int, end: int) -> bool:
    """Whether ``sentence[start:end]`` is a whole figure, not part of a longer number or word
    ("5%" in "15%" or "1.5%" is not).

    >>> _stands_alone("rose 15%", 6, 8), _stands_alone("rose 5%.", 5, 7), _stands_alone("1.5 mln", 2, 3)
    (False, True, False)
    """
    before = sentence[start - 1] if start > 0 else " "
    after = sentence[end] if end < len(sentence) else " "
    after_next = sentence[end + 1] if end + 1 < len(sentence) else " "
    if before.isalnum() or before in ".,":
        return False
    return not (after.isalnum() or after == "%" or (after in ".," and after_next.isdigit()))


def locate_in_sentence(sentence: str, surface: str, offset: int = -1, nth: int = 0) -> int:
    """Where ``surface`` starts in ``sentence``: at ``offset`` when the table gives it (the
    ``sentence_offset`` column), else at the ``nth`` place (from 0) where it stands alone, else
    where it first occurs; -1 when the sentence does not hold it.

    >>> s = "Exports rose 15% and imports 5% while tariffs rose 5%."
    >>> locate_in_sentence(s, "5%", offset=51), locate_in_sentence(s, "5%"), locate_in_sentence(s, "5%", nth=1)
    (51, 29, 51)
    >>> locate_in_sentence(s, "9%")
    -1
    """
    if offset >= 0 and sentence.startswith(surface, offset):
        return offset
    if not surface:
        return -1
    places, at = [], sentence.find(surface)
    while at >= 0:
        places.append(at)
        at = sentence.find(surface, at + 1)
    alone = [p for p in places if _stands_alone(sentence, p, p + len(surface))]
    if alone:
        return alone[min(nth, len(alone) - 1)]
    return places[0] if places else -1


@dataclass(frozen=True)
class _Piece:
    text: str
    kind: str | None = None  # None: plain text
    colour: str = ""
    focus: bool = False


def _marked(text: str, spans: list[tuple[int, int, str, bool]]) -> Markup:
    """``text`` with each span (start, end, kind, focus) marked; overlapping or outside spans are skipped."""
    pieces, cursor = [], 0
    for start, end, kind, focus in sorted(spans):
        if start < cursor or start < 0 or end > len(text):
            continue
        pieces.append(_Piece(text[cursor:start]))
        pieces.append(_Piece(text[start:end], kind, KIND_COLOURS.get(kind, OTHER_COLOUR), focus))
        cursor = end
    pieces.append(_Piece(text[cursor:]))
    return Markup(render("marked.html", pieces=pieces))


def highlight(text: str, rows: pd.DataFrame, offset: int = 0, focus: str = "") -> Markup:
    """``text`` as escaped HTML with each figure of ``rows`` (``start``/``end`` relative to
    ``offset``) marked in its kind's colour; the figure ``focus`` (a figure_id) is outlined.

    >>> t = "<b>Exports</b> rose 5% to $2bn."
    >>> rows = pd.DataFrame({"start": [20, 26], "end": [22, 30], "kind": ["percent", "money"], "figure_id": ["a", "b"]})
    >>> str(highlight(t, rows)).startswith("&lt;b&gt;Exports&lt;/b&gt; rose <mark")
    True
    """
    spans = [
        (int(start) - offset, int(end) - offset, str(kind), figure_id == focus)
        for start, end, kind, figure_id in zip(rows["start"], rows["end"], rows["kind"], rows["figure_id"], strict=True)
    ]
    return _marked(text, spans)


def highlight_in_sentence(row: pd.Series, *, outline: bool = True) -> Markup:
    """The figure's sentence with the figure marked (and outlined) where it stands (its
    ``sentence_offset``; see :func:`locate_in_sentence` for tables without one).

    >>> row = pd.Series({"sentence": "<i>Exports</i> rose 5%.", "surface": "5%", "sentence_offset": 20,
    ...                  "kind": "percent", "figure_id": "a"})
    >>> out = str(highlight_in_sentence(row))
    >>> out.startswith("&lt;i&gt;Exports&lt;/i&gt; rose <mark"), out.endswith(">5%</mark>."), "outline" in out
    (True, True, True)
    """
    sentence, surface = str(row["sentence"]), str(row["surface"])
    at = locate_in_sentence(sentence, surface, int(row.get("sentence_offset", -1)))
    return _marked(sentence, [] if at < 0 else [(at, at + len(surface), str(row["kind"]), outline)])


def selection_html(rows: pd.DataFrame) -> str:
    """The figures a chart selection picked, each with its document and its sentence, the figure marked.

    >>> out = selection_html(pd.DataFrame({"surface": ["5%"], "doc_id": ["d"], "sentence": ["<b>Exports</b> rose 5%"],
    ...     "sentence_offset": [20], "kind": ["percent"], "figure_id": ["d:1-3"]}))
    >>> out.startswith("<p><b>Selected figures</b></p><ul><li><b>5%</b> (d): &lt;b&gt;Exports&lt;/b&gt; rose <mark")
    True
    """
    items = [
        {"surface": r["surface"], "doc_id": r["doc_id"], "sentence": highlight_in_sentence(r, outline=False)}
        for _, r in rows.iterrows()
    ]
    return render("selection.html", items=items)


def legend_html() -> str:
    """The colour legend of the marks.

    >>> legend_html().count("<span"), "other" in legend_html()
    (7, True)
    """
    return render("legend.html", colours=[*KIND_COLOURS.items(), ("other", OTHER_COLOUR)])


def paragraph_around(text: str, start: int, end: int) -> tuple[str, int]:
    """The paragraph (between line breaks) that holds ``start``..``end``, and its offset.

    >>> paragraph_around("Title\\n\\nExports rose 5%. Imports fell.\\nNext", 20, 22)
    ('Exports rose 5%. Imports fell.', 7)
    """
    begin = text.rfind("\n", 0, start) + 1
    stop = text.find("\n", end)
    stop = len(text) if stop == -1 else stop
    return text[begin:stop], begin


def figure_context(r: pd.Series) -> list[str]:
    """What was read around a figure, in a few words: role and direction, measure, flow, period,
    value in US dollars.

    >>> figure_context(pd.Series({"role": "change", "direction": "up", "measure": "exports", "exporter": "CHN",
    ...     "importer": "RUS", "countries": "CHN;RUS", "period": "2023", "unit": "EUR", "value_usd": 1.5e9}))
    ['change up', 'exports', 'China → Russia', '2023', '≈ $1.5 billion']
    """
    parts = [" ".join(p for p in (r["role"], r["direction"]) if p), str(r["measure"])]
    if r["exporter"] or r["importer"]:
        parts.append(flow_text(str(r["exporter"]), str(r["importer"])))
    elif r["countries"]:
        parts.append(", ".join(country_name(c) for c in str(r["countries"]).split(";") if c))
    parts.append(str(r["period"]))
    if str(r["unit"]).partition("/")[0] != "USD" and pd.notna(r["value_usd"]):
        parts.append(f"≈ {amount_text(float(r['value_usd']), 'USD')}")
    return [p for p in parts if p]


def figures_html(rows: pd.DataFrame, first: int = 1) -> str:
    """Each figure of ``rows`` in its sentence, marked, with what was read from it (numbered from ``first``)."""
    figures = [
        {
            "sentence": highlight_in_sentence(r, outline=False),  # one mark per sentence: no outline needed
            "surface": r["surface"],
            "value": amount_text(float(r["value"]), str(r["unit"]), 4),
            "context": figure_context(r),
            "doc_id": document_text(str(r["doc_id"]), str(r["title"]), str(r["url"]), str(r["date"])),
        }
        for _, r in rows.iterrows()
    ]
    return render("figures.html", figures=figures, first=first)


def sources_html(heading: str, members: pd.DataFrame, values: list[str], others: list[str]) -> str:
    """The sources of a claim (``members``, earliest first), each figure marked in its sentence;
    ``values`` are the figures' compared values as text; ``others`` the subject's other claims."""
    sources = [
        {
            "doc": r["title"] or r["doc_id"],
            "date": r["date"],
            "surface": r["surface"],
            "value": value,
            "sentence": highlight_in_sentence(r, outline=False),
        }
        for (_, r), value in zip(members.iterrows(), values, strict=True)
    ]
    return render("sources.html", heading=heading, sources=sources, others=others)
