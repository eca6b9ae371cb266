"""The dashboard on a dataset on disk (DuckDB): the same answers as the table in memory."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pandas as pd
import pytest
from conftest import ROOT

from dashboard_lib import charts, data
from dashboard_lib.store import Store, is_dataset, where
from extract import Document, figures_frame, read_table
from extract.table import to_csv_text
from tools.synthetic import records


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    documents = [Document(r["id"], r["text"], date=r["date"], url=r["url"], title=r["title"]) for r in records(150, seed=11)]
    return figures_frame(documents)


@pytest.fixture(scope="module")
def dataset(frame: pd.DataFrame, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("dataset") / "figures"
    folder.mkdir()
    half = len(frame) // 2
    frame.iloc[:half].to_parquet(folder / "part-000000.parquet", index=False)
    frame.iloc[half:].to_parquet(folder / "part-000001.parquet", index=False)
    return folder


FILTERS = {
    "none": data.Filters(),
    "money": data.Filters(kinds=("money",)),
    "country": data.Filters(countries=("CHN", "RUS")),
    "exporter and period": data.Filters(exporters=("IND",), period_from="2018", period_to="2022"),
    "approximate": data.Filters(precision="approx"),
    "exact and search": data.Filters(precision="exact", search="Exports"),
    "document": data.Filters(docs=("a000000003", "a000000007")),
    "nothing": data.Filters(search="no sentence says this"),
}


def _in_memory(frame: pd.DataFrame, f: data.Filters) -> pd.DataFrame:
    return data.apply_filters(frame, f)


@pytest.mark.parametrize("name", list(FILTERS))
def test_counts_and_summary_match_the_table_in_memory(frame: pd.DataFrame, dataset: Path, name: str) -> None:
    store, f = Store.open(dataset), FILTERS[name]
    view = _in_memory(frame, f)
    assert store.count(f) == len(view)
    expected, got = charts.ViewSummary.of(view), store.summary(f)
    assert (got.figures, got.documents, got.document_count, got.money, got.money_usd, got.rates, got.undated) == (
        expected.figures,
        expected.documents,
        expected.document_count,
        expected.money,
        expected.money_usd,
        expected.rates,
        expected.undated,
    )
    pd.testing.assert_frame_equal(got.flows.reset_index(drop=True), expected.flows.reset_index(drop=True), check_dtype=False)


@pytest.mark.parametrize("name", list(FILTERS))
def test_charts_from_the_dataset_draw_what_the_table_in_memory_draws(frame: pd.DataFrame, dataset: Path, name: str) -> None:
    store, f = Store.open(dataset), FILTERS[name]
    view = _in_memory(frame, f).sort_values("figure_id", kind="stable")  # the store breaks ties by figure id
    rows, summary = store.chart_rows(f), store.summary(f)
    for build in (charts.amounts_chart, charts.rates_chart, charts.timeline_chart, charts.flows_chart):
        expected, got = build(view), build(rows, summary=summary)
        assert got.note == expected.note, build.__name__
        assert got.alt == expected.alt, build.__name__
        if build is not charts.flows_chart:
            assert list(got.rows["figure_id"]) == list(expected.rows["figure_id"]), build.__name__


def test_pages_and_downloads_hold_the_filtered_rows(frame: pd.DataFrame, dataset: Path) -> None:
    store, f = Store.open(dataset), FILTERS["money"]
    view = _in_memory(frame, f).sort_values(["doc_id", "start", "figure_id"]).reset_index(drop=True)
    first, second = store.page(f, 0, 100), store.page(f, 1, 100)
    assert list(first["figure_id"]) + list(second["figure_id"]) == list(view["figure_id"][:200])
    assert store.file_bytes(f, ".csv").decode("utf-8") == to_csv_text(view)
    assert len(pd.read_parquet(io.BytesIO(store.file_bytes(f, ".parquet")))) == len(view)
    assert len(store.file_bytes(f, ".jsonl").decode("utf-8").splitlines()) == len(view)


def test_options_come_from_the_dataset(frame: pd.DataFrame, dataset: Path) -> None:
    store = Store.open(dataset)
    for column in data.FILTER_COLUMNS:
        assert store.options(column) == data.options(frame, column), column


def test_the_search_is_a_parameter_not_sql() -> None:
    clause, params = where(data.Filters(search="'; DROP TABLE figures; --"))
    assert "DROP" not in clause and params == ["'; drop table figures; --"]


def test_a_folder_of_parquet_parts_is_a_dataset(dataset: Path, tmp_path: Path) -> None:
    assert is_dataset(dataset) and is_dataset(tmp_path / "x.parquet") and not is_dataset(tmp_path)
    assert len(read_table(dataset)) == Store.open(dataset).rows


def test_a_file_that_is_not_a_figures_table_is_refused(tmp_path: Path) -> None:
    pd.DataFrame({"a": [1]}).to_parquet(tmp_path / "other.parquet")
    with pytest.raises(ValueError, match="not a figures table"):
        Store.open(tmp_path / "other.parquet")


# --- the dashboard itself on the dataset -------------------------------------------------------------


def _app(argv: list[str]):  # type: ignore[no-untyped-def]
    from streamlit.testing.v1 import AppTest

    saved = sys.argv
    sys.argv = ["dashboard.py", *argv]
    try:
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
        at.run()
    finally:
        sys.argv = saved
    assert not at.exception, at.exception
    return at


def test_the_dashboard_opens_a_dataset_folder_and_filters_it(frame: pd.DataFrame, dataset: Path) -> None:
    at = _app(["--table", str(dataset)])
    assert f"of {len(frame):,} figures" in at.markdown[0].value
    at.multiselect(key="f_kind").set_value(["money"]).run()
    assert not at.exception
    money = int((frame["kind"] == "money").sum())
    assert at.markdown[0].value.startswith(f"**{money:,}** of {len(frame):,}")
    assert [c.value for c in at.caption if c.value.startswith("Figures 1–")]  # the table is paged


def test_opening_a_bad_path_keeps_the_table_in_view(tmp_path: Path) -> None:
    at = _app([])
    before = at.markdown[0].value
    (tmp_path / "broken.parquet").write_bytes(b"PAR1 not really")
    at.text_input(key="table_path").set_value(str(tmp_path / "broken.parquet"))
    at.button(key="open").click().run()
    assert [e.value for e in at.error if "Cannot open" in e.value]
    assert at.markdown[0].value == before
