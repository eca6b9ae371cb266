"""Command line: ``python -m extract PATH [PATH ...] -o OUT``.

The only place that configures logging, prints, and draws a progress bar.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from collections.abc import Sequence
from contextlib import ExitStack

from extract.documents import SUFFIXES
from extract.output import FORMATS
from extract.pipeline import (
    BatchOptions,
    BatchReport,
    OutputInUse,
    RunResult,
    dask_executor,
    input_bytes,
    local_executor,
    run_paths,
)

log = logging.getLogger("extract")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m extract",
        description="Extract every figure from news texts into a tidy table (one row per figure).",
        epilog="An interrupted run started again with the same inputs and output goes on where it stopped.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help=f"file or folder (searched for {' '.join(SUFFIXES)})")
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUT",
        help=f"table file ({' '.join(FORMATS)}), a folder for a partitioned Parquet dataset, or - for CSV on stdout",
    )
    parser.add_argument(
        "--date", default="", metavar="YYYY-MM-DD", help="date of documents that carry none, for relative periods ('last year')"
    )
    parser.add_argument(
        "--jobs", type=int, default=os.cpu_count() or 1, metavar="N", help="worker processes on this machine (default: all cores)"
    )
    parser.add_argument(
        "--dask", default="", metavar="ADDRESS", help="run on a Dask cluster: a scheduler address, or local:N for N local workers"
    )
    parser.add_argument(
        "--batch-documents", type=int, default=BatchOptions().documents, metavar="N", help="documents per batch (and output part)"
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")
    args = parser.parse_args(argv)
    if args.jobs < 1 or args.batch_documents < 1:
        parser.error("--jobs and --batch-documents take a positive number")
    return args


class Progress:
    """A bar over the input's bytes (so it has an ETA) that also shows documents per second."""

    def __init__(self, paths: Sequence[str], enabled: bool) -> None:
        from tqdm import tqdm

        total = input_bytes(paths)
        self.bar = tqdm(total=total, unit="B", unit_scale=True, file=sys.stderr, disable=not enabled, smoothing=0.1)
        self.documents = 0
        self.started = time.perf_counter()

    def __call__(self, report: BatchReport) -> None:
        self.documents += len(report.documents)
        rate = self.documents / max(time.perf_counter() - self.started, 1e-9)
        self.bar.set_postfix_str(f"{self.documents:,} docs, {rate:,.0f} docs/s", refresh=False)
        self.bar.update(report.input_bytes)

    def close(self) -> None:
        self.bar.close()


def run(args: argparse.Namespace) -> int:
    progress = Progress(args.paths, enabled=not args.quiet)
    options = BatchOptions(documents=args.batch_documents)
    try:
        with ExitStack() as stack:
            if args.dask:
                executor, workers = stack.enter_context(dask_executor(args.dask))
            else:
                workers = args.jobs
                executor = stack.enter_context(local_executor(args.jobs))
            result = run_paths(
                args.paths, args.output, date=args.date, executor=executor, workers=workers, options=options, on_batch=progress
            )
    except (OutputInUse, OSError, ValueError) as exc:
        progress.close()
        log.error("cannot write %s: %s", args.output, exc)
        return 2
    except Exception as exc:  # a worker lost (killed, out of memory): what is written stays, resumable
        progress.close()
        log.error("the run stopped (%r); the batches written are kept: run the same command again to resume", exc)
        return 2
    progress.close()
    if not args.quiet:
        _summary(result, args.output)
    return 3 if result.errors else 0


def _summary(result: RunResult, output: str) -> None:
    target = "stdout" if output == "-" else output
    resumed = f" ({result.resumed} of {result.batches} batches from an earlier run)" if result.resumed else ""
    print(
        f"extract: {result.documents} documents, {result.figures} figures, {len(result.errors)} failed -> {target}{resumed}",
        file=sys.stderr,
    )
    for error in result.errors:
        print(f"  failed: {error.source}: {error.reason}", file=sys.stderr)
    for report in result.reports:
        print(f"  report: {report}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="extract: %(levelname)s: %(message)s")
    args = parse_args(argv)
    if args.dask:
        import distributed  # noqa: F401  (it sets its loggers to INFO on import; quieten them after)

        logging.getLogger("distributed").setLevel(logging.WARNING)
    return run(args)


__all__ = ["main", "parse_args", "run"]
