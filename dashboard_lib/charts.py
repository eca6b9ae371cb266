"""Plotly charts of a view. Each chart declares the rows it draws (:data:`SELECTIONS`, applied by
the source in SQL) and draws them as they come; it carries its title, a source line, a note on
approximate figures and what was left out, and an alternative text. Every text reaches Plotly
escaped (:func:`~dashboard_lib.templates.plain` and the hover templates).
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
from markupsafe import Markup

from dashboard_lib.claims import STATUSES, period_label
from dashboard_lib.selections import Selection
from dashboard_lib.source import View, ViewSummary
from dashboard_lib.templates import plain, render, wrapped

# Okabe & Ito's colour-blind-safe palette ("Color Universal Design", 2008), black left out.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#999999")
STATUS_COLOURS = {"disputed": "#D55E00", "agreed": "#009E73", "single source": "#999999"}
TOOL = "Trade-flow figures"
MAX_BARS = 60  # bars per chart; the rest are summarised in the note
TIMELINE_BARS = 2 * MAX_BARS  # timeline rows are thinner
MAX_FLOWS = 40  # links of the flow diagram; more are unreadable
FLOW_EXAMPLES = 5  # sentences listed per flow
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
    "flow_examples": Selection("flows", ("figure_id",), FLOW_EXAMPLES, per=("exporter", "importer")),
}


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    figure: go.Figure
    alt: str
    note: str  # what the marks mean, what was left out
    rows: pd.DataFrame  # the figures drawn, in the chart's order (for selections and reports)


def source_line(summary: ViewSummary, filters_text: str = "") -> str:
    """The line under every chart: which documents, and how the figures were made.

    >>> s = ViewSummary(3, ("a", "b"), 2, {"dated": 3}, pd.DataFrame())
    >>> source_line(s)
    'Source: 2 documents (a, b). Figures extracted from news text by Trade-flow figures.'
    """
    first, count = list(summary.documents), summary.document_count
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
    """A short label with ``digits`` significant digits: 1.2bn USD, 64.2%; a bare count has no unit.

    >>> compact(1.2e9, "USD"), compact(64.2, "percent"), compact(835e6, "EUR"), compact(169.8e9, "count", 4)
    ('1.2bn USD', '64.2%', '835m EUR', '169.8bn')
    """
    unit = "" if unit == "count" else unit
    if unit == "percent":
        return f"{value:g}%"
    if unit in ("percentage_point", "basis_point"):
        return f"{value:g} {'pp' if unit == 'percentage_point' else 'bp'}"
    for size, suffix in ((1e12, "tn"), (1e9, "bn"), (1e6, "m"), (1e3, "k")):
        if abs(value) >= size:
            return f"{value / size:.{digits}g}{suffix} {unit}".strip()
    return f"{value:.{digits}g} {unit}".strip()


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def figure_labels(rows: pd.DataFrame) -> list[str]:
    """What each bar stands for: measure, flow and period (plain text, escaped where drawn).

    >>> figure_labels(pd.DataFrame({"measure": ["exports", ""], "exporter": ["CHN", ""], "importer": ["RUS", ""],
    ...                             "period": ["2023", ""], "kind": ["money", "count"]}))
    ['exports · CHN→RUS · 2023', 'count']
    """
    if rows.empty:
        return []
    measure = rows["measure"].where(rows["measure"] != "", rows["kind"]).astype(str).map(lambda s: _shorten(s, 30))
    has_flow = (rows["exporter"] != "") | (rows["importer"] != "")
    flow = (rows["exporter"].replace("", "?") + "\u2192" + rows["importer"].replace("", "?")).where(has_flow, "")
    period = rows["period"].astype(str).map(lambda s: _shorten(s, 28))
    return [" · ".join(p for p in parts if p) for parts in zip(measure, flow, period, strict=True)]


def _unique_labels(rows: pd.DataFrame) -> list[str]:
    """Bar labels, told apart by the figure's surface where measure, flow and period repeat."""
    labels = figure_labels(rows)
    counts = pd.Series(labels).value_counts()
    repeated = set(counts[counts > 1].index)
    out, seen = [], set()
    for label, surface in zip(labels, rows["surface"], strict=True):
        candidate = f"{label} · {_shorten(str(surface), 24)}" if label in repeated else label
        n = 2
        while candidate in seen:
            candidate, n = f"{candidate} ({n})", n + 1
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
    return [
        figure_hover(surface, value, str(doc_id), sentence)
        for surface, value, doc_id, sentence in zip(rows["surface"], value_text, rows["doc_id"], rows["sentence"], strict=True)
    ]


def _finish(fig: go.Figure, title: str, source: str, note: str, height: int) -> go.Figure:
    lines = textwrap.wrap(source, 95) + textwrap.wrap(note, 95)
    fig.update_layout(
        title={"text": plain(title), "x": 0, "xanchor": "left"},
        height=height,
        margin={"l": 10, "r": 80, "t": 60, "b": 70 + 15 * len(lines)},
        colorway=list(PALETTE),
        hoverlabel={"align": "left"},
        font={"family": "Arial, sans-serif", "size": 13},
        plot_bgcolor="white",
    )
    fig.add_annotation(
        text=render("caption.html", lines=lines),
        xref="paper",
        yref="paper",
        x=1,
        y=0,
        yshift=-50,
        showarrow=False,
        xanchor="right",
        yanchor="top",
        align="right",
        font={"size": 11, "color": "#444"},
    )
    return fig


