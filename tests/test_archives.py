"""News archives: every input format, malformed records, parallel and Dask runs, and resuming."""

from __future__ import annotations

import csv
import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from conftest import ROOT

from extract import COLUMNS, figures_of_frames, read_table
from extract.run import BatchOptions, dask_executor, local_executor, run_paths
from extract.run.work import DONE
from tools.synthetic import records, write_jsonl

RECORDS = [
    {
        "id": "r1",
        "text": "China's exports to Russia rose 12% last year.",
        "date": "2024-03-05",
        "url": "https://news.example/r1",
        "title": "Exports up",
    },
    {"id": "r2", "text": "Imports of 2 million tonnes of wheat.", "date": "", "url": "", "title": ""},
]


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "extract", *args], capture_output=True, text=True, cwd=ROOT, env=env)


def _write_csv(path: Path, rows: list[dict[str, str]]) -> None:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "wt", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["id", "text", "date", "url", "title"])
        writer.writeheader()
        writer.writerows(rows)


def _write_jsonl(path: Path, rows: list[dict[str, str]]) -> None:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "wt", encoding="utf-8") as handle:
        handle.writelines(json.dumps(r) + "\n" for r in rows)


def _write_parquet(path: Path, rows: list[dict[str, str]]) -> None:
    frame = pd.DataFrame(rows)
    frame["date"] = pd.to_datetime(frame["date"].replace("", None))  # a real timestamp column, as dumps have
    frame.to_parquet(path, index=False)


WRITERS = {
    "archive.jsonl": _write_jsonl,
    "archive.jsonl.gz": _write_jsonl,
    "archive.csv": _write_csv,
    "archive.csv.gz": _write_csv,
    "archive.parquet": _write_parquet,
}


@pytest.mark.parametrize("name", list(WRITERS))
def test_archive_formats_carry_date_url_and_title(tmp_path: Path, name: str) -> None:
    WRITERS[name](tmp_path / name, RECORDS)
    result = run_paths([tmp_path / name], str(tmp_path / "out.parquet"))
    assert (result.documents, result.errors) == (2, [])
    table = read_table(tmp_path / "out.parquet").set_index("surface")
    assert table.loc["12%", "url"] == "https://news.example/r1" and table.loc["12%", "title"] == "Exports up"
    assert table.loc["12%", "period_start"] == "2023-01-01"  # "last year" read against the record's date
    assert table.loc["2 million tonnes", "doc_id"] == "r2"


MALFORMED = {
    "jsonl": ("a.jsonl", '{"id": "ok", "text": "A 7% rise."}\n{"id": "bad", "text": \n{"id": "x"}\n', ["a.jsonl:2", "a.jsonl:3"]),
    "csv": ("a.csv", 'id,text\nok,"A 7% rise."\nbad,"x",extra\n', ["a.csv:3"]),
    "parquet": ("a.parquet", None, ["a.parquet:2"]),
}


@pytest.mark.parametrize("case", list(MALFORMED))
def test_a_malformed_record_is_reported_with_its_line_and_the_rest_kept(tmp_path: Path, case: str) -> None:
    name, content, where = MALFORMED[case]
    if content is None:
        pd.DataFrame({"id": ["ok", "bad"], "text": ["A 7% rise.", None]}).to_parquet(tmp_path / name)
    else:
        (tmp_path / name).write_text(content, encoding="utf-8")
    out = tmp_path / "out.csv"
    done = _cli(str(tmp_path / name), "-o", str(out), "--jobs", "1")
    assert done.returncode == 3
    assert list(pd.read_csv(out)["doc_id"]) == ["ok"]
    for place in where:
        assert f"{tmp_path / place}:" in done.stderr
    errors = pd.read_csv(tmp_path / "out.errors.csv")
    assert sorted(errors["source"]) == sorted(str(tmp_path / p) for p in where)


def test_a_truncated_gzip_keeps_the_records_before_the_cut(tmp_path: Path) -> None:
    whole = tmp_path / "whole.jsonl.gz"
    write_jsonl(whole, count=200)
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    result = run_paths([cut], str(tmp_path / "out.csv"))
    assert 0 < result.documents < 200
    assert len(result.errors) == 1 and result.errors[0].source == str(cut)


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("archive") / "news.jsonl.gz"
    write_jsonl(path, count=120, seed=7)
    return path


@pytest.fixture(scope="module")
def reference(archive: Path, tmp_path_factory: pytest.TempPathFactory) -> pd.DataFrame:
    out = tmp_path_factory.mktemp("reference") / "figures.parquet"
    run_paths([archive], str(out), options=BatchOptions(documents=10))
    return _sorted(read_table(out))


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values("figure_id", kind="stable").reset_index(drop=True)


