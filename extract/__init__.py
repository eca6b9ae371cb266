"""Trade-flow figures: every figure in a news text, as one tidy row each.

>>> from extract import extract_figures
>>> [f.surface for f in extract_figures("China's exports to Russia jumped 64.2% between 2021 and 2023.")]
['64.2%']
"""

from extract.documents import Document, DocumentError, read_bytes, read_documents
from extract.figures import extract_figures
from extract.output import frames_bytes, read_table, safe_file_name, spreadsheet_safe, to_csv_text, write_table
from extract.pipeline import figures_of_frames
from extract.records import Figure
from extract.table import COLUMNS, arrow_schema, figures_frame, figures_to_frame, typed

__all__ = [
    "COLUMNS",
    "Document",
    "DocumentError",
    "Figure",
    "arrow_schema",
    "extract_figures",
    "figures_frame",
    "figures_of_frames",
    "figures_to_frame",
    "frames_bytes",
    "read_bytes",
    "read_documents",
    "read_table",
    "safe_file_name",
    "spreadsheet_safe",
    "to_csv_text",
    "typed",
    "write_table",
]