def _bar_chart(
    rows: pd.DataFrame,
    values: pd.Series,
    unit_of: pd.Series,
    colour_by: pd.Series,
    key: str,
    title: str,
    axis: str,
    source: str,
    notes: list[str],
    alt_subject: str,
) -> Chart:
    labels = _unique_labels(rows)
    shown = [plain(label) for label in labels]
    texts = [f"{mark(q)}{compact(v, u)}" for q, v, u in zip(rows["qualifier"], values, unit_of, strict=True)]
    hovers = _hover(rows, texts)
    err_plus = (rows["value_high"] - rows["value"]).where(rows["qualifier"] == "range").fillna(0).abs()
    err_minus = (rows["value"] - rows["value_low"]).where(rows["qualifier"] == "range").fillna(0).abs()
    scale = (values / rows["value"]).where(rows["value"] != 0).fillna(1.0)  # ranges in the shown unit
    fig = go.Figure()
    for i, group in enumerate(pd.unique(colour_by)):
        pick = (colour_by == group).to_numpy()
        fig.add_trace(
            go.Bar(
                y=[label for label, p in zip(shown, pick, strict=True) if p],
                x=values[pick],
                orientation="h",
                name=plain(group),
                marker_color=PALETTE[i % len(PALETTE)],
                text=[plain(t) for t, p in zip(texts, pick, strict=True) if p],
                textposition="outside",
                cliponaxis=False,
                error_x={
                    "type": "data",
                    "array": (err_plus * scale)[pick],
                    "arrayminus": (err_minus * scale)[pick],
                    "visible": bool((rows["qualifier"][pick] == "range").any()),
                },
                customdata=rows["figure_id"][pick],
                hovertext=[h for h, p in zip(hovers, pick, strict=True) if p],
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    fig.update_yaxes(autorange="reversed", categoryorder="array", categoryarray=shown, title=None)
    fig.update_xaxes(title=plain(axis), gridcolor="#eee")
    if (rows["qualifier"] != "exact").any():
        notes.append("~ approximate, > and \u2265 lower bounds, < and \u2264 upper bounds, error bars span ranges.")
    note = " ".join(notes)
    alt = f"Horizontal bar chart of {len(rows)} {alt_subject}, largest first" + (
        f"; the largest is {labels[0]} at {texts[0]}." if labels else "."
    )
    fig = _finish(fig, title, source, note, height=max(320, 140 + 28 * len(rows)))
    return Chart(key, title, fig, alt, note, rows.assign(label=labels))


def amounts_chart(view: View, *, original_currency: bool = False, filters_text: str = "") -> Chart:
    """Money figures, one bar each, in US dollars (or as written); restatements drawn once."""
    summary, notes = view.summary, []
    if original_currency:
        rows, total = view.rows["amounts_written"], summary.counts["money"]
        values, units, colour = rows["value"], rows["unit"].str.split("/").str[0], rows["unit"]
        axis, title = "amount in the currency written", "Amounts as written"
    else:
        rows, total = view.rows["amounts_usd"], summary.counts["money_usd"]
        if summary.counts["money"] > total:
            notes.append(f"{summary.counts['money'] - total} amount(s) without a US-dollar rate are left out (see fx_note).")
        values, units, colour = rows["value_usd"], pd.Series("USD", index=rows.index), rows["role"].replace("", "level")
        axis, title = "US dollars", "Amounts in US dollars"
    if total > len(rows):
        notes.append(f"The {len(rows)} largest of {total} amounts are shown.")
    return _bar_chart(
        rows, values, units, colour, "amounts", title, axis, source_line(summary, filters_text), notes, "money figures"
    )


def rates_chart(view: View, *, filters_text: str = "") -> Chart:
    """Percent and percentage-point figures: changes (signed by direction) apart from shares and levels."""
    rows, summary = view.rows["rates"], view.summary
    signed = rows["value"].where(rows["direction"] != "down", -rows["value"]).where(rows["role"] == "change", rows["value"])
    group = rows["role"].replace("", "level").where(rows["role"] != "change", "change " + rows["direction"].replace("", "?"))
    notes = []
    if summary.counts["rates"] > len(rows):
        notes.append(f"The {len(rows)} largest of {summary.counts['rates']} rates are shown.")
    notes.append("Changes down are drawn to the left.")
    return _bar_chart(
        rows,
        signed,
        rows["unit"],
        group,
        "rates",
        "Rates and shares",
        "percent or percentage points",
        source_line(summary, filters_text),
        notes,
        "rates and shares",
    )


def flows_chart(view: View, *, filters_text: str = "") -> Chart:
    """Exporter -> importer of money figures in US dollars (Sankey): links summed over the whole
    view; hover lists each link's first figures and their sentences."""
    summary, rows = view.summary, view.rows["flow_examples"]
    examples = {key: group for key, group in rows.groupby(["exporter", "importer"], sort=False)}
    links = summary.flows
    if len(links) > MAX_FLOWS:
        links = links.nlargest(MAX_FLOWS, "value_usd", keep="first").sort_values(["exporter", "importer"])
    exporters = sorted(links["exporter"].unique())
    importers = sorted(links["importer"].unique())
    nodes = [plain(f"{c} (exporter)") for c in exporters] + [plain(f"{c} (importer)") for c in importers]
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
                exporter=exporter,
                importer=importer,
                total=compact(values[-1], "USD"),
                examples=list(group.head(FLOW_EXAMPLES).itertuples()),
                more=max(0, int(figures) - FLOW_EXAMPLES),
            )
        )
    flow_figures = int(links["figures"].sum()) if len(links) else 0
    fig = go.Figure(
        go.Sankey(
            node={"label": nodes, "color": [PALETTE[0]] * len(exporters) + [PALETTE[1]] * len(importers), "pad": 18},
            link={
                "source": sources,
                "target": targets,
                "value": values,
                "customdata": hovers,
                "hovertemplate": "%{customdata}<extra></extra>",
                "color": "rgba(0,114,178,0.35)",
            },
        )
    )
    note = (
        "Only amounts whose sentence states who exported to whom are drawn."
        if flow_figures
        else "No amount in view states a flow."
    )
    if len(summary.flows) > MAX_FLOWS:
        note += f" The {MAX_FLOWS} largest of {len(summary.flows)} flows are drawn."
    title = "Flows between countries (US dollars)"
    alt = f"Flow diagram of {flow_figures} amounts from {len(exporters)} exporter(s) to {len(importers)} importer(s)" + (
        f"; the largest flow is {exporters[sources[values.index(max(values))]]} to "
        f"{importers[targets[values.index(max(values))] - len(exporters)]} at {compact(max(values), 'USD')}."
        if values
        else "."
    )
    fig = _finish(fig, title, source_line(summary, filters_text), note, height=420)
    return Chart("flows", title, fig, alt, note, rows.assign(label=figure_labels(rows)))


