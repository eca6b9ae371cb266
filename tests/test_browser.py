"""The dashboard in a real browser: `streamlit run` on a loopback port, driven by Playwright with the
system Chromium (never a downloaded browser), on the seeds and on a few hundred real news articles
(skipped when the corpus is not beside the project). Every view is opened; screenshots are left in
artifacts/."""

from __future__ import annotations

import gzip
import itertools
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
import pytest
from conftest import CHROMIUM, ROOT

pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="system Chromium not installed (apt-get install chromium)")
ARTIFACTS = ROOT / "artifacts"
CORPUS = ROOT.parent / "shared" / "corpora" / "news-dev.jsonl.gz"
CORPUS_ARTICLES = 300
# Each view, and what it shows once it has run.
VIEWS = {
    "Figures": "ol.figures mark",
    "Claims": "[data-testid='stDataFrame']",
    "Amounts": ".js-plotly-plot",
    "Rates and shares": ".js-plotly-plot",
    "Flows": ".js-plotly-plot",
    "Timeline": ".js-plotly-plot",
    "Table": "[data-testid='stDataFrame']",
    "Documents": "mark, [data-testid='stCaptionContainer']",
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def _server(*argv: str) -> Iterator[str]:
    """`streamlit run dashboard.py -- ARGV` on a free loopback port, stopped afterwards."""
    port = _free_port()
    extra = ["--", *argv] if argv else []
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard.py"), "--server.address", "127.0.0.1",
         "--server.port", str(port), "--server.headless", "true", "--browser.gatherUsageStats", "false", *extra],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(0.5)
        else:
            process.kill()
            pytest.fail("streamlit did not start: " + (process.stdout.read().decode() if process.stdout else ""))
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


@contextmanager
def _page(browser, url: str) -> Iterator[object]:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    try:
        page.goto(url)
        page.wait_for_selector("h1:has-text('Trade-flow figures')", timeout=60_000)
        page.wait_for_selector("ol.figures mark", timeout=60_000)
        yield page
    finally:
        context.close()


def _open(page, view: str) -> None:  # type: ignore[no-untyped-def]
    page.get_by_role("tab", name=view, exact=True).click()
    page.wait_for_function(f"() => new URL(location.href).searchParams.get('view') === {view!r} || {view!r} === 'Figures'")
    page.locator(VIEWS[view]).first.wait_for(state="attached", timeout=60_000)
    page.wait_for_timeout(300)  # let the rerun settle before the next click


def _walk_every_view(page, name: str) -> None:  # type: ignore[no-untyped-def]
    ARTIFACTS.mkdir(exist_ok=True)
    for view in VIEWS:
        _open(page, view)
        assert page.locator("[data-testid='stException']").count() == 0, view
        page.screenshot(path=str(ARTIFACTS / f"{name}-{view.lower().replace(' ', '-')}.png"))


# --- the seeds ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def page(browser):  # type: ignore[no-untyped-def]
    with _server() as url, _page(browser, url) as page:
        yield page


def test_the_first_view_shows_each_figure_in_its_sentence(page) -> None:  # type: ignore[no-untyped-def]
    assert page.locator("h1").first.inner_text() == "Trade-flow figures"
    seeds = len(pd.read_csv(ROOT / "data" / "figures.csv"))
    assert page.locator("ol.figures li").count() == seeds and page.locator("ol.figures mark").count() == seeds
    assert "64.2%" in page.locator("ol.figures li").nth(1).inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dashboard.png"))


def test_every_view_opens_on_the_seeds(page) -> None:  # type: ignore[no-untyped-def]
    _walk_every_view(page, "seeds")


def test_click_on_a_bar_lists_its_sentence(page) -> None:  # type: ignore[no-untyped-def]
    _open(page, "Amounts")
    page.wait_for_selector(".js-plotly-plot .bars path", timeout=60_000)
    page.locator(".js-plotly-plot .bars path").first.click(force=True)
    page.wait_for_selector("text=Selected figures", timeout=30_000)
    selected = page.locator("li:has-text('900 million dollars')").first.inner_text()
    assert "70% of Russian imports of machine tools" in selected
    page.screenshot(path=str(ARTIFACTS / "dashboard-selection.png"))


def test_csv_download(page) -> None:  # type: ignore[no-untyped-def]
    # A fresh page, so that no rerun left by the selection test swallows the click.
    page.reload()
    page.wait_for_selector("h1:has-text('Trade-flow figures')", timeout=60_000)
    button = page.get_by_role("button", name="CSV (filtered)")
    button.wait_for(state="visible", timeout=30_000)
    page.wait_for_timeout(500)
    with page.expect_download(timeout=60_000) as info:
        button.click()
    content = Path(info.value.path()).read_text(encoding="utf-8")
    assert content.startswith("figure_id,doc_id,sentence_index")
    seeds = len(pd.read_csv(ROOT / "data" / "figures.csv"))
    assert "900 million dollars" in content and len(content.splitlines()) == seeds + 1  # and the header


