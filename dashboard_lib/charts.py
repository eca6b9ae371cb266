"""Plotly charts of the tidy table. Every chart carries its title, a source line, a note on
approximate figures and an alternative text; document text is escaped wherever it reaches HTML.
"""

from __future__ import annotations

import html
import textwrap
from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd
import plotly.graph_objects as go

# Okabe & Ito's colour-blind-safe palette ("Color Universal Design", 2008), black left out.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#999999")
TOOL = "Trade-flow figures"
MAX_BARS = 60  # bars per chart; the rest are summarised in the note
TIMELINE_BARS = 2 * MAX_BARS  # timeline rows are thinner
MAX_FLOWS = 40  # links of the flow diagram; more are unreadable
_QUALIFIER_MARK = {
    "approx": "~",
    "more_than": ">",
    "at_least": "\u2265",
    "less_than": "<",
    "at_most": "\u2264",
    "range": "\u2194",
}


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    figure: go.Figure
    alt: str
    note: str  # what the marks mean, what was left out
    rows: pd.DataFrame  # the figures drawn, in the chart's order (for selections and reports)


@dataclass(frozen=True)
class ViewSummary:
    """Counts and sums over every figure in view, which the charts' notes and the flow diagram
    need even when only the drawn rows are at hand (a big dataset filtered in DuckDB)."""

    figures: int
    documents: tuple[str, ...]  # the first three document ids, sorted
    document_count: int
    money: int  # money figures, restatements left out
    money_usd: int  # of which with a US-dollar value
    rates: int
    undated: int
    flows: pd.DataFrame  # exporter, importer, value_usd (sum), figures (count)

    @classmethod
    def of(cls, frame: pd.DataFrame) -> ViewSummary:
        """The summary of a table held in memory.

        >>> ViewSummary.of(pd.DataFrame({"doc_id": ["a"], "kind": ["money"], "same_as": [""], "value_usd": [5.0],
        ...     "exporter": ["CHN"], "importer": ["RUS"], "period_start": [""]})).flows.values.tolist()
        [['CHN', 'RUS', 5.0, 1]]
        """
        docs = sorted(frame["doc_id"].astype(str).unique()) if len(frame) else []
        money = frame[(frame["kind"] == "money") & (frame["same_as"].fillna("") == "")]
        with_usd = money[money["value_usd"].notna()]
        flowing = with_usd[(with_usd["exporter"] != "") & (with_usd["importer"] != "")]
        flows = (
            flowing.groupby(["exporter", "importer"], sort=True)["value_usd"]
            .agg(value_usd="sum", figures="count")
            .reset_index()
            .astype({"exporter": str, "importer": str, "value_usd": float, "figures": int})
        )
        return cls(
            figures=len(frame),
            documents=tuple(docs[:3]),
            document_count=len(docs),
            money=len(money),
            money_usd=len(with_usd),
            rates=int(frame["kind"].isin(["percent", "percentage_point"]).sum()),
            undated=int((frame["period_start"] == "").sum()),
            flows=flows,
        )


def escape_sentence(sentence: str, width: int = 90) -> str:
    """A sentence made safe for Plotly's hover HTML and wrapped into lines.

    >>> escape_sentence('<script>alert(1)</script> and then exports rose 5%', width=30)
    '&lt;script&gt;alert(1)&lt;/script&gt; and<br>then exports rose 5%'
    """
    return "<br>".join(html.escape(line) for line in textwrap.wrap(sentence, width) or [""])


def source_line(frame: pd.DataFrame, filters_text: str = "", summary: ViewSummary | None = None) -> str:
    """The line under every chart: which documents, and how the figures were made.

    >>> source_line(pd.DataFrame({"doc_id": ["a", "b", "a"]}))
    'Source: 2 documents (a, b). Figures extracted from news text by Trade-flow figures.'
    """
    if summary is None:
        docs = sorted(frame["doc_id"].astype(str).unique()) if len(frame) else []
        first, count = docs[:3], len(docs)
    else:
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


