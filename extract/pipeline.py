"""Batch runs over folders and archives: streamed, parallel, resumable.

Documents are read as a stream and grouped into numbered batches. Each batch is extracted by
:func:`run_batch` — in this process, in a process pool, or on Dask workers, always the same
function — which writes the batch's figures as one Parquet part and then a small record of the
batch (documents, encodings, errors). Both files appear atomically, and a batch counts as done
only once its record exists, so a run started again over the same inputs skips the done batches
and redoes the rest: nothing twice, nothing lost. Memory is bounded by the batches in flight.

A folder output is the parts themselves (a Parquet dataset); a file output is assembled from
parts kept in a hidden folder beside it, which is removed once the file is whole.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Executor, Future, wait
from contextlib import contextmanager
from dataclasses import asdict, astuple, dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING

from extract.document_figures import extract_document
from extract.documents import Document, DocumentError, find_files, read_file
from extract.output import FORMATS, atomic_path, write_frames, write_text_atomic
from extract.table import arrow_schema, document_rows, rows_to_frame

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

MANIFEST = "_manifest.json"
DONE = "_done"  # one record per finished batch; "_" keeps Parquet readers from taking it for data
ERRORS_NAME = "errors.csv"
DOCUMENTS_NAME = "documents.csv"
_ROWS_PER_WRITE = 50_000  # figures held before they go to the part file: bounds a huge document's memory


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """How documents are grouped: at most ``documents`` per batch and about ``chars`` of text."""

    documents: int = 500
    chars: int = 4_000_000


@dataclass(frozen=True, slots=True)
class Batch:
    """A numbered group of consecutive documents, with the read errors met among them."""

    index: int
    documents: tuple[Document, ...]
    errors: tuple[DocumentError, ...]
    input_bytes: int


@dataclass(frozen=True, slots=True)
class DocumentReport:
    """What happened to one document: where it came from, how it was decoded, how many figures."""

    doc_id: str
    source: str
    encoding: str
    date: str
    url: str
    title: str
    figures: int


@dataclass(frozen=True, slots=True)
class BatchReport:
    index: int
    documents: tuple[DocumentReport, ...]
    errors: tuple[DocumentError, ...]
    figures: int
    input_bytes: int

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> BatchReport:
        raw = json.loads(text)
        return cls(
            index=raw["index"],
            documents=tuple(DocumentReport(**d) for d in raw["documents"]),
            errors=tuple(DocumentError(**e) for e in raw["errors"]),
            figures=raw["figures"],
            input_bytes=raw["input_bytes"],
        )


@dataclass
class RunResult:
    """The whole run, resumed batches included."""

    documents: int = 0
    figures: int = 0
    errors: list[DocumentError] = field(default_factory=list)
    batches: int = 0
    resumed: int = 0
    reports: list[Path] = field(default_factory=list)


class OutputInUse(Exception):
    """The output holds parts of a different run; it is left alone."""


# --- reading into batches ----------------------------------------------------------------------


def read_batches(paths: Iterable[str | Path], options: BatchOptions, skip: Target | None = None) -> Iterator[Batch]:
    """The documents under ``paths`` in numbered batches; unreadable paths and records ride along
    as errors of the batch they were met in, so they are reported once even after a resume.
    Files of the run's own output (``skip``) are never read as input."""
    files, missing = input_files(paths, skip)
    documents: list[Document] = []
    errors: list[DocumentError] = list(missing)
    chars = 0
    consumed = 0
    index = 0
    for path in files:
        try:
            raw = path.open("rb")
        except OSError as exc:
            errors.append(DocumentError(str(path), exc.strerror.lower() if exc.strerror else str(exc)))
            continue
        with raw:
            position = 0  # how far into the file the batches so far reach, for the progress bar
            for item in read_file(path, raw):
                if isinstance(item, DocumentError):
                    errors.append(item)
                    continue
                documents.append(item)
                chars += len(item.text)
                if len(documents) >= options.documents or chars >= options.chars:
                    now = raw.tell() if not raw.closed else position
                    yield Batch(index, tuple(documents), tuple(errors), consumed + now - position)
                    index += 1
                    documents, errors, chars, consumed, position = [], [], 0, 0, now
            consumed += _size(path) - position
    if documents or errors or index == 0:
        yield Batch(index, tuple(documents), tuple(errors), consumed)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def input_bytes(paths: Iterable[str | Path]) -> int:
    """The size on disk of the files that will be read under ``paths`` (a progress bar's total)."""
    files, _ = find_files(paths)
    return sum(_size(path) for path in files)


