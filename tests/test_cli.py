"""The command line, run as a user runs it: a subprocess per case."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from conftest import ROOT

from extract import COLUMNS


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "extract", *args], capture_output=True, text=True, cwd=cwd, env=_env())


def _env() -> dict[str, str]:
    import os

    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT)
    return env


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("Exports rose 5% to $2bn.", encoding="utf-8")
    (folder / "sub" / "b.md").write_text("# Title\n\nImports fell 3.5 per cent.", encoding="utf-8")
    (folder / "c.html").write_text(
        "<html><head><title>x</title><script>var n = 99;</script></head><body><p>Trade hit 7 billion euros.</p></body></html>",
        encoding="utf-8",
    )
    records = [
        {"id": "j1", "text": "Shipments of 2 million tonnes.", "date": "2024-05-01"},
        {"id": "j2", "text": "Nothing here."},
    ]
    (folder / "d.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    (folder / "ignored.pdf").write_bytes(b"%PDF-1.4")
    return folder


@pytest.mark.parametrize("suffix", [".csv", ".parquet", ".jsonl"])
def test_every_output_format(corpus: Path, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"figures{suffix}"
    done = run(str(corpus), "-o", str(out))
    assert done.returncode == 0, done.stderr
    frame = {".csv": pd.read_csv, ".parquet": pd.read_parquet, ".jsonl": lambda p: pd.read_json(p, lines=True)}[suffix](out)
    assert list(frame.columns) == list(COLUMNS)
    assert sorted(frame["doc_id"].unique()) == ["a", "b", "c", "j1"]
    assert sorted(frame["surface"]) == ["$2bn", "2 million tonnes", "3.5 per cent", "5%", "7 billion euros"]
    assert "5 documents, 5 figures, 0 failed" in done.stderr


def test_stdout_csv(corpus: Path) -> None:
    done = run(str(corpus / "a.txt"), "-o", "-")
    assert done.returncode == 0
    assert done.stdout.splitlines()[0].startswith("figure_id,doc_id,sentence_index")
    assert "$2bn" in done.stdout


def test_html_scripts_yield_nothing(corpus: Path) -> None:
    done = run(str(corpus / "c.html"), "-o", "-")
    assert "99" not in done.stdout.split("\n", 1)[1]


def test_bad_documents_never_stop_the_batch(corpus: Path, tmp_path: Path) -> None:
    (corpus / "bad.jsonl").write_text('{"id": "ok", "text": "A 7% rise."}\nnot json\n{"id": "x"}\n', encoding="utf-8")
    (corpus / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    out = tmp_path / "out.csv"
    done = run(str(corpus), str(tmp_path / "missing"), "-o", str(out))
    assert done.returncode == 3
    frame = pd.read_csv(out)
    assert "ok" in set(frame["doc_id"])
    assert "bad.jsonl:2: invalid JSON" in done.stderr
    assert 'bad.jsonl:3: record has no "text" string' in done.stderr
    assert "binary.txt: binary file" in done.stderr
    assert "missing: no such file or folder" in done.stderr
    assert "4 failed" in done.stderr


def test_unknown_output_format(corpus: Path, tmp_path: Path) -> None:
    done = run(str(corpus), "-o", str(tmp_path / "x.xlsx"))
    assert done.returncode == 2
    assert "unknown output format" in done.stderr


def test_csv_is_spreadsheet_safe(tmp_path: Path) -> None:
    (tmp_path / "evil.txt").write_text('=HYPERLINK("x") the balance stood at -5 tonnes today.', encoding="utf-8")
    out = tmp_path / "out.csv"
    run(str(tmp_path / "evil.txt"), "-o", str(out))
    frame = pd.read_csv(out)
    assert frame.loc[0, "surface"] == "'-5 tonnes"
    assert frame.loc[0, "sentence"].startswith("'=HYPERLINK")
    assert frame.loc[0, "value"] == -5.0


def test_progress_bar_shows_documents_per_second_and_an_eta(tmp_path: Path) -> None:
    for i in range(25):
        (tmp_path / f"{i}.txt").write_text(f"Exports rose {i + 1}%.", encoding="utf-8")
    done = run(str(tmp_path), "-o", str(tmp_path / "out.csv"), "--jobs", "1", "--batch-documents", "5")
    assert done.returncode == 0, done.stderr
    assert "25 docs" in done.stderr and "docs/s" in done.stderr
    assert re.search(r"<00:00|\?]", done.stderr)  # tqdm's remaining-time field
    assert len(pd.read_csv(tmp_path / "out.csv")) == 25
