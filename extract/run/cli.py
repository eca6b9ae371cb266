"""Command line: ``python -m extract PATH [PATH ...] -o OUT``, and ``python -m extract explain TEXT``.

The only place that configures logging, prints, and draws a progress bar.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from collections.abc import Sequence
from concurrent.futures import Executor
from contextlib import ExitStack

from extract.extractor import explain
from extract.run.batches import BatchOptions, input_bytes
from extract.run.executors import dask_executor, local_executor
from extract.run.explaining import render_explanation
from extract.run.output import OutputInUse
from extract.run.runner import RunResult, run_paths
from extract.run.work import BatchReport
from extract.table import FORMATS
from extract.text import SUFFIXES

log = logging.getLogger("extract")


def parse_explain_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m extract explain",
        description="Show how the extractor reads a text: every candidate with the rule that kept, changed or "
        "dropped it, then each figure with its context and the words that decided it.",
    )
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("text", nargs="?", help="the text to explain")
    source.add_argument("--file", metavar="PATH", help="explain the text of this document instead")
    parser.add_argument("--date", default="", metavar="YYYY-MM-DD", help="the document's date, for relative periods")
    return parser.parse_args(argv)


def run_explain(args: argparse.Namespace) -> int:
    if args.file:
        from pathlib import Path

        from extract.text import DocumentError, read_file

        texts = []
        for item in read_file(Path(args.file)):
            if isinstance(item, DocumentError):
                log.error("cannot read %s: %s", item.source, item.reason)
                return 2
            texts.append((item.text, item.date or args.date))
    else:
        texts = [(args.text, args.date)]
    print("\n\n".join(render_explanation(explain(text, date=date)) for text, date in texts))
    return 0


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m extract",
        description="Extract every figure from news texts into a tidy table (one row per figure).",
        epilog="An interrupted run started again with the same inputs and output goes on where it stopped. "
        "'python -m extract explain TEXT' (or --file PATH) shows how a text is read, rule by rule.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help=f"file or folder (searched for {' '.join(SUFFIXES)})")
    parser.add_argument(
        "-o",
        "--output",
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
    parser.add_argument(
        "--explain", action="store_true", help="print how each file's text is read, rule by rule, instead of writing a table"
    )
    args = parser.parse_args(argv)
    if not args.explain and not args.output:
        parser.error("the following arguments are required: -o/--output")
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
    executor: Executor | None
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
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == ["explain"]:
        return run_explain(parse_explain_args(arguments[1:]))
    args = parse_args(arguments)
    if args.explain:
        return _explain_files(args)
    if args.dask:
        import distributed  # noqa: F401  (it sets its loggers to INFO on import; quieten them after)

        logging.getLogger("distributed").setLevel(logging.WARNING)
    return run(args)


def _explain_files(args: argparse.Namespace) -> int:
    from extract.text import DocumentError, read_documents

    status = 0
    for item in read_documents(args.paths):
        if isinstance(item, DocumentError):
            log.error("cannot read %s: %s", item.source, item.reason)
            status = 3
            continue
        print(f"== {item.source or item.doc_id}")
        print(render_explanation(explain(item.text, date=item.date or args.date)))
    return status


__all__ = ["main", "parse_args", "run"]
