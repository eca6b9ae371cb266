"""Writing the tidy table: CSV (spreadsheet-safe), Parquet and JSON Lines, atomically."""

from __future__ import annotations

import io
import os
import re
import sys
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    import pandas as pd

FORMATS = (".csv", ".parquet", ".jsonl")

# A cell starting with one of these is run as a formula by spreadsheet programs (OWASP, "CSV injection").
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: object) -> object:
    """Prefix a text cell that a spreadsheet would execute with an apostrophe; other cells unchanged.

    >>> neutralise_cell("=HYPERLINK(1)"), neutralise_cell("-5.4%"), neutralise_cell("64.2%"), neutralise_cell(-5.4)
    ("'=HYPERLINK(1)", "'-5.4%", '64.2%', -5.4)
    """
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def restore_cell(value: object) -> object:
    """Undo :func:`neutralise_cell` when reading a CSV this project wrote.

    >>> restore_cell("'-5.4%"), restore_cell("'quoted"), restore_cell(3.0)
    ('-5.4%', "'quoted", 3.0)
    """
    if isinstance(value, str) and value.startswith("'") and value[1:2] and value[1:].startswith(_FORMULA_STARTS):
        return value[1:]
    return value


def read_table(path: str | Path) -> pd.DataFrame:
    """A table written by :func:`write_table` or the CLI (CSV, Parquet, JSON Lines, or a folder of
    Parquet parts), with the table's dtypes."""
    import pandas as pd

    from extract.table.frame import COLUMNS, OPTIONAL_COLUMNS, typed

    path = Path(path)
    suffix = path.suffix.lower()
    if path.is_dir() or suffix == ".parquet":  # a folder is a Parquet dataset: its parts, in name order
        frame = pd.read_parquet(path)
    elif suffix == ".jsonl":
        frame = pd.read_json(path, lines=True, dtype=False)
    else:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        for column in frame.columns:
            frame[column] = frame[column].map(restore_cell)
    missing = [c for c in COLUMNS if c not in frame.columns and c not in OPTIONAL_COLUMNS]
    if missing:
        raise ValueError(f"{path}: not a figures table (missing {', '.join(missing)})")
    return typed(frame[[c for c in COLUMNS if c in frame.columns]])[list(COLUMNS)]


def spreadsheet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells are neutralised for spreadsheets (numbers untouched)."""
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or str(safe[column].dtype) == "string":
            safe[column] = safe[column].map(neutralise_cell, na_action="ignore")
    return safe


def to_csv_text(frame: pd.DataFrame) -> str:
    return spreadsheet_safe(frame).to_csv(index=False)


# Characters a file name built from a document id keeps; every other run becomes one "_".
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
_NAME_LIMIT = 100  # characters before the suffix; file systems allow 255 bytes


def safe_file_name(raw: str, suffix: str, fallback: str = "figures") -> str:
    """A file name made from ``raw`` (a document id, say) that cannot leave its folder: no
    separators, no "..", no NUL, no leading dot, bounded length.

    >>> safe_file_name("../../etc/passwd", ".csv"), safe_file_name("..", ".csv"), safe_file_name("Le Monde 5/10", ".png")
    ('etc_passwd.csv', 'figures.csv', 'Le_Monde_5_10.png')
    """
    stem = _UNSAFE_NAME.sub("_", raw).strip("._")
    stem = re.sub(r"\.{2,}", ".", stem)[:_NAME_LIMIT]
    return f"{stem or fallback}{suffix}"


def write_table(frame: pd.DataFrame, out: str) -> None:
    """Write the table ``frame`` to ``out`` in the format its extension names; ``-`` writes CSV to
    stdout.

    The file appears whole or not at all: it is written beside the target and then renamed, so an
    interrupted run leaves the previous output intact.
    """
    if out == "-":
        write_frames([frame], sys.stdout.buffer, ".csv")
        return
    path = Path(out)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"unknown output format {suffix or '(none)'!r}: use one of {', '.join(FORMATS)} or -")
    with atomic_path(path) as temporary, open(temporary, "wb") as handle:
        write_frames([frame], handle, suffix)


def write_frames(frames: Iterable[pd.DataFrame], handle: BinaryIO, suffix: str) -> None:
    """Pieces of one table, written one after another as one file on ``handle``: CSV
    (spreadsheet-safe, one header; the header alone when there is no row), JSON Lines (raw text),
    or Parquet (raw text, the table's Arrow schema). Only one piece is in memory at a time."""
    if suffix == ".parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        from extract.table.frame import COLUMNS, arrow_schema

        schema = arrow_schema()
        with pq.ParquetWriter(handle, schema) as writer:
            for frame in frames:
                writer.write_table(pa.Table.from_pandas(frame[list(COLUMNS)], schema=schema, preserve_index=False))
    elif suffix == ".csv":
        header = True
        for frame in frames:
            handle.write(spreadsheet_safe(frame).to_csv(index=False, header=header).encode("utf-8"))
            header = False
        if header:
            import pandas as pd

            from extract.table.frame import COLUMNS

            handle.write(pd.DataFrame(columns=list(COLUMNS)).to_csv(index=False).encode("utf-8"))
    elif suffix == ".jsonl":
        for frame in frames:
            if len(frame):
                lines = frame.to_json(orient="records", lines=True, force_ascii=False).rstrip("\n") + "\n"
                handle.write(lines.encode("utf-8"))
    else:
        raise ValueError(f"unknown output format {suffix!r}: use one of {', '.join(FORMATS)}")


def frames_bytes(frames: Iterable[pd.DataFrame], suffix: str) -> bytes:
    """:func:`write_frames` into memory (a download)."""
    out = io.BytesIO()
    write_frames(frames, out, suffix)
    return out.getvalue()


@contextmanager
def atomic_path(target: Path) -> Iterator[str]:
    """A fresh path beside ``target`` that replaces it only when the block ends without error, so a
    reader sees the old file or the new one, never half of one."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.{uuid.uuid4().hex[:12]}.tmp")
    try:
        yield str(temporary)
        os.replace(temporary, target)
    finally:
        if temporary.exists():
            temporary.unlink()


def write_text_atomic(target: Path, text: str) -> None:
    with atomic_path(target) as temporary:
        Path(temporary).write_text(text, encoding="utf-8")
