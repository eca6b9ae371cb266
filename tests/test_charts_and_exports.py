"""Charts and exports without Streamlit: what each chart draws, and the files a user downloads."""

from __future__ import annotations

import html
import io
import json
import re
import xml.dom.minidom

import pandas as pd
import pytest
from PIL import Image

from dashboard_lib import (
    IMAGE_WIDTH,
    SELECTIONS,
    ExportUnavailable,
    Filters,
    Source,
    View,
    amounts_chart,
    chart_html,
    embed_snippet,
    find_browser,
    flow_periods,
    flows_chart,
    highlight,
    image_bytes,
    rates_chart,
    report_html,
    selected_ids,
    timeline_chart,
    view_report,
)
from extract import figures_frame

TRADE = (
    "China's exports to Russia reached $110.97bn in 2023. "
    "Imports amounted to around 900 million dollars (835 million euros) in 2023. "
    "Turkish exports to Russia rose 12% in 2022 and Chinese brands held more than half of the market in 2023. "
    "Russian revenue of 1.2 trillion rubles was booked in 2023. "
    "Tariffs rose between 20% and 30% in 2024."
)


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    return figures_frame(
        [("trade", TRADE), ("evil", '<script>alert("x")</script> Exports rose 5% in 2023. <img src=x onerror=y()>')]
    )


@pytest.fixture(scope="module")
def view(frame: pd.DataFrame) -> View:
    return Source.of_frame(frame).view(Filters(), SELECTIONS)


def test_amounts_draw_restatements_once_and_say_what_is_left_out(view: View) -> None:
    chart = amounts_chart(view)
    assert list(chart.rows["surface"]) == ["$110.97bn", "900 million dollars"]
    assert "1 amount(s) without a US-dollar rate are left out" in chart.note
    assert "~ approximate" in chart.note
    texts = [t for trace in chart.figure.data for t in trace.text]
    assert "~$900 million" in texts  # read as people write it, not "~900m USD"


def test_amounts_in_original_currency(view: View) -> None:
    chart = amounts_chart(view, original_currency=True)
    assert set(chart.rows["unit"]) == {"USD", "RUB"}


def test_rates_separate_changes_from_shares_and_mark_ranges(view: View) -> None:
    chart = rates_chart(view)
    names = {trace.name for trace in chart.figure.data}
    assert {"change up", "share"} <= names
    ranged = [
        t
        for t in chart.figure.data
        if any(chart.rows.set_index("figure_id").loc[i, "qualifier"] == "range" for i in t.customdata)
    ]
    assert ranged and "20% to 30%" in ranged[0].text  # a range is written whole at its bar's end


def test_flows_sum_money_by_exporter_and_importer(view: View) -> None:
    chart = flows_chart(view)
    sankey = chart.figure.data[0]
    assert list(sankey.node.label) == ["China $111 billion", "Russia $111 billion"]  # names for people, codes in the data
    assert chart.title == "Flows between countries, 2023 (US dollars)"  # one period, and it is said
    assert sankey.link.value[0] == pytest.approx(110.97e9)
    assert "reached $110.97bn" in sankey.link.customdata[0]


def test_timeline_places_figures_on_periods(frame: pd.DataFrame, view: View) -> None:
    """Each bar starts on its figure's period start and ends the day after its period end."""
    chart = timeline_chart(view)
    by_id = frame.set_index("figure_id")
    placed = 0
    for trace in chart.figure.data:
        for figure_id, base, width in zip(trace.customdata, trace.base, trace.x, strict=True):
            row = by_id.loc[figure_id]
            start = pd.Timestamp(row["period_start"])
            assert pd.Timestamp(base) == start
            assert start + pd.Timedelta(milliseconds=float(width)) == pd.Timestamp(row["period_end"]) + pd.Timedelta(days=1)
            placed += 1
    assert placed > 0


