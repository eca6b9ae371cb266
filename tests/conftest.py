"""Shared paths and fixtures for the tests."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold"
SEEDS = ROOT / "seeds"
# The public test sets live beside the project and are only read (never copied in).
EVAL_DIR = ROOT.parent / "shared" / "eval"

# Hypothesis profiles: "ci" is the short run of every test command; "campaign" is the long fuzz run
# reported in the README (python -m pytest tests/test_fuzz.py --hypothesis-profile=campaign).
settings.register_profile("ci", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("campaign", max_examples=100_000, deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile("ci")

# The system Chromium the browser tests drive through Playwright (never a downloaded browser).
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]  # fmt: skip


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One Chromium for a test module (Playwright's sync API runs one event loop at a time)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()