def input_files(paths: Iterable[str | Path], skip: Target | None) -> tuple[list[Path], list[DocumentError]]:
    """The files under ``paths``, less the output's own (a folder given as input and as output)."""
    files, missing = find_files(paths)
    if skip is not None:
        files = [f for f in files if not skip.owns(f)]
    return files, missing


def input_fingerprint(paths: Iterable[str | Path], skip: Target | None = None) -> list[list[object]]:
    """Each input file with its size and modification time: a resumed run must see the same."""
    files, missing = input_files(paths, skip)
    listed: list[list[object]] = []
    for path in files:
        stat = path.stat()
        listed.append([str(path.resolve()), stat.st_size, stat.st_mtime_ns])
    listed.extend([error.source, -1, 0] for error in missing)
    return listed


# --- one batch: the unit of work ---------------------------------------------------------------


def part_name(index: int) -> str:
    """File name of batch ``index``'s part; zero-padded so the parts list in input order.

    >>> part_name(7)
    'part-000007.parquet'
    """
    return f"part-{index:06d}.parquet"


def run_batch(batch: Batch, parts_dir: str, date: str = "") -> BatchReport:
    """Extract every document of ``batch`` and write its part and its record into ``parts_dir``.

    A document that fails is an error of the batch; the others are kept. Runs anywhere the
    package imports — a worker process or a Dask worker — and returns only the small report.
    """
    import pyarrow.parquet as pq

    folder = Path(parts_dir)
    target = folder / part_name(batch.index)
    reports: list[DocumentReport] = []
    errors = list(batch.errors)
    rows: list[tuple[object, ...]] = []
    total = 0
    with atomic_path(target) as temporary:
        writer = pq.ParquetWriter(temporary, arrow_schema())

        def flush() -> int:
            written = len(rows)
            writer.write_table(_arrow_table(rows))
            rows.clear()
            return written

        try:
            for document in batch.documents:
                count, failure = _extract_into(document, date, rows, flush)
                if failure is not None:
                    errors.append(failure)
                if count or failure is None:
                    total += count
                    reports.append(_report_of(document, count))
            flush()
        finally:
            writer.close()
    report = BatchReport(batch.index, tuple(reports), tuple(errors), total, batch.input_bytes)
    write_text_atomic(folder / DONE / f"{batch.index:06d}.json", report.to_json())
    return report


def figures_of_frames(frames: Iterable[pd.DataFrame], date: str = "") -> Iterator[pd.DataFrame]:
    """The figures of archive records given as DataFrames (columns ``id``, ``text`` and optionally
    ``date``, ``url``, ``title``), one table per frame: the shape of Spark's ``mapInPandas``, over
    the same per-document function as every other path. A record that fails yields no rows.

    >>> import pandas as pd
    >>> [len(t) for t in figures_of_frames([pd.DataFrame({"id": ["a"], "text": ["Exports rose 5%."]})])]
    [1]
    """
    from extract.documents import record_document

    for frame in frames:
        rows: list[tuple[object, ...]] = []
        for number, record in enumerate(frame.to_dict("records"), start=1):
            document = record_document(record, Path("partition"), number)
            if isinstance(document, Document):
                _extract_into(document, date, rows)
        yield rows_to_frame(rows)


def _extract_into(
    document: Document, date: str, rows: list[tuple[object, ...]], flush: Callable[[], int] | None = None
) -> tuple[int, DocumentError | None]:
    """Append ``document``'s rows, handing them to ``flush`` whenever enough have gathered (so a
    100 MB document never holds all its rows at once). On failure, take back the rows not yet
    flushed and say why; rows already flushed stay, and the reason says how many."""
    before, flushed = len(rows), 0
    try:
        for figures in extract_document(document, date=date):
            rows.extend(document_rows(figures, document))
            if flush is not None and len(rows) >= _ROWS_PER_WRITE:
                flushed += flush() - before
                before = 0
    except Exception as exc:  # one bad document must never stop the batch
        del rows[before:]
        kept = f" ({flushed} figures found before it are kept)" if flushed else ""
        return flushed, DocumentError(document.source or document.doc_id, f"extraction failed: {exc!r}{kept}")
    return flushed + len(rows) - before, None


