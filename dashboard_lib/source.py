"""The one data path of the dashboard: a figures table queried with DuckDB, whether it is a
DataFrame in memory (DuckDB reads it in place) or a Parquet file or dataset folder on disk.

Filters become one SQL condition (:func:`~dashboard_lib.filters.where`); each chart's rows are a
:class:`~dashboard_lib.selections.Selection` applied here; counts and sums over the whole view come
in a :class:`ViewSummary`; the table is read a page at a time, downloads batch by batch, and
claims are grouped in SQL (:mod:`dashboard_lib.claims`). Every source carries a ``generation``,
unique in the process, for caches to key on.
"""

from __future__ import annotations

import functools
import itertools
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from dashboard_lib import claims as claim_rules
from dashboard_lib.filters import FILTER_COLUMNS, Filters, where
from dashboard_lib.marks import locate_in_sentence
from dashboard_lib.selections import ROW_SETS, Selection
from extract.table import COLUMNS, OPTIONAL_COLUMNS, arrow_schema, frames_bytes, typed

if TYPE_CHECKING:
    import duckdb

# Process-wide, not per session: Streamlit's caches are shared by every session of the server, so
# two sessions' tables must never share a generation.
_GENERATIONS = itertools.count(1)

TABLE_ORDER = "doc_id, start, figure_id"  # the order of pages and downloads


def is_dataset(path: str | Path) -> bool:
    """Whether ``path`` is a Parquet file or a folder of Parquet parts (queried in place).

    >>> is_dataset("figures.parquet"), is_dataset("figures.csv")
    (True, False)
    """
    path = Path(path)
    return path.suffix.lower() == ".parquet" or (path.is_dir() and any(path.glob("*.parquet")))


@dataclass(frozen=True)
class ViewSummary:
    """Counts and sums over every figure in view: what the charts' notes and the flow diagram need
    when only the drawn rows are at hand."""

    figures: int
    documents: tuple[str, ...]  # the first three document ids, sorted
    document_count: int
    counts: Mapping[str, int]  # figures of each row set (selections.ROW_SETS)
    flows: pd.DataFrame  # period_start, period_end, exporter, importer, value_usd (sum), figures (count) of "flows"

    @property
    def undated(self) -> int:
        return self.figures - self.counts["dated"]


@dataclass(frozen=True)
class View:
    """What the charts draw under a set of filters: each selection's rows, in order, and the summary."""

    summary: ViewSummary
    rows: Mapping[str, pd.DataFrame] = field(default_factory=dict)


