"""Trade-flow figures dashboard: ``streamlit run dashboard.py``.

Lays out widgets top to bottom; data, charts and exports come from tested functions in
``dashboard_lib``.
"""

from __future__ import annotations

import sys

import pandas as pd
import streamlit as st

from dashboard_lib import charts, data, export
from extract import read_table, to_csv_text

st.set_page_config(page_title="Trade-flow figures", layout="wide")


@st.cache_data(show_spinner="Loading the figures…")
def load_table(path: str | None) -> tuple[pd.DataFrame, dict[str, str]]:
    if path:
        return read_table(path), {}
    return data.default_table(), data.seed_texts()


if "frame" not in st.session_state:
    frame, texts = load_table(data.table_argument(sys.argv[1:]))
    st.session_state.frame, st.session_state.texts = frame, dict(texts)
    st.session_state.initial_filters = data.filters_from_query({k: st.query_params.get_all(k) for k in st.query_params})

st.title("Trade-flow figures")
st.caption(
    "Every figure in the articles, with the sentence it came from. "
    "Hover a bar for its sentence; click it to list the sentences below the chart."
)

# --- sidebar: add documents, then filters ----------------------------------------------------------
with st.sidebar:
    with st.expander("Add documents"):
        uploads = st.file_uploader(
            f"Articles (.txt .md .html .jsonl, up to {data.MAX_UPLOAD_FILES} files of {data.MAX_UPLOAD_BYTES // 1_000_000} MB)",
            type=[s.lstrip(".") for s in data.UPLOAD_SUFFIXES],
            accept_multiple_files=True,
            key="uploads",
        )
        pasted = st.text_area("…or paste a text", key="pasted")
        if st.button("Extract figures", key="extract"):
            files = [(u.name, u.getvalue()) for u in uploads or []]
            for message in data.check_upload_limits(files):
                st.warning(message)
            bar = st.progress(0.0, text="Extracting…")
            result = data.extract_uploads(
                files, pasted, st.session_state.frame["doc_id"].unique(), progress=lambda done, total: bar.progress(done / total)
            )
            for error in result.errors:
                st.error(error)
            if len(result.texts):
                st.session_state.frame = pd.concat([st.session_state.frame, result.frame], ignore_index=True)
                st.session_state.texts.update(result.texts)
                st.success(f"{len(result.texts)} document(s), {len(result.frame)} figure(s) added.")

    frame: pd.DataFrame = st.session_state.frame
    start = st.session_state.initial_filters

    if st.session_state.get("options_for") != len(frame):  # the table only changes when documents are added
        st.session_state.options = {c: data.options(frame, c) for c in data.FILTER_COLUMNS}
        st.session_state.options_for = len(frame)

    def pick(label: str, column: str, chosen: tuple[str, ...]) -> tuple[str, ...]:
        choices = st.session_state.options[column]
        return tuple(st.multiselect(label, choices, default=[c for c in chosen if c in choices], key=f"f_{column}"))

    st.header("Filters")
    filters = data.Filters(
        docs=pick("Documents", "doc_id", start.docs),
        kinds=pick("Kind", "kind", start.kinds),
        units=pick("Unit or currency", "unit", start.units),
        roles=pick("Role", "role", start.roles),
        exporters=pick("Exporter", "exporter", start.exporters),
        importers=pick("Importer", "importer", start.importers),
        countries=pick("Country named", "countries", start.countries),
        period_from=st.text_input("Period from (year or date)", start.period_from, key="f_from"),
        period_to=st.text_input("Period to (year or date)", start.period_to, key="f_to"),
        precision=st.radio(
            "Figures",
            ["all", "exact", "approx"],
            index=["all", "exact", "approx"].index(start.precision),
            format_func={"all": "all", "exact": "exact only", "approx": "approximate and bounds"}.get,
            key="f_precision",
            horizontal=True,
        ),
        search=st.text_input("Search sentences", start.search, key="f_search"),
    )
    st.query_params.from_dict(data.filters_to_query(filters))  # the URL keeps the view

view = data.apply_filters(frame, filters)
filters_text = data.describe(filters)
st.write(f"**{len(view)}** of {len(frame)} figures · {filters_text}")

browser = export.find_browser()
TABLE_ROWS = 5_000  # rows sent to the browser's table; the downloads hold them all


