"""Charts and exports without Streamlit: what each chart draws, and the files a user downloads."""

from __future__ import annotations

import io
import re
import xml.dom.minidom

import pandas as pd
import pytest
from PIL import Image

from dashboard_lib import charts, data, export
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


def test_amounts_draw_restatements_once_and_say_what_is_left_out(frame: pd.DataFrame) -> None:
    chart = charts.amounts_chart(frame)
    assert list(chart.rows["surface"]) == ["$110.97bn", "900 million dollars"]
    assert "1 amount(s) without a US-dollar rate are left out" in chart.note
    assert "~ approximate" in chart.note
    texts = [t for trace in chart.figure.data for t in trace.text]
    assert "~900m USD" in texts


def test_amounts_in_original_currency(frame: pd.DataFrame) -> None:
    chart = charts.amounts_chart(frame, original_currency=True)
    assert set(chart.rows["unit"]) == {"USD", "RUB"}


def test_rates_separate_changes_from_shares_and_mark_ranges(frame: pd.DataFrame) -> None:
    chart = charts.rates_chart(frame)
    names = {trace.name for trace in chart.figure.data}
    assert {"change up", "share"} <= names
    ranged = [
        t
        for t in chart.figure.data
        if any(chart.rows.set_index("figure_id").loc[i, "qualifier"] == "range" for i in t.customdata)
    ]
    assert ranged and ranged[0].error_x.visible


def test_flows_sum_money_by_exporter_and_importer(frame: pd.DataFrame) -> None:
    chart = charts.flows_chart(frame)
    sankey = chart.figure.data[0]
    assert list(sankey.node.label) == ["CHN (exporter)", "RUS (importer)"]
    assert sankey.link.value[0] == pytest.approx(110.97e9)
    assert "reached $110.97bn" in sankey.link.customdata[0]


def test_timeline_places_figures_on_periods(frame: pd.DataFrame) -> None:
    chart = charts.timeline_chart(frame)
    assert len(chart.rows) == len(frame[frame["period_start"] != ""])


def test_every_chart_has_title_source_alt_and_escapes_document_text(frame: pd.DataFrame) -> None:
    for chart in (
        charts.amounts_chart(frame),
        charts.rates_chart(frame),
        charts.flows_chart(frame),
        charts.timeline_chart(frame),
    ):
        layout = chart.figure.layout
        assert layout.title.text == chart.title
        assert any("Figures extracted from news text by Trade-flow figures" in a.text for a in layout.annotations)
        assert chart.alt
        blob = chart.figure.to_json()
        assert "<script>" not in blob and "<img" not in blob


def test_selection_maps_points_to_sentences(frame: pd.DataFrame) -> None:
    chart = charts.amounts_chart(frame)
    first = chart.figure.data[0].customdata[0]
    event = {"selection": {"points": [{"customdata": first}]}}
    picked = frame[frame["figure_id"].isin(charts.selected_ids(event))]
    assert picked["sentence"].tolist() == ["China's exports to Russia reached $110.97bn in 2023."]


def test_html_export_is_self_contained(frame: pd.DataFrame) -> None:
    page = export.chart_html(charts.amounts_chart(frame))
    assert "reached $110.97bn in 2023." in page and "trade:" in page  # sentences and figure ids travel with the page
    assert "Plotly.newPlot" in page
    assert not re.search(r"""<(?:script|link|img|iframe)[^>]+(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)
    assert 'aria-label="Horizontal bar chart' in page


def test_report_holds_every_sentence_of_the_view(frame: pd.DataFrame) -> None:
    view = data.apply_filters(frame, data.Filters(docs=("trade", "evil")))
    report = export.report_html([charts.amounts_chart(view), charts.rates_chart(view)], view, "all figures")
    for sentence in view["sentence"]:
        assert export.html.escape(sentence) in report
    assert "<script>alert" not in report and "&lt;script&gt;alert" in report
    assert report.count("Plotly.newPlot") == 2
    assert not re.search(r"""<script[^>]+src\s*=""", report)


def test_embed_snippet_points_at_the_html_file(frame: pd.DataFrame) -> None:
    snippet = export.embed_snippet("amounts.html", charts.amounts_chart(frame))
    assert snippet.startswith('<iframe src="amounts.html"') and "aspect-ratio" in snippet


needs_browser = pytest.mark.skipif(export.find_browser() is None, reason="no Chromium for Kaleido")


@needs_browser
def test_png_export_is_a_png(frame: pd.DataFrame) -> None:
    png = export.image_bytes(charts.amounts_chart(frame), "png")
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 10_000
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (export.IMAGE_WIDTH, export.IMAGE_HEIGHT)
    assert b"iTXtDescription" in png and b"Horizontal bar chart" in png
    image = Image.open(io.BytesIO(png))  # decoding proves the added chunks keep the file valid
    image.load()
    assert image.info["Description"].startswith("Horizontal bar chart")


@needs_browser
def test_svg_export_is_an_svg_with_title_and_source(frame: pd.DataFrame) -> None:
    svg = export.image_bytes(charts.amounts_chart(frame), "svg").decode()
    doc = xml.dom.minidom.parseString(svg)
    assert doc.documentElement.tagName == "svg"
    assert "Amounts in US dollars" in svg and "Trade-flow figures" in svg
    assert doc.documentElement.getElementsByTagName("desc")[0].firstChild.data.startswith("Horizontal bar chart")


def test_without_a_browser_image_export_says_so(monkeypatch: pytest.MonkeyPatch, frame: pd.DataFrame) -> None:
    export.find_browser.cache_clear()
    monkeypatch.setenv("PATH", "/nonexistent")
    monkeypatch.delenv("BROWSER_PATH", raising=False)
    try:
        assert export.find_browser() is None
        with pytest.raises(export.ExportUnavailable, match="Chromium"):
            export.image_bytes(charts.amounts_chart(frame), "png")
    finally:
        export.find_browser.cache_clear()


def test_highlight_escapes_and_marks() -> None:
    text = "<b>x</b> rose 5%"
    rows = figures_frame([("d", text)])
    out = export.highlight(text, rows)
    assert out.startswith("&lt;b&gt;x&lt;/b&gt;") and "<mark" in out and ">5%</mark>" in out
