"""Fuzzing the extractor and the file readers: random text, random bytes and structured hostile
mixtures. Nothing may raise, every offset must slice its surface, nothing may hang.

CI runs the short "ci" profile; the README reports one long run of the "campaign" profile.
"""

from __future__ import annotations

import gzip
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

from extract import Document, DocumentError, extract_figures
from extract.text import SUFFIXES, decode, read_bytes

# Pieces of hostile input: scraping leftovers, encodings' traps, and the grammar's own tokens.
HOSTILE = st.sampled_from(
    [
        "<script>", "</script>", "<style>", "{", "}", ";", "=", '":', "#fff", "alert(1);", "var x = ",
        "https://a.example/", "?id=1&b=2", "user@example.org", "UA-1234-5", "iVBORw0KGgoAAAANSUhEUg",
        "deadbeef" * 3, "\x00", "\ufeff", "\u202e", "\u200b", "\r", "\r\n", "\t", "\u00a0", "\u2009",
        "\ufffd", "\u00e2\u20ac\u2122", "\u00c3\u00a9", " ", ". ", "\n\n", "$", "US$", "\u20ac", "\u00a3",
        "%", "per cent", "bn", "million", "between", "and", "to", "around", "1", "2,000", "3.5",
        "64.2", "2023", "(", ")", "[", "]", "-", "\u2212", "/", "tonnes", "China", "Russia", "exports",
        "1" * 40, "1," * 20, "$" * 30, "(" * 20,
    ]
)  # fmt: skip
TEXT = st.one_of(st.text(max_size=2_000), st.lists(HOSTILE, max_size=80).map("".join))


@contextmanager
def no_hang(seconds: int = 20) -> Iterator[None]:
    """Stops an input that would hang (catastrophic backtracking); not a speed check."""

    def stop(signum, frame):  # type: ignore[no-untyped-def]
        raise TimeoutError("hung")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _check_document(text: str) -> None:
    for f in extract_figures(text):
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start : f.end] == f.surface
        assert f.surface in f.sentence or "\n" in f.surface


@example("\U000116d0")  # a digit newer than Python's Unicode tables: once a KeyError
@given(TEXT)
def test_the_extractor_survives_any_text(text: str) -> None:
    with no_hang():
        _check_document(text)


@given(st.binary(max_size=4_096), st.sampled_from(SUFFIXES))
def test_the_readers_survive_any_bytes(data: bytes, suffix: str) -> None:
    with no_hang():
        for item in read_bytes(Path("fuzz" + suffix), data):
            assert isinstance(item, Document | DocumentError)
            if isinstance(item, Document):
                _check_document(item.text)
            else:
                assert item.reason


@given(TEXT, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32", "cp1252", "latin-1", "gb18030"]))
def test_decoding_any_text_in_any_encoding_never_raises_unexpectedly(text: str, encoding: str) -> None:
    data = text.encode(encoding, errors="replace")
    with no_hang():
        try:
            decoded, name = decode(data)
        except ValueError as exc:  # the one way decode refuses: not text
            assert str(exc).startswith("binary file")
            return
        assert isinstance(decoded, str) and name
        if encoding.startswith("utf") and "\x00" not in text and not text.startswith("\ufeff"):
            assert decoded == text or name.endswith("(ftfy)")


@given(st.lists(st.one_of(TEXT, st.binary(max_size=200).map(lambda b: b.decode("latin-1"))), max_size=20))
def test_archives_of_hostile_records_survive(records: list[str]) -> None:
    import json

    lines = []
    for i, text in enumerate(records):
        lines.append(json.dumps({"id": i, "text": text}) if i % 3 else text)  # every third line is not JSON
    data = gzip.compress("\n".join(lines).encode("utf-8", errors="surrogatepass"))
    with no_hang():
        items = list(read_bytes(Path("fuzz.jsonl.gz"), data))
    assert all(isinstance(item, Document | DocumentError) for item in items)
