"""Shared paths for the tests."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold"
SEEDS = ROOT / "seeds"
# The public test sets live beside the project and are only read (never copied in).
EVAL_DIR = ROOT.parent / "shared" / "eval"
