"""Hostile and broken documents, built here (never downloaded), each with its expected outcome:
its figures, no figures, or skipped with a reason."""

from __future__ import annotations

import gzip
import io
import os
import random
import signal
import subprocess
import sys
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from conftest import ROOT

from extract import extract_figures, read_table
from extract.table import safe_file_name
from extract.text import Document, DocumentError, decode, read_bytes

PROSE = "Exports rose 5% to 3 million tonnes."
PROSE_FIGURES = ["5%", "3 million tonnes"]


def _png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), (200, 10, 10)).save(buffer, "PNG")
    return buffer.getvalue()


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", PROSE)
    return buffer.getvalue()


# --- decoding: any bytes become text, or are skipped with a reason ---------------------------------

# name -> (bytes, expected figure surfaces, expected encoding as recorded)
DECODING = {
    "utf-8": (PROSE.encode("utf-8"), PROSE_FIGURES, "utf-8"),
    "utf-8 with BOM": (PROSE.encode("utf-8-sig"), PROSE_FIGURES, "utf-8-sig"),
    "utf-16 LE with BOM": (PROSE.encode("utf-16"), PROSE_FIGURES, "utf-16"),
    "utf-16 BE with BOM": (b"\xfe\xff" + PROSE.encode("utf-16-be"), PROSE_FIGURES, "utf-16"),
    "utf-16 LE without BOM": (PROSE.encode("utf-16-le"), PROSE_FIGURES, "utf_16_le"),
    "utf-32 with BOM": (PROSE.encode("utf-32"), PROSE_FIGURES, "utf-32"),
    "windows-1252": (
        "Exports to C\u00f4te d\u2019Ivoire rose 5% to \u20ac3 million.".encode("cp1252"),
        ["5%", "\u20ac3 million"],
        "cp1252",
    ),
    "latin-1": ("M\u00fcller: exports rose 5% to 3 million tonnes.".encode("latin-1"), PROSE_FIGURES, "cp1252"),
    "mojibake": (
        "The ministry\u2019s exports rose 5% to \u20ac3 million.".encode("utf-8").decode("cp1252").encode("utf-8"),
        ["5%", "\u20ac3 million"],
        "utf-8, mojibake repaired (ftfy)",
    ),
    "empty": (b"", [], "utf-8"),
}


@pytest.mark.parametrize("case", list(DECODING))
def test_text_in_any_encoding_is_read(case: str) -> None:
    data, surfaces, encoding = DECODING[case]
    (document,) = read_bytes(Path("doc.txt"), data)
    assert isinstance(document, Document)
    assert document.encoding == encoding
    assert [f.surface for f in extract_figures(document.text)] == surfaces


@pytest.mark.xfail(strict=True, reason="a short Central European text in Windows-1250 ties with Windows-1252, which wins")
def test_windows_1250_polish() -> None:
    text = "Wzrost eksportu o 5% \u2013 powiedzia\u0142 minister \u0141ukasz \u017b\u00f3\u0142\u0107."
    assert decode(text.encode("cp1250")) == (text, "cp1250")


def test_windows_1252_keeps_its_accents_and_quotes() -> None:
    text, _ = decode("C\u00f4te d\u2019Ivoire \u2013 \u20ac3m".encode("cp1252"))
    assert text == "C\u00f4te d\u2019Ivoire \u2013 \u20ac3m"


BINARY = {
    "PNG image": (_png(), "PNG image"),
    "PDF document": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n" + bytes(range(256)), "PDF document"),
    "ZIP archive": (_zip(), "ZIP archive"),
    "gzip archive": (gzip.compress(PROSE.encode()), "gzip archive"),
    "executable": (b"\x7fELF\x02\x01\x01" + bytes(200), "ELF"),
    "random bytes": (random.Random(5).randbytes(20_000), "binary file"),
    "control characters": (b"abc\x01\x02\x03\x04\x05\x06\x07" * 200, "binary file"),
}


@pytest.mark.parametrize("case", list(BINARY))
def test_binary_files_are_skipped_with_a_reason(case: str) -> None:
    data, reason = BINARY[case]
    (item,) = read_bytes(Path("given-by-mistake.txt"), data)
    assert isinstance(item, DocumentError)
    assert item.reason.startswith("binary file") and reason in item.reason


# --- junk left over from scraping yields no figures -------------------------------------------------

JUNK = {
    "base64 image": "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAAB",
    "bare base64 run": "R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7",
    "hex digest": "sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    "url": "https://news.example.com/2023/10/05/trade-64-2-percent?id=123&page=2",
    "e-mail": "contact trade.desk2023@example.org",
    "tracking codes": "UA-123456-1 utm_campaign=spring2024 ref=abc12&src=55",
    "css": ".nav { color: #333; margin: 10px 5px; font-size: 1.2em; z-index: 999 }",
    "javascript": "function f(){ var x = 10; return x * 2.5; } alert(1);",
    "json": 'window.dataLayer.push({"event": "page", "value": 12, "ts": 1699999999});',
    "script tags": "<script>alert(1)</script>",
    "html attributes": '<img width="300" height="200" src="a.png">',
}


@pytest.mark.parametrize("case", list(JUNK))
def test_junk_yields_no_figures(case: str) -> None:
    assert [f.surface for f in extract_figures(JUNK[case])] == []


@pytest.mark.parametrize("case", list(JUNK))
def test_junk_beside_prose_leaves_the_prose_figures(case: str) -> None:
    text = f"{JUNK[case]}\n{PROSE}"
    assert [f.surface for f in extract_figures(text)] == PROSE_FIGURES


