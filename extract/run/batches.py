"""Reading the inputs of a run into numbered batches: the unit of work, of output and of resuming.

Documents are read as a stream and grouped into batches of at most ``BatchOptions.documents``
documents or about ``BatchOptions.chars`` characters; unreadable files and records ride along
as errors of the batch they were met in, so each is reported once, even after a resume.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from extract.text import Document, DocumentError, find_files, read_file

# A predicate naming the files a run must not read: its own output (see output.Target.owns).
Skip = Callable[[Path], bool]


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """How documents are grouped: at most ``documents`` per batch and about ``chars`` of text."""

    documents: int = 500
    chars: int = 4_000_000


DEFAULT_OPTIONS: Final = BatchOptions()


@dataclass(frozen=True, slots=True)
class Batch:
    """A numbered group of consecutive documents, with the read errors met among them."""

    index: int
    documents: tuple[Document, ...]
    errors: tuple[DocumentError, ...]
    input_bytes: int


def read_batches(paths: Iterable[str | Path], options: BatchOptions, skip: Skip | None = None) -> Iterator[Batch]:
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


def input_files(paths: Iterable[str | Path], skip: Skip | None) -> tuple[list[Path], list[DocumentError]]:
    """The files under ``paths``, less the output's own (a folder given as input and as output)."""
    files, missing = find_files(paths)
    if skip is not None:
        files = [f for f in files if not skip(f)]
    return files, missing


def input_fingerprint(paths: Iterable[str | Path], skip: Skip | None = None) -> list[list[object]]:
    """Each input file with its size and modification time: a resumed run must see the same."""
    files, missing = input_files(paths, skip)
    listed: list[list[object]] = []
    for path in files:
        stat = path.stat()
        listed.append([str(path.resolve()), stat.st_size, stat.st_mtime_ns])
    listed.extend([error.source, -1, 0] for error in missing)
    return listed
