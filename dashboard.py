"""Trade-flow figures dashboard: ``streamlit run dashboard.py``.

Lays out widgets top to bottom; data, charts and exports come from tested functions in
``dashboard_lib``. Every view reads the table through one :class:`dashboard_lib.Source`; cached
answers are keyed on the source's generation (a new one for every table opened or extended).
"""

from __future__ import annotations

import functools
import os
import sys

import pandas as pd
import streamlit as st

import dashboard_lib as dl
from extract.table import safe_file_name, to_csv_text

st.set_page_config(page_title="Trade-flow figures", layout="wide")
PAGE_ROWS = 1_000  # table rows per page
FIGURES_PER_PAGE = 25  # figures in their sentences per page of the first view
CLAIMS_SHOWN = 1_000  # claims listed in the table (all are in the CSV)
CLAIM_COLUMNS = {"period_text": "period", "value_text": "value (median)", "range_text": "range",
                 "first_date": "first seen", "first_doc": "first source"}  # fmt: skip
VIEWS = ["Figures", "Claims", "Amounts", "Rates and shares", "Flows", "Timeline", "Table", "Documents"]


# --- cached answers: keyed on the source's generation, never on the table's size --------------------


@st.cache_data(show_spinner="Loading the figures…")
def load_frame(path: str | None) -> tuple[pd.DataFrame, pd.DataFrame | None, dict[str, str]]:
    """A table loaded whole, its documents' dates, and the documents' texts (the seeds only)."""
    if path:
        return dl.load_table(path), dl.documents_report(path), {}
    return dl.default_table(), dl.documents_report(dl.DEFAULT_TABLE), dl.seed_texts()


@st.cache_resource(show_spinner="Opening the dataset…")
def open_dataset(path: str, modified: float) -> dl.Source:  # modified: a rewritten dataset is opened again
    return dl.Source.open(path, dl.documents_report(path))


@st.cache_data(show_spinner=False, max_entries=32)
def options(generation: int, _source: dl.Source) -> dict[str, list[str]]:
    return _source.options()


@st.cache_data(show_spinner=False, max_entries=64)
def summary(generation: int, filters: dl.Filters, _source: dl.Source) -> dl.ViewSummary:
    return _source.summary(filters)


@st.cache_data(show_spinner="Drawing…", max_entries=64)
def chart_view(generation: int, filters: dl.Filters, _source: dl.Source) -> dl.View:
    return _source.view(filters, dl.SELECTIONS)


@st.cache_data(show_spinner=False, max_entries=64)
def page(generation: int, filters: dl.Filters, number: int, size: int, _source: dl.Source) -> pd.DataFrame:
    return _source.page(filters, number, size)


@st.cache_data(show_spinner="Grouping figures into claims…", max_entries=16)
def claims(generation: int, filters: dl.Filters, tolerance: float, _source: dl.Source) -> pd.DataFrame:
    return _source.claims(filters, tolerance)


@st.cache_data(show_spinner=False, max_entries=64)
def claim_members(
    generation: int, filters: dl.Filters, subject: tuple[tuple[str, str], ...], tolerance: float, _source: dl.Source
) -> pd.DataFrame:
    return _source.claim_members(filters, dict(subject), tolerance)


def open_path(path: str | None) -> None:
    """Make ``path`` the table in view: a Parquet file or folder is queried in place, others loaded;
    None is the seed articles. Fails before the session changes when the table is unreadable."""
    if path and dl.is_dataset(path):
        source = open_dataset(path, os.path.getmtime(path))
        texts: dict[str, str] = {}
    else:
        frame, documents, texts = load_frame(path)
        source = dl.Source.of_frame(frame, documents, label=path or "the seed articles")
    st.session_state.update(source=source, texts=dict(texts), added={}, added_digests=set())


if "source" not in st.session_state:
    open_path(dl.table_argument(sys.argv[1:]))
    st.session_state.initial_filters = dl.filters_from_query({k: st.query_params.get_all(k) for k in st.query_params})


def clear_filters() -> None:
    """Every filter back to "all" (a button's callback: it runs before the widgets are drawn)."""
    for key in list(st.session_state):
        if str(key).startswith("f_"):
            del st.session_state[key]
    st.session_state.initial_filters = dl.Filters()


st.title("Trade-flow figures")
st.caption(
    "Every figure in the articles, with the sentence it came from and what it measures; "
    "the figures that several articles report, and where they disagree."
)