def show_chart(chart: charts.Chart) -> None:
    event = st.plotly_chart(
        chart.figure, key=f"chart_{chart.key}", on_select="rerun", selection_mode="points", width="stretch", alt=chart.alt
    )
    st.caption(f"Alternative text: {chart.alt}")
    ids = charts.selected_ids(event)
    if ids:
        chosen = view[view["figure_id"].isin(ids)]
        st.html(export.selection_html(chosen))
    cols = st.columns(4)
    cols[0].download_button(
        "HTML (offline)",
        lambda: export.chart_html(chart),
        f"{chart.key}.html",
        "text/html",
        key=f"html_{chart.key}",
        on_click="ignore",
    )
    for col, fmt, mime in ((cols[1], "png", "image/png"), (cols[2], "svg", "image/svg+xml")):
        col.download_button(
            fmt.upper(),
            (lambda f=fmt: export.image_bytes(chart, f)) if browser else b"",
            f"{chart.key}.{fmt}",
            mime,
            key=f"{fmt}_{chart.key}",
            on_click="ignore",
            disabled=browser is None,
            help=None if browser else "Needs Chromium or Chrome on the server (apt-get install chromium).",
        )
    with cols[3].popover("Embed"):
        st.code(export.embed_snippet(f"{chart.key}.html", chart), language="html")


tab_amounts, tab_rates, tab_flows, tab_timeline, tab_table, tab_docs = st.tabs(
    ["Amounts", "Rates and shares", "Flows", "Timeline", "Table", "Documents"]
)
with tab_amounts:
    original = st.toggle("Original currency", key="original_currency")
    amounts = charts.amounts_chart(view, original_currency=original, filters_text=filters_text)
    show_chart(amounts)
with tab_rates:
    rates = charts.rates_chart(view, filters_text=filters_text)
    show_chart(rates)
with tab_flows:
    flows = charts.flows_chart(view, filters_text=filters_text)
    show_chart(flows)
with tab_timeline:
    timeline = charts.timeline_chart(view, filters_text=filters_text)
    show_chart(timeline)
with tab_table:
    shown = view.head(TABLE_ROWS)
    if len(view) > TABLE_ROWS:
        st.caption(f"The first {TABLE_ROWS:,} of {len(view):,} figures; narrow the filters or download the table for all.")
    picked = st.dataframe(
        shown,
        key="table",
        on_select="rerun",
        selection_mode="single-row",
        hide_index=True,
        column_config={
            "sentence": st.column_config.TextColumn("sentence", width="large"),
            "value": st.column_config.NumberColumn("value", format="%.6g"),
            "value_usd": st.column_config.NumberColumn("value in USD", format="%.0f"),
            "figure_id": None,
            "start": None,
            "end": None,
        },
    )
    rows = picked.selection.rows if picked else []
    if rows:
        row = shown.iloc[rows[0]]
        text = st.session_state.texts.get(row["doc_id"], "")
        if text:  # the paragraph around the figure, every figure in it marked and this one outlined
            paragraph, offset = export.paragraph_around(text, int(row["start"]), int(row["end"]))
            same = view[(view["doc_id"] == row["doc_id"]) & (view["start"] >= offset) & (view["end"] <= offset + len(paragraph))]
            st.html(export.highlight(paragraph, same, offset, focus=row["figure_id"]))
        else:  # a table opened without its documents: the sentence, with the figure marked
            st.html(export.highlight_in_sentence(row))
with tab_docs:
    doc_ids = sorted(st.session_state.texts)
    doc = st.selectbox("Document", doc_ids, key="doc") if doc_ids else None
    if doc:
        st.html(export.legend_html())
        st.html(export.highlight(st.session_state.texts[doc], frame[frame["doc_id"] == doc]))

# --- downloads -----------------------------------------------------------------------------------------
st.subheader("Download")
st.caption("CSV cells that a spreadsheet would run as a formula (=, +, -, @) are prefixed with an apostrophe.")
c1, c2, c3, c4, c5 = st.columns(5)
# Deferred: each file is built when its button is clicked, not on every rerun.
c1.download_button(
    "CSV (filtered)", lambda: to_csv_text(view), "figures-filtered.csv", "text/csv", key="csv_view", on_click="ignore"
)
c2.download_button("CSV (all)", lambda: to_csv_text(frame), "figures.csv", "text/csv", key="csv_all", on_click="ignore")
c3.download_button(
    "Parquet (filtered)",
    lambda: view.to_parquet(index=False),
    "figures-filtered.parquet",
    "application/octet-stream",
    key="parquet_view",
    on_click="ignore",
)
c4.download_button(
    "JSON (filtered)",
    lambda: view.to_json(orient="records", lines=True, force_ascii=False),
    "figures-filtered.jsonl",
    "application/json",
    key="json_view",
    on_click="ignore",
)
c5.download_button(
    "Report (HTML)",
    lambda: export.report_html([amounts, rates, flows, timeline], view, filters_text),
    "figures-report.html",
    "text/html",
    key="report",
    on_click="ignore",
)
