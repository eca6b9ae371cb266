"""The project's own gold set (tests/gold/figures.jsonl): precision and recall floors.

A predicted figure matches a gold one when surface, unit and qualifier are equal and the value is
within 0.5 % (one-to-one greedy matching, the evaluator's). The floors sit just under the measured
scores, so a regression fails CI.
"""

from __future__ import annotations

import json

import pytest
from conftest import GOLD

from extract import Figure, extract_figures
from tools.evaluate import greedy_pairs

PRECISION_FLOOR = 0.97
RECALL_FLOOR = 0.97


def _cases() -> list[dict]:
    return [json.loads(line) for line in (GOLD / "figures.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]


def _same(f: Figure, g: dict) -> bool:
    close = abs(f.value - g["value"]) <= 0.005 * max(abs(g["value"]), 1e-9)
    return f.surface == g["surface"] and f.unit == g["unit"] and f.qualifier == g["qualifier"] and close


def score() -> tuple[float, float, dict[str, tuple[int, int, int]]]:
    predicted = gold = matched = 0
    by_group: dict[str, tuple[int, int, int]] = {}
    for case in _cases():
        figures = extract_figures(case["text"])
        hits = len(greedy_pairs(figures, case["figures"], _same))
        p, gl, m = by_group.get(case["group"], (0, 0, 0))
        by_group[case["group"]] = (p + len(figures), gl + len(case["figures"]), m + hits)
        predicted += len(figures)
        gold += len(case["figures"])
        matched += hits
    return matched / predicted, matched / gold, by_group


def test_gold_set_floors() -> None:
    precision, recall, by_group = score()
    assert precision >= PRECISION_FLOOR, by_group
    assert recall >= RECALL_FLOOR, by_group


@pytest.mark.parametrize("case", _cases(), ids=lambda c: f"{c['group']}: {c['text'][:40]}")
def test_gold_bounds(case: dict) -> None:
    """Where the gold set states bounds, they are the ones extracted."""
    figures = extract_figures(case["text"])
    for g in case["figures"]:
        if "value_low" in g:
            (f,) = [f for f in figures if f.surface == g["surface"]]
            assert (f.value_low, f.value_high) == (g["value_low"], g["value_high"])
