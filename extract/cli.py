"""Command line: ``python -m extract PATH [PATH ...] -o OUT``.

The only place that configures logging, prints, and draws a progress bar.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field

from extract.documents import Document, DocumentError, find_files, read_file
from extract.figures import extract_figures
from extract.output import FORMATS
from extract.records import Figure

log = logging.getLogger("extract")

PROGRESS_THRESHOLD = 20  # files; fewer finish before a bar would be worth drawing


@dataclass
class RunResult:
    documents: int = 0
    figures: list[Figure] = field(default_factory=list)
    errors: list[DocumentError] = field(default_factory=list)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m extract",
        description="Extract every figure from news texts into a tidy table (one row per figure).",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="file or folder (searched for .txt .md .html .htm .jsonl)")
    parser.add_argument(
        "-o", "--output", required=True, metavar="OUT", help=f"output file ({' '.join(FORMATS)}) or - for CSV on stdout"
    )
    parser.add_argument(
        "--date", default="", metavar="YYYY-MM-DD", help="date of the documents, for relative periods ('last year')"
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")
    return parser.parse_args(argv)


def extract_paths(paths: Sequence[str], *, date: str = "", show_progress: bool = False) -> RunResult:
    """Read and extract every document under ``paths``; failures are collected, never raised."""
    from tqdm import tqdm

    result = RunResult()
    files, result.errors = find_files(paths)
    bar = tqdm(total=len(files), unit="file", file=sys.stderr, disable=not show_progress or len(files) < PROGRESS_THRESHOLD)
    for path in files:
        for item in read_file(path):
            if isinstance(item, DocumentError):
                result.errors.append(item)
                continue
            try:
                result.figures.extend(extract_figures(item.text, doc_id=item.doc_id, date=item.date or date))
            except Exception as exc:  # one bad document must never stop the batch
                log.debug("extraction failed", exc_info=True)
                result.errors.append(DocumentError(item.source or item.doc_id, f"extraction failed: {exc!r}"))
                continue
            result.documents += 1
        bar.update(1)
        bar.set_postfix(documents=result.documents, figures=len(result.figures), refresh=False)
    bar.close()
    return result


def run(args: argparse.Namespace) -> int:
    from extract.output import write_table
    from extract.table import figures_to_frame

    result = extract_paths(args.paths, date=args.date, show_progress=not args.quiet)
    try:
        write_table(figures_to_frame(result.figures), args.output)
    except (OSError, ValueError) as exc:
        log.error("cannot write %s: %s", args.output, exc)
        return 2
    if not args.quiet:
        target = "stdout" if args.output == "-" else args.output
        print(
            f"extract: {result.documents} documents, {len(result.figures)} figures, {len(result.errors)} failed -> {target}",
            file=sys.stderr,
        )
        for error in result.errors:
            print(f"  failed: {error.source}: {error.reason}", file=sys.stderr)
    return 3 if result.errors else 0


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="extract: %(levelname)s: %(message)s")
    return run(parse_args(argv))


__all__ = ["Document", "main", "parse_args", "run"]
