"""Plotly charts of a view. Each chart declares the rows it draws (:data:`SELECTIONS`, applied by
the source in SQL) and draws them as they come; it carries its title, a source line naming the
documents that gave its figures, a note on approximate figures and what was left out, and an
alternative text. Every text reaches Plotly escaped (:func:`~dashboard_lib.templates.plain` and
the hover templates).

Charts are laid out to be published as they are, at any width: each bar's label stands above the
bar (never cut at the left edge), values are written at the bars' ends instead of on an axis,
titles and source lines are wrapped for a phone, and the source line sits in the bottom margin,
below everything drawn. One axis holds one unit and one measure: bar charts are split into
panels (by currency and measure for amounts, by unit and role for rates); flows are drawn one
period at a time. A chart with nothing to draw says so (:attr:`Chart.empty`).
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
from markupsafe import Markup
from plotly.subplots import make_subplots

from dashboard_lib.claims import STATUSES, normalise_measure, period_label
from dashboard_lib.labels import (
    CLASS_COLOURS,
    PALETTE,
    TOOL,
    amount_text,
    colour_of,
    country_name,
    flow_text,
    names_in,
    source_text,
)
from dashboard_lib.selections import Selection
from dashboard_lib.source import View, ViewSummary
from dashboard_lib.templates import plain, render, wrapped

STATUS_COLOURS = {status: CLASS_COLOURS[status] for status in STATUSES}
MAX_BARS = 60  # bars per chart; the rest are summarised in the note
TIMELINE_BARS = MAX_BARS  # a timeline row is as tall as a bar's (its label above it)
MAX_FLOWS = 40  # links of the flow diagram; more are unreadable
MAX_PANELS = 8  # panels of a bar chart; the rest are summarised in the note
FLOW_EXAMPLES = 5  # sentences listed per flow
# Layout in pixels, chosen so that a 390 px phone shows every label whole.
ROW_PX = 60  # one bar and its label (up to two lines) above it
BAR_PX = 20
PANEL_HEAD_PX = 44  # a panel's title between panels
TITLE_LINE_PX = 24
LEGEND_ROW_PX = 24
CAPTION_LINE_PX = 15
TITLE_CHARS = 40  # title wrapped at this many characters
LABEL_CHARS = 46  # a line of a bar's label (12 px) fits a phone's width; two lines at most
CAPTION_CHARS = 60  # source line and notes (11 px)
_QUALIFIER_MARK = {
    "approx": "~",
    "more_than": ">",
    "at_least": "\u2265",
    "less_than": "<",
    "at_most": "\u2264",
    "range": "\u2194",
}

# What each chart draws, as data: the source selects these rows in SQL, in this order.
SELECTIONS: dict[str, Selection] = {
    "amounts_usd": Selection("money_usd", ("value_usd DESC", "figure_id"), MAX_BARS),
    "amounts_written": Selection("money", ("value DESC", "figure_id"), MAX_BARS),
    "rates": Selection("rates", ("abs(value) DESC", "figure_id"), MAX_BARS),
    "timeline": Selection("dated", ("period_start", "period_end", "figure_id"), TIMELINE_BARS),
    "flow_examples": Selection(
        "flows", ("figure_id",), FLOW_EXAMPLES, per=("period_start", "period_end", "exporter", "importer")
    ),
}


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    figure: go.Figure
    alt: str
    note: str  # what the marks mean, what was left out
    rows: pd.DataFrame  # the figures drawn, in the chart's order (for selections and reports)
    source: str = ""  # the source line: the documents that gave the figures drawn
    empty: str = ""  # why nothing is drawn, when nothing is

    @property
    def labels(self) -> list[str]:
        """The label of every row drawn (whole: a long one is shortened where it is drawn, see
        :func:`label_text`)."""
        return [str(label) for label in self.rows["label"]] if "label" in self.rows else []


def source_line(summary: ViewSummary, filters_text: str = "") -> str:
    """The source line of a view as a whole (its first documents by id), for charts drawn from
    claims, whose rows carry no document titles.

    >>> s = ViewSummary(3, ("a", "b"), 2, {"dated": 3}, pd.DataFrame())
    >>> source_line(s)
    'Source: 2 documents (a, b). Figures extracted from news text by Trade-flow figures.'
    >>> source_line(ViewSummary(0, (), 0, {"dated": 0}, pd.DataFrame()))
    ''
    """
    first, count = list(summary.documents), summary.document_count
    if not count:
        return ""
    shown = ", ".join(first) + (f" and {count - 3} more" if count > 3 else "")
    line = f"Source: {count} document{'s' if count != 1 else ''} ({shown}). Figures extracted from news text by {TOOL}."
    return f"{line} Filters: {filters_text}." if filters_text and filters_text != "all figures" else line


def mark(qualifier: str) -> str:
    """The sign shown before an approximate figure or a bound.

    >>> mark("approx"), mark("exact")
    ('~', '')
    """
    return _QUALIFIER_MARK.get(qualifier, "")


def compact(value: float, unit: str = "", digits: int = 3) -> str:
    """A figure with its unit as people read it (:func:`~dashboard_lib.labels.amount_text`).

    >>> compact(1.2e9, "USD"), compact(64.2, "percent"), compact(835e6, "EUR"), compact(169.8e9, "count", 4)
    ('$1.2 billion', '64.2%', '€835 million', '169.8 billion')
    """
    return amount_text(value, unit, digits)


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def figure_labels(rows: pd.DataFrame) -> list[str]:
    """What each bar stands for: measure, flow (country names) and period (plain text, escaped where drawn).

    >>> figure_labels(pd.DataFrame({"measure": ["exports", ""], "exporter": ["CHN", ""], "importer": ["RUS", ""],
    ...                             "period": ["2023", ""], "kind": ["money", "count"]}))
    ['exports · China → Russia · 2023', 'count']
    """
    if rows.empty:
        return []
    measure = rows["measure"].where(rows["measure"] != "", rows["kind"]).astype(str).map(lambda s: _shorten(s, 30))
    flow = [flow_text(str(e), str(i)) for e, i in zip(rows["exporter"], rows["importer"], strict=True)]
    period = rows["period"].astype(str).map(lambda s: _shorten(s, 28))
    return [" · ".join(p for p in parts if p) for parts in zip(measure, flow, period, strict=True)]


def _unique_labels(rows: pd.DataFrame) -> list[str]:
    """Bar labels, told apart by the figure's surface where measure, flow and period repeat
    (then by the document, then by a number)."""
    labels = figure_labels(rows)
    counts = pd.Series(labels, dtype=str).value_counts()
    repeated = set(counts[counts > 1].index)
    out, seen = [], set()
    for label, surface, doc_id in zip(labels, rows["surface"], rows["doc_id"], strict=True):
        candidate = f"{label} · “{_shorten(str(surface), 24)}”" if label in repeated else label
        if candidate in seen:
            candidate = f"{candidate} · {_shorten(str(doc_id), 16)}"
        n = 2
        base = candidate
        while candidate in seen:
            candidate, n = f"{base} · {n}", n + 1
        seen.add(candidate)
        out.append(candidate)
    return out


# Plotly's hover label of one figure (Plotly renders it as HTML): a MarkupSafe template, which
# escapes every value it is given; used per point, where a Jinja render would cost ten times more.
_FIGURE_HOVER = Markup("<b>{surface}</b> = {value}<br>{source}<br><br>{sentence}")


def figure_hover(surface: object, value: str, source: str, sentence: object) -> str:
    """The hover label of one figure, every text escaped.

    >>> figure_hover("<b>5%</b>", "5%", "doc · 2023", "Exports <rose> 5%.")
    '<b>&lt;b&gt;5%&lt;/b&gt;</b> = 5%<br>doc · 2023<br><br>Exports &lt;rose&gt; 5%.'
    """
    return str(_FIGURE_HOVER.format(surface=surface, value=value, source=source, sentence=wrapped(sentence)))


def _hover(rows: pd.DataFrame, value_text: list[str]) -> list[str]:
    titles = rows["title"] if "title" in rows else pd.Series("", index=rows.index)
    return [
        figure_hover(surface, value, str(title or doc_id), sentence)
        for surface, value, doc_id, title, sentence in zip(
            rows["surface"], value_text, rows["doc_id"], titles, rows["sentence"], strict=True
        )
    ]


def label_text(label: str) -> str:
    """A bar's label as drawn above it: escaped, wrapped on two lines at most (a phone's width).

    >>> label_text("imports of machine tools · China → Russia · the last quarter of 2023 · “900 million dollars”")
    'imports of machine tools · China → Russia ·<br>the last quarter of 2023 · “900 million dolla…'
    """
    lines = _lines(label, LABEL_CHARS)
    if len(lines) > 2:
        lines = [lines[0], _shorten(" ".join(lines[1:]), LABEL_CHARS)]
    return "<br>".join(plain(line) for line in lines)


def value_texts(rows: pd.DataFrame, values: pd.Series, units: pd.Series) -> list[str]:
    """Each figure's value as written at its bar: its mark (~, >…), a range whole.

    >>> rows = pd.DataFrame({"qualifier": ["approx", "range"], "value": [9e8, 25.0], "value_low": [9e8, 20.0],
    ...                      "value_high": [9e8, 30.0]})
    >>> value_texts(rows, rows["value"], pd.Series(["USD", "percent"]))
    ['~$900 million', '20% to 30%']
    """
    texts = []
    scale = (values / rows["value"]).where(rows["value"] != 0).fillna(1.0)  # ranges in the shown unit
    for i in range(len(rows)):
        unit = str(units.iloc[i])
        if rows["qualifier"].iloc[i] == "range":
            low, high = sorted((rows["value_low"].iloc[i] * scale.iloc[i], rows["value_high"].iloc[i] * scale.iloc[i]))
            texts.append(f"{amount_text(low, unit)} to {amount_text(high, unit)}")
        else:
            texts.append(f"{mark(str(rows['qualifier'].iloc[i]))}{amount_text(float(values.iloc[i]), unit)}")
    return texts


def _lines(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width, break_long_words=True, break_on_hyphens=False) if text else []


def _legend_rows(names: list[str]) -> int:
    """Rows a horizontal legend takes at a phone's width (about 340 px for its items)."""
    if len(names) < 2:
        return 0
    width = sum(40 + 7 * len(name) for name in names)
    return max(1, math.ceil(width / 340))


