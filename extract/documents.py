"""Reading documents from files: plain text, Markdown, HTML and JSON Lines.

A file that cannot be read yields a :class:`DocumentError` in place of its documents, so a batch
always goes on and every failure is reported.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")


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
    number for a JSON Lines record."""

    source: str
    reason: str


def find_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[DocumentError]]:
    """The readable files under ``paths`` (folders searched recursively), and the paths that fail."""
    files: list[Path] = []
    errors: list[DocumentError] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES))
        elif path.is_file():
            files.append(path)
        else:
            errors.append(DocumentError(str(path), "no such file or folder"))
    return files, errors


def decode(data: bytes) -> tuple[str, str]:
    """Text and encoding name of ``data``: a byte-order mark wins, then UTF-8, then Windows-1252.

    >>> decode("caf\\u00e9".encode("utf-8-sig")), decode("caf\\u00e9".encode("cp1252"))
    (('café', 'utf-8-sig'), ('café', 'cp1252'))
    """
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(name), name
    if b"\x00" in data[:8192]:
        raise ValueError("binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


class _TextOfHtml(HTMLParser):
    """Collects the visible text of an HTML page; scripts, styles and templates are dropped."""

    _SKIP = frozenset({"script", "style", "noscript", "template", "svg", "head"})
    _BLOCK = frozenset(
        {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "blockquote", "title"}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """The visible text of ``markup``, one block per line.

    >>> html_to_text("<p>Exports rose <b>5%</b>.</p><script>var x = 10;</script><p>Next</p>")
    'Exports rose 5%.\\nNext'
    """
    parser = _TextOfHtml()
    parser.feed(markup)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


def read_file(path: Path) -> Iterator[Document | DocumentError]:
    """The documents of one file; errors are yielded, never raised."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield DocumentError(str(path), _reason(exc))
        return
    yield from read_bytes(path, data)


def read_bytes(path: Path, data: bytes) -> Iterator[Document | DocumentError]:
    """The documents in ``data``, read as the file ``path`` names it (an upload, say)."""
    try:
        text, encoding = decode(data)
    except ValueError as exc:
        yield DocumentError(str(path), _reason(exc))
        return
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from _jsonl_documents(text, path, encoding)
    elif suffix in (".html", ".htm"):
        yield Document(path.stem, html_to_text(text), source=str(path), encoding=encoding)
    else:
        yield Document(path.stem, text, source=str(path), encoding=encoding)


def _jsonl_documents(text: str, path: Path, encoding: str) -> Iterator[Document | DocumentError]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield DocumentError(where, f"invalid JSON: {exc.msg}")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield DocumentError(where, 'record has no "text" string')
            continue
        doc_id = record.get("id")
        yield Document(
            doc_id=str(doc_id) if doc_id not in (None, "") else f"{path.stem}:{number}",
            text=record["text"],
            date=str(record.get("date") or ""),
            url=str(record.get("url") or ""),
            title=str(record.get("title") or ""),
            source=where,
            encoding=encoding,
        )


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
