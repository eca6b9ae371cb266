"""Speed and memory benchmark: ``python -m tools.bench [FILE] [--repeat N] [--no-peers]``.

Runs the extractor over FILE (default ``../shared/bench/trade-dense-1MB.txt``) in one process and
prints characters and figures per second (median of N runs), the cold start (import and first
call, in a fresh interpreter, after one start that has written the bytecode cache) and the peak
memory of a fresh process that extracts the file once.
Where quantulum3 is installed it runs on the same text in the same run (paragraph by paragraph, its
fastest way) and the ratio is printed.
A benchmark, not a test: the figures vary with the machine and its load.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from tools import is_compiled

DEFAULT_FILE = Path("../shared/bench/trade-dense-1MB.txt")

_COLD_START = """
import time
t = time.perf_counter()
from extract import extract_figures
extract_figures("China's exports to Russia jumped 64.2% between 2021 and 2023.")
print(time.perf_counter() - t)
"""

_PEAK_MEMORY = """
import resource, sys
from extract import extract_figures
text = open(sys.argv[1], encoding="utf-8").read()
figures = extract_figures(text)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def _fresh_python(code: str, *args: str) -> float:
    # Bytecode caching on, as a user has it: with PYTHONDONTWRITEBYTECODE set (some shells and
    # containers set it) every start of the pure-Python modules compiles their source again.
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True, env=env)
    return float(done.stdout.strip().splitlines()[-1])


def time_runs(work: Callable[[], object], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return times


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m tools.bench", description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of the extractor (median is reported)")
    parser.add_argument("--no-peers", action="store_true", help="skip quantulum3 even when installed")
    return parser.parse_args(argv)


def run(args: argparse.Namespace) -> int:
    from extract import extract_figures

    text = args.file.read_text(encoding="utf-8")
    chars = len(text)
    figures = len(extract_figures(text))
    # Interleaved, so that both variants meet the same machine load.
    plain_runs, full_runs = [], []
    for _ in range(args.repeat):
        plain_runs += time_runs(lambda: extract_figures(text, context=False), 1)
        full_runs += time_runs(lambda: extract_figures(text), 1)
    plain, median = statistics.median(plain_runs), statistics.median(full_runs)
    _fresh_python(_COLD_START)  # writes the bytecode cache if it is missing; not counted
    cold = statistics.median(_fresh_python(_COLD_START) for _ in range(5))
    peak = _fresh_python(_PEAK_MEMORY, str(args.file))

    compiled = is_compiled()
    print(f"extractor       {'compiled (mypyc)' if compiled else 'pure Python'}")
    print(f"file            {args.file} ({chars:,} characters)")
    print(f"figures         {figures:,}")
    print(f"figures only    {plain:.3f} s   {chars / plain:,.0f} characters/s   {figures / plain:,.0f} figures/s")
    print(f"with context    {median:.3f} s   {chars / median:,.0f} characters/s   {figures / median:,.0f} figures/s")
    print(f"context share   throughput with context is {plain / median:.0%} of figures-only throughput")
    print(f"cold start      {cold:.3f} s (import + first call, median of 5 fresh interpreters)")
    print(f"peak memory     {peak:.0f} MB (fresh process, whole file extracted once)")

    if not args.no_peers:
        try:
            from quantulum3 import parser as q3
        except ImportError:
            print("quantulum3      not installed (pip install quantulum3 to compare)")
        else:
            # One call per paragraph: quantulum3 slows down more than linearly on one long string.
            paragraphs = [line for line in text.splitlines() if line.strip()]
            q3.parse("warm up 5 km")
            start = time.perf_counter()
            found = sum(len(q3.parse(paragraph)) for paragraph in paragraphs)
            q3_time = time.perf_counter() - start
            print(f"quantulum3      {q3_time:.3f} s   {chars / q3_time:,.0f} characters/s   {found:,} quantities (per paragraph)")
            print(
                f"ratio           {q3_time / plain:.1f}x faster than quantulum3 (figures only), "
                f"{q3_time / median:.1f}x with context"
            )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    return run(parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
