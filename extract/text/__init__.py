"""Stage 1, text: bytes decoded, documents read from files and archives, sentences split.

The first stage of the pipeline; it knows nothing of figures.
"""

from extract.text.decode import binary_kind, decode, html_to_text
from extract.text.readers import (
    ARCHIVE_FIELDS,
    SUFFIXES,
    Document,
    DocumentError,
    find_files,
    iso_date,
    read_bytes,
    read_documents,
    read_file,
    record_document,
    suffix_of,
)
from extract.text.sentences import MAX_SENTENCE, Piece, Sentences, clip_sentence, pieces, sentence_spans, split_sentences

__all__ = [
    "ARCHIVE_FIELDS",
    "MAX_SENTENCE",
    "SUFFIXES",
    "Document",
    "DocumentError",
    "Piece",
    "Sentences",
    "binary_kind",
    "clip_sentence",
    "decode",
    "find_files",
    "html_to_text",
    "iso_date",
    "pieces",
    "read_bytes",
    "read_documents",
    "read_file",
    "record_document",
    "sentence_spans",
    "split_sentences",
    "suffix_of",
]
