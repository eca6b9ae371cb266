"""Dashboard benchmark: ``python -m tools.bench_dashboard [--figures N | --table PATH] [--runs 3]``.

Without ``--table``, builds a table of N figures (default 1,000,000) by extracting the benchmark
corpus under several document ids and writes it as a Parquet dataset folder of ten parts (as the
CLI writes a big run); ``--table`` names a table instead (a Parquet file or folder is queried in
place, as the dashboard does). Then runs the dashboard script on it headless with Streamlit's
testing harness and reports, as the median of ``--runs``:

- first render: a new session with every cache cleared (the dataset opened, the first view drawn);
- filter change: kind = money, with Streamlit's data caches cleared first;
- claims view: the Claims view opened, data caches cleared first;
- each other view opened, data caches cleared first.

Server-side time: the browser's own drawing comes on top. A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "bench" / "trade-dense-1MB.txt"
OTHER_VIEWS = ("Amounts", "Rates and shares", "Flows", "Timeline", "Table", "Documents")


def build_table(figures: int, corpus: Path = CORPUS) -> pd.DataFrame:
    """``figures`` rows: the benchmark corpus's figures repeated under document ids bench-0, bench-1, …"""
    from extract import figures_frame

    base = figures_frame([("bench", corpus.read_text(encoding="utf-8"))])
    copies = -(-figures // len(base))
    frames = [
        base.assign(doc_id=f"bench-{i}", figure_id=base["figure_id"].str.replace("bench:", f"bench-{i}:", regex=False))
        for i in range(copies)
    ]
    return pd.concat(frames, ignore_index=True).head(figures)


def write_dataset(table: pd.DataFrame, folder: Path, parts: int = 10) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    size = -(-len(table) // parts)
    for part in range(parts):
        table.iloc[part * size : (part + 1) * size].to_parquet(folder / f"part-{part:06d}.parquet", index=False)
    return folder


def _timed(step: Callable[[], object]) -> float:
    start = time.perf_counter()
    step()
    return time.perf_counter() - start


def time_dashboard(table: Path, runs: int) -> dict[str, list[float]]:
    """Seconds of each step of each run (see the module's docstring)."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    times: dict[str, list[float]] = {}
    saved = sys.argv
    sys.argv = ["dashboard.py", "--table", str(table)]
    try:
        for _ in range(runs):
            st.cache_data.clear()  # Streamlit's caches outlive an AppTest: each run must start cold
            st.cache_resource.clear()
            at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=600)

            def run(app: AppTest = at) -> None:
                app.run()
                if app.exception:
                    raise RuntimeError(app.exception[0].message)

            times.setdefault("first render", []).append(_timed(run))
            st.cache_data.clear()
            at.multiselect(key="f_kind").set_value(["money"])
            times.setdefault("filter change", []).append(_timed(run))
            at.multiselect(key="f_kind").set_value([])
            for view in ("Claims", *OTHER_VIEWS):
                st.cache_data.clear()
                at.session_state["view"] = view  # as a click on its tab
                times.setdefault(view, []).append(_timed(run))
                if at.session_state["view"] != view or not at.main.children:
                    raise RuntimeError(f"the {view} view did not open")
    finally:
        sys.argv = saved
    return times


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.bench_dashboard", description=__doc__.splitlines()[0])
    parser.add_argument("--figures", type=int, default=1_000_000, help="figures of the generated table")
    parser.add_argument("--table", help="a table to run on instead (Parquet file or folder, CSV, JSON Lines)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    from dashboard_lib import Filters, Source, documents_report, is_dataset, load_table

    with tempfile.TemporaryDirectory() as folder:
        if args.table:
            table, described = Path(args.table), args.table
        else:
            table = write_dataset(build_table(args.figures), Path(folder) / "figures")
            described = "generated, a dataset of 10 Parquet parts"
        source = Source.open(table) if is_dataset(table) else Source.of_frame(load_table(table), documents_report(table))
        claims = source.claims(Filters())
        times = time_dashboard(table, args.runs)

    def median(name: str) -> str:
        runs = ", ".join(f"{t:.2f}" for t in times[name])
        return f"{statistics.median(times[name]):.2f} s (median of {runs}"

    print(f"table             {source.rows:,} figures ({described})")
    print(f"first render      {median('first render')}; dataset opened, Figures view)")
    print(f"filter change     {median('filter change')}; kind = money)")
    print(f"claims view       {median('Claims')}; {len(claims):,} claims of {int(claims['figures'].sum()):,} figures)")
    others = ", ".join(f"{view} {statistics.median(times[view]):.2f}" for view in OTHER_VIEWS)
    print(f"other views       {others} s (medians)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