class Source:
    """A read-only figures table and a DuckDB connection over it. Make one with :meth:`of_frame`
    or :meth:`open`."""

    def __init__(
        self,
        connection: duckdb.DuckDBPyConnection,
        *,
        label: str,
        frame: pd.DataFrame | None,
        documents: pd.DataFrame | None,
    ) -> None:
        self._connection = connection
        self._lock = threading.Lock()
        self.label = label
        self.frame = frame  # the table, when it is held in memory (documents can be added to it)
        self.documents = documents  # doc_id, date, …: the documents' dates, when known
        self.generation = next(_GENERATIONS)
        _install_documents(connection, documents)
        with self._cursor() as cursor:
            (rows,) = cursor.execute("SELECT count(*) FROM figures").fetchone() or (0,)
        self.rows = int(rows)
        self._measure_keys_ready = False

    # --- making one ----------------------------------------------------------------------------------

    @classmethod
    def of_frame(cls, frame: pd.DataFrame, documents: pd.DataFrame | None = None, *, label: str = "table") -> Source:
        """A source over ``frame`` (a table with :data:`extract.COLUMNS`), read in place.

        ``documents`` (doc_id, date, …), when given, dates the documents for claims.
        """
        import duckdb

        connection = duckdb.connect()
        connection.register("figures_frame", frame)
        present = [str(c) for c in frame.columns]
        connection.execute(f"CREATE VIEW figures AS SELECT {_normalised_columns(present)} FROM figures_frame")
        return cls(connection, label=label, frame=frame, documents=documents)

    @classmethod
    def open(cls, path: str | Path, documents: pd.DataFrame | None = None) -> Source:
        """A source over a Parquet file or a folder of Parquet parts, queried in place; nothing is
        loaded whole. Raises ValueError for a file that is not a readable figures table."""
        import duckdb

        path = Path(path)
        pattern = str(path / "*.parquet") if path.is_dir() else str(path)
        connection = duckdb.connect()
        escaped = pattern.replace("'", "''")  # a view cannot take a parameter; the path is quoted instead
        try:
            connection.execute(f"CREATE VIEW figures_file AS SELECT * FROM read_parquet('{escaped}', union_by_name = true)")
            present = [row[0] for row in connection.execute("DESCRIBE figures_file").fetchall()]
        except duckdb.Error as exc:
            raise ValueError(f"{path}: not a readable Parquet dataset ({exc})") from exc
        missing = [c for c in COLUMNS if c not in present and c not in OPTIONAL_COLUMNS]  # newer columns are filled in
        if missing:
            raise ValueError(f"{path}: not a figures table (missing {', '.join(missing)})")
        connection.execute(f"CREATE VIEW figures AS SELECT {_normalised_columns(present)} FROM figures_file")
        return cls(connection, label=str(path), frame=None, documents=documents)

    @contextmanager
    def _cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection for one query. A DataFrame registered with DuckDB is seen by its own
        connection only, so a table in memory is queried on it, one query at a time (a download
        may run beside a rerun); a dataset on disk gets a cursor of its own per query."""
        if self.frame is not None:
            with self._lock:
                yield self._connection
        else:
            cursor = self._connection.cursor()
            try:
                yield cursor
            finally:
                cursor.close()

    def _frame(self, query: str, params: Sequence[Any] = ()) -> pd.DataFrame:
        with self._cursor() as cursor:
            return cursor.execute(query, list(params)).df()

    def _figures(self, query: str, params: Sequence[Any] = ()) -> pd.DataFrame:
        """Figures rows with the table's columns and dtypes."""
        return typed(self._frame(query, params))[list(COLUMNS)]

    # --- what the sidebar and the views ask ----------------------------------------------------------

    def options(self) -> dict[str, list[str]]:
        """Each filter column's distinct non-empty values, sorted; for ``countries`` the codes in the lists."""
        out = {}
        for column in FILTER_COLUMNS:
            if column == "countries":
                query = "SELECT DISTINCT unnest(string_split(countries, ';')) AS v FROM figures"
            else:
                query = f'SELECT DISTINCT "{column}" AS v FROM figures'
            with self._cursor() as cursor:
                out[column] = sorted(str(v) for (v,) in cursor.execute(query).fetchall() if v)
        return out

    def count(self, f: Filters) -> int:
        clause, params = where(f)
        with self._cursor() as cursor:
            (n,) = cursor.execute(f"SELECT count(*) FROM figures WHERE {clause}", params).fetchone() or (0,)
        return int(n)

    def summary(self, f: Filters) -> ViewSummary:
        """Counts over the view: figures, documents, each row set, and the flows' sums."""
        clause, params = where(f)
        sets = ", ".join(f"count(*) FILTER (WHERE {condition})" for condition in ROW_SETS.values())
        with self._cursor() as cursor:
            row = cursor.execute(
                f"SELECT count(*), count(DISTINCT doc_id), {sets} FROM figures WHERE {clause}", params
            ).fetchone()
            first = cursor.execute(
                f"SELECT DISTINCT doc_id FROM figures WHERE {clause} ORDER BY doc_id LIMIT 3", params
            ).fetchall()
        assert row is not None
        flows = self._frame(
            f"""SELECT period_start, period_end, exporter, importer, sum(value_usd) AS value_usd, count(*) AS figures
                FROM figures WHERE {clause} AND {ROW_SETS["flows"]}
                GROUP BY period_start, period_end, exporter, importer
                ORDER BY period_start, period_end, exporter, importer""",
            params,
        )
        return ViewSummary(
            figures=int(row[0]),
            documents=tuple(str(d) for (d,) in first),
            document_count=int(row[1]),
            counts=dict(zip(ROW_SETS, (int(n) for n in row[2:]), strict=True)),
            flows=flows.astype(
                {"period_start": str, "period_end": str, "exporter": str, "importer": str, "value_usd": float, "figures": int}
            ),
        )

    def view(self, f: Filters, selections: Mapping[str, Selection]) -> View:
        """The summary of the view and, for each named selection, its rows in order."""
        clause, params = where(f)
        parts = []
        for number, s in enumerate(selections.values()):
            order, condition = ", ".join(s.order), f"({clause}) AND {ROW_SETS[s.rows]}"
            if s.per:  # the first rows of each group: a window over this row set only
                rank = f"row_number() OVER (PARTITION BY {', '.join(s.per)} ORDER BY {order})"
                ranked = f"SELECT *, {rank} AS rank FROM figures WHERE {condition}"
                picked = f"SELECT figure_id, rank FROM ({ranked}) WHERE rank <= {int(s.limit)}"
            else:  # the first rows of the set: DuckDB keeps a heap of them instead of sorting the set
                picked = (
                    f"SELECT figure_id, row_number() OVER (ORDER BY {order}) AS rank "
                    f"FROM (SELECT * FROM figures WHERE {condition} ORDER BY {order} LIMIT {int(s.limit)})"
                )
            parts.append(f"SELECT {number} AS selection_number, * FROM ({picked})")
        rows: dict[str, pd.DataFrame] = {}
        if parts:
            # Two steps: which figures (reading only the columns the selections use), then those
            # figures whole (reading sentences only for them).
            ranks = self._frame(" UNION ALL ".join(parts), params * len(parts))
            found = self._figures(
                "SELECT * FROM figures SEMI JOIN (SELECT unnest(?::VARCHAR[]) AS wanted) ON figure_id = wanted",
                [ranks["figure_id"].unique().tolist()],
            ).set_index("figure_id", drop=False)
            for number, name in enumerate(selections):
                picked_ranks = ranks[ranks["selection_number"] == number].sort_values("rank", kind="stable")
                picked_rows = found.loc[picked_ranks["figure_id"]].reset_index(drop=True)
                per = selections[name].per
                if per:
                    picked_rows = picked_rows.sort_values(list(per), kind="stable").reset_index(drop=True)
                rows[name] = picked_rows
        return View(self.summary(f), rows)

    def page(self, f: Filters, number: int, size: int) -> pd.DataFrame:
        """Page ``number`` (from 0) of the figures in view, in table order."""
        clause, params = where(f)
        query = f"SELECT * FROM figures WHERE {clause} ORDER BY {TABLE_ORDER} LIMIT {int(size)} OFFSET {int(number) * int(size)}"
        return self.located(self._figures(query, params))

    def figures(self, ids: Sequence[str]) -> pd.DataFrame:
        """The figures of ``ids``, in table order."""
        query = f"SELECT * FROM figures WHERE figure_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY {TABLE_ORDER}"
        return self.located(self._figures(query, [list(ids)]))

    def document_figures(self, doc_id: str) -> pd.DataFrame:
        """Every figure of one document, in text order (whatever the filters)."""
        return self.located(self._figures(f"SELECT * FROM figures WHERE doc_id = ? ORDER BY {TABLE_ORDER}", [doc_id]))

    def located(self, rows: pd.DataFrame) -> pd.DataFrame:
        """``rows`` with ``sentence_offset`` known. A table written before that column existed
        gets it here: the k-th figure of a sentence with a given surface stands at the k-th place
        where that surface stands alone in the sentence (:func:`~dashboard_lib.marks.locate_in_sentence`)."""
        unknown = rows["sentence_offset"] < 0
        if not unknown.any():
            return rows
        wanted = rows.loc[unknown, ["doc_id", "sentence_index"]].drop_duplicates()
        siblings = self._frame(
            "SELECT figure_id, doc_id, sentence_index, surface, start FROM figures JOIN "
            "(SELECT unnest(?::VARCHAR[]) AS wanted_doc, unnest(?::BIGINT[]) AS wanted_sentence) "
            "ON doc_id = wanted_doc AND sentence_index = wanted_sentence",
            [wanted["doc_id"].astype(str).tolist(), wanted["sentence_index"].astype(int).tolist()],
        )
        siblings = siblings.sort_values(["doc_id", "sentence_index", "surface", "start"], kind="stable")
        nth = siblings.groupby(["doc_id", "sentence_index", "surface"]).cumcount()
        nth_of = dict(zip(siblings["figure_id"], nth, strict=True))
        rows = rows.copy()
        rows.loc[unknown, "sentence_offset"] = [
            locate_in_sentence(str(r.sentence), str(r.surface), nth=nth_of.get(r.figure_id, 0))
            for r in rows[unknown].itertuples()
        ]
        return rows

    # --- downloads ---------------------------------------------------------------------------------

    def batches(self, f: Filters, rows: int = 100_000) -> Iterator[pd.DataFrame]:
        """Every figure in view, ``rows`` at a time, in table order."""
        clause, params = where(f)
        query = f"SELECT * FROM figures WHERE {clause} ORDER BY {TABLE_ORDER}"
        with self._cursor() as cursor:
            reader = cursor.sql(query, params=params).to_arrow_reader(rows)
            for batch in reader:
                yield typed(batch.to_pandas())[list(COLUMNS)]

    def file_bytes(self, f: Filters, suffix: str) -> bytes:
        """The figures in view as one file (``.csv`` spreadsheet-safe, ``.parquet``, ``.jsonl``)."""
        return frames_bytes(self.batches(f), suffix)

    def downloads(self, f: Filters) -> dict[str, Callable[[], bytes]]:
        """Builders of the CSV, Parquet and JSON Lines files of the view, by suffix; each runs
        only when its button is clicked."""
        return {suffix: functools.partial(self.file_bytes, f, suffix) for suffix in (".csv", ".parquet", ".jsonl")}

    # --- claims ------------------------------------------------------------------------------------

    def _ensure_measure_keys(self) -> None:
        """The table ``measure_keys``: each distinct measure and its normalised form (a few
        thousand at most, normalised in Python where the rules have their doctests)."""
        if self._measure_keys_ready:
            return
        measures = self._frame("SELECT DISTINCT measure FROM figures")["measure"].astype(str)
        keys = pd.DataFrame({"measure": measures, "measure_key": measures.map(claim_rules.normalise_measure)})
        with self._cursor() as cursor:
            cursor.register("measure_keys_frame", keys)
            cursor.execute("CREATE OR REPLACE TABLE measure_keys AS SELECT * FROM measure_keys_frame")
            cursor.unregister("measure_keys_frame")
        self._measure_keys_ready = True

    def claims(self, f: Filters, tolerance: float = claim_rules.DEFAULT_TOLERANCE) -> pd.DataFrame:
        """The claims of the figures in view (see :mod:`dashboard_lib.claims`), most documents first:
        claim_id, the subject's columns, measure and period as the first source wrote them, value
        (median), low, high, documents, figures, first_date, first_doc, versions, status."""
        self._ensure_measure_keys()
        clause, params = where(f)
        found = self._frame(claim_rules.claims_sql(clause), [*params, float(tolerance), float(tolerance)])
        found["first_date"] = found["first_date"].fillna("").astype(str)
        found["first_doc"] = found["first_doc"].where(found["first_date"] != "", "").fillna("").astype(str)
        return found

    def claim_members(
        self, f: Filters, subject: Mapping[str, Any], tolerance: float = claim_rules.DEFAULT_TOLERANCE
    ) -> pd.DataFrame:
        """Every figure in claims whose subject matches ``subject`` (any of claims.SUBJECT's
        columns; a series leaves out the period), with its claim_id, version and the figure's
        columns; earliest document first."""
        self._ensure_measure_keys()
        clause, params = where(f)
        sql, order = claim_rules.members_sql(clause, list(subject))
        query = sql + " ORDER BY date NULLS LAST, figure_id"
        found = self._frame(query, [*params, *(subject[c] for c in order), float(tolerance)])
        found["date"] = found["date"].fillna("").astype(str)
        return self.located(typed(found))


