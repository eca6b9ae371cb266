"""Tables and documents for the dashboard: the seeds, a table named on the command line or opened
from the sidebar, the documents report beside it (their dates), and uploads with their limits.

Plain functions, tested without Streamlit.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from extract import Document, DocumentError, figures_frame, read_documents, read_table
from extract.text import read_bytes

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TABLE = ROOT / "data" / "figures.csv"
SEEDS = ROOT / "seeds"

UPLOAD_SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
MAX_UPLOAD_FILES = 20
MAX_UPLOAD_BYTES = 5_000_000  # per file
MAX_PASTE_CHARS = 200_000
# The CLI's report of the documents of a run (doc_id, source, encoding, date, url, title, figures):
# beside a table file as NAME.documents.csv, inside a dataset folder as _documents.csv.
_DOCUMENTS_REPORT = "documents.csv"


def table_argument(argv: Sequence[str]) -> str | None:
    """The table named after ``--`` on the command line: ``streamlit run dashboard.py -- --table figures.parquet``.

    >>> table_argument(["--table", "x.parquet"]), table_argument(["--table=y.csv"]), table_argument([])
    ('x.parquet', 'y.csv', None)
    """
    for i, arg in enumerate(argv):
        if arg == "--table" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--table="):
            return arg.split("=", 1)[1]
    return None


def default_table(table: Path = DEFAULT_TABLE, seeds: Path = SEEDS) -> pd.DataFrame:
    """The figures of the seed articles: the committed table, or extracted now when it is missing."""
    if table.is_file():
        return read_table(table)
    return figures_frame(d for d in read_documents([seeds]) if isinstance(d, Document))


def seed_texts(seeds: Path = SEEDS) -> dict[str, str]:
    """Document id -> text of the seed articles (for the Documents view)."""
    return {d.doc_id: d.text for d in read_documents([seeds]) if isinstance(d, Document)}


def documents_report(table: str | Path) -> pd.DataFrame | None:
    """The CLI's documents report of ``table`` (doc_id, date, …), which dates its documents for
    claims; None when there is none beside it.

    >>> documents_report("no/such/figures.parquet") is None
    True
    """
    table = Path(table)
    report = table / f"_{_DOCUMENTS_REPORT}" if table.is_dir() else table.with_name(f"{table.stem}.{_DOCUMENTS_REPORT}")
    if not report.is_file():
        return None
    frame = pd.read_csv(report, dtype=str, keep_default_na=False)
    return frame if {"doc_id", "date"} <= set(frame.columns) else None


def load_table(path: str | Path) -> pd.DataFrame:
    """A table file loaded whole (CSV, JSON Lines, Parquet), with the table's columns and dtypes.

    A table written before the ``sentence_offset`` column existed is read with that column at -1
    (not known): the dashboard then places each figure in its sentence by the order of equal
    figures (:meth:`Source.located <dashboard_lib.source.Source.located>`).
    """
    return read_table(path)


# --- uploads -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Refusal:
    """A file of an upload that is not read, and why."""

    number: int  # the file's place in the upload, from 1 (two files may share a name)
    name: str
    reason: str

    def __str__(self) -> str:
        return f"{self.name}: {self.reason}"


def check_upload_limits(files: Sequence[tuple[str, bytes]]) -> list[Refusal]:
    """The files of an upload that are over the limits or of a kind that cannot be read.

    >>> [str(r) for r in check_upload_limits([("my report.txt", b"x" * 6_800_000), ("a.pdf", b"")])]
    ['my report.txt: 6.8 MB, over the limit of 5.0 MB per file', 'a.pdf: not a .txt, .md, .html, .htm or .jsonl file']
    """
    kinds = ", ".join(UPLOAD_SUFFIXES[:-1]) + f" or {UPLOAD_SUFFIXES[-1]}"
    refused = []
    for number, (name, data) in enumerate(files, start=1):
        if number > MAX_UPLOAD_FILES:
            refused.append(Refusal(number, name, f"over the limit of {MAX_UPLOAD_FILES} files at a time"))
        elif len(data) > MAX_UPLOAD_BYTES:
            size, limit = len(data) / 1e6, MAX_UPLOAD_BYTES / 1e6
            refused.append(Refusal(number, name, f"{size:.1f} MB, over the limit of {limit:.1f} MB per file"))
        elif Path(name).suffix.lower() not in UPLOAD_SUFFIXES:
            refused.append(Refusal(number, name, f"not a {kinds} file"))
    return refused


@dataclass(frozen=True)
class UploadResult:
    frame: pd.DataFrame  # the figures of the documents read
    texts: dict[str, str]  # doc_id -> text
    dates: dict[str, str]  # doc_id -> ISO date ("" when the document has none)
    refused: list[Refusal]  # files not read: over the limits or of another kind
    errors: list[str]  # files or documents that could not be read or extracted
    digests: dict[str, str] = field(default_factory=dict)  # doc_id -> digest of its text (see text_digest)
    already: list[str] = field(default_factory=list)  # names of files and texts added before, not read again


def text_digest(text: str) -> str:
    """What tells a document added before from a new one: a digest of its text.

    >>> text_digest("Exports rose 5%.") == text_digest("Exports rose 5%."), len(text_digest(""))
    (True, 16)
    """
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


def extract_uploads(
    files: Sequence[tuple[str, bytes]],
    pasted: str = "",
    taken_ids: Iterable[str] = (),
    progress: Callable[[int, int], object] | None = None,
    *,
    date: str = "",
    added: Collection[str] = (),
) -> UploadResult:
    """Figures of uploaded files and pasted text. A file that is refused or cannot be read is
    reported, the others kept; ``progress``, if given, is called with (done, total) after each document.

    ``date`` (ISO) dates the documents that carry no date of their own: relative periods ("last
    year") are read from it and money is converted at its rate. A document whose text digest is in
    ``added`` (:func:`text_digest`; the session's earlier uploads) is not extracted again."""
    refused = check_upload_limits(files)
    skipped = {r.number for r in refused}
    documents: list[Document] = []
    errors: list[str] = []
    for number, (name, data) in enumerate(files, start=1):
        if number in skipped:
            continue
        for item in read_bytes(Path(name), data):
            if isinstance(item, DocumentError):
                errors.append(f"{Path(item.source).name}: {item.reason}")
            else:
                documents.append(item)
    if pasted.strip():
        documents.append(Document(doc_id="pasted", text=pasted[:MAX_PASTE_CHARS]))
        if len(pasted) > MAX_PASTE_CHARS:
            errors.append(f"pasted text cut to its first {MAX_PASTE_CHARS:,} characters")
    seen, fresh, already = set(added), [], []
    for doc in documents:
        digest = text_digest(doc.text)
        if digest in seen:
            already.append("the pasted text" if doc.doc_id == "pasted" else doc.doc_id)
            continue
        seen.add(digest)
        fresh.append(doc if doc.date or not date else replace(doc, date=date))
    documents = _unique_ids(fresh, set(taken_ids))
    frames, texts, dates, digests = [], {}, {}, {}
    for done, doc in enumerate(documents, start=1):
        try:
            frames.append(figures_frame([doc]))
            texts[doc.doc_id], dates[doc.doc_id], digests[doc.doc_id] = doc.text, doc.date, text_digest(doc.text)
        except Exception as exc:  # one document that breaks the extractor must not lose the others
            errors.append(f"{doc.doc_id}: extraction failed ({exc!r})")
        if progress is not None:
            progress(done, len(documents))
    frame = pd.concat(frames, ignore_index=True) if frames else figures_frame([])
    return UploadResult(frame, texts, dates, refused, errors, digests, already)


def documents_jsonl(texts: Mapping[str, str], dates: Mapping[str, str]) -> bytes:
    """Documents as JSON Lines (doc_id, date, text), which the extractor and the uploader read
    back: the download of the documents a session added.

    >>> documents_jsonl({"a": "Exports rose 5%."}, {"a": "2024-05-06"})
    b'{"doc_id": "a", "date": "2024-05-06", "text": "Exports rose 5%."}\\n'
    """
    lines = [json.dumps({"doc_id": d, "date": dates.get(d, ""), "text": t}, ensure_ascii=False) for d, t in texts.items()]
    return "".join(f"{line}\n" for line in lines).encode("utf-8")


def _unique_ids(documents: list[Document], taken: set[str]) -> list[Document]:
    """Rename documents whose id is already in the table ("a" -> "a (2)")."""
    out = []
    for doc in documents:
        doc_id, n = doc.doc_id, 2
        while doc_id in taken:
            doc_id, n = f"{doc.doc_id} ({n})", n + 1
        taken.add(doc_id)
        out.append(doc if doc_id == doc.doc_id else replace(doc, doc_id=doc_id))
    return out


def with_documents(
    frame: pd.DataFrame, documents: pd.DataFrame | None, result: UploadResult
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The table and its documents' dates with an upload's figures and documents added."""
    added = pd.DataFrame({"doc_id": list(result.dates), "date": list(result.dates.values())}, dtype=str)
    dates = added if documents is None else pd.concat([documents[["doc_id", "date"]], added], ignore_index=True)
    return pd.concat([frame, result.frame], ignore_index=True), dates
