"""Every export of every chart, rendered in the system Chromium as a reader would open it: the SVG
and PNG (Kaleido), the offline HTML page at desktop and phone widths, the report, and the embed
snippet in a page of its own served over HTTP. Each check reads the rendered DOM (no OCR): every
row label of the chart is drawn whole inside the page, nothing overlaps the source line, and the
phone never scrolls sideways. One browser for the module; screenshots are left in artifacts/."""

from __future__ import annotations

import functools
import http.server
import io
import os
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import CHROMIUM, ROOT
from PIL import Image
from written_articles import DOCUMENTS

from dashboard_lib import (
    IMAGE_WIDTH,
    SELECTIONS,
    Chart,
    Filters,
    Source,
    amounts_chart,
    chart_html,
    embed_snippet,
    find_browser,
    flows_chart,
    image_bytes,
    rates_chart,
    report_html,
    timeline_chart,
)
from extract import figures_frame

pytestmark = pytest.mark.skipif(
    not os.path.exists(CHROMIUM) or find_browser() is None, reason="system Chromium not installed (apt-get install chromium)"
)
ARTIFACTS = ROOT / "artifacts"
DESKTOP, PHONE = {"width": 1440, "height": 900}, {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def charts() -> list[Chart]:
    source = Source.of_frame(figures_frame(DOCUMENTS))
    view = source.view(Filters(), SELECTIONS)
    return [
        amounts_chart(view),
        amounts_chart(view, original_currency=True),
        rates_chart(view),
        flows_chart(view),
        timeline_chart(view),
    ]


@pytest.fixture(scope="module", autouse=True)
def kaleido_server() -> Iterator[None]:
    """One Kaleido browser for the module's images (a cold start per image takes seconds)."""
    import warnings

    import kaleido

    os.environ.setdefault("BROWSER_PATH", find_browser() or CHROMIUM)
    kaleido.start_sync_server(silence_warnings=True)
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "The kopts argument is ignored")
        yield
    kaleido.stop_sync_server(silence_warnings=True)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """A folder served over HTTP on a loopback port (the embed's hosted file and its page)."""
    folder = tmp_path_factory.mktemp("site")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield folder, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _drawn(label: str) -> str:
    """A label as its annotation draws it (two lines at most), without spaces."""
    from dashboard_lib.charts import label_text

    return _squash(label_text(label).replace("<br>", "").replace("&amp;", "&"))


# The boxes of every text of the plots in the page (or of one SVG), and of the bars.
_BOXES = """(root) => {
  const scope = root ? document.querySelector(root) : document;
  const box = (e) => { const r = e.getBoundingClientRect(); return {x: r.left, y: r.top, r: r.right, b: r.bottom}; };
  const texts = [...scope.querySelectorAll('svg text')].filter(t => t.textContent.trim()).map(
      t => ({text: t.textContent, ...box(t)}));
  const bars = [...scope.querySelectorAll('.bars path, .sankey .node-rect')].map(box).filter(b => b.r > b.x);
  return {texts, bars, width: document.documentElement.clientWidth, scroll: document.documentElement.scrollWidth};
}"""


def _overlaps(a: dict[str, float], b: dict[str, float]) -> bool:
    return a["x"] < b["r"] - 1 and b["x"] < a["r"] - 1 and a["y"] < b["b"] - 1 and b["y"] < a["b"] - 1


def _check_page(page, chart: Chart, width: int, root: str = "") -> None:  # type: ignore[no-untyped-def]
    """Every row label whole and inside the width; the source line clear of every other text and bar."""
    found = page.evaluate(_BOXES, root or None)
    texts = found["texts"]
    squashed = [_squash(t["text"]) for t in texts]
    for label in chart.labels if chart.key != "flows" else []:
        assert _drawn(label) in squashed, (chart.key, label)
    for t in texts:
        assert t["x"] >= -1 and t["r"] <= width + 1, (chart.key, t["text"], t["x"], t["r"], width)
    sources = [t for t in texts if t["text"].startswith("Source:")]
    assert len(sources) == 1, chart.key
    source = sources[0]
    for t in texts:
        if t is not source:
            assert not _overlaps(source, t), (chart.key, t["text"])
    for bar in found["bars"]:
        assert not _overlaps(source, bar), (chart.key, bar)


# --- SVG and PNG (Kaleido) ---------------------------------------------------------------------------


def test_svg_and_png_exports_keep_every_label_and_a_clear_source_line(browser, charts: list[Chart]) -> None:  # type: ignore[no-untyped-def]
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": IMAGE_WIDTH, "height": 900})
    try:
        for chart in charts:
            svg = image_bytes(chart, "svg").decode("utf-8")
            page.set_content(f"<!DOCTYPE html><html><body style='margin:0'>{svg}</body></html>")
            _check_page(page, chart, IMAGE_WIDTH)
            png = image_bytes(chart, "png")
            image = Image.open(io.BytesIO(png))
            assert image.size == (IMAGE_WIDTH, chart.figure.layout.height)  # the same layout as the SVG
            (ARTIFACTS / f"export-{chart.key}{'-written' if 'written' in chart.title else ''}.png").write_bytes(png)
    finally:
        page.close()


