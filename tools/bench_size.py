"""Size benchmark: ``python -m tools.bench_size [--sizes 1 10 100]``.

Single documents of 1, 10 and 100 MB (the benchmark corpus repeated, with its line breaks) and a
document of one 10 MB line (the same text with every line break made a space) go through the CLI
as a user runs it, one process. Reported: wall time, throughput and peak memory; linear time
means the 100 MB document takes at most 12 times as long as the 10 MB one.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

from tools.bench import DEFAULT_FILE
from tools.bench_archive import MB, extract_command, measure


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m tools.bench_size", description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=str(DEFAULT_FILE), help="text repeated to make the documents")
    parser.add_argument("--dir", default="bench-data", help="where the documents and outputs go (default: bench-data/)")
    parser.add_argument("--sizes", type=int, nargs="*", default=[1, 10, 100], help="document sizes in MB")
    parser.add_argument("--line-mb", type=int, default=10, help="size of the one-line document (0: skip)")
    return parser.parse_args(argv)


def document(folder: Path, corpus: str, size_mb: int, *, one_line: bool) -> Path:
    """A document of ``size_mb`` made of ``corpus`` repeated (cut at the size), written once."""
    path = folder / (f"line-{size_mb}MB.txt" if one_line else f"doc-{size_mb}MB.txt")
    if not path.exists():
        text = corpus.replace("\n", " ") if one_line else corpus
        repeated = (text * (size_mb * MB // len(text) + 1))[: size_mb * MB]
        path.write_text(repeated, encoding="utf-8")
    return path


def run(args: argparse.Namespace) -> int:
    folder = Path(args.dir)
    folder.mkdir(parents=True, exist_ok=True)
    corpus = Path(args.corpus).read_text(encoding="utf-8")
    cases = [(f"{size} MB document", size, False) for size in args.sizes]
    if args.line_mb:
        cases.append((f"{args.line_mb} MB on one line", args.line_mb, True))
    seconds: dict[str, float] = {}
    for label, size, one_line in cases:
        path = document(folder, corpus, size, one_line=one_line)
        result = measure("size", label, extract_command(path, folder / "out-size", "--jobs", "1"), size, 1)
        seconds[label] = result.seconds
        print(f"{label:22s} {result.seconds:8.1f} s {result.mb_per_s:6.2f} MB/s  peak {result.peak_mb:6.0f} MB", flush=True)
    shutil.rmtree(folder / "out-size", ignore_errors=True)
    if 10 in args.sizes and 100 in args.sizes:
        ratio = seconds["100 MB document"] / seconds["10 MB document"]
        print(f"time of 100 MB / time of 10 MB: {ratio:.1f}x (linear: 10x; target at most 12x)")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    return run(parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
