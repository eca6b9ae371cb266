"""The output of a run: a folder of Parquet parts with a manifest and batch records, from which a
file output is assembled; the reports written beside it. A folder output is the parts themselves
(a Parquet dataset); a file output is assembled from parts kept in a hidden folder beside it,
which is removed once the file is whole.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import astuple, dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Final

from extract.run.work import DONE, DocumentReport, load_report, part_name
from extract.table import FORMATS, atomic_path, neutralise_cell, typed, write_frames, write_text_atomic

if TYPE_CHECKING:
    import pandas as pd

MANIFEST: Final = "_manifest.json"
ERRORS_NAME: Final = "errors.csv"
DOCUMENTS_NAME: Final = "documents.csv"


class OutputInUse(Exception):
    """The output holds parts of a different run; it is left alone."""


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


def prepare(parts_dir: Path, manifest: dict[str, object]) -> set[int]:
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
    for record in (parts_dir / DONE).glob("*.json") if (parts_dir / DONE).is_dir() else ():  # see work.record_path
        if (parts_dir / part_name(int(record.stem))).exists():
            finished.add(int(record.stem))
    return finished


def write_reports(target: Target, batches: list[int]) -> list[Path]:
    """The errors report (source, reason) and the documents report (one row per document read),
    streamed from the batch records so that neither is held in memory."""
    import csv

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
            report = load_report(target.parts_dir, index)
            errors.writerows([neutralise_cell(e.source), neutralise_cell(e.reason)] for e in report.errors)
            documents.writerows([neutralise_cell(cell) for cell in astuple(d)] for d in report.documents)
    return [errors_path, documents_path]


def assemble(target: Target, batches: int) -> None:
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

    for part in parts:
        parquet = pq.ParquetFile(part)
        for group in range(parquet.num_row_groups):
            yield typed(parquet.read_row_group(group).to_pandas())
