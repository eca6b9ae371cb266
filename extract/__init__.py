"""Trade-flow figures: every figure in a news text, as one tidy row each.

>>> from extract import extract_figures
>>> [f.surface for f in extract_figures("China's exports to Russia jumped 64.2% between 2021 and 2023.")]
['64.2%']
"""

from extract.documents import Document, DocumentError, read_bytes, read_documents
from extract.figures import extract_figures
from extract.output import read_table, safe_file_name, spreadsheet_safe, to_csv_text, write_table
from extract.records import Figure
from extract.table import COLUMNS, figures_frame, figures_to_frame, typed

__all__ = [
    "COLUMNS",
    "Document",
    "DocumentError",
    "Figure",
    "extract_figures",
    "figures_frame",
    "figures_to_frame",
    "read_bytes",
    "read_documents",
    "read_table",
    "safe_file_name",
    "spreadsheet_safe",
    "to_csv_text",
    "typed",
    "write_table",
]
