"""A whole run: the inputs read into batches, each batch run by :func:`~extract.run.work.run_batch`
in this process, a process pool or a Dask cluster, at most two batches per worker in flight, and
the output finished. Resumable: the batches an earlier run wrote are skipped. Memory is bounded
by the batches in flight; the driver keeps only counts and failures.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Executor, Future, wait
from dataclasses import asdict, dataclass, field
from pathlib import Path

from extract.run.batches import DEFAULT_OPTIONS, BatchOptions, input_fingerprint, read_batches
from extract.run.output import Target, assemble, prepare, write_reports
from extract.run.work import BatchReport, load_report, run_batch
from extract.text import DocumentError


@dataclass
class RunResult:
    """The whole run, resumed batches included."""

    documents: int = 0
    figures: int = 0
    errors: list[DocumentError] = field(default_factory=list)
    batches: int = 0
    resumed: int = 0
    reports: list[Path] = field(default_factory=list)


def run_paths(
    paths: Iterable[str | Path],
    out: str,
    *,
    date: str = "",
    executor: Executor | None = None,
    workers: int = 1,
    options: BatchOptions = DEFAULT_OPTIONS,
    on_batch: Callable[[BatchReport], None] | None = None,
) -> RunResult:
    """Extract everything under ``paths`` into ``out`` (a table file, a folder, or ``-``).

    ``executor`` runs :func:`run_batch` (None: in this process); at most ``2 * workers`` batches
    are in flight. ``on_batch`` is told of each finished batch (the CLI's progress bar).
    Raises :class:`OutputInUse` when ``out`` holds parts of a run over other inputs.
    """
    paths = list(paths)
    target = Target.of(out)
    done = prepare(target.parts_dir, {"inputs": input_fingerprint(paths, target.owns), "date": date, "batch": asdict(options)})
    result = RunResult()
    finished_batches: list[int] = []

    def count(report: BatchReport) -> None:  # only totals and failures stay in memory
        finished_batches.append(report.index)
        result.documents += len(report.documents)
        result.figures += report.figures
        result.errors.extend(report.errors)

    for index in sorted(done):
        count(load_report(target.parts_dir, index))
    result.resumed = len(done)

    def finished(report: BatchReport) -> None:
        count(report)
        if on_batch is not None:
            on_batch(report)

    pending: set[Future[BatchReport]] = set()
    for batch in read_batches(paths, options, target.owns):
        if batch.index in done:
            continue
        if executor is None:
            finished(run_batch(batch, str(target.parts_dir), date))
            continue
        pending.add(executor.submit(run_batch, batch, str(target.parts_dir), date))
        while len(pending) >= 2 * max(workers, 1):
            completed, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in completed:
                finished(future.result())
    for future in pending:
        finished(future.result())

    result.batches = len(finished_batches)
    result.reports = write_reports(target, sorted(finished_batches))
    assemble(target, result.batches)
    return result