def _report_of(document: Document, figures: int) -> DocumentReport:
    return DocumentReport(
        document.doc_id, document.source, document.encoding, document.date, document.url, document.title, figures
    )


def _arrow_table(rows: list[tuple[object, ...]]) -> pa.Table:
    import pyarrow as pa

    schema = arrow_schema()
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(schema)
    return pa.table([pa.array(values, type=f.type) for values, f in zip(columns, schema, strict=True)], schema=schema)


# --- the run -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Target:
    """Where a run writes: the folder of parts and, for a file output, the file made from them."""

    parts_dir: Path
    final: Path | None
    stdout: bool = False

    @classmethod
    def of(cls, out: str) -> Target:
        """The folder form for a path without a table suffix (or an existing folder), else a file.

        >>> Target.of("runs/figures.csv").parts_dir.name, Target.of("runs/out").final
        ('.figures.csv.parts', None)
        """
        if out == "-":
            return cls(Path(tempfile.mkdtemp(prefix="extract-")), None, stdout=True)
        path = Path(out)
        if path.suffix.lower() in FORMATS and not path.is_dir():
            return cls(path.parent / f".{path.name}.parts", path)
        if path.suffix and not path.is_dir():
            raise ValueError(f"unknown output format {path.suffix!r}: use one of {', '.join(FORMATS)}, a folder, or -")
        return cls(path, None)

    def owns(self, path: Path) -> bool:
        """Whether ``path`` is this output or one of its parts or reports."""
        resolved = path.resolve()
        mine = [self.parts_dir.resolve()]
        if self.final is not None:
            mine.append(self.final.resolve())
            mine.extend(self.final.resolve().with_name(f"{self.final.stem}.{n}") for n in (ERRORS_NAME, DOCUMENTS_NAME))
        return any(resolved == m or m in resolved.parents for m in mine)

    def report_path(self, name: str) -> Path | None:
        """Where a report goes: beside a file output ("figures.errors.csv"), inside a folder."""
        if self.stdout:
            return None
        if self.final is not None:
            return self.final.with_name(f"{self.final.stem}.{name}")
        return self.parts_dir / f"_{name}"


def run_paths(
    paths: Iterable[str | Path],
    out: str,
    *,
    date: str = "",
    executor: Executor | None = None,
    workers: int = 1,
    options: BatchOptions = BatchOptions(),
    on_batch: Callable[[BatchReport], None] | None = None,
) -> RunResult:
    """Extract everything under ``paths`` into ``out`` (a table file, a folder, or ``-``).

    ``executor`` runs :func:`run_batch` (None: in this process); at most ``2 * workers`` batches
    are in flight. ``on_batch`` is told of each finished batch (the CLI's progress bar).
    Raises :class:`OutputInUse` when ``out`` holds parts of a run over other inputs.
    """
    paths = list(paths)
    target = Target.of(out)
    done = _prepare(target.parts_dir, {"inputs": input_fingerprint(paths, target), "date": date, "batch": asdict(options)})
    result = RunResult()
    finished_batches: list[int] = []

    def count(report: BatchReport) -> None:  # only totals and failures stay in memory
        finished_batches.append(report.index)
        result.documents += len(report.documents)
        result.figures += report.figures
        result.errors.extend(report.errors)

    for index in sorted(done):
        count(_load_report(target.parts_dir, index))
    result.resumed = len(done)

    def finished(report: BatchReport) -> None:
        count(report)
        if on_batch is not None:
            on_batch(report)

    pending: set[Future[BatchReport]] = set()
    for batch in read_batches(paths, options, target):
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
    result.reports = _write_reports(target, sorted(finished_batches))
    _finish(target, result.batches)
    return result


def _load_report(parts_dir: Path, index: int) -> BatchReport:
    return BatchReport.from_json((parts_dir / DONE / f"{index:06d}.json").read_text("utf-8"))