HTML_PAGE = """<!DOCTYPE html><html><head><title>Trade</title>
<style>.a { width: 960px; } body { margin: 0 }</style>
<script>var views = 123456; window.dataLayer = [{"id": 42}];</script></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a> | 24 comments</nav>
<article><h1>China trade with Russia</h1>
<p>China's exports to Russia jumped 64.2% between 2021 and 2023, customs data showed, in a paragraph long
enough to be the article's body rather than its furniture.</p>
<p>Machine-tool imports reached around 900 million dollars (835 million euros) last year, officials said.</p>
</article><footer>\u00a9 2024 Example News. 5 related stories</footer>
<script>alert(7)</script></body></html>"""


def test_html_keeps_the_article_and_drops_scripts_styles_and_navigation() -> None:
    (document,) = read_bytes(Path("page.html"), HTML_PAGE.encode("utf-8"))
    assert isinstance(document, Document)
    surfaces = [f.surface for f in extract_figures(document.text)]
    assert surfaces == ["64.2%", "900 million dollars", "835 million euros"]
    for leftover in ("123456", "960px", "alert", "24 comments", "related stories"):
        assert leftover not in document.text


def test_a_run_on_sentence_does_not_multiply_memory() -> None:
    text = PROSE.replace(" ", "") * 2_000 + " " + PROSE * 20_000  # no sentence break anywhere: one 800 KB "sentence"
    figures = extract_figures(text)
    assert len(figures) >= 40_000
    assert max(len(f.sentence) for f in figures) <= 1_002  # clipped around each figure, with ellipses
    for f in figures[::5_000]:
        assert f.surface in f.sentence and text[f.start : f.end] == f.surface


def test_a_long_document_is_written_as_it_is_read(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    from extract.run.batches import Batch
    from extract.run.work import run_batch

    document = Document("long", "Exports rose 5%.\n\n" * 60_000)  # 60,000 figures, read in two pieces
    report = run_batch(Batch(0, (document,), (), 0), str(tmp_path))
    part = pq.ParquetFile(tmp_path / "part-000000.parquet")
    assert report.figures == part.metadata.num_rows == 60_000
    assert part.num_row_groups >= 2  # rows left memory before the document was done


# --- the whole hostile corpus through the command line ------------------------------------------------


def test_the_cli_reads_the_hostile_corpus_and_reports_every_failure(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i, (data, _, _) in enumerate(DECODING.values()):
        (corpus / f"text-{i}.txt").write_bytes(data)
    for i, (data, _) in enumerate(BINARY.values()):
        (corpus / f"binary-{i}.txt").write_bytes(data)
    (corpus / "junk.txt").write_text("\n".join(JUNK.values()), encoding="utf-8")
    (corpus / "page.html").write_text(HTML_PAGE, encoding="utf-8")
    (corpus / "=cmd.txt").write_text("Exports rose 5%.", encoding="utf-8")
    out = tmp_path / "out" / "figures.csv"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    command = [sys.executable, "-m", "extract", str(corpus), "-o", str(out), "--jobs", "1"]
    done = subprocess.run(command, capture_output=True, text=True, env=env)
    assert done.returncode == 3
    assert f"{len(BINARY)} failed" in done.stderr
    errors = pd.read_csv(out.with_name("figures.errors.csv"))
    assert sorted(Path(s).name for s in errors["source"]) == sorted(f"binary-{i}.txt" for i in range(len(BINARY)))
    assert errors["reason"].str.startswith("binary file").all()
    documents = pd.read_csv(out.with_name("figures.documents.csv"), keep_default_na=False)
    encodings = dict(zip(documents["doc_id"], documents["encoding"], strict=True))
    assert encodings["text-2"] == "utf-16" and encodings["text-8"] == "utf-8, mojibake repaired (ftfy)"
    assert "'=cmd" in set(documents["doc_id"])  # a formula-like id is neutralised in the report too
    table = read_table(out)
    assert set(table.loc[table["doc_id"] == "junk", "surface"]) == set()
    assert list(table.loc[table["doc_id"] == "=cmd", "surface"]) == ["5%"]  # read back raw


def test_an_interrupted_run_leaves_the_previous_output_whole(tmp_path: Path) -> None:
    out = tmp_path / "figures.csv"
    out.write_text("previous,output\n1,2\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(f"{PROSE} " * 100_000, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    command = [sys.executable, "-m", "extract", str(tmp_path / "a.txt"), "-o", str(out), "-q", "--jobs", "2"]
    process = subprocess.Popen(command, env=env, start_new_session=True)
    try:
        process.wait(timeout=3.0)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # the CLI and its worker processes, as a power cut would
        process.wait()
    else:
        pytest.fail("the run finished before it could be interrupted")
    assert out.read_text(encoding="utf-8") == "previous,output\n1,2\n"


# --- output file names from document ids -----------------------------------------------------------

NAMES = {
    "plain": ("reuters-2023-10-05", "reuters-2023-10-05.csv"),
    "parent folders": ("../../etc/passwd", "etc_passwd.csv"),
    "absolute path": ("/etc/cron.d/job", "etc_cron.d_job.csv"),
    "windows path": ("C:\\Windows\\system32", "C_Windows_system32.csv"),
    "nul byte": ("a\x00b", "a_b.csv"),
    "only dots": ("..", "figures.csv"),
    "empty": ("", "figures.csv"),
    "hidden": (".bashrc", "bashrc.csv"),
    "very long": ("x" * 500, "x" * 100 + ".csv"),
}


@pytest.mark.parametrize("case", list(NAMES))
def test_file_names_from_ids_stay_in_their_folder(case: str, tmp_path: Path) -> None:
    raw, expected = NAMES[case]
    name = safe_file_name(raw, ".csv")
    assert name == expected
    assert (tmp_path / name).resolve().parent == tmp_path.resolve()