def _normalised_columns(present: Sequence[str]) -> str:
    """The SELECT list that gives any figures table the table's columns, in order: text never
    NULL ('' instead), missing newer columns filled in (``sentence_offset`` -1: not known)."""
    import pyarrow as pa

    out = []
    for column in arrow_schema():
        name, quoted = column.name, f'"{column.name}"'
        if column.type == pa.string():
            out.append(f"coalesce(CAST({quoted} AS VARCHAR), '') AS {quoted}" if name in present else f"'' AS {quoted}")
        elif column.type == pa.int64():
            out.append(f"coalesce(CAST({quoted} AS BIGINT), -1) AS {quoted}" if name in present else f"-1::BIGINT AS {quoted}")
        else:
            out.append(f"CAST({quoted} AS DOUBLE) AS {quoted}" if name in present else f"NULL::DOUBLE AS {quoted}")
    return ", ".join(out)


def _install_documents(connection: duckdb.DuckDBPyConnection, documents: pd.DataFrame | None) -> None:
    """The table ``documents(doc_id, date)`` that dates claims: the table's own ``date`` column,
    completed by ``documents`` (a documents report) for tables written before it existed."""
    frame = pd.DataFrame({"doc_id": pd.Series(dtype=str), "date": pd.Series(dtype=str)})
    if documents is not None and {"doc_id", "date"} <= set(documents.columns):
        frame = documents[["doc_id", "date"]].fillna("").astype(str).drop_duplicates("doc_id")
    connection.register("documents_frame", frame)
    connection.execute(
        """CREATE OR REPLACE TABLE documents AS
           SELECT doc_id, max(date) AS date FROM (
               SELECT doc_id, date FROM figures WHERE date <> ''
               UNION ALL SELECT doc_id, date FROM documents_frame WHERE date <> '')
           GROUP BY doc_id"""
    )
    connection.unregister("documents_frame")
