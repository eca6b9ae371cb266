"""Trade-flow figures dashboard: ``streamlit run dashboard.py``.

Lays out widgets top to bottom; data, charts and exports come from tested functions in
``dashboard_lib``.
"""

from __future__ import annotations

import sys

import pandas as pd
import streamlit as st

from dashboard_lib import charts, data, export
from dashboard_lib.store import Store, is_dataset
from extract.table import read_table, safe_file_name, to_csv_text

st.set_page_config(page_title="Trade-flow figures", layout="wide")
PAGE_ROWS = 1_000  # table rows per page


@st.cache_data(show_spinner="Loading the figures…")
def load_table(path: str | None) -> tuple[pd.DataFrame, dict[str, str]]:
    if path:
        return read_table(path), {}
    return data.default_table(), data.seed_texts()


@st.cache_resource(show_spinner="Opening the dataset…")
def open_store(path: str) -> Store:
    return Store.open(path)


@st.cache_data(show_spinner=False, max_entries=64)
def store_view(path: str, filters: data.Filters) -> tuple[pd.DataFrame, charts.ViewSummary]:
    store = open_store(path)
    return store.chart_rows(filters), store.summary(filters)


def open_path(path: str | None) -> None:
    """Make ``path`` the table in view: a Parquet file or folder is queried in place, others loaded;
    None is the seed articles."""
    if path and is_dataset(path):
        open_store(path)  # fails here, before the session changes, when the dataset is unreadable
        st.session_state.update(store_path=path, frame=None, texts={})
    else:
        frame, texts = load_table(path)
        st.session_state.update(store_path=None, frame=frame, texts=dict(texts))


if "texts" not in st.session_state:
    open_path(data.table_argument(sys.argv[1:]))
    st.session_state.initial_filters = data.filters_from_query({k: st.query_params.get_all(k) for k in st.query_params})

st.title("Trade-flow figures")
st.caption(
    "Every figure in the articles, with the sentence it came from. "
    "Hover a bar for its sentence; click it to list the sentences below the chart."
)

# --- sidebar: add documents, then filters ----------------------------------------------------------
with st.sidebar:
    with st.expander("Open a table"):
        wanted = st.text_input("Path of a Parquet file or dataset folder, or a CSV/JSON Lines table", key="table_path")
        if st.button("Open", key="open") and wanted.strip():
            try:
                open_path(wanted.strip())
                st.success(f"Opened {wanted.strip()}.")
            except (OSError, ValueError) as exc:
                st.error(f"Cannot open {wanted.strip()}: {exc}")
    store_path: str | None = st.session_state.store_path
    with st.expander("Add documents"):
        if store_path:
            st.caption("A dataset opened from disk is read in place; run the extractor to add documents to it.")
        uploads = st.file_uploader(
            f"Articles (.txt .md .html .jsonl, up to {data.MAX_UPLOAD_FILES} files of {data.MAX_UPLOAD_BYTES // 1_000_000} MB)",
            type=[s.lstrip(".") for s in data.UPLOAD_SUFFIXES],
            accept_multiple_files=True,
            key="uploads",
        )
        pasted = st.text_area("…or paste a text", key="pasted")
        if st.button("Extract figures", key="extract", disabled=bool(store_path)):
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

    frame: pd.DataFrame | None = st.session_state.frame
    start = st.session_state.initial_filters

    shape = store_path or len(frame)  # the table only changes when documents are added or another is opened
    if st.session_state.get("options_for") != shape:
        if store_path:
            st.session_state.options = {c: open_store(store_path).options(c) for c in data.FILTER_COLUMNS}
        else:
            st.session_state.options = {c: data.options(frame, c) for c in data.FILTER_COLUMNS}
        st.session_state.options_for = shape

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

if store_path:  # only the rows the charts draw, and counts over the whole view, come from disk
    view, summary = store_view(store_path, filters)
    total = open_store(store_path).rows
else:
    view = data.apply_filters(frame, filters)
    summary, total = charts.ViewSummary.of(view), len(frame)
filters_text = data.describe(filters)
st.write(f"**{summary.figures:,}** of {total:,} figures · {filters_text}")

browser = export.find_browser()


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
    amounts = charts.amounts_chart(view, original_currency=original, filters_text=filters_text, summary=summary)
    show_chart(amounts)
with tab_rates:
    rates = charts.rates_chart(view, filters_text=filters_text, summary=summary)
    show_chart(rates)
with tab_flows:
    flows = charts.flows_chart(view, filters_text=filters_text, summary=summary)
    show_chart(flows)
with tab_timeline:
    timeline = charts.timeline_chart(view, filters_text=filters_text, summary=summary)
    show_chart(timeline)
with tab_table:
    pages = max(1, -(-summary.figures // PAGE_ROWS))
    page = int(st.number_input(f"Page (of {pages:,})", 1, pages, 1, key="page")) - 1 if pages > 1 else 0
    if store_path:
        shown = open_store(store_path).page(filters, page, PAGE_ROWS)
    else:
        shown = view.iloc[page * PAGE_ROWS : (page + 1) * PAGE_ROWS]
    st.caption(f"Figures {page * PAGE_ROWS + 1:,}–{page * PAGE_ROWS + len(shown):,} of {summary.figures:,}.")
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
    if doc and frame is not None:
        st.html(export.legend_html())
        st.html(export.highlight(st.session_state.texts[doc], frame[frame["doc_id"] == doc]))
    elif not doc_ids:
        st.caption("This table was opened without its documents; the Table view shows each figure in its sentence.")

# --- downloads -----------------------------------------------------------------------------------------
st.subheader("Download")
st.caption("CSV cells that a spreadsheet would run as a formula (=, +, -, @) are prefixed with an apostrophe.")
c1, c2, c3, c4, c5 = st.columns(5)
# Deferred: each file is built when its button is clicked, not on every rerun. A dataset on disk is
# written out batch by batch from DuckDB; a table in memory from its frame.
name = safe_file_name(filters.docs[0], "") if len(filters.docs) == 1 else "figures-filtered"  # one document: its name
if store_path:
    store = open_store(store_path)
    csv_view, parquet_view, json_view = store.downloads(filters)
    csv_all = None
else:
    csv_view, parquet_view, json_view = data.downloads(view)
    csv_all = lambda: to_csv_text(frame)  # noqa: E731
c1.download_button("CSV (filtered)", csv_view, f"{name}.csv", "text/csv", key="csv_view", on_click="ignore")
c2.download_button(
    "CSV (all)",
    csv_all or b"",
    "figures.csv",
    "text/csv",
    key="csv_all",
    on_click="ignore",
    disabled=csv_all is None,
    help="A dataset on disk is downloaded filtered; the whole of it is already a file." if csv_all is None else None,
)
c3.download_button(
    "Parquet (filtered)", parquet_view, f"{name}.parquet", "application/octet-stream", key="parquet_view", on_click="ignore"
)
c4.download_button(
    "JSON (filtered)",
    json_view,
    f"{name}.jsonl",
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