def _prepare(parts_dir: Path, manifest: dict[str, object]) -> set[int]:
    """The batches already done in ``parts_dir``, after checking they belong to this run."""
    written = json.dumps(manifest, sort_keys=True)
    manifest_path = parts_dir / MANIFEST
    if manifest_path.exists():
        if manifest_path.read_text("utf-8") != written:
            raise OutputInUse(f"{parts_dir} holds a run over other inputs or options; remove it or choose another output")
    elif parts_dir.exists() and any(parts_dir.iterdir()):
        raise OutputInUse(f"{parts_dir} is a folder that is not empty and holds no extract run; choose another output")
    else:
        parts_dir.mkdir(parents=True, exist_ok=True)
        write_text_atomic(manifest_path, written)
    finished = set()
    for record in (parts_dir / DONE).glob("*.json") if (parts_dir / DONE).is_dir() else ():
        if (parts_dir / part_name(int(record.stem))).exists():
            finished.add(int(record.stem))
    return finished


def _write_reports(target: Target, batches: list[int]) -> list[Path]:
    """The errors report (source, reason) and the documents report (one row per document read),
    streamed from the batch records so that neither is held in memory."""
    import csv

    from extract.output import neutralise_cell

    errors_path, documents_path = target.report_path(ERRORS_NAME), target.report_path(DOCUMENTS_NAME)
    if errors_path is None or documents_path is None:
        return []
    with (
        atomic_path(errors_path) as errors_temporary,
        atomic_path(documents_path) as documents_temporary,
        open(errors_temporary, "w", encoding="utf-8", newline="") as errors_handle,
        open(documents_temporary, "w", encoding="utf-8", newline="") as documents_handle,
    ):
        errors, documents = csv.writer(errors_handle), csv.writer(documents_handle)
        errors.writerow(["source", "reason"])
        documents.writerow([f.name for f in fields(DocumentReport)])
        for index in batches:
            report = _load_report(target.parts_dir, index)
            errors.writerows([neutralise_cell(e.source), neutralise_cell(e.reason)] for e in report.errors)
            documents.writerows([neutralise_cell(cell) for cell in astuple(d)] for d in report.documents)
    return [errors_path, documents_path]


def _finish(target: Target, batches: int) -> None:
    """Assemble a file output from its parts, a row group at a time, then drop the parts."""
    if target.final is None and not target.stdout:
        return
    parts = [target.parts_dir / part_name(k) for k in range(batches)]
    if target.stdout:
        import sys

        write_frames(_part_frames(parts), sys.stdout.buffer, ".csv")
    else:
        assert target.final is not None
        with atomic_path(target.final) as temporary, open(temporary, "wb") as handle:
            write_frames(_part_frames(parts), handle, target.final.suffix.lower())
    shutil.rmtree(target.parts_dir, ignore_errors=True)


def _part_frames(parts: list[Path]) -> Iterator[pd.DataFrame]:
    import pyarrow.parquet as pq

    from extract.table import typed

    for part in parts:
        parquet = pq.ParquetFile(part)
        for group in range(parquet.num_row_groups):
            yield typed(parquet.read_row_group(group).to_pandas())


# --- executors ---------------------------------------------------------------------------------


@contextmanager
def local_executor(jobs: int) -> Iterator[Executor | None]:
    """A process pool of ``jobs`` workers, or None (this process) for one job."""
    if jobs <= 1:
        yield None
        return
    from concurrent.futures import ProcessPoolExecutor  # multiprocessing: only when a pool is wanted

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield pool


@contextmanager
def dask_executor(address: str) -> Iterator[tuple[Executor, int]]:
    """A ``concurrent.futures`` executor on a Dask cluster, and its number of worker threads.

    ``address`` is a scheduler address (``tcp://host:8786``) or ``local:N`` for a cluster of N
    worker processes on this machine, on loopback.
    """
    from distributed import Client, LocalCluster

    if address.startswith("local:"):
        workers = int(address.removeprefix("local:") or "1")
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None)
        client = Client(cluster)
    else:
        cluster = None
        client = Client(address, timeout="30s")
    try:
        threads = sum(client.nthreads().values()) or 1
        yield client.get_executor(), threads
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