def timeline_chart(view: View, *, filters_text: str = "") -> Chart:
    """Each figure placed on its period (start to end); the earliest periods first."""
    rows, summary = view.rows["timeline"], view.summary
    labels = _unique_labels(rows)
    shown = [plain(label) for label in labels]
    texts = [f"{mark(q)}{compact(v, u)}" for q, v, u in zip(rows["qualifier"], rows["value"], rows["unit"], strict=True)]
    hovers = _hover(rows, texts)
    ends = [(date.fromisoformat(e) + timedelta(days=1)).isoformat() for e in rows["period_end"]]
    fig = go.Figure()
    for i, kind in enumerate(pd.unique(rows["kind"])):
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
                marker_color=PALETTE[i % len(PALETTE)],
                text=[plain(t) for t, p in zip(texts, pick, strict=True) if p],
                textposition="inside",
                customdata=rows["figure_id"][pick],
                hovertext=[h for h, p in zip(hovers, pick, strict=True) if p],
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    fig.update_xaxes(type="date", title=None, gridcolor="#eee")
    fig.update_yaxes(autorange="reversed", categoryorder="array", categoryarray=shown, title=None)
    notes = [f"{summary.undated} figure(s) without a dated period are left out."] if summary.undated else []
    if summary.counts["dated"] > len(rows):
        notes.append(f"The {len(rows)} earliest of {summary.counts['dated']} dated figures are shown.")
    note = " ".join(notes)
    title = "Figures on their periods"
    alt = f"Timeline of {len(rows)} figures" + (
        f" from {rows['period_start'].min()} to {rows['period_end'].max()}." if len(rows) else "."
    )
    fig = _finish(fig, title, source_line(summary, filters_text), note, height=max(320, 140 + 26 * len(rows)))
    return Chart("timeline", title, fig, alt, note, rows.assign(label=labels))


def series_chart(members: pd.DataFrame, claims: pd.DataFrame, claim: pd.Series, *, summary: ViewSummary,
                 filters_text: str = "") -> Chart:  # fmt: skip
    """The subject of ``claim`` over time, from the claims' groups: each source's figure on its
    period (one mark per document and claim, coloured by the claim's status) and a line through
    the value of each period's best-supported claim (most documents).

    ``members`` are :meth:`Source.claim_members` of the claim's series (its subject without the
    period); ``claims`` the claims of the view (for their status and support).
    """
    subject, unit = f"{claim['measure']} · {claim['flow']}", str(claim["unit_class"])
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
    fig.update_yaxes(title=plain(unit), gridcolor="#eee")
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
    fig = _finish(fig, title, source_line(summary, filters_text), note, height=460)
    labels = [period_label(s, e) for s, e in zip(marks["period_start"], marks["period_end"], strict=True)]
    return Chart("series", title, fig, alt, note, marks.assign(label=labels))


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