# --- offline HTML at desktop and phone widths -----------------------------------------------------------


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_offline_html_keeps_every_label_at_any_width(browser, charts: list[Chart], tmp_path: Path, viewport) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport=viewport)
    try:
        for chart in charts:
            path = tmp_path / f"{chart.key}.html"
            path.write_text(chart_html(chart), encoding="utf-8")
            page.goto(path.as_uri())
            page.wait_for_selector(".js-plotly-plot .main-svg", timeout=30_000)
            page.wait_for_timeout(200)
            _check_page(page, chart, viewport["width"])
            assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]  # never sideways
            assert page.locator(".modebar-container .modebar").count() == 0  # nothing over the title
            name = f"export-{chart.key}{'-written' if 'written' in chart.title else ''}-html-{viewport['width']}.png"
            page.screenshot(path=str(ARTIFACTS / name), full_page=True)
    finally:
        page.close()


# --- the report --------------------------------------------------------------------------------------


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_report_reflows_and_keeps_every_label(browser, charts: list[Chart], tmp_path: Path, viewport) -> None:  # type: ignore[no-untyped-def]
    source = Source.of_frame(figures_frame(DOCUMENTS))
    rows = source.page(Filters(), 0, 100)
    drawn = [c for c in charts if "written" not in c.title]
    path = tmp_path / "report.html"
    path.write_text(report_html(drawn, rows, len(rows), "all figures", source.claims(Filters())), encoding="utf-8")
    page = browser.new_page(viewport=viewport)
    try:
        page.goto(path.as_uri())
        page.wait_for_function(f"document.querySelectorAll('.js-plotly-plot .main-svg').length >= {len(drawn)}")
        page.wait_for_timeout(300)
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]  # the page reflows
        for number, chart in enumerate(drawn, start=1):
            _check_page(page, chart, viewport["width"], root=f"figure:nth-of-type({number})")
        text = page.inner_text("body")
        assert "$900 million" in text and "9e+08" not in text and "China → Russia" in text
        page.screenshot(path=str(ARTIFACTS / f"export-report-{viewport['width']}.png"), full_page=True)
    finally:
        page.close()


# --- the embed ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_embed_takes_the_height_of_its_chart(browser, charts: list[Chart], served, viewport) -> None:  # type: ignore[no-untyped-def]
    folder, url = served
    chart = charts[0]
    (folder / "amounts.html").write_text(chart_html(chart), encoding="utf-8")  # the file the snippet says to host
    snippet = embed_snippet("amounts.html", chart, f"{url}/amounts.html")
    host = "<!DOCTYPE html><html><head><meta name='viewport' content='width=device-width'></head><body style='margin:8px'>"
    host += f"<p>An article around the chart.</p>{snippet}<p>After the chart.</p></body></html>"
    (folder / "article.html").write_text(host, encoding="utf-8")
    page = browser.new_page(viewport=viewport)
    try:
        page.goto(f"{url}/article.html")
        frame_element = page.locator("iframe[data-trade-flow-figures]")
        frame = frame_element.element_handle().content_frame()  # type: ignore[union-attr]
        assert frame is not None
        frame.wait_for_selector(".js-plotly-plot .main-svg", timeout=30_000)
        inner = 0
        for _ in range(50):  # the page posts its height once drawn
            inner = frame.evaluate("document.documentElement.scrollHeight")
            if abs(frame_element.evaluate("e => e.getBoundingClientRect().height") - inner) <= 2:
                break
            page.wait_for_timeout(100)
        assert abs(frame_element.evaluate("e => e.getBoundingClientRect().height") - inner) <= 2  # nothing clipped
        assert frame.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        _check_page(frame, chart, viewport["width"] - 16)
        assert "alternative" not in frame.inner_text("figcaption").lower() and chart.alt in frame.inner_text("figcaption")
        page.screenshot(path=str(ARTIFACTS / f"export-embed-{viewport['width']}.png"), full_page=True)
    finally:
        page.close()


def test_empty_charts_say_so_instead_of_drawing_axes() -> None:
    view = Source.of_frame(figures_frame(DOCUMENTS)).view(Filters(search="no such words"), SELECTIONS)
    for chart in (amounts_chart(view), rates_chart(view), flows_chart(view), timeline_chart(view)):
        assert chart.empty.startswith("No ") and not chart.figure.data and chart.rows.empty
        assert "Source:" not in str(chart.figure.layout.annotations)  # no "Source: 0 documents ()"
