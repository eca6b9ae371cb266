"""Trade-flow figures: every figure in a news text, as one tidy row each.

The pipeline runs in one direction, one subpackage a stage:
``text`` (decoding, readers, sentences) -> ``figures`` (candidates, rules, ranges) ->
``context`` (role, flows, periods, US dollars) -> ``table`` (records, the tidy table, files) ->
``run`` (documents in pieces, batches, resuming, executors, the command line).

>>> from extract import extract_figures
>>> [f.surface for f in extract_figures("China's exports to Russia jumped 64.2% between 2021 and 2023.")]
['64.2%']
"""

from extract.extractor import Explanation, explain, extract_figures
from extract.run import figures_frame, figures_of_frames
from extract.table import COLUMNS, Figure, read_table, write_table
from extract.text import Document, DocumentError, read_documents

__all__ = [
    "COLUMNS",
    "Document",
    "DocumentError",
    "Explanation",
    "Figure",
    "explain",
    "extract_figures",
    "figures_frame",
    "figures_of_frames",
    "read_documents",
    "read_table",
    "write_table",
]
