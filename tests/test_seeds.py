"""Golden test over the user's seed articles, and the committed table's freshness."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest
from conftest import ROOT, SEEDS

from extract import extract_figures, figures_frame, read_documents

FRANCE = "000_e13ff6d2d78ae1e3"
CHINA = "004_ded4dca0695fc32f"


@pytest.fixture(scope="module")
def figures() -> dict[str, list]:
    out = {}
    for doc in read_documents([SEEDS]):
        out[doc.doc_id] = extract_figures(doc.text, doc_id=doc.doc_id)
    return out


def test_the_four_trade_figures(figures: dict[str, list]) -> None:
    rows = {(f.surface, f.value, f.unit, f.qualifier): f.sentence for f in figures[FRANCE]}
    growth = "China's exports to Russia jumped 64.2% between 2021 and 2023."
    machine = (
        "In the last quarter of 2023, 70% of Russian imports of machine tools which amounted to "
        "around 900 million dollars (835 million euros) came from China."
    )
    assert rows[("64.2%", 64.2, "percent", "exact")] == growth
    assert rows[("70%", 70.0, "percent", "exact")] == machine
    assert rows[("900 million dollars", 900e6, "USD", "approx")] == machine
    assert rows[("835 million euros", 835e6, "EUR", "approx")] == machine


def test_nothing_from_dates_caption_or_base64(figures: dict[str, list]) -> None:
    surfaces = {f.surface for f in figures[FRANCE] + figures[CHINA]}
    assert not surfaces & {"140322", "26", "2024", "6", "7", "2", "14", "24", "2021", "2023"}
    text = (SEEDS / f"{CHINA}.txt").read_text(encoding="utf-8")
    caption_end = text.index("\n")
    junk_start = text.index("yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")
    assert all(caption_end <= f.start < junk_start for f in figures[CHINA])


def test_durations_and_counts_of_the_seeds(figures: dict[str, list]) -> None:
    assert ("two years", "year", "exact") in {(f.surface, f.unit, f.qualifier) for f in figures[FRANCE]}
    assert ("15 days", "day", "more_than") in {(f.surface, f.unit, f.qualifier) for f in figures[CHINA]}


def test_committed_table_is_up_to_date(tmp_path) -> None:
    fresh = tmp_path / "figures.csv"
    subprocess.run([sys.executable, "-m", "extract", str(SEEDS), "-o", str(fresh), "-q"], check=True, cwd=ROOT)
    committed = (ROOT / "data" / "figures.csv").read_text(encoding="utf-8")
    assert fresh.read_text(encoding="utf-8") == committed, "run: python -m extract seeds -o data/figures.csv"


def test_frame_matches_records(figures: dict[str, list]) -> None:
    frame = figures_frame(read_documents([SEEDS]))
    assert len(frame) == sum(len(v) for v in figures.values())
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns[:13]) == [
        "figure_id",
        "doc_id",
        "sentence_index",
        "start",
        "end",
        "surface",
        "value",
        "value_low",
        "value_high",
        "unit",
        "kind",
        "qualifier",
        "sentence",
    ]
