"""Gate on the public test sets in ../shared/eval: pinned floors, so a regression fails CI.

The floors sit a little under the scores that `python -m tools.evaluate` prints today.
"""

from __future__ import annotations

import pytest
from conftest import EVAL_DIR

from tools.evaluate import newsquant_cases, quantulum_cases, score

pytestmark = pytest.mark.skipif(not (EVAL_DIR / "newsquant-dev.json").is_file(), reason="../shared/eval not present")

# (value F1, value+unit F1) floors
FLOORS = {
    "newsquant": (0.90, 0.83),
    "quantulum3": (0.60, 0.44),
}


def test_newsquant_floor() -> None:
    result = score("NewsQuant", newsquant_cases(EVAL_DIR / "newsquant-dev.json"))
    assert result.prf(result.value_matches)[2] >= FLOORS["newsquant"][0]
    assert result.prf(result.unit_matches)[2] >= FLOORS["newsquant"][1]


def test_quantulum3_floor() -> None:
    result = score("quantulum3", quantulum_cases(EVAL_DIR / "quantulum3" / "quantities.json"))
    assert result.prf(result.value_matches)[2] >= FLOORS["quantulum3"][0]
    assert result.prf(result.unit_matches)[2] >= FLOORS["quantulum3"][1]
