"""The compiled extractor (mypyc, ``python setup.py build_ext --inplace``) against its own .py sources.

Both run ``python -m tools.same_output`` in a subprocess — the compiled build from the repository,
the pure build from a copy of the .py files alone — on the seeds, the gold sets, the dense corpus
and 200 news articles, figures only and with context; every field of every record must be equal.
The doctests of the compiled modules (pytest skips them in the repository, where they import as
extensions) run here on the copy. Skipped where no compiled build is present, unless
TRADE_FIGURES_REQUIRE_COMPILED is set (CI sets it: a build that fell back to pure Python fails).
"""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from extract import explain, extract_figures
from tools import is_compiled

COMPILED = is_compiled()
SHARED = ROOT.parent / "shared"

if not COMPILED and os.environ.get("TRADE_FIGURES_REQUIRE_COMPILED"):
    pytest.fail("TRADE_FIGURES_REQUIRE_COMPILED is set and the extractor imports as pure Python", pytrace=False)
needs_build = pytest.mark.skipif(not COMPILED, reason="no compiled build here (python setup.py build_ext --inplace)")


@pytest.fixture(scope="module")
def pure_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package, the tools and the test texts, .py files and data only: nothing compiled."""
    copy = tmp_path_factory.mktemp("pure")
    keep = shutil.ignore_patterns("*.so", "__pycache__", "*.c")
    for folder in ("extract", "tools", "seeds", "tests/gold"):
        shutil.copytree(ROOT / folder, copy / folder, ignore=keep)
    shutil.copy(ROOT / "pyproject.toml", copy / "pyproject.toml")
    return copy


def _same_output(cwd: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "tools.same_output", "--digest", "--news", "200", "--shared", str(SHARED)],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
        env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
    )
    return done.stdout.strip().splitlines()[-1]


@needs_build
def test_compiled_and_pure_make_the_same_records(pure_copy: Path) -> None:
    compiled, pure = _same_output(ROOT), _same_output(pure_copy)
    assert compiled.endswith("compiled=True") and pure.endswith("compiled=False")
    assert compiled.split()[1] == pure.split()[1]


@needs_build
def test_doctests_of_the_compiled_modules_pass_on_their_sources(pure_copy: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "--doctest-modules", "-p", "no:cacheprovider", "extract"],
        cwd=pure_copy,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout[-3000:]


def test_records_pickle_compiled_or_not() -> None:
    """Records cross process boundaries (a pool, Dask): mypyc's own classes would not unpickle frozen."""
    explanation = explain("Exports rose 5% to $3bn in 2023, up from between 2 and 3 million tonnes.")
    assert pickle.loads(pickle.dumps(explanation)) == explanation
    figures = extract_figures("Exports rose 5% to $3bn in 2023.")
    assert pickle.loads(pickle.dumps(figures)) == figures
