"""Reading documents from files: plain text, Markdown, HTML, and news archives (JSON Lines and
CSV, gzip-compressed or not, and Parquet) with one record per article.

A file or record that cannot be read yields a :class:`DocumentError` in its place, so a batch
always goes on and every failure is reported. Archives are read record by record, never whole.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import zlib
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, cast

import regex

from extract.text.decode import decode, html_to_text

# File kinds by suffix; a folder is searched for these. Compound suffixes are matched whole.
TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
CSV_SUFFIXES = (".csv", ".csv.gz")
PARQUET_SUFFIXES = (".parquet",)
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + CSV_SUFFIXES + PARQUET_SUFFIXES
ARCHIVE_FIELDS = ("id", "text", "date", "url", "title")


@dataclass(frozen=True, slots=True)
class Document:
    """One text to extract from. ``date`` (ISO, may be empty) anchors relative periods."""

    doc_id: str
    text: str
    date: str = ""
    url: str = ""
    title: str = ""
    source: str = ""
    encoding: str = ""


@dataclass(frozen=True, slots=True)
class DocumentError:
    """A document or file that could not be read, and why. ``source`` is the path, with the line
    number (JSON Lines, CSV) or row number (Parquet) for an archive record."""

    source: str
    reason: str


def find_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[DocumentError]]:
    """The readable files under ``paths`` (folders searched recursively), and the paths that fail."""
    files: list[Path] = []
    errors: list[DocumentError] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and suffix_of(p) in SUFFIXES))
        elif path.is_file():
            files.append(path)
        else:
            errors.append(DocumentError(str(path), "no such file or folder"))
    return files, errors


def suffix_of(path: Path) -> str:
    """The suffix that names the file's kind, compound for compressed archives.

    >>> suffix_of(Path("dump.JSONL.gz")), suffix_of(Path("a.b.txt")), suffix_of(Path("x.gz"))
    ('.jsonl.gz', '.txt', '.gz')
    """
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    if len(suffixes) == 2 and suffixes[1] == ".gz":
        return "".join(suffixes)
    return suffixes[-1] if suffixes else ""


def read_file(path: Path, handle: BinaryIO | None = None) -> Iterator[Document | DocumentError]:
    """The documents of one file, archives record by record; errors are yielded, never raised.

    ``handle`` is the file already opened in binary mode (its position tells a caller how far
    reading has come); without one the file is opened here.
    """
    suffix = suffix_of(path)
    try:
        with _opened(path, handle) as raw:
            if suffix in JSONL_SUFFIXES:
                yield from _jsonl_records(_maybe_gunzip(raw, suffix), path)
            elif suffix in CSV_SUFFIXES:
                yield from _csv_records(_maybe_gunzip(raw, suffix), path)
            elif suffix in PARQUET_SUFFIXES:
                yield from _parquet_records(raw, path)
            else:
                yield from read_bytes(path, raw.read())
    except (OSError, EOFError, zlib.error, ValueError) as exc:  # unreadable, or an archive cut short
        yield DocumentError(str(path), _reason(exc))


def read_bytes(path: Path, data: bytes) -> Iterator[Document | DocumentError]:
    """The documents in ``data``, read as the file ``path`` names it (an upload, say)."""
    suffix = suffix_of(path)
    if suffix in JSONL_SUFFIXES + CSV_SUFFIXES + PARQUET_SUFFIXES:
        yield from read_file(path, io.BytesIO(data))
        return
    try:
        text, encoding = decode(data)
    except ValueError as exc:
        yield DocumentError(str(path), _reason(exc))
        return
    if suffix in HTML_SUFFIXES:
        text = html_to_text(text)
    yield Document(path.stem, text, source=str(path), encoding=encoding)


@contextmanager
def _opened(path: Path, handle: BinaryIO | None) -> Iterator[BinaryIO]:
    if handle is not None:
        yield handle
        return
    with path.open("rb") as raw:
        yield raw


def _maybe_gunzip(raw: BinaryIO, suffix: str) -> BinaryIO:
    return cast(BinaryIO, gzip.GzipFile(fileobj=raw)) if suffix.endswith(".gz") else raw


def _jsonl_records(handle: BinaryIO, path: Path) -> Iterator[Document | DocumentError]:
    for number, line in enumerate(handle, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield DocumentError(f"{path}:{number}", f"invalid JSON: {exc.msg}")
            continue
        except UnicodeDecodeError as exc:
            yield DocumentError(f"{path}:{number}", f"invalid JSON: {exc.reason}")
            continue
        yield record_document(record, path, number)


# Largest CSV field the reader accepts: a whole article fits; csv's default of 128 KB may not.
_CSV_FIELD_LIMIT = 1 << 30


def _csv_records(handle: BinaryIO, path: Path) -> Iterator[Document | DocumentError]:
    text = io.TextIOWrapper(handle, encoding="utf-8-sig", errors="replace", newline="")
    reader = csv.reader(text)
    previous_limit = csv.field_size_limit(_CSV_FIELD_LIMIT)  # restored below: the limit is csv's global
    try:
        header = next(reader, None)
        if header is None:
            return
        names = [name.strip().lower() for name in header]
        if "text" not in names:
            raise ValueError('CSV archive has no "text" column')
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield DocumentError(f"{path}:{reader.line_num}", f"invalid CSV: {exc}")
                continue
            if not row:
                continue
            if len(row) != len(names):
                yield DocumentError(f"{path}:{reader.line_num}", f"record has {len(row)} fields, the header {len(names)}")
                continue
            yield record_document(dict(zip(names, row, strict=True)), path, reader.line_num)
    finally:
        csv.field_size_limit(previous_limit)


def _parquet_records(handle: BinaryIO | io.BytesIO, path: Path) -> Iterator[Document | DocumentError]:
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(handle)
    except Exception as exc:  # pyarrow raises its own error types for a file that is not Parquet
        raise ValueError(f"not a Parquet file: {exc}") from exc
    present = [name for name in ARCHIVE_FIELDS if name in parquet.schema_arrow.names]
    if "text" not in present:
        raise ValueError('Parquet archive has no "text" column')
    number = 0
    for batch in parquet.iter_batches(batch_size=1024, columns=present):
        for record in batch.to_pylist():
            number += 1
            yield record_document(record, path, number)


def record_document(record: object, path: Path, number: int) -> Document | DocumentError:
    """The document of one archive record (``number`` is its line or row), or why it is not one.
    Missing fields, None and NaN (a pandas record) read as empty.

    >>> record_document({"id": 7, "text": "5%", "url": float("nan")}, Path("a.jsonl"), 3)
    Document(doc_id='7', text='5%', date='', url='', title='', source='a.jsonl:3', encoding='utf-8')
    """
    where = f"{path}:{number}"
    if not isinstance(record, Mapping) or not isinstance(record.get("text"), str):
        return DocumentError(where, 'record has no "text" string')
    return Document(
        doc_id=_field(record, "id") or f"{path.name}:{number}",
        text=record["text"],
        date=iso_date(record.get("date")),
        url=_field(record, "url"),
        title=_field(record, "title"),
        source=where,
        encoding="utf-8",
    )


def _field(record: Mapping[str, object], name: str) -> str:
    value = record.get(name)
    return "" if value is None or value != value else str(value)  # value != value: NaN


_ISO_DAY = regex.compile(r"\d{4}-\d{2}-\d{2}")


def iso_date(value: object) -> str:
    """The ISO day of an archive's date field (string, date or timestamp), or "" when it has none.

    >>> iso_date("2023-12-29T08:00:00Z"), iso_date("29/12/2023"), iso_date(None)
    ('2023-12-29', '', '')
    """
    if value is None:
        return ""
    found = _ISO_DAY.match(value.isoformat() if hasattr(value, "isoformat") else str(value))
    return found.group() if found else ""


def read_documents(paths: Iterable[str | Path]) -> Iterator[Document | DocumentError]:
    """Every document under ``paths``, and an error for each path, file or record that fails."""
    files, errors = find_files(paths)
    yield from errors
    for path in files:
        yield from read_file(path)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return str(exc) or type(exc).__name__
