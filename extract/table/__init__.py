"""Stage 4, table: the record of each figure, the tidy table (one row per figure, one column per
variable) and its files — CSV (spreadsheet-safe), Parquet and JSON Lines, written atomically.
"""

from extract.table.files import (
    FORMATS,
    atomic_path,
    frames_bytes,
    neutralise_cell,
    read_table,
    safe_file_name,
    spreadsheet_safe,
    to_csv_text,
    write_frames,
    write_table,
    write_text_atomic,
)
from extract.table.frame import COLUMNS, OPTIONAL_COLUMNS, arrow_schema, document_rows, rows_to_frame, typed
from extract.table.records import Figure, make_figures

__all__ = [
    "COLUMNS",
    "FORMATS",
    "OPTIONAL_COLUMNS",
    "Figure",
    "arrow_schema",
    "atomic_path",
    "document_rows",
    "frames_bytes",
    "make_figures",
    "neutralise_cell",
    "read_table",
    "rows_to_frame",
    "safe_file_name",
    "spreadsheet_safe",
    "to_csv_text",
    "typed",
    "write_frames",
    "write_table",
    "write_text_atomic",
]