def _frame(
    fig: go.Figure,
    title: str,
    caption: str,
    *,
    legend: list[str],
    plot_px: int,
    ticks_px: int,
    notes: list[dict[str, Any]] | None = None,
    shapes: list[dict[str, Any]] | None = None,
) -> go.Figure:
    """Title and legend above the plot, the source line and notes below it (in the margin, clear
    of the axis), heights in pixels so that nothing overlaps at any width. ``notes`` (annotations)
    and ``shapes`` are set in one go: Plotly checks the whole list again on every one added."""
    title_lines = _lines(title, TITLE_CHARS)
    caption_lines = _lines(caption, CAPTION_CHARS)
    legend_rows = _legend_rows(legend)
    top = 14 + TITLE_LINE_PX * len(title_lines) + LEGEND_ROW_PX * legend_rows + 26
    bottom = ticks_px + 12 + CAPTION_LINE_PX * len(caption_lines) + 10
    height = top + plot_px + bottom
    fig.update_layout(
        title={"text": "<br>".join(plain(line) for line in title_lines), "x": 0, "xanchor": "left", "xref": "paper",
               "y": 1 - (10 + 22 * (len(title_lines) - 1)) / height, "yanchor": "top", "yref": "container", "font": {"size": 18}},
        height=height,
        autosize=True,
        margin={"l": 12, "r": 16, "t": top, "b": bottom, "autoexpand": False},
        hoverlabel={"align": "left"},
        font={"family": "Arial, sans-serif", "size": 12, "color": "#222"},
        plot_bgcolor="white",
        paper_bgcolor="white",
        showlegend=legend_rows > 0,
        legend={"orientation": "h", "x": 0, "xanchor": "left", "y": 1 - (14 + TITLE_LINE_PX * len(title_lines)) / height,
                "yanchor": "top", "yref": "container", "title": {"text": ""}, "font": {"size": 12}},
    )  # fmt: skip
    annotations = [*fig.layout.annotations, *(notes or [])]
    if caption_lines:
        annotations.append(
            {"text": render("caption.html", lines=caption_lines), "xref": "paper", "yref": "paper", "x": 0, "y": 0,
             "yshift": -(ticks_px + 8), "showarrow": False, "xanchor": "left", "yanchor": "top", "align": "left",
             "font": {"size": 11, "color": "#444"}}
        )  # fmt: skip
    fig.update_layout(annotations=annotations, shapes=[*fig.layout.shapes, *(shapes or [])])
    return fig


