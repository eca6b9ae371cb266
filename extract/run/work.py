"""One batch: extract its documents and write its figures as one Parquet part, then a small
record of the batch (documents, encodings, errors). Runs wherever the package imports — this
process, a pool worker, a Dask worker — and returns only the small report.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final

from extract.run.batches import Batch
from extract.run.document import extract_document
from extract.table import arrow_schema, atomic_path, document_rows, write_text_atomic
from extract.text import Document, DocumentError

if TYPE_CHECKING:
    import pyarrow as pa

DONE: Final = "_done"  # one record per finished batch; "_" keeps Parquet readers from taking it for data
ROWS_PER_WRITE: Final = 50_000  # figures held before they go to the part file: bounds a huge document's memory


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
                count, failure = extract_into(document, date, rows, flush)
                if failure is not None:
                    errors.append(failure)
                if count or failure is None:
                    total += count
                    reports.append(_report_of(document, count))
            flush()
        finally:
            writer.close()
    report = BatchReport(batch.index, tuple(reports), tuple(errors), total, batch.input_bytes)
    write_text_atomic(record_path(folder, batch.index), report.to_json())
    return report


def record_path(parts_dir: Path, index: int) -> Path:
    """Where batch ``index``'s record is written; a batch is done only once it exists.

    >>> record_path(Path("out"), 7).as_posix()
    'out/_done/000007.json'
    """
    return parts_dir / DONE / f"{index:06d}.json"


def load_report(parts_dir: Path, index: int) -> BatchReport:
    return BatchReport.from_json(record_path(parts_dir, index).read_text("utf-8"))


def extract_into(
    document: Document, date: str, rows: list[tuple[object, ...]], flush: Callable[[], int] | None = None
) -> tuple[int, DocumentError | None]:
    """Append ``document``'s rows, handing them to ``flush`` whenever enough have gathered (so a
    100 MB document never holds all its rows at once). On failure, take back the rows not yet
    flushed and say why; rows already flushed stay, and the reason says how many."""
    before, flushed = len(rows), 0
    try:
        for figures in extract_document(document, date=date):
            rows.extend(document_rows(figures, document))
            if flush is not None and len(rows) >= ROWS_PER_WRITE:
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
