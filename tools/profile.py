"""Where the time goes: ``python -m tools.profile [--dense FILE] [--archive FILE] [--documents N]``.

Runs the pipeline's stages one after the other, each on the output of the one before, and prints
the seconds each takes and its share of the whole:

* the dense corpus (``../shared/bench/trade-dense-1MB.txt``) as one text, figures only and with
  context: sentences, candidates (the grammar's scans and reading what they matched), rules and
  ranges (judging the candidates), context, records;
* a news archive (``../shared/corpora/news-dev.jsonl.gz``, its first N documents) the way one
  worker of ``python -m extract`` goes through a batch: reading and decoding, the same stages per
  document, rows for the table, and writing them as Parquet.

Each stage is timed on its own (best of ``--repeat``), in one process, so the shares add up to the
whole; the rules' time is that of finding the figures less that of reading the candidates, the
two run in turn. The figures vary with the machine and its load. A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from tools import is_compiled

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
DENSE = SHARED / "bench" / "trade-dense-1MB.txt"
NEWS = SHARED / "corpora" / "news-dev.jsonl.gz"

T = TypeVar("T")


def best_of(repeat: int, work: Callable[[], T]) -> tuple[float, T]:
    """The shortest of ``repeat`` runs of ``work``, and its result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - start)
    return best, result  # type: ignore[return-value]


def best_pair(repeat: int, first: Callable[[], object], second: Callable[[], T]) -> tuple[float, float, T]:
    """Shortest times of ``first`` and ``second``, run in turn, so that the difference of the two
    (a stage inside another) meets the same machine load; and the result of ``second``."""
    times: tuple[list[float], list[float]] = ([], [])
    result = None
    for _ in range(repeat):
        for k, work in enumerate((first, second)):
            start = time.perf_counter()
            result = work()
            times[k].append(time.perf_counter() - start)
    return min(times[0]), min(times[1]), result  # type: ignore[return-value]


def report(title: str, chars: int, stages: list[tuple[str, float]]) -> None:
    total = sum(seconds for _, seconds in stages)
    print(f"{title} ({chars:,} characters): {total:.3f} s, {chars / total:,.0f} characters/s")
    for name, seconds in stages:
        print(f"  {name:28s} {seconds:7.3f} s  {seconds / total:6.1%}")


def dense(path: Path, repeat: int) -> None:
    from extract.context import add_context
    from extract.figures import candidates, find_figures
    from extract.table import make_figures
    from extract.text import split_sentences

    text = path.read_text(encoding="utf-8")
    t_sentences, sentences = best_of(repeat, lambda: split_sentences(text))
    t_candidates, t_find, found = best_pair(repeat, lambda: candidates(text), lambda: find_figures(sentences))
    t_context, contexts = best_of(repeat, lambda: add_context(found, sentences, ""))
    t_plain_records, _ = best_of(repeat, lambda: make_figures(found, None, sentences, "doc"))
    t_records, _ = best_of(repeat, lambda: make_figures(found, contexts, sentences, "doc"))
    figures_stages = [
        ("sentences", t_sentences),
        ("candidates (scan and read)", t_candidates),
        ("rules and ranges", t_find - t_candidates),
    ]
    report(f"{path}, figures only", len(text), [*figures_stages, ("records", t_plain_records)])
    report(f"{path}, with context", len(text), [*figures_stages, ("context", t_context), ("records", t_records)])


def archive(path: Path, documents: int, repeat: int) -> None:
    import pyarrow.parquet as pq

    from extract.context import add_context
    from extract.figures import candidates, find_figures
    from extract.run.batches import BatchOptions, read_batches
    from extract.run.work import _arrow_table
    from extract.table import arrow_schema, document_rows, make_figures
    from extract.text import Document, split_sentences

    def read() -> list[Document]:
        docs: list[Document] = []
        for batch in read_batches([path], BatchOptions()):
            docs.extend(batch.documents)
            if len(docs) >= documents:
                break
        return docs[:documents]

    t_read, docs = best_of(repeat, read)
    chars = sum(len(d.text) for d in docs)
    t_sentences, split = best_of(repeat, lambda: [split_sentences(d.text) for d in docs])
    t_candidates, t_find, found = best_pair(
        repeat, lambda: [candidates(d.text) for d in docs], lambda: [find_figures(s) for s in split]
    )
    t_context, contexts = best_of(repeat, lambda: [add_context(f, s, d.date) for f, s, d in zip(found, split, docs, strict=True)])
    t_records, records = best_of(
        repeat, lambda: [make_figures(f, c, s, d.doc_id) for f, c, s, d in zip(found, contexts, split, docs, strict=True)]
    )
    t_rows, rows = best_of(repeat, lambda: [row for r, d in zip(records, docs, strict=True) for row in document_rows(r, d)])

    def write() -> None:
        with tempfile.TemporaryDirectory() as folder, pq.ParquetWriter(Path(folder) / "part.parquet", arrow_schema()) as writer:
            writer.write_table(_arrow_table(rows))

    t_write, _ = best_of(repeat, write)
    stages = [
        ("reading and decoding", t_read),
        ("sentences", t_sentences),
        ("candidates (scan and read)", t_candidates),
        ("rules and ranges", t_find - t_candidates),
        ("context", t_context),
        ("records", t_records),
        ("table rows", t_rows),
        ("writing Parquet", t_write),
    ]
    report(f"{path}, first {len(docs):,} documents, {len(rows):,} figures", chars, stages)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m tools.profile", description=__doc__.splitlines()[0])
    parser.add_argument("--dense", type=Path, default=DENSE, help="one text, extracted whole")
    parser.add_argument("--archive", type=Path, default=NEWS, help="a JSON Lines archive, read as the CLI reads it")
    parser.add_argument("--documents", type=int, default=4000, help="documents of the archive to profile")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each stage (the shortest is reported)")
    return parser.parse_args(argv)


def run(args: argparse.Namespace) -> int:
    compiled = is_compiled()
    print(f"extractor: {'compiled (mypyc)' if compiled else 'pure Python'}")
    dense(args.dense, args.repeat)
    archive(args.archive, args.documents, args.repeat)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    return run(parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