def compact(value: float, unit: str = "") -> str:
    """A short label: 1.2bn USD, 64.2%.

    >>> compact(1.2e9, "USD"), compact(64.2, "percent"), compact(835e6, "EUR")
    ('1.2bn USD', '64.2%', '835m EUR')
    """
    if unit == "percent":
        return f"{value:g}%"
    if unit in ("percentage_point", "basis_point"):
        return f"{value:g} {'pp' if unit == 'percentage_point' else 'bp'}"
    for size, suffix in ((1e12, "tn"), (1e9, "bn"), (1e6, "m"), (1e3, "k")):
        if abs(value) >= size:
            return f"{value / size:.3g}{suffix} {unit}".strip()
    return f"{value:.3g} {unit}".strip()


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def figure_labels(rows: pd.DataFrame) -> list[str]:
    """What each bar stands for: measure, flow and period (vectorised: tables may be large).

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
    joined = measure + " · " + flow + " · " + period
    return [" · ".join(p for p in label.split(" · ") if p) for label in joined]


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


def _hover(rows: pd.DataFrame, value_text: list[str]) -> list[str]:
    return [
        f"<b>{html.escape(str(r.surface))}</b> = {html.escape(v)}<br>{html.escape(str(r.doc_id))}"
        f"<br><br>{escape_sentence(str(r.sentence))}"
        for r, v in zip(rows.itertuples(), value_text, strict=True)
    ]


def _finish(fig: go.Figure, title: str, source: str, note: str, height: int) -> go.Figure:
    fig.update_layout(
        title={"text": html.escape(title), "x": 0, "xanchor": "left"},
        height=height,
        margin={"l": 10, "r": 80, "t": 60, "b": 110},
        colorway=list(PALETTE),
        hoverlabel={"align": "left"},
        font={"family": "Arial, sans-serif", "size": 13},
        plot_bgcolor="white",
    )
    lines = textwrap.wrap(source, 95) + textwrap.wrap(note, 95)
    caption = "<br>".join(html.escape(line) for line in lines)
    fig.add_annotation(
        text=caption,
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
    fig.update_layout(margin={"b": 70 + 15 * len(lines)})
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
    texts = [f"{mark(q)}{compact(v, u)}" for q, v, u in zip(rows["qualifier"], values, unit_of, strict=True)]
    err_plus = (rows["value_high"] - rows["value"]).where(rows["qualifier"] == "range").fillna(0).abs()
    err_minus = (rows["value"] - rows["value_low"]).where(rows["qualifier"] == "range").fillna(0).abs()
    scale = (values / rows["value"]).where(rows["value"] != 0).fillna(1.0)  # ranges in the shown unit
    fig = go.Figure()
    for i, group in enumerate(pd.unique(colour_by)):
        pick = (colour_by == group).to_numpy()
        fig.add_trace(
            go.Bar(
                y=[label for label, p in zip(labels, pick, strict=True) if p],
                x=values[pick],
                orientation="h",
                name=str(group),
                marker_color=PALETTE[i % len(PALETTE)],
                text=[t for t, p in zip(texts, pick, strict=True) if p],
                textposition="outside",
                cliponaxis=False,
                error_x={
                    "type": "data",
                    "array": (err_plus * scale)[pick],
                    "arrayminus": (err_minus * scale)[pick],
                    "visible": bool((rows["qualifier"][pick] == "range").any()),
                },
                customdata=rows["figure_id"][pick],
                hovertext=[h for h, p in zip(_hover(rows, texts), pick, strict=True) if p],
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    fig.update_yaxes(autorange="reversed", categoryorder="array", categoryarray=labels, title=None)
    fig.update_xaxes(title=axis, gridcolor="#eee")
    if (rows["qualifier"] != "exact").any():
        notes.append("~ approximate, > and \u2265 lower bounds, < and \u2264 upper bounds, error bars span ranges.")
    note = " ".join(notes)
    top = labels[0] if labels else ""
    alt = f"Horizontal bar chart of {len(rows)} {alt_subject}, largest first" + (
        f"; the largest is {top} at {texts[0]}." if labels else "."
    )
    fig = _finish(fig, title, source, note, height=max(320, 140 + 28 * len(rows)))
    return Chart(key, title, fig, alt, note, rows.assign(label=labels))


def amounts_chart(
    frame: pd.DataFrame, *, original_currency: bool = False, filters_text: str = "", summary: ViewSummary | None = None
) -> Chart:
    """Money figures, one bar each, in US dollars (or as written); restatements drawn once.

    ``summary`` holds the counts over the whole view when ``frame`` holds only the rows to draw.
    """
    summary = summary or ViewSummary.of(frame)
    money = frame[(frame["kind"] == "money") & (frame["same_as"].fillna("") == "")]
    notes = []
    if original_currency:
        rows, total = money.sort_values("value", ascending=False, kind="stable"), summary.money
        values, units, colour = rows["value"], rows["unit"].str.split("/").str[0], rows["unit"]
        axis, title = "amount in the currency written", "Amounts as written"
    else:
        rows = money[money["value_usd"].notna()].sort_values("value_usd", ascending=False, kind="stable")
        total = summary.money_usd
        if summary.money > summary.money_usd:
            notes.append(f"{summary.money - summary.money_usd} amount(s) without a US-dollar rate are left out (see fx_note).")
        values, units, colour = rows["value_usd"], pd.Series("USD", index=rows.index), rows["role"].replace("", "level")
        axis, title = "US dollars", "Amounts in US dollars"
    if total > MAX_BARS:
        notes.append(f"The {MAX_BARS} largest of {total} amounts are shown.")
        rows, values, units, colour = rows.iloc[:MAX_BARS], values.iloc[:MAX_BARS], units.iloc[:MAX_BARS], colour.iloc[:MAX_BARS]
    source = source_line(frame, filters_text, summary)
    return _bar_chart(rows, values, units, colour, "amounts", title, axis, source, notes, "money figures")


def rates_chart(frame: pd.DataFrame, *, filters_text: str = "", summary: ViewSummary | None = None) -> Chart:
    """Percent and percentage-point figures: changes (signed by direction) apart from shares and levels."""
    summary = summary or ViewSummary.of(frame)
    rows = frame[frame["kind"].isin(["percent", "percentage_point"])].copy()
    signed = rows["value"].where(rows["direction"] != "down", -rows["value"]).where(rows["role"] == "change", rows["value"])
    group = rows["role"].replace("", "level").where(rows["role"] != "change", "change " + rows["direction"].replace("", "?"))
    order = signed.abs().sort_values(ascending=False, kind="stable").index
    rows, signed, group = rows.loc[order], signed.loc[order], group.loc[order]
    notes = []
    if summary.rates > MAX_BARS:
        notes.append(f"The {MAX_BARS} largest of {summary.rates} rates are shown.")
        rows, signed, group = rows.iloc[:MAX_BARS], signed.iloc[:MAX_BARS], group.iloc[:MAX_BARS]
    notes.append("Changes down are drawn to the left.")
    return _bar_chart(
        rows,
        signed,
        rows["unit"],
        group,
        "rates",
        "Rates and shares",
        "percent or percentage points",
        source_line(frame, filters_text, summary),
        notes,
        "rates and shares",
    )


def flows_chart(frame: pd.DataFrame, *, filters_text: str = "", summary: ViewSummary | None = None) -> Chart:
    """Exporter -> importer of money figures in US dollars (Sankey); hover lists the figures and sentences.

    The links come from ``summary`` (sums over the whole view); ``frame`` supplies the first five
    sentences of each.
    """
    summary = summary or ViewSummary.of(frame)
    rows = frame[
        (frame["kind"] == "money")
        & (frame["same_as"].fillna("") == "")
        & frame["value_usd"].notna()
        & (frame["exporter"] != "")
        & (frame["importer"] != "")
    ]
    examples = {key: group for key, group in rows.groupby(["exporter", "importer"], sort=False)}
    links = summary.flows
    if len(links) > MAX_FLOWS:
        links = links.nlargest(MAX_FLOWS, "value_usd", keep="first").sort_values(["exporter", "importer"])
    exporters = sorted(links["exporter"].unique())
    importers = sorted(links["importer"].unique())
    nodes = [f"{c} (exporter)" for c in exporters] + [f"{c} (importer)" for c in importers]
    sources, targets, values, hovers = [], [], [], []
    for link in links.itertuples():
        sources.append(exporters.index(link.exporter))
        targets.append(len(exporters) + importers.index(link.importer))
        values.append(float(link.value_usd))
        group = examples.get((link.exporter, link.importer), rows.iloc[:0])
        lines = [f"{html.escape(str(r.surface))}: {escape_sentence(str(r.sentence), 80)}" for r in group.head(5).itertuples()]
        more = f"<br>… and {link.figures - 5} more" if link.figures > 5 else ""
        hovers.append(f"<b>{link.exporter} → {link.importer}</b>: {compact(values[-1], 'USD')}<br>" + "<br>".join(lines) + more)
    flow_figures = int(links["figures"].sum())
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
    fig = _finish(fig, title, source_line(frame, filters_text, summary), note, height=420)
    return Chart("flows", title, fig, alt, note, rows.assign(label=figure_labels(rows)))


def timeline_chart(frame: pd.DataFrame, *, filters_text: str = "", summary: ViewSummary | None = None) -> Chart:
    """Each figure placed on its period (start to end); the earliest periods first."""
    summary = summary or ViewSummary.of(frame)
    rows = frame[(frame["period_start"] != "") & (frame["period_end"] != "")].copy()
    rows = rows.sort_values(["period_start", "period_end", "figure_id"]).head(TIMELINE_BARS)
    labels = _unique_labels(rows)
    texts = [f"{mark(q)}{compact(v, u)}" for q, v, u in zip(rows["qualifier"], rows["value"], rows["unit"], strict=True)]
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
                y=[label for label, p in zip(labels, pick, strict=True) if p],
                orientation="h",
                name=str(kind),
                marker_color=PALETTE[i % len(PALETTE)],
                text=[t for t, p in zip(texts, pick, strict=True) if p],
                textposition="inside",
                customdata=rows["figure_id"][pick],
                hovertext=[h for h, p in zip(_hover(rows, texts), pick, strict=True) if p],
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    fig.update_xaxes(type="date", title=None, gridcolor="#eee")
    fig.update_yaxes(autorange="reversed", categoryorder="array", categoryarray=labels, title=None)
    left_out = summary.undated
    note = f"{left_out} figure(s) without a dated period are left out." if left_out else ""
    title = "Figures on their periods"
    alt = f"Timeline of {len(rows)} figures" + (
        f" from {rows['period_start'].min()} to {rows['period_end'].max()}." if len(rows) else "."
    )
    fig = _finish(fig, title, source_line(frame, filters_text, summary), note, height=max(320, 140 + 26 * len(rows)))
    return Chart("timeline", title, fig, alt, note, rows.assign(label=labels))


def selected_ids(selection: object) -> list[str]:
    """The figure ids of the points a Streamlit chart selection holds (their ``customdata``).

    >>> selected_ids({"selection": {"points": [{"customdata": "d:1-4"}, {"customdata": ["d:9-12"]}]}})
    ['d:1-4', 'd:9-12']
    """
    points = []
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
