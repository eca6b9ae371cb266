"""The per-document function in the shape of Spark's ``DataFrame.mapInPandas``: an iterator of
pandas DataFrames of archive records in, an iterator of figure tables out."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from extract.run.work import extract_into
from extract.table import rows_to_frame
from extract.text import Document, record_document

if TYPE_CHECKING:
    import pandas as pd


def figures_of_frames(frames: Iterable[pd.DataFrame], date: str = "") -> Iterator[pd.DataFrame]:
    """The figures of archive records given as DataFrames (columns ``id``, ``text`` and optionally
    ``date``, ``url``, ``title``), one table per frame: the shape of Spark's ``mapInPandas``, over
    the same per-document function as every other path. A record that fails yields no rows.

    >>> import pandas as pd
    >>> [len(t) for t in figures_of_frames([pd.DataFrame({"id": ["a"], "text": ["Exports rose 5%."]})])]
    [1]
    """
    for frame in frames:
        rows: list[tuple[object, ...]] = []
        for number, record in enumerate(frame.to_dict("records"), start=1):
            document = record_document(record, Path("partition"), number)
            if isinstance(document, Document):
                extract_into(document, date, rows)
        yield rows_to_frame(rows)
