"""Dashboard benchmark: ``python -m dashboard_lib.bench [--figures N]``.

Builds a table of N figures (default 1,000,000) by extracting the benchmark corpus under several
document ids, writes it as a Parquet dataset folder of ten parts (as the CLI writes a big run),
then runs the dashboard script on it headless with Streamlit's testing harness and reports the
time to the first complete render and to the re-render after a filter change (median of 3).
Server-side time: the browser's own drawing comes on top. A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "bench" / "trade-dense-1MB.txt"


def build_table(figures: int, corpus: Path = CORPUS) -> pd.DataFrame:
    from extract import figures_frame

    base = figures_frame([("bench", corpus.read_text(encoding="utf-8"))])
    copies = -(-figures // len(base))
    frames = [
        base.assign(doc_id=f"bench-{i}", figure_id=base["figure_id"].str.replace("bench:", f"bench-{i}:", regex=False))
        for i in range(copies)
    ]
    return pd.concat(frames, ignore_index=True).head(figures)


def time_dashboard(table: Path, runs: int) -> tuple[list[float], list[float]]:
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    first, refilter = [], []
    saved = sys.argv
    sys.argv = ["dashboard.py", "--table", str(table)]
    try:
        for _ in range(runs):
            st.cache_data.clear()  # Streamlit's caches outlive an AppTest: each run must start cold
            st.cache_resource.clear()
            at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=600)
            start = time.perf_counter()
            at.run()
            first.append(time.perf_counter() - start)
            if at.exception:
                raise RuntimeError(at.exception[0].message)
            at.multiselect(key="f_kind").set_value(["money"])
            start = time.perf_counter()
            at.run()
            refilter.append(time.perf_counter() - start)
    finally:
        sys.argv = saved
    return first, refilter


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard_lib.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--figures", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    table = build_table(args.figures)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "figures"
        path.mkdir()
        size = -(-len(table) // 10)
        for part in range(10):
            table.iloc[part * size : (part + 1) * size].to_parquet(path / f"part-{part:06d}.parquet", index=False)
        first, refilter = time_dashboard(path, args.runs)
    print(f"figures           {len(table):,}")
    runs = lambda times: ", ".join(f"{t:.2f}" for t in times)  # noqa: E731
    print(f"first render      {statistics.median(first):.2f} s (median of {runs(first)}; dataset opened, every view built)")
    print(f"filter change     {statistics.median(refilter):.2f} s (median of {runs(refilter)}; kind = money)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
