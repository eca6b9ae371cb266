"""Big tables for the dashboard: a Parquet file or dataset folder queried in place with DuckDB.

Nothing is loaded whole. The filters become one SQL ``WHERE``; the charts get only the rows they
draw (the largest amounts and rates, the earliest periods, five examples per flow) and a
:class:`~dashboard_lib.charts.ViewSummary` of counts and sums over the whole view; the table is
read a page at a time; downloads are written from Arrow record batches.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from dashboard_lib.charts import MAX_BARS, TIMELINE_BARS, ViewSummary
from dashboard_lib.data import FILTER_COLUMNS, WHOLE_VALUE_FILTERS, Filters, period_bound
from extract.table import frames_bytes, typed

if TYPE_CHECKING:
    import duckdb


def is_dataset(path: str | Path) -> bool:
    """Whether ``path`` is a Parquet file or a folder of Parquet parts (opened with DuckDB)."""
    path = Path(path)
    return path.suffix.lower() == ".parquet" or (path.is_dir() and any(path.glob("*.parquet")))


@dataclass
class Store:
    """A read-only figures table on disk and a DuckDB connection over it."""

    path: Path
    connection: duckdb.DuckDBPyConnection
    rows: int

    @classmethod
    def open(cls, path: str | Path) -> Store:
        import duckdb

        path = Path(path)
        source = str(path / "*.parquet") if path.is_dir() else str(path)
        connection = duckdb.connect()
        escaped = source.replace("'", "''")  # a view cannot take a parameter; the path is quoted instead
        try:
            connection.execute(f"CREATE VIEW figures AS SELECT * FROM read_parquet('{escaped}', union_by_name = true)")
            (rows,) = connection.execute("SELECT count(*) FROM figures").fetchone() or (0,)
        except duckdb.Error as exc:
            raise ValueError(f"{path}: not a readable Parquet dataset ({exc})") from exc
        missing = [c for c in ("figure_id", "doc_id", "value", "unit", "sentence") if c not in _columns(connection)]
        if missing:
            raise ValueError(f"{path}: not a figures table (missing {', '.join(missing)})")
        return cls(path, connection, int(rows))

    def options(self, column: str) -> list[str]:
        """Distinct non-empty values of ``column``; for ``countries`` the codes inside the lists."""
        if column not in FILTER_COLUMNS:
            raise ValueError(f"no filter on {column!r}")
        if column == "countries":
            query = "SELECT DISTINCT unnest(string_split(countries, ';')) AS v FROM figures"
        else:
            query = f'SELECT DISTINCT "{column}" AS v FROM figures'
        return sorted(v for (v,) in self.connection.execute(query).fetchall() if v)

    def count(self, f: Filters) -> int:
        clause, params = where(f)
        (n,) = self.connection.execute(f"SELECT count(*) FROM figures WHERE {clause}", params).fetchone() or (0,)
        return int(n)

    def chart_rows(self, f: Filters) -> pd.DataFrame:
        """The rows any chart draws under ``f``: top amounts (in USD and as written), top rates,
        the earliest periods, and five examples of each flow; each row once."""
        clause, params = where(f)
        money = "kind = 'money' AND coalesce(same_as, '') = ''"
        picks = [
            f"SELECT figure_id FROM figures WHERE {clause} AND {money} AND value_usd IS NOT NULL "
            f"ORDER BY value_usd DESC, figure_id LIMIT {MAX_BARS}",
            f"SELECT figure_id FROM figures WHERE {clause} AND {money} ORDER BY value DESC, figure_id LIMIT {MAX_BARS}",
            f"SELECT figure_id FROM figures WHERE {clause} AND kind IN ('percent', 'percentage_point') "
            f"ORDER BY abs(value) DESC, figure_id LIMIT {MAX_BARS}",
            f"SELECT figure_id FROM figures WHERE {clause} AND period_start <> '' AND period_end <> '' "
            f"ORDER BY period_start, period_end, figure_id LIMIT {TIMELINE_BARS}",
            "SELECT figure_id FROM (SELECT figure_id, "
            "row_number() OVER (PARTITION BY exporter, importer ORDER BY figure_id) AS n "
            f"FROM figures WHERE {clause} AND {money} AND value_usd IS NOT NULL AND exporter <> '' AND importer <> '') "
            f"WHERE n <= 5",
        ]
        ids = " UNION ".join(f"({p})" for p in picks)
        query = f"SELECT * FROM figures WHERE figure_id IN ({ids}) ORDER BY figure_id"
        return typed(self.connection.execute(query, params * len(picks)).df())

    def summary(self, f: Filters) -> ViewSummary:
        clause, params = where(f)
        money = "kind = 'money' AND coalesce(same_as, '') = ''"
        row = self.connection.execute(
            f"""SELECT count(*),
                       count(DISTINCT doc_id),
                       count(*) FILTER (WHERE {money}),
                       count(*) FILTER (WHERE {money} AND value_usd IS NOT NULL),
                       count(*) FILTER (WHERE kind IN ('percent', 'percentage_point')),
                       count(*) FILTER (WHERE coalesce(period_start, '') = '')
                FROM figures WHERE {clause}""",
            params,
        ).fetchone()
        assert row is not None
        first = self.connection.execute(
            f"SELECT DISTINCT doc_id FROM figures WHERE {clause} ORDER BY doc_id LIMIT 3", params
        ).fetchall()
        flows = self.connection.execute(
            f"""SELECT exporter, importer, sum(value_usd) AS value_usd, count(*) AS figures FROM figures
                WHERE {clause} AND {money} AND value_usd IS NOT NULL AND exporter <> '' AND importer <> ''
                GROUP BY exporter, importer ORDER BY exporter, importer""",
            params,
        ).df()
        return ViewSummary(
            figures=int(row[0]),
            documents=tuple(str(d) for (d,) in first),
            document_count=int(row[1]),
            money=int(row[2]),
            money_usd=int(row[3]),
            rates=int(row[4]),
            undated=int(row[5]),
            flows=flows.astype({"exporter": str, "importer": str, "value_usd": float, "figures": int}),
        )

    def page(self, f: Filters, number: int, size: int) -> pd.DataFrame:
        """Page ``number`` (from 0) of the figures in view, in table order."""
        clause, params = where(f)
        limit, offset = int(size), int(number) * int(size)
        query = f"SELECT * FROM figures WHERE {clause} ORDER BY doc_id, start, figure_id LIMIT {limit} OFFSET {offset}"
        return typed(self.connection.execute(query, params).df())

    def batches(self, f: Filters, rows: int = 100_000) -> Iterator[pd.DataFrame]:
        """Every figure in view, ``rows`` at a time, in table order (for downloads)."""
        clause, params = where(f)
        query = f"SELECT * FROM figures WHERE {clause} ORDER BY doc_id, start, figure_id"
        reader = self.connection.sql(query, params=params).to_arrow_reader(rows)
        for batch in reader:
            yield typed(batch.to_pandas())

    def file_bytes(self, f: Filters, suffix: str) -> bytes:
        """The figures in view as one file (``.csv`` spreadsheet-safe, ``.parquet``, ``.jsonl``),
        written batch by batch."""
        return frames_bytes(self.batches(f), suffix)

    def downloads(self, f: Filters) -> tuple[Callable[[], bytes], Callable[[], bytes], Callable[[], bytes]]:
        """Builders of the CSV, Parquet and JSON Lines files of the view, as :func:`data.downloads`."""
        return tuple(lambda s=suffix: self.file_bytes(f, s) for suffix in (".csv", ".parquet", ".jsonl"))  # type: ignore[return-value]


def where(f: Filters) -> tuple[str, list[Any]]:
    """The SQL condition and parameters of ``f``, with the meaning of :func:`data.apply_filters`.

    >>> where(Filters(kinds=("money",), search="oil"))
    ('TRUE AND "kind" IN (?) AND contains(lower(sentence), ?)', ['money', 'oil'])
    """
    parts, params = ["TRUE"], []
    for name, column in WHOLE_VALUE_FILTERS:
        chosen = getattr(f, name)
        if chosen:
            parts.append(f'"{column}" IN ({", ".join("?" * len(chosen))})')
            params.extend(chosen)
    if f.countries:
        parts.append("list_has_any(string_split(countries, ';'), ?::VARCHAR[])")
        params.append(list(f.countries))
    if f.period_from:
        parts.append("coalesce(period_end, '') >= ?")
        params.append(period_bound(f.period_from, end=False))
    if f.period_to:
        parts.append("coalesce(period_start, '') <> '' AND period_start <= ?")
        params.append(period_bound(f.period_to, end=True))
    if f.precision == "exact":
        parts.append("qualifier IN ('exact', 'range')")
    elif f.precision == "approx":
        parts.append("qualifier NOT IN ('exact', 'range')")
    if f.search.strip():
        parts.append("contains(lower(sentence), ?)")
        params.append(f.search.strip().lower())
    return " AND ".join(parts), params


def _columns(connection: duckdb.DuckDBPyConnection) -> list[str]:
    return [row[0] for row in connection.execute("DESCRIBE figures").fetchall()]