def test_the_reference_run_is_a_real_table(reference: pd.DataFrame) -> None:
    assert len(reference) > 1000 and reference["doc_id"].nunique() == 120
    assert not reference["figure_id"].duplicated().any()
    assert list(reference.columns) == list(COLUMNS)


def test_a_process_pool_gives_the_same_rows(archive: Path, reference: pd.DataFrame, tmp_path: Path) -> None:
    with local_executor(2) as pool:
        run_paths([archive], str(tmp_path / "out"), executor=pool, workers=2, options=BatchOptions(documents=10))
    pd.testing.assert_frame_equal(_sorted(read_table(tmp_path / "out")), reference)


def test_a_dask_local_cluster_gives_the_same_rows(archive: Path, reference: pd.DataFrame, tmp_path: Path) -> None:
    with dask_executor("local:2") as (executor, workers):
        assert workers == 2
        options = BatchOptions(documents=10)
        result = run_paths([archive], str(tmp_path / "out"), executor=executor, workers=workers, options=options)
    assert result.batches == 12
    parts = sorted(p.name for p in (tmp_path / "out").glob("*.parquet"))
    assert parts == [f"part-{k:06d}.parquet" for k in range(12)]
    pd.testing.assert_frame_equal(_sorted(read_table(tmp_path / "out")), reference)


def test_the_cli_runs_on_dask(archive: Path, reference: pd.DataFrame, tmp_path: Path) -> None:
    done = _cli(str(archive), "-o", str(tmp_path / "out"), "--dask", "local:2", "--batch-documents", "10", "-q")
    assert done.returncode == 0, done.stderr
    assert len(read_table(tmp_path / "out")) == len(reference)


@pytest.mark.parametrize("output", ["folder", "figures.csv"])
def test_a_killed_run_resumes_without_duplicates_or_gaps(tmp_path: Path, output: str) -> None:
    archive = tmp_path / "news.jsonl"
    write_jsonl(archive, count=400, seed=3)
    out = tmp_path / output
    parts = out if output == "folder" else tmp_path / f".{output}.parts"
    command = [sys.executable, "-m", "extract", str(archive), "-o", str(out), "--jobs", "1", "--batch-documents", "4", "-q"]
    process = subprocess.Popen(command, cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)))

    def batches_done() -> int:
        return len(list((parts / DONE).glob("*.json"))) if (parts / DONE).is_dir() else 0

    deadline = time.monotonic() + 120
    while batches_done() < 5 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait()
    done_before = batches_done()
    assert 5 <= done_before < 100, "the run was not killed part-way"

    resumed = _cli(str(archive), "-o", str(out), "--jobs", "1", "--batch-documents", "4")
    assert resumed.returncode == 0, resumed.stderr
    assert f"({done_before} of 100 batches from an earlier run)" in resumed.stderr

    clean = tmp_path / "clean.parquet"
    run_paths([archive], str(clean), options=BatchOptions(documents=4))
    final = _sorted(read_table(out))
    assert not final["figure_id"].duplicated().any()
    pd.testing.assert_frame_equal(final, _sorted(read_table(clean)))
    if output != "folder":
        assert not parts.exists()  # the staging folder goes once the file is whole


def test_an_output_holding_another_run_is_left_alone(tmp_path: Path) -> None:
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    _write_jsonl(first, RECORDS)
    _write_jsonl(second, RECORDS[:1])
    assert _cli(str(first), "-o", str(tmp_path / "out"), "-q").returncode == 0
    done = _cli(str(second), "-o", str(tmp_path / "out"), "-q")
    assert done.returncode == 2 and "holds a run over other inputs" in done.stderr
    assert len(read_table(tmp_path / "out")) == 2


def test_a_folder_that_is_not_a_run_is_never_written_into(tmp_path: Path) -> None:
    _write_jsonl(tmp_path / "a.jsonl", RECORDS)
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me", encoding="utf-8")
    done = _cli(str(tmp_path / "a.jsonl"), "-o", str(tmp_path / "mine"), "-q")
    assert done.returncode == 2 and "not empty" in done.stderr
    assert sorted(p.name for p in (tmp_path / "mine").iterdir()) == ["notes.txt"]


def test_records_are_reproducible_and_varied() -> None:
    first = [r["text"] for r in records(50, seed=1)]
    assert first == [r["text"] for r in records(50, seed=1)]
    sentences = [s for text in first for s in text.replace("\n\n", " ").split(". ")]
    assert len(set(sentences)) > 0.8 * len(sentences)


def test_the_spark_shaped_function_gives_the_same_rows(reference: pd.DataFrame) -> None:
    frames = [pd.DataFrame(list(records(120, seed=7)))[k : k + 50] for k in range(0, 120, 50)]  # three "partitions"
    got = pd.concat(list(figures_of_frames(frames)), ignore_index=True)
    pd.testing.assert_frame_equal(_sorted(got), reference)
