"""Archive benchmark: ``python -m tools.bench_archive [--dir DIR]``.

Generates news archives of varied sentences (gzip JSON Lines, sizes counted uncompressed),
runs the CLI on them as a user would, and reports wall time, throughput and the peak memory of
the whole process tree (driver and workers, sampled every 0.1 s):

* throughput with 1 and 2 local workers on the big archive (default 200 MB), and with a Dask
  local cluster of 2 workers on a 20 MB slice, to show Dask's overhead;
* peak memory on archives of 100 MB and 1 GB with 2 workers (bounded memory means equal peaks);
* the time a 100 GB archive would take on clusters of N workers, from the measured throughput.

``--real PATH`` measures a real archive instead (e.g. ``../shared/corpora/news-dev.jsonl.gz``):
the CLI with ``--jobs 2`` (``--real-jobs``), its text counted in characters, peak of the tree.

A benchmark, not a test: it takes the better part of an hour on a 2-core machine.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tools import is_compiled
from tools.synthetic import write_jsonl

MB = 1_000_000


@dataclass(frozen=True, slots=True)
class Measured:
    kind: str  # throughput, dask or memory
    label: str
    archive_mb: float
    documents: int
    seconds: float
    peak_mb: float

    @property
    def mb_per_s(self) -> float:
        return self.archive_mb / self.seconds


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m tools.bench_archive", description=__doc__.split("\n\n")[0])
    parser.add_argument("--dir", default="bench-data", help="where archives and outputs go (default: bench-data/)")
    parser.add_argument("--throughput-mb", type=int, default=200, help="size of the throughput archive")
    parser.add_argument("--memory-mb", type=int, nargs="*", default=[100, 1000], help="sizes of the memory archives")
    parser.add_argument("--dask-mb", type=int, default=20, help="size of the Dask overhead archive (0: skip)")
    parser.add_argument("--real", type=Path, metavar="PATH", help="measure this JSON Lines archive only (MB: 10^6 characters)")
    parser.add_argument("--real-jobs", type=int, nargs="*", default=[2], metavar="N", help="--jobs for --real (default: 2)")
    parser.add_argument("--read-only", action="store_true", help="only measure how fast the driver reads the big archive")
    return parser.parse_args(argv)


def archive(folder: Path, size_mb: int) -> tuple[Path, int]:
    """The archive of ``size_mb`` (uncompressed) in ``folder``, generated once, and its record count."""
    path = folder / f"news-{size_mb}MB.jsonl.gz"
    count_file = path.with_suffix(".count")
    if not path.exists() or not count_file.exists():
        count = write_jsonl(path, size_bytes=size_mb * MB, seed=size_mb)
        count_file.write_text(str(count))
    return path, int(count_file.read_text())


def measure(kind: str, label: str, command: list[str], archive_mb: float, documents: int) -> Measured:
    """Run ``command`` and sample the resident memory of it and all its children."""
    import psutil

    started = time.perf_counter()
    process = subprocess.Popen(command, env=dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parent.parent)))
    watched = psutil.Process(process.pid)
    peak = 0
    while process.poll() is None:
        try:
            tree = [watched, *watched.children(recursive=True)]
            peak = max(peak, sum(_rss(p) for p in tree))
        except psutil.NoSuchProcess:
            pass
        time.sleep(0.1)
    seconds = time.perf_counter() - started
    if process.returncode not in (0, 3):
        raise SystemExit(f"{label}: the run failed with exit code {process.returncode}")
    return Measured(kind, label, archive_mb, documents, seconds, peak / MB)


def _rss(process: object) -> int:
    import psutil

    try:
        return int(process.memory_info().rss)  # type: ignore[attr-defined]
    except psutil.NoSuchProcess:
        return 0


def extract_command(path: Path, out: Path, *options: str) -> list[str]:
    if out.exists():
        shutil.rmtree(out)
    return [sys.executable, "-m", "extract", str(path), "-o", str(out), "-q", *options]


def read_rate(path: Path, size_mb: float) -> float:
    """MB/s at which the driver alone reads ``path`` into batches (decompress, parse, group): the
    ceiling of a cluster fed by one driver."""
    from extract.run.batches import BatchOptions, read_batches

    started = time.perf_counter()
    for _ in read_batches([path], BatchOptions()):
        pass
    return size_mb / (time.perf_counter() - started)


def text_size(path: Path) -> tuple[float, int]:
    """Millions of characters of text in a JSON Lines archive, and its record count."""
    import gzip
    import json

    chars = count = 0
    with gzip.open(path, "rt", encoding="utf-8") if path.suffix == ".gz" else path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                chars += len(json.loads(line).get("text") or "")
                count += 1
    return chars / MB, count


def run_real(args: argparse.Namespace, folder: Path) -> int:
    compiled = is_compiled()
    size, count = text_size(args.real)
    print(f"{args.real}: {size:.1f} MB of text, {count:,} documents, extractor {'compiled' if compiled else 'pure Python'}")
    for jobs in args.real_jobs:
        command = extract_command(args.real, folder / "out", "--jobs", str(jobs))
        _print(measure("throughput", f"{args.real.name}, --jobs {jobs}", command, size, count))
    shutil.rmtree(folder / "out", ignore_errors=True)
    return 0


def run(args: argparse.Namespace) -> int:
    folder = Path(args.dir)
    folder.mkdir(parents=True, exist_ok=True)
    if args.real:
        return run_real(args, folder)
    results: list[Measured] = []

    big, count = archive(folder, args.throughput_mb)
    rate = read_rate(big, args.throughput_mb)
    print(f"driver reading alone: {rate:.1f} MB/s ({args.throughput_mb} MB archive, no extraction)", flush=True)
    if args.read_only:
        return 0
    for jobs in (1, 2):
        command = extract_command(big, folder / "out", "--jobs", str(jobs))
        results.append(measure("throughput", f"{args.throughput_mb} MB, --jobs {jobs}", command, args.throughput_mb, count))
        _print(results[-1])
    if args.dask_mb:
        small, small_count = archive(folder, args.dask_mb)
        for label, options in (("--jobs 2", ("--jobs", "2")), ("--dask local:2", ("--dask", "local:2"))):
            command = extract_command(small, folder / "out", *options)
            results.append(measure("dask", f"{args.dask_mb} MB, {label}", command, args.dask_mb, small_count))
            _print(results[-1])
    for size in args.memory_mb:
        path, size_count = archive(folder, size)
        results.append(
            measure("memory", f"{size} MB, --jobs 2", extract_command(path, folder / "out", "--jobs", "2"), size, size_count)
        )
        _print(results[-1])
    shutil.rmtree(folder / "out", ignore_errors=True)

    print()
    one = results[0].mb_per_s
    two = results[1].mb_per_s
    print(f"speed-up with 2 workers: {two / one:.2f}x ({one:.2f} -> {two:.2f} MB/s)")
    memory = [r for r in results if r.kind == "memory"]
    if len(memory) >= 2:
        low, high = memory[0], memory[-1]
        growth = (high.peak_mb / low.peak_mb - 1) * 100
        sizes = f"{low.archive_mb:.0f} MB -> {high.archive_mb:.0f} MB archive"
        print(f"peak memory, {sizes}: {low.peak_mb:.0f} -> {high.peak_mb:.0f} MB ({growth:+.1f}%)")
    per_worker = one
    print(f"projection for a 100 GB archive at {per_worker:.2f} MB/s per worker (perfect scaling):")
    for workers in (8, 32, 128, 512):
        hours = 100_000 / (per_worker * workers) / 3600
        print(f"  {workers:4d} workers: {hours:6.1f} h")
    return 0


def _print(result: Measured) -> None:
    print(
        f"{result.label:28s} {result.documents:9,d} docs {result.seconds:8.1f} s "
        f"{result.mb_per_s:6.2f} MB/s {result.documents / result.seconds:8.1f} docs/s  peak {result.peak_mb:6.0f} MB",
        flush=True,
    )


def main(argv: Sequence[str] | None = None) -> int:
    return run(parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