# --- real news ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def news(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The table of the first articles of the development corpus, made by the CLI (with its
    documents report, which dates them). Only in a temporary folder: never in the project."""
    if not CORPUS.is_file():
        pytest.skip("the development corpus is not beside the project")
    folder = tmp_path_factory.mktemp("news")
    with gzip.open(CORPUS, "rt", encoding="utf-8") as lines:
        (folder / "news.jsonl").write_text("".join(itertools.islice(lines, CORPUS_ARTICLES)), encoding="utf-8")
    table = folder / "news.parquet"
    subprocess.run([sys.executable, "-m", "extract", str(folder / "news.jsonl"), "-o", str(table), "-q", "--jobs", "1"],
                   cwd=ROOT, check=True, capture_output=True)  # fmt: skip
    return table


def test_every_view_opens_on_real_news_and_a_claim_is_one_click_from_its_sources(browser, news: Path) -> None:  # type: ignore[no-untyped-def]
    with _server("--table", str(news)) as url, _page(browser, url) as page:
        _walk_every_view(page, "news")
        _open(page, "Claims")
        assert page.get_by_text("First claim:").count() == 1
        grid = page.locator("[data-testid='stDataFrame']").first
        box = grid.bounding_box()
        assert box is not None
        page.mouse.click(box["x"] + 18, box["y"] + 35 + 35 + 17)  # the second row's selection box
        page.wait_for_selector("text=Selected claim:", timeout=30_000)
        assert page.locator("text=Its sources, earliest first").count() == 1
        assert page.locator("mark").count() >= 1  # the figure marked in its sentence
        page.screenshot(path=str(ARTIFACTS / "news-claim-selected.png"))


# --- articles written for the tests, at desktop and phone widths ---------------------------------------

WIDTHS = {"desktop": {"width": 1440, "height": 900}, "phone": {"width": 390, "height": 844}}
# The texts of every plot in the page: where each is drawn, and whether a mode bar is shown.
_PLOT_TEXTS = """() => {
  const texts = [...document.querySelectorAll('.js-plotly-plot svg text')].filter(t => t.textContent.trim());
  return {texts: texts.map(t => { const r = t.getBoundingClientRect(); return {text: t.textContent, x: r.left, r: r.right}; }),
          modebars: document.querySelectorAll('.js-plotly-plot .modebar').length};
}"""


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The dashboard over a table of articles written for the tests (titles, addresses, dates)."""
    from written_articles import DOCUMENTS

    from extract import figures_frame, write_table

    table = tmp_path_factory.mktemp("written") / "written.csv"
    write_table(figures_frame(DOCUMENTS), str(table))
    with _server("--table", str(table)) as url:
        yield url


@contextmanager
def _sized_page(browser, url: str, size: dict[str, int], ready: str = "ol.figures mark") -> Iterator[object]:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport=size, accept_downloads=True)
    page = context.new_page()
    try:
        page.goto(url)
        page.wait_for_selector("h1:has-text('Trade-flow figures')", timeout=60_000)
        page.wait_for_selector(ready, timeout=60_000)
        yield page
    finally:
        context.close()


@pytest.mark.parametrize("width", list(WIDTHS))
def test_every_view_fits_the_width_with_its_labels_whole(browser, written: str, width: str) -> None:  # type: ignore[no-untyped-def]
    size = WIDTHS[width]
    with _sized_page(browser, written, size) as page:
        for view in VIEWS:
            _open(page, view)
            assert page.locator("[data-testid='stException']").count() == 0, view
            if VIEWS[view] == ".js-plotly-plot":
                page.wait_for_selector(".js-plotly-plot .main-svg", timeout=60_000)
                page.wait_for_timeout(500)
                found = page.evaluate(_PLOT_TEXTS)
                assert found["modebars"] == 0, view  # nothing over the title
                assert any(t["text"].startswith("Source:") for t in found["texts"]), view
                for t in found["texts"]:  # every label, value and source line inside the screen
                    assert t["x"] >= -1 and t["r"] <= size["width"] + 1, (view, t)
            page.wait_for_selector("[data-testid='stStatusWidget']", state="detached", timeout=60_000)  # the run is over
            name = f"app-{width}-{view.lower().replace(' ', '-')}"
            page.screenshot(path=str(ARTIFACTS / f"{name}.png"))
            if VIEWS[view] == ".js-plotly-plot":  # the whole chart, below the fold on a phone
                page.locator(".js-plotly-plot").first.screenshot(path=str(ARTIFACTS / f"{name}-chart.png"))


def test_an_empty_view_says_so_and_clears_its_filters(browser, written: str) -> None:  # type: ignore[no-untyped-def]
    url = f"{written}/?search=no+such+words&view=Amounts"
    with _sized_page(browser, url, WIDTHS["phone"], ready="text=No amounts match the filters.") as page:
        assert page.locator(".js-plotly-plot").count() == 0  # no empty axes
        page.screenshot(path=str(ARTIFACTS / "app-phone-empty.png"), full_page=True)
        page.get_by_role("button", name="Clear filters").last.click()
        page.wait_for_selector(".js-plotly-plot .main-svg", timeout=60_000)


def test_period_text_that_is_not_a_date_is_refused(browser, written: str) -> None:  # type: ignore[no-untyped-def]
    with _sized_page(browser, f"{written}/?period_from=last+spring", WIDTHS["desktop"]) as page:
        page.wait_for_selector("text=is not a year or a date", timeout=60_000)
        shown, total = re.search(r"([\d,]+) of ([\d,]+) figures", page.inner_text("body")).groups()  # type: ignore[union-attr]
        assert shown == total  # the refused bound is not applied
