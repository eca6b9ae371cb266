"""The dashboard in a real browser: `streamlit run` on a loopback port, driven by Playwright with the
system Chromium (never a downloaded browser). Leaves a screenshot in artifacts/."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="system Chromium not installed (apt-get install chromium)")
ARTIFACTS = ROOT / "artifacts"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]  # fmt: skip


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard.py"), "--server.address", "127.0.0.1",
         "--server.port", str(port), "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
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
    process.terminate()
    process.wait(timeout=20)


@pytest.fixture(scope="module")
def page(server: str):  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
        page = context.new_page()
        page.goto(server)
        page.wait_for_selector("h1:has-text('Trade-flow figures')", timeout=60_000)
        page.wait_for_selector(".js-plotly-plot .bars path", timeout=60_000)
        yield page
        browser.close()


def test_renders_heading_and_chart(page) -> None:  # type: ignore[no-untyped-def]
    assert page.locator("h1").first.inner_text() == "Trade-flow figures"
    assert page.locator(".js-plotly-plot").count() >= 1
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dashboard.png"))


def test_click_on_a_bar_lists_its_sentence(page) -> None:  # type: ignore[no-untyped-def]
    page.locator(".js-plotly-plot .bars path").first.click(force=True)
    page.wait_for_selector("text=Selected figures", timeout=30_000)
    selected = page.locator("li:has-text('900 million dollars')").first.inner_text()
    assert "70% of Russian imports of machine tools" in selected
    page.screenshot(path=str(ARTIFACTS / "dashboard-selection.png"))


def test_csv_download(page) -> None:  # type: ignore[no-untyped-def]
    # A fresh page, so that no rerun left by the selection test swallows the click.
    page.reload()
    page.wait_for_selector(".js-plotly-plot .bars path", timeout=60_000)
    button = page.get_by_role("button", name="CSV (filtered)")
    button.wait_for(state="visible", timeout=30_000)
    with page.expect_download(timeout=60_000) as info:
        button.click()
    content = Path(info.value.path()).read_text(encoding="utf-8")
    assert content.startswith("figure_id,doc_id,sentence_index")
    assert "900 million dollars" in content and len(content.splitlines()) == 11