def empty_chart(key: str, title: str, message: str, rows: pd.DataFrame) -> Chart:
    """A chart with nothing to draw: its title and a plain message, no axes.

    >>> chart = empty_chart("amounts", "Amounts", "No amounts match the filters.", pd.DataFrame())
    >>> chart.empty, len(chart.figure.data)
    ('No amounts match the filters.', 0)
    """
    fig = go.Figure()
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    fig.add_annotation(text=plain(message), xref="paper", yref="paper", x=0, y=0.5, xanchor="left", showarrow=False,
                       font={"size": 14, "color": "#444"})  # fmt: skip
    _frame(fig, title, "", legend=[], plot_px=120, ticks_px=0)
    return Chart(key, title, fig, f"{title}: {message}", message, rows.assign(label=[""] * len(rows)), "", message)


@dataclass(frozen=True)
class _Panel:
    title: str
    pick: pd.Series  # which rows of the chart


def _bars(
    rows: pd.DataFrame,
    values: pd.Series,
    units: pd.Series,
    classes: pd.Series,
    panels: list[_Panel],
    key: str,
    title: str,
    source: str,
    told: list[str],
    alt_subject: str,
) -> Chart:
    """Horizontal bars in panels, one unit and measure per panel; each bar's label above it,
    its value at its end; colour by class (fixed across views)."""
    labels = _unique_labels(rows)
    texts = value_texts(rows, values, units)
    hovers = _hover(rows, texts)
    sizes = [int(p.pick.sum()) for p in panels]
    plot_px = sum(ROW_PX * n + ROW_PX // 3 for n in sizes) + PANEL_HEAD_PX * (len(panels) - 1)
    fig = make_subplots(rows=len(panels), cols=1, row_heights=[n + 1 / 3 for n in sizes],
                        vertical_spacing=PANEL_HEAD_PX / plot_px if len(panels) > 1 else 0)  # fmt: skip
    legend_seen: set[str] = set()
    order = list(pd.unique(classes))
    notes: list[dict[str, Any]] = []
    shapes: list[dict[str, Any]] = []
    for number, panel in enumerate(panels, start=1):
        pick = panel.pick.to_numpy()
        panel_labels = [plain(label) for label, p in zip(labels, pick, strict=True) if p]
        for name in order:
            chosen = pick & (classes == name).to_numpy()
            if not chosen.any():
                continue
            fig.add_trace(
                go.Bar(
                    y=[plain(label) for label, p in zip(labels, chosen, strict=True) if p],
                    x=values[chosen],
                    orientation="h",
                    name=plain(name),
                    legendgroup=plain(name),
                    showlegend=name not in legend_seen,
                    marker_color=colour_of(name),
                    text=[plain(t) for t, p in zip(texts, chosen, strict=True) if p],
                    textposition="outside",
                    cliponaxis=False,
                    textfont={"size": 12, "color": "#222"},
                    customdata=rows["figure_id"][chosen],
                    hovertext=[h for h, p in zip(hovers, chosen, strict=True) if p],
                    hovertemplate="%{hovertext}<extra></extra>",
                ),
                row=number,
                col=1,
            )
            legend_seen.add(name)
        low, high = min(0.0, float(values[pick].min())), max(0.0, float(values[pick].max()))
        span = (high - low) or 1.0
        # room for the value written at each bar's end, on the side the bars point to
        fig.update_xaxes(range=[low - (0.6 * span if low < 0 else 0), high + (0.6 * span if high > 0 else 0)],
                         visible=False, fixedrange=True, row=number, col=1)  # fmt: skip
        n = len(panel_labels)
        fig.update_yaxes(type="category", categoryorder="array", categoryarray=panel_labels, range=[n - 0.5, -5 / 6],
                         showticklabels=False, ticks="", showgrid=False, fixedrange=True, row=number, col=1)  # fmt: skip
        axis = "" if number == 1 else str(number)
        for label, raw in zip(panel_labels, [lb for lb, p in zip(labels, pick, strict=True) if p], strict=True):
            # the label above its bar, from the panel's left edge
            notes.append({"text": label_text(raw), "xref": f"x{axis} domain", "x": 0, "xanchor": "left",
                          "yref": f"y{axis}", "y": label, "yshift": BAR_PX // 2 + 1, "yanchor": "bottom",
                          "showarrow": False, "font": {"size": 12}, "align": "left"})  # fmt: skip
        notes.append({"text": f"<b>{plain(panel.title)}</b>", "xref": f"x{axis} domain", "x": 0, "xanchor": "left",
                      "yref": f"y{axis} domain", "y": 1, "yshift": 6, "yanchor": "bottom", "showarrow": False,
                      "font": {"size": 13}})  # fmt: skip
        shapes.append({"type": "line", "xref": f"x{axis}", "x0": 0, "x1": 0, "yref": f"y{axis} domain", "y0": 0,
                       "y1": 1, "line": {"color": "#888", "width": 1}})  # fmt: skip
    fig.update_layout(bargap=1 - BAR_PX / ROW_PX, barmode="overlay")
    if (rows["qualifier"] != "exact").any():
        told.append("~ approximate, > and \u2265 lower bounds, < and \u2264 upper bounds; a range is drawn to its middle.")
    note = " ".join(told)
    caption = " ".join(c for c in (source, note) if c)
    _frame(fig, title, caption, legend=order, plot_px=plot_px, ticks_px=0, notes=notes, shapes=shapes)
    panels_text = f" in {len(panels)} panels ({'; '.join(p.title for p in panels)})" if len(panels) > 1 else ""
    alt = f"Horizontal bar chart of {len(rows)} {alt_subject}{panels_text}, largest first" + (
        f"; the largest is {labels[0]} at {texts[0]}." if labels else "."
    )
    return Chart(key, title, fig, alt, note, rows.assign(label=labels), source)


def _panels(
    rows: pd.DataFrame, keys: pd.Series, titles: dict[Any, str], notes: list[str], what: str
) -> tuple[pd.DataFrame, list[_Panel]]:
    """Rows grouped into panels by ``keys`` (most figures first, then the largest), at most
    :data:`MAX_PANELS`; rows of the panels left out are dropped and counted in ``notes``."""
    order = list(keys.value_counts(sort=False).index)
    first_place = {k: i for i, k in reversed(list(enumerate(keys)))}
    order.sort(key=lambda k: (-int((keys == k).sum()), first_place[k]))
    kept = order[:MAX_PANELS]
    if len(order) > MAX_PANELS:
        dropped = int((~keys.isin(kept)).sum())
        notes.append(f"{dropped} {what} in {len(order) - MAX_PANELS} other panel(s) are left out; filter to see them.")
    keep = keys.isin(kept).to_numpy()
    rows, keys = rows[keep].reset_index(drop=True), keys[keep].reset_index(drop=True)
    return rows, [_Panel(titles[k], keys == k) for k in kept]


def _measure_panels(rows: pd.DataFrame, units: pd.Series, unit_names: pd.Series) -> tuple[pd.Series, dict[Any, str]]:
    """Panel keys (unit, normalised measure) and titles ("exports · US dollars")."""
    measures = rows["measure"].astype(str)
    keys = pd.Series(list(zip(units, measures.map(normalise_measure), strict=True)), index=rows.index, dtype=object)
    titles: dict[Any, str] = {}
    for key, measure, unit_name in zip(keys, measures, unit_names, strict=True):
        titles.setdefault(key, f"{_shorten(measure, 36) or 'measure not stated'} · {unit_name}")
    return keys, titles


def _unit_name(unit: str) -> str:
    """A unit as a panel's title names it.

    >>> _unit_name("USD"), _unit_name("JPY"), _unit_name("USD/barrel"), _unit_name("percent")
    ('US dollars', 'JPY', 'US dollars per barrel', 'percent')
    """
    money, _, per = unit.partition("/")
    name = {"USD": "US dollars", "percentage_point": "percentage points", "EUR": "euros"}.get(money, money)
    return f"{name} per {per}" if per else name


def amounts_chart(view: View, *, original_currency: bool = False, filters_text: str = "") -> Chart:
    """Money figures, one bar each, in US dollars (or as written: one currency per panel), a
    panel per measure; restatements drawn once."""
    summary, notes = view.summary, []
    if original_currency:
        rows, total = view.rows["amounts_written"], summary.counts["money"]
        title, units = "Amounts in the currency written", rows["unit"].astype(str)
    else:
        rows, total = view.rows["amounts_usd"], summary.counts["money_usd"]
        if summary.counts["money"] > total:
            notes.append(f"{summary.counts['money'] - total} amount(s) without a US-dollar rate are left out (see fx_note).")
        title = "Amounts in US dollars"
        units = rows["unit"].astype(str).map(lambda u: "USD" + u[u.index("/") :] if "/" in u else "USD")
    if rows.empty:
        return empty_chart("amounts", title, "No amounts match the filters.", rows)
    if total > len(rows):
        notes.append(f"The {len(rows)} largest of {total} amounts are shown.")
    keys, titles = _measure_panels(rows, units, units.map(_unit_name))
    rows, panels = _panels(rows.assign(shown_unit=units), keys, titles, notes, "amounts")
    values = rows["value"] if original_currency else rows["value_usd"]
    classes = rows["role"].replace("", "level")
    subject = "money figures" + ("" if original_currency else " in US dollars")
    return _bars(
        rows, values, rows["shown_unit"], classes, panels, "amounts", title, source_text(rows, filters_text), notes, subject
    )


_RATE_GROUPS = {"change": "changes", "share": "shares", "level": "levels and rates"}


def rates_chart(view: View, *, filters_text: str = "") -> Chart:
    """Percent and percentage-point figures, a panel per unit and role (changes apart from shares
    apart from levels such as tariff rates); changes down are drawn to the left."""
    rows, summary = view.rows["rates"], view.summary
    title = "Rates and shares"
    if rows.empty:
        return empty_chart("rates", title, "No rates or shares match the filters.", rows)
    notes = []
    if summary.counts["rates"] > len(rows):
        notes.append(f"The {len(rows)} largest of {summary.counts['rates']} rates are shown.")
    role = rows["role"].replace("", "level").where(rows["role"].isin(list(_RATE_GROUPS)), "level")
    keys = pd.Series(list(zip(rows["unit"].astype(str), role, strict=True)), index=rows.index, dtype=object)
    titles = {k: f"{_RATE_GROUPS[k[1]].capitalize()} · {_unit_name(k[0])}" for k in keys}
    rows, panels = _panels(rows, keys, titles, notes, "rates")
    signed = rows["value"].where(rows["direction"] != "down", -rows["value"]).where(rows["role"] == "change", rows["value"])
    classes = rows["role"].replace("", "level").where(rows["role"] != "change", "change " + rows["direction"].replace("", "?"))
    if (rows["role"] == "change").any():
        notes.append("Changes down are drawn to the left.")
    return _bars(rows, signed, rows["unit"].astype(str), classes, panels, "rates", title,
                 source_text(rows, filters_text), notes, "rates and shares")  # fmt: skip


def flow_periods(summary: ViewSummary) -> list[str]:
    """The periods of the view's flows, the one with most figures first (then the latest);
    "" is a flow whose period is not stated.

    >>> flows = pd.DataFrame({"period_start": ["2022-01-01", "2023-01-01", ""],
    ...                       "period_end": ["2022-12-31", "2023-12-31", ""], "exporter": ["CHN"] * 3,
    ...                       "importer": ["RUS"] * 3, "value_usd": [1.0, 2.0, 3.0], "figures": [1, 1, 2]})
    >>> flow_periods(ViewSummary(4, (), 1, {}, flows))
    ['', '2023', '2022']
    """
    flows = summary.flows
    if flows.empty:
        return []
    by = flows.groupby(["period_start", "period_end"], sort=False)["figures"].sum().reset_index()
    by = by.sort_values(["figures", "period_end", "period_start"], ascending=[False, False, False], kind="stable")
    return [period_label(s, e) if s else "" for s, e in zip(by["period_start"], by["period_end"], strict=True)]


def flows_chart(view: View, *, period: str | None = None, filters_text: str = "") -> Chart:
    """Exporter -> importer of money figures in US dollars (Sankey) over one period (``period``, a
    label of :func:`flow_periods`; the one with most figures by default): figures of different
    periods are never added. Hover lists each link's first figures and their sentences."""
    summary = view.summary
    periods = flow_periods(summary)
    chosen = period if period in periods else (periods[0] if periods else "")
    labels_of = [
        period_label(s, e) if s else "" for s, e in zip(summary.flows["period_start"], summary.flows["period_end"], strict=True)
    ]
    links = summary.flows[[label == chosen for label in labels_of]] if periods else summary.flows
    rows = view.rows["flow_examples"]
    row_labels = [period_label(s, e) if s else "" for s, e in zip(rows["period_start"], rows["period_end"], strict=True)]
    rows = rows[[label == chosen for label in row_labels]].reset_index(drop=True)
    shown_period = chosen or "period not stated"
    title = f"Flows between countries, {shown_period} (US dollars)"
    if links.empty:
        return empty_chart("flows", "Flows between countries", "No amount in view states who traded with whom.", rows)
    examples = {key: group for key, group in rows.groupby(["exporter", "importer"], sort=False)}
    all_links = len(links)
    if len(links) > MAX_FLOWS:
        links = links.nlargest(MAX_FLOWS, "value_usd", keep="first").sort_values(["exporter", "importer"])
    exporters = sorted(links["exporter"].unique())
    importers = sorted(links["importer"].unique())
    sent = links.groupby("exporter")["value_usd"].sum()
    received = links.groupby("importer")["value_usd"].sum()
    nodes = [plain(f"{country_name(c)} {amount_text(float(sent[c]), 'USD')}") for c in exporters] + [
        plain(f"{country_name(c)} {amount_text(float(received[c]), 'USD')}") for c in importers
    ]
    sources: list[int] = []
    targets: list[int] = []
    values: list[float] = []
    hovers: list[str] = []
    for exporter, importer, total, figures in zip(
        links["exporter"], links["importer"], links["value_usd"], links["figures"], strict=True
    ):
        sources.append(exporters.index(exporter))
        targets.append(len(exporters) + importers.index(importer))
        values.append(float(total))
        group = examples.get((exporter, importer), rows.iloc[:0])
        hovers.append(
            render(
                "flow_hover.html",
                exporter=country_name(exporter),
                importer=country_name(importer),
                total=amount_text(values[-1], "USD"),
                examples=list(group.head(FLOW_EXAMPLES).itertuples()),
                more=max(0, int(figures) - FLOW_EXAMPLES),
            )
        )
    flow_figures = int(links["figures"].sum())
    fig = go.Figure(
        go.Sankey(
            node={"label": nodes, "color": [PALETTE[0]] * len(exporters) + [PALETTE[1]] * len(importers), "pad": 18,
                  "hovertemplate": "%{label}<extra></extra>"},
            link={"source": sources, "target": targets, "value": values, "customdata": hovers,
                  "hovertemplate": "%{customdata}<extra></extra>", "color": "rgba(0,114,178,0.35)"},
            textfont={"size": 12, "color": "#222"},
        )
    )  # fmt: skip
    notes = [f"Exporters on the left, importers on the right; amounts of {shown_period} only, summed per pair of countries."]
    if len(periods) > 1:
        notes.append(f"{len(periods) - 1} other period(s) have flows; pick one to see it.")
    if all_links > MAX_FLOWS:
        notes.append(f"The {MAX_FLOWS} largest of {all_links} flows are drawn.")
    note = " ".join(notes)
    source = source_text(rows, filters_text)
    _frame(
        fig, title, f"{source} {note}".strip(), legend=[], plot_px=max(260, 34 * max(len(exporters), len(importers))), ticks_px=0
    )
    biggest = values.index(max(values))
    alt = (
        f"Flow diagram of {flow_figures} amounts of {shown_period} from {len(exporters)} exporter(s) to "
        f"{len(importers)} importer(s); the largest flow is {country_name(exporters[sources[biggest]])} to "
        f"{country_name(importers[targets[biggest] - len(exporters)])} at {amount_text(values[biggest], 'USD')}."
    )
    return Chart("flows", title, fig, alt, note, rows.assign(label=figure_labels(rows)), source)


def timeline_chart(view: View, *, filters_text: str = "") -> Chart:
    """Each figure placed on its period (start to end); the earliest periods first; each bar's
    label above it."""
    rows, summary = view.rows["timeline"], view.summary
    title = "Figures on their periods"
    if rows.empty:
        return empty_chart("timeline", title, "No figure in view has a dated period.", rows)
    labels = _unique_labels(rows)
    shown = [plain(label) for label in labels]
    texts = value_texts(rows, rows["value"], rows["unit"])
    hovers = _hover(rows, texts)
    ends = [(date.fromisoformat(e) + timedelta(days=1)).isoformat() for e in rows["period_end"]]
    fig = go.Figure()
    kinds = [str(k) for k in pd.unique(rows["kind"])]
    for kind in kinds:
        pick = (rows["kind"] == kind).to_numpy()
        starts = pd.to_datetime(rows["period_start"][pick])
        durations = pd.to_datetime(pd.Series(ends, index=rows.index)[pick]) - starts
        fig.add_trace(
            go.Bar(
                base=starts,
                x=durations.dt.total_seconds() * 1000,
                y=[label for label, p in zip(shown, pick, strict=True) if p],
                orientation="h",
                name=plain(kind),
                marker_color=colour_of(kind),
                text=[plain(t) for t, p in zip(texts, pick, strict=True) if p],
                textposition="auto",  # inside a bar wide enough, after it otherwise
                insidetextanchor="start",
                insidetextfont={"size": 11, "color": "white"},
                outsidetextfont={"size": 11, "color": "#222"},
                constraintext="none",
                cliponaxis=False,
                customdata=rows["figure_id"][pick],
                hovertext=[h for h, p in zip(hovers, pick, strict=True) if p],
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    first, last = pd.Timestamp(rows["period_start"].min()), pd.Timestamp(max(ends))
    pad = max((last - first) / 40, pd.Timedelta(days=2))
    fig.update_xaxes(type="date", range=[first - pad, last + pad], title=None, gridcolor="#eee", fixedrange=True,
                     nticks=6, automargin=False)  # fmt: skip
    fig.update_yaxes(type="category", categoryorder="array", categoryarray=shown, range=[len(shown) - 0.5, -5 / 6],
                     showticklabels=False, showgrid=False, fixedrange=True)  # fmt: skip
    above = [
        {"text": label_text(raw), "xref": "x domain", "x": 0, "xanchor": "left", "yref": "y", "y": label,
         "yshift": BAR_PX // 2 + 1, "yanchor": "bottom", "showarrow": False, "font": {"size": 12}, "align": "left"}
        for label, raw in zip(shown, labels, strict=True)
    ]  # fmt: skip
    fig.update_layout(bargap=1 - BAR_PX / ROW_PX, barmode="overlay")
    notes = [f"{summary.undated} figure(s) without a dated period are left out."] if summary.undated else []
    if summary.counts["dated"] > len(rows):
        notes.append(f"The {len(rows)} earliest of {summary.counts['dated']} dated figures are shown.")
    note = " ".join(notes)
    source = source_text(rows, filters_text)
    _frame(fig, title, f"{source} {note}".strip(), legend=kinds, plot_px=ROW_PX * len(rows) + ROW_PX // 3, ticks_px=26,
           notes=above)  # fmt: skip
    alt = f"Timeline of {len(rows)} figures from {rows['period_start'].min()} to {rows['period_end'].max()}."
    return Chart("timeline", title, fig, alt, note, rows.assign(label=labels), source)


def series_chart(members: pd.DataFrame, claims: pd.DataFrame, claim: pd.Series, *, summary: ViewSummary,
                 filters_text: str = "") -> Chart:  # fmt: skip
    """The subject of ``claim`` over time, from the claims' groups: each source's figure on its
    period (one mark per document and claim, coloured by the claim's status) and a line through
    the value of each period's best-supported claim (most documents).

    ``members`` are :meth:`Source.claim_members` of the claim's series (its subject without the
    period); ``claims`` the claims of the view (for their status and support).
    """
    subject, unit = f"{claim['measure']} · {names_in(str(claim['flow']))}", str(claim["unit_class"])
    claims = claims.set_index("claim_id")
    marks = members.drop_duplicates(["claim_id", "doc_id"]).copy()
    marks["status"] = marks["claim_id"].map(claims["status"]).fillna("single source")
    marks["when"] = _midpoints(marks["period_start"], marks["period_end"])
    periods_of = [period_label(str(s), str(e)) for s, e in zip(marks["period_start"], marks["period_end"], strict=True)]
    sources_of = [
        f"{doc_id}{f' ({day})' if day else ''} · {period}"
        for doc_id, day, period in zip(marks["doc_id"], marks["date"], periods_of, strict=True)
    ]
    values_of = [compact(float(amount), unit, 4) for amount in marks["amount"]]
    marks["hover"] = [
        figure_hover(surface, value, source, sentence)
        for surface, value, source, sentence in zip(marks["surface"], values_of, sources_of, marks["sentence"], strict=True)
    ]
    fig = px.scatter(
        marks,
        x="when",
        y="amount",
        color="status",
        color_discrete_map=STATUS_COLOURS,
        category_orders={"status": list(STATUSES)},
        custom_data=["figure_id", "hover"],
    )
    fig.update_traces(marker={"size": 11, "opacity": 0.8, "line": {"width": 1, "color": "white"}},
                      hovertemplate="%{customdata[1]}<extra></extra>")  # fmt: skip
    mine = claims[claims.index.isin(marks["claim_id"])].reset_index()
    best = mine.sort_values(["documents", "figures"], ascending=False, kind="stable").drop_duplicates(
        ["period_start", "period_end"]
    )
    best = best.assign(when=_midpoints(best["period_start"], best["period_end"])).sort_values("when")
    if len(best) > 1:
        fig.add_trace(go.Scatter(x=best["when"], y=best["value"], mode="lines", name="best-supported claim",
                                 line={"color": "#444", "width": 1.5, "dash": "dot"}, hoverinfo="skip"))  # fmt: skip
    fig.update_xaxes(title=None, gridcolor="#eee")
    fig.update_yaxes(gridcolor="#eee")
    fig.update_layout(legend_title_text="")
    periods = marks[["period_start", "period_end"]].drop_duplicates()
    documents = marks["doc_id"].nunique()
    title = f"{subject} over time"
    note = (
        f"One mark per document and claim: {len(marks)} marks from {documents} document(s) over {len(periods)} period(s). "
        "Colour: the claim's status (disputed: the sources disagree beyond the tolerance)."
    )
    alt = f"Scatter chart of {title}: {len(marks)} figures from {documents} document(s)" + (
        f" from {period_label(*periods.iloc[0])} to {period_label(*periods.iloc[-1])}." if len(periods) else "."
    )
    source = source_text(marks, filters_text) if "title" in marks else source_line(summary, filters_text)
    fig.update_yaxes(title=None, automargin=True, tickformat="~s")
    fig.update_xaxes(automargin=True)
    _frame(fig, title, f"{source} {note}", legend=list(pd.unique(marks["status"])), plot_px=320, ticks_px=26)
    fig.update_layout(
        margin={"l": 56, "autoexpand": True}, title_text=f"{fig.layout.title.text}<br><sup>{plain(_unit_name(unit))}</sup>"
    )
    labels = [period_label(s, e) for s, e in zip(marks["period_start"], marks["period_end"], strict=True)]
    return Chart("series", title, fig, alt, note, marks.assign(label=labels), source)


def _midpoints(starts: pd.Series, ends: pd.Series) -> pd.Series:
    first, last = pd.to_datetime(starts), pd.to_datetime(ends)
    return first + (last - first) / 2


def selected_ids(selection: object) -> list[str]:
    """The figure ids of the points a Streamlit chart selection holds (their first ``customdata``).

    >>> selected_ids({"selection": {"points": [{"customdata": "d:1-4"}, {"customdata": ["d:9-12", "x"]}]}})
    ['d:1-4', 'd:9-12']
    """
    points: list[Any] = []
    if isinstance(selection, dict):
        points = (selection.get("selection") or {}).get("points") or []
    else:
        points = getattr(getattr(selection, "selection", None), "points", None) or []
    out = []
    for point in points:
        data = point.get("customdata") if isinstance(point, dict) else None
        if isinstance(data, list):
            data = data[0] if data else None
        if data:
            out.append(str(data))
    return out