# --- sidebar: open a table, add documents, then filters ----------------------------------------------
with st.sidebar:
    with st.expander("Open a table"):
        wanted = st.text_input("Path of a Parquet file or dataset folder, or a CSV/JSON Lines table", key="table_path")
        if st.button("Open", key="open") and wanted.strip():
            try:
                open_path(wanted.strip())
                st.success(f"Opened {wanted.strip()}.")
            except (OSError, ValueError) as exc:
                st.error(f"Cannot open {wanted.strip()}: {exc}")
    source: dl.Source = st.session_state.source
    with st.expander("Add documents"):
        if source.frame is None:
            st.caption("A dataset opened from disk is read in place; run the extractor to add documents to it.")
        uploads = st.file_uploader(
            f"Articles (.txt .md .html .jsonl, up to {dl.MAX_UPLOAD_FILES} files of {dl.MAX_UPLOAD_BYTES // 1_000_000} MB)",
            type=[s.lstrip(".") for s in dl.UPLOAD_SUFFIXES],
            accept_multiple_files=True,
            key="uploads",
        )
        pasted = st.text_area("…or paste a text", key="pasted")
        published = st.date_input("Date of the documents", value="today", key="doc_date", format="YYYY-MM-DD")
        st.caption(
            f"Documents without a date of their own are dated {published.isoformat()}: "
            "“last year” and “September” are read from it, and money is converted at its rate."
        )
        if st.button("Extract figures", key="extract", disabled=source.frame is None) and source.frame is not None:
            bar = st.progress(0.0, text="Extracting…")
            result = dl.extract_uploads(
                [(u.name, u.getvalue()) for u in uploads or []],
                pasted,
                source.frame["doc_id"].unique(),
                progress=lambda done, total: bar.progress(done / total),
                date=published.isoformat(),
                added=st.session_state.added_digests,
            )
            for refusal in result.refused:
                st.warning(str(refusal))
            for error in result.errors:
                st.error(error)
            if result.already:
                st.info(f"Already added, not read again: {', '.join(result.already)}.")
            if result.texts:
                frame, documents = dl.with_documents(source.frame, source.documents, result)
                source = dl.Source.of_frame(frame, documents, label=source.label)
                st.session_state.source = source
                st.session_state.texts.update(result.texts)
                st.session_state.added_digests.update(result.digests.values())
                st.session_state.added.update({d: result.dates[d] for d in result.texts})
                st.success(f"{len(result.texts)} document(s), {len(result.frame)} figure(s) added.")
        if st.session_state.added:
            st.caption(
                f"{len(st.session_state.added)} document(s) added in this session. They last until the page is "
                "reloaded or closed: download them to keep them (the uploader and the extractor read the file back)."
            )
            st.download_button(
                "Added documents (JSON Lines)",
                functools.partial(
                    dl.documents_jsonl,
                    {d: st.session_state.texts[d] for d in st.session_state.added},
                    dict(st.session_state.added),
                ),
                "added-documents.jsonl",
                "application/json",
                key="added_download",
                on_click="ignore",
            )

    choices = options(source.generation, source)
    start = st.session_state.initial_filters

    def pick(label: str, column: str, chosen: tuple[str, ...], countries: bool = False) -> tuple[str, ...]:
        offered = choices[column]
        return tuple(
            st.multiselect(
                label,
                offered,
                default=[c for c in chosen if c in offered],
                key=f"f_{column}",
                format_func=dl.country_name if countries else str,
            )
        )

    st.header("Filters")
    st.button("Clear filters", key="clear_sidebar", on_click=clear_filters)
    period_from = st.text_input("Period from (year, month or date: 2023, 2023-06, 2023-06-30)", start.period_from, key="f_from")
    period_to = st.text_input("Period to (year, month or date)", start.period_to, key="f_to")
    for problem in (dl.period_problem(period_from), dl.period_problem(period_to)):
        if problem:
            st.error(f"{problem} This bound is not applied.")
    filters = dl.Filters(
        docs=pick("Documents", "doc_id", start.docs),
        kinds=pick("Kind", "kind", start.kinds),
        units=pick("Unit or currency", "unit", start.units),
        roles=pick("Role", "role", start.roles),
        exporters=pick("Exporter", "exporter", start.exporters, countries=True),
        importers=pick("Importer", "importer", start.importers, countries=True),
        countries=pick("Country named", "countries", start.countries, countries=True),
        period_from="" if dl.period_problem(period_from) else period_from.strip(),
        period_to="" if dl.period_problem(period_to) else period_to.strip(),
        precision=st.radio(
            "Figures",
            dl.PRECISIONS,
            index=dl.PRECISIONS.index(start.precision),
            format_func={"all": "all", "exact": "exact only", "approx": "approximate and bounds"}.get,
            key="f_precision",
            horizontal=True,
        ),
        search=st.text_input("Search sentences", start.search, key="f_search"),
    )
    dl.keep_in_query(st.query_params, filters)  # the URL keeps the filters (and the open view)

counts = summary(source.generation, filters, source)
filters_text = dl.describe(filters, dl.country_name)
st.write(f"**{counts.figures:,}** of {source.rows:,} figures · {filters_text}")
if not counts.figures:
    st.info("No figure matches these filters.")
    st.button("Clear filters", key="clear_main", on_click=clear_filters)
