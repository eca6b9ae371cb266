"""Shared paths for the tests."""

from __future__ import annotations

from pathlib import Path

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