def test_every_chart_has_title_source_alt_and_escapes_document_text(view: View) -> None:
    for chart in (
        amounts_chart(view),
        rates_chart(view),
        flows_chart(view),
        timeline_chart(view),
    ):
        layout = chart.figure.layout
        assert layout.title.text.replace("<br>", " ") == chart.title
        captions = [a.text.replace("<br>", " ") for a in layout.annotations]
        assert any("Figures extracted from news text by Trade-flow figures" in c for c in captions)
        assert chart.alt
        blob = json.dumps(chart.figure.to_plotly_json(), default=str)  # to_json would hide "<" as \u003c
        assert "<script>" not in blob and "<img" not in blob
        if chart.key == "rates":  # the evil document's sentence is in its hover, as text
            assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in blob


def test_selection_maps_points_to_sentences(frame: pd.DataFrame, view: View) -> None:
    chart = amounts_chart(view)
    first = chart.figure.data[0].customdata[0]
    event = {"selection": {"points": [{"customdata": first}]}}
    picked = frame[frame["figure_id"].isin(selected_ids(event))]
    assert picked["sentence"].tolist() == ["China's exports to Russia reached $110.97bn in 2023."]


def test_html_export_is_self_contained(view: View) -> None:
    page = chart_html(amounts_chart(view))
    assert "reached $110.97bn in 2023." in page and "trade:" in page  # sentences and figure ids travel with the page
    assert "Plotly.newPlot" in page
    assert not re.search(r"""<(?:script|link|img|iframe)[^>]+(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)
    assert 'aria-label="Horizontal bar chart' in page


def test_report_holds_every_sentence_of_the_view(frame: pd.DataFrame) -> None:
    source = Source.of_frame(frame)
    view = source.view(Filters(docs=("trade", "evil")), SELECTIONS)
    rows = source.page(Filters(docs=("trade", "evil")), 0, 100)
    report = report_html([amounts_chart(view), rates_chart(view)], rows, len(rows), "all figures")
    text = html.unescape(re.sub(r"<[^>]+>", "", report))  # the figure is marked inside its sentence
    for sentence in rows["sentence"]:
        assert sentence in text
    assert "<script>alert" not in report and "&lt;script&gt;alert" in report
    assert report.count("Plotly.newPlot") == 2 and f"All {len(rows)} figures." in report
    assert not re.search(r"""<script[^>]+src\s*=""", report)


def test_the_report_of_a_view_has_its_charts_claims_and_figures(frame: pd.DataFrame) -> None:
    report = view_report(Source.of_frame(frame), Filters(docs=("trade",)), 0.02)
    assert report.count("Plotly.newPlot") == 4 and "<h2>Claims</h2>" in report and "Filters: documents: trade." in report
    assert ">$110.97bn</mark> in 2023." in report  # each figure marked in its sentence


def test_a_long_report_says_how_many_figures_it_lists(frame: pd.DataFrame) -> None:
    rows = Source.of_frame(frame).page(Filters(), 0, 100)
    assert "The first 3 of 8 figures, in table order." in report_html([], rows.head(3), 8, "all figures")


def test_embed_snippet_points_at_the_html_file(view: View) -> None:
    snippet = embed_snippet("amounts.html", amounts_chart(view), "https://example.org/charts/amounts.html")
    assert '<iframe src="https://example.org/charts/amounts.html"' in snippet and "aspect-ratio" not in snippet
    assert "Host amounts.html" in snippet and 'addEventListener("message"' in snippet  # what to host; resizes itself


needs_browser = pytest.mark.skipif(find_browser() is None, reason="no Chromium for Kaleido")


@needs_browser
def test_png_export_is_a_png(view: View) -> None:
    chart = amounts_chart(view)
    png = image_bytes(chart, "png")
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 10_000
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (IMAGE_WIDTH, chart.figure.layout.height)  # the chart's own height: rows keep their room
    assert b"iTXtDescription" in png and b"Horizontal bar chart" in png
    image = Image.open(io.BytesIO(png))  # decoding proves the added chunks keep the file valid
    image.load()
    assert image.info["Description"].startswith("Horizontal bar chart")


@needs_browser
def test_svg_export_is_an_svg_with_title_and_source(view: View) -> None:
    svg = image_bytes(amounts_chart(view), "svg").decode()
    doc = xml.dom.minidom.parseString(svg)
    assert doc.documentElement.tagName == "svg"
    assert "Amounts in US dollars" in svg and "Trade-flow figures" in svg
    assert doc.documentElement.getElementsByTagName("desc")[0].firstChild.data.startswith("Horizontal bar chart")


def test_without_a_browser_image_export_says_so(monkeypatch: pytest.MonkeyPatch, view: View) -> None:
    find_browser.cache_clear()
    monkeypatch.setenv("PATH", "/nonexistent")
    monkeypatch.delenv("BROWSER_PATH", raising=False)
    try:
        assert find_browser() is None
        with pytest.raises(ExportUnavailable, match="Chromium"):
            image_bytes(amounts_chart(view), "png")
    finally:
        find_browser.cache_clear()


def test_highlight_escapes_and_marks() -> None:
    text = "<b>x</b> rose 5%"
    rows = figures_frame([("d", text)])
    out = highlight(text, rows)
    assert out.startswith("&lt;b&gt;x&lt;/b&gt;") and "<mark" in out and ">5%</mark>" in out


# --- one unit and one measure per axis ---------------------------------------------------------------

PANELS = (
    "Japan's exports to the United States were ¥1.52 trillion in 2023. "
    "US exports to Japan were $38.9 billion in 2023. "
    "China's exports to Russia reached $110.97bn in 2023 and $60bn in 2022. "
    "Tariffs rose 20% in 2024 and Chinese brands held 60% of the market in 2023."
)


@pytest.fixture(scope="module")
def panels_view() -> View:
    return Source.of_frame(figures_frame([("p", PANELS)])).view(Filters(), SELECTIONS)


def _panel_of_each_bar(chart) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """figure_id -> the x axis (panel) its bar is drawn on."""
    return {figure_id: trace.xaxis for trace in chart.figure.data for figure_id in trace.customdata}


def test_original_currency_draws_one_currency_per_panel(panels_view: View) -> None:
    chart = amounts_chart(panels_view, original_currency=True)
    axis_of = _panel_of_each_bar(chart)
    units = chart.rows.set_index("figure_id")["unit"]
    by_axis: dict[str, set[str]] = {}
    for figure_id, axis in axis_of.items():
        by_axis.setdefault(axis, set()).add(str(units[figure_id]))
    assert all(len(found) == 1 for found in by_axis.values()) and len(by_axis) >= 2  # ¥ never beside $


def test_rates_draw_changes_apart_from_shares(panels_view: View) -> None:
    chart = rates_chart(panels_view)
    roles = chart.rows.set_index("figure_id")["role"]
    by_axis: dict[str, set[str]] = {}
    for figure_id, axis in _panel_of_each_bar(chart).items():
        by_axis.setdefault(axis, set()).add(str(roles[figure_id]))
    assert sorted(map(sorted, by_axis.values())) == [["change"], ["share"]]


def test_flows_never_add_figures_of_different_periods(panels_view: View) -> None:
    periods = flow_periods(panels_view.summary)
    assert set(periods) == {"2022", "2023"}
    for period in periods:
        chart = flows_chart(panels_view, period=period)
        assert period in chart.title
        china = [v for s, v in zip(chart.figure.data[0].link.source, chart.figure.data[0].link.value, strict=True)
                 if chart.figure.data[0].node.label[s].startswith("China ")]  # fmt: skip
        assert china == [pytest.approx(110.97e9 if period == "2023" else 60e9)]  # never 170.97bn


def test_source_lines_name_title_outlet_and_date_of_the_documents_drawn() -> None:
    from extract import Document

    frame = figures_frame(
        [
            Document(
                "d1",
                "China's exports to Russia reached $110.97bn in 2023.",
                date="2024-01-15",
                url="https://www.example.com/a",
                title="China and Russia",
            ),
            Document("d2", "Exports rose 5% in 2023.", date="2024-02-01"),
        ]
    )
    chart = amounts_chart(Source.of_frame(frame).view(Filters(), SELECTIONS))
    assert chart.source.startswith("Source: “China and Russia”, example.com, 2024-01-15.")
    assert "d2" not in chart.source  # d2 gave this chart nothing