tolerance = float(st.session_state.get("tolerance", dl.DEFAULT_TOLERANCE * 100)) / 100
browser = dl.find_browser()


def paged(size: int, key: str) -> tuple[int, pd.DataFrame]:
    """A page picker (shown when there is more than one page of ``size``) and its page: the index
    of the page's first figure, and its rows."""
    pages = max(1, -(-counts.figures // size))
    number = int(st.number_input(f"Page (of {pages:,})", 1, pages, 1, key=key)) - 1 if pages > 1 else 0
    return number * size, page(source.generation, filters, number, size, source)


def show_chart(chart: dl.Chart) -> None:
    if chart.empty:  # a plain message instead of empty axes
        st.info(chart.empty + ("" if filters_text == "all figures" else " Clear the filters to see more."))
        if filters_text != "all figures" and counts.figures:  # with no figure at all, the button is above
            st.button("Clear filters", key=f"clear_{chart.key}", on_click=clear_filters)
        return
    event = st.plotly_chart(
        chart.figure,
        key=f"chart_{chart.key}",
        on_select="rerun",
        selection_mode="points",
        width="stretch",
        alt=chart.alt,
        theme=None,  # the chart as exported: its own layout, not Streamlit's
        config=dl.PLOTLY_CONFIG,
    )
    st.caption(f"Alternative text: {chart.alt}")
    ids = dl.selected_ids(event)
    if ids:
        st.html(dl.selection_html(source.figures(ids)))
    cols = st.columns(4)
    cols[0].download_button(
        "HTML (offline)",
        lambda: dl.chart_html(chart),
        f"{chart.key}.html",
        "text/html",
        key=f"html_{chart.key}",
        on_click="ignore",
    )
    for col, fmt, mime in ((cols[1], "png", "image/png"), (cols[2], "svg", "image/svg+xml")):
        col.download_button(
            fmt.upper(),
            functools.partial(dl.image_bytes, chart, fmt) if browser else b"",
            f"{chart.key}.{fmt}",
            mime,
            key=f"{fmt}_{chart.key}",
            on_click="ignore",
            disabled=browser is None,
            help=None if browser else "Needs Chromium or Chrome on the server (apt-get install chromium).",
        )
    with cols[3].popover("Embed"):
        st.markdown(
            f"1. Download **HTML (offline)** (`{chart.key}.html`, about 5 MB: it carries plotly.js) and host it on your "
            "site.\n2. Give its address below.\n3. Paste the snippet into your page: the frame takes the chart's height "
            "at every width."
        )
        address = st.text_input("Address of the hosted file", f"https://example.org/charts/{chart.key}.html",
                                key=f"embed_url_{chart.key}")  # fmt: skip
        st.code(dl.embed_snippet(f"{chart.key}.html", chart, address), language="html")


# Only the open view runs (on_change="rerun"): a big table pays for the view it shows. The open
# view is in the URL as ?view=….
tabs = dict(zip(VIEWS, st.tabs(VIEWS, key="view", on_change="rerun", bind="query-params"), strict=True))

with tabs["Figures"]:
    if tabs["Figures"].open:
        first, shown = paged(FIGURES_PER_PAGE, "figures_page")
        if len(shown):
            st.caption(
                f"Figures {first + 1:,}–{first + len(shown):,} of {counts.figures:,}, "
                "each in its sentence with what was read from it. Colours:"
            )
            st.html(dl.legend_html())
            st.html(dl.figures_html(shown, first=first + 1))

with tabs["Claims"]:
    if tabs["Claims"].open:
        left, right = st.columns([2, 3])
        left.slider(
            "Tolerance (%)",
            0.0,
            20.0,
            dl.DEFAULT_TOLERANCE * 100,
            0.5,
            format="%.1f",
            key="tolerance",
            help="Figures of one subject whose values lie within this distance of each other are one claim.",
        )
        status = right.radio("Show", ["all", *dl.STATUSES], key="claims_status", horizontal=True)
        found = claims(source.generation, filters, tolerance, source)
        st.caption(dl.claims_summary(found, tolerance))
        listed = (found if status == "all" else found[found["status"] == status]).head(CLAIMS_SHOWN).reset_index(drop=True)
        if len(listed):
            table = pd.DataFrame(dl.claims_rows(listed)).rename(columns=CLAIM_COLUMNS)
            picked = st.dataframe(table, key="claims_table", on_select="rerun", selection_mode="single-row", hide_index=True)
            rows = picked.selection.rows if picked else []
            claim = listed.iloc[rows[0] if rows else 0]  # its sources one click away; the first claim's until then
            members = claim_members(source.generation, filters, dl.subject_of(claim, dl.SUBJECT), tolerance, source)
            st.html(dl.claim_html(claim, members, found, chosen=bool(rows)))
            over_time = claim_members(source.generation, filters, dl.subject_of(claim, dl.SERIES), tolerance, source)
            show_chart(dl.series_chart(over_time, found, claim, summary=counts, filters_text=filters_text))
        else:
            st.info("No claims in view.")

chart_tabs = ("Amounts", "Rates and shares", "Flows", "Timeline")
if any(tabs[name].open for name in chart_tabs):
    view = chart_view(source.generation, filters, source)
    with tabs["Amounts"]:
        if tabs["Amounts"].open:
            original = st.toggle("Original currency", key="original_currency")
            show_chart(dl.amounts_chart(view, original_currency=original, filters_text=filters_text))
    with tabs["Rates and shares"]:
        if tabs["Rates and shares"].open:
            show_chart(dl.rates_chart(view, filters_text=filters_text))
    with tabs["Flows"]:
        if tabs["Flows"].open:
            periods = dl.flow_periods(view.summary)
            period = None
            if len(periods) > 1:
                period = st.selectbox("Period (flows of different periods are never added)", periods, key="flow_period",
                                      format_func=lambda p: p or "period not stated")  # fmt: skip
            show_chart(dl.flows_chart(view, period=period, filters_text=filters_text))
    with tabs["Timeline"]:
        if tabs["Timeline"].open:
            show_chart(dl.timeline_chart(view, filters_text=filters_text))

with tabs["Table"]:
    if tabs["Table"].open:
        first, shown = paged(PAGE_ROWS, "page")
        if len(shown):
            st.caption(f"Figures {first + 1:,}–{first + len(shown):,} of {counts.figures:,}.")
        picked = st.dataframe(
            dl.table_view(shown),
            key="table",
            on_select="rerun",
            selection_mode="single-row",
            hide_index=True,
            column_config={
                "measure": st.column_config.TextColumn("measure", width="medium"),
                "flow": st.column_config.TextColumn("flow", width="medium"),
                "value": st.column_config.TextColumn("value", width="medium"),
                "in US dollars": st.column_config.TextColumn("in US dollars", width="medium"),
                "sentence": st.column_config.TextColumn("sentence", width="large"),
            },
        )
        rows = picked.selection.rows if picked else []
        if rows:
            row = shown.iloc[rows[0]]
            text = st.session_state.texts.get(row["doc_id"], "")
            if text:  # the paragraph around the figure, every figure in it marked and this one outlined
                paragraph, offset = dl.paragraph_around(text, int(row["start"]), int(row["end"]))
                same = source.document_figures(str(row["doc_id"]))
                same = same[(same["start"] >= offset) & (same["end"] <= offset + len(paragraph))]
                st.html(dl.highlight(paragraph, same, offset, focus=row["figure_id"]))
            else:  # a table opened without its documents: the sentence, with the figure marked
                st.html(dl.highlight_in_sentence(row))

with tabs["Documents"]:
    if tabs["Documents"].open:
        doc_ids = sorted(st.session_state.texts)
        doc = st.selectbox("Document", doc_ids, key="doc") if doc_ids else None
        if doc:
            st.html(dl.legend_html())
            st.html(dl.highlight(st.session_state.texts[doc], source.document_figures(doc)))
        else:
            st.caption("This table was opened without its documents; the Figures view shows each figure in its sentence.")

# --- downloads: each file is built when its button is clicked, from the same source ------------------
st.subheader("Download")
st.caption("CSV cells that a spreadsheet would run as a formula (=, +, -, @) are prefixed with an apostrophe.")
name = safe_file_name(filters.docs[0], "") if len(filters.docs) == 1 else "figures-filtered"  # one document: its name
files = source.downloads(filters)
everything = source.downloads(dl.Filters())


c1, c2, c3, c4, c5, c6 = st.columns(6)
c1.download_button("CSV (filtered)", files[".csv"], f"{name}.csv", "text/csv", key="csv_view", on_click="ignore")
c2.download_button("CSV (all)", everything[".csv"], "figures.csv", "text/csv", key="csv_all", on_click="ignore")
c3.download_button(
    "Parquet (filtered)", files[".parquet"], f"{name}.parquet", "application/octet-stream", key="parquet_view", on_click="ignore"
)
c4.download_button("JSON (filtered)", files[".jsonl"], f"{name}.jsonl", "application/json", key="json_view", on_click="ignore")
c5.download_button(
    "Claims (CSV)",
    lambda: to_csv_text(claims(source.generation, filters, tolerance, source)),
    "claims.csv",
    "text/csv",
    key="claims_csv",
    on_click="ignore",
)
c6.download_button(
    "Report (HTML)",
    functools.partial(dl.view_report, source, filters, tolerance),
    "figures-report.html",
    "text/html",
    key="report",
    on_click="ignore",
)
