"""The one data path (Source): filters, chart selections, summaries, pages, downloads and options,
the same for a table in memory and a Parquet dataset on disk; tables from before sentence_offset."""

from __future__ import annotations

import io
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pandas as pd
import pytest
from conftest import ROOT

from dashboard_lib import (
    FILTER_COLUMNS,
    SELECTIONS,
    Filters,
    Selection,
    Source,
    default_table,
    is_dataset,
    load_table,
    where,
)
from extract import COLUMNS, Document, figures_frame, read_table
from extract.table import to_csv_text
from tools.synthetic import records

# --- what each filter keeps: a small table written for the test --------------------------------------

SMALL = [
    ("d1", "China's exports to Russia reached $110.97bn in 2023."),
    ("d2", "Imports amounted to around 900 million dollars (835 million euros) in 2022."),
    ("d3", "Turkish exports to Russia rose 12% in 2021 and Chinese brands held more than half of the market."),
    ("d4", "Kazakhstan shipped 2 million tonnes of grain."),
]
A, B, C, D, E, F = "$110.97bn", "900 million dollars", "835 million euros", "12%", "half", "2 million tonnes"


@pytest.fixture(scope="module")
def small() -> Source:
    return Source.of_frame(figures_frame(SMALL))


@pytest.mark.parametrize(
    ("filters", "surfaces"),
    [
        pytest.param(Filters(), [A, B, C, D, E, F], id="none"),
        pytest.param(Filters(kinds=("money",)), [A, B, C], id="kind"),
        pytest.param(Filters(units=("EUR",)), [C], id="unit"),
        pytest.param(Filters(roles=("change",)), [D], id="role"),
        pytest.param(Filters(exporters=("TUR",)), [D, E], id="exporter"),
        pytest.param(Filters(countries=("KAZ", "TUR")), [D, E, F], id="country-any-of"),
        pytest.param(Filters(period_from="2022"), [A, B, C], id="from"),
        pytest.param(Filters(period_to="2021"), [D, E], id="to"),
        pytest.param(Filters(period_from="2022", period_to="2022-12-31"), [B, C], id="from-to"),
        pytest.param(Filters(precision="exact"), [A, D, F], id="exact"),
        pytest.param(Filters(precision="approx"), [B, C, E], id="approx-and-bounds"),
        pytest.param(Filters(search="GRAIN"), [F], id="search-any-case"),
        pytest.param(Filters(docs=("d2",), search="nothing says this"), [], id="nothing"),
    ],
)
def test_each_filter_keeps(small: Source, filters: Filters, surfaces: list[str]) -> None:
    assert list(small.page(filters, 0, 100)["surface"]) == surfaces
    assert small.count(filters) == small.summary(filters).figures == len(surfaces)


def test_chart_selections_draw_money_once_in_their_order(small: Source) -> None:
    view = small.view(Filters(), SELECTIONS)
    assert list(view.rows["amounts_usd"]["surface"]) == [A, B]  # the euros restate the dollars
    assert list(view.rows["amounts_written"]["surface"]) == [A, B]
    assert list(view.rows["rates"]["surface"]) == [E, D]  # half (50%) before 12%
    assert list(view.rows["timeline"]["surface"]) == [D, E, B, C, A]
    assert list(view.rows["flow_examples"]["surface"]) == [A]
    assert dict(view.summary.counts) == {"money": 2, "money_usd": 2, "rates": 2, "dated": 5, "flows": 1}
    assert view.summary.undated == 1
    assert view.summary.flows.values.tolist() == [["2023-01-01", "2023-12-31", "CHN", "RUS", 110.97e9, 1]]


def test_a_selection_is_data_and_must_break_ties() -> None:
    with pytest.raises(ValueError, match="unknown row set"):
        Selection("everything", ("figure_id",), 5)
    with pytest.raises(ValueError, match="end on figure_id"):
        Selection("money", ("value DESC",), 5)


def test_the_search_is_a_parameter_not_sql() -> None:
    clause, params = where(Filters(search="'; DROP TABLE figures; --"))
    assert "DROP" not in clause and params == ["'; drop table figures; --"]


# --- a Parquet dataset answers as the table in memory ------------------------------------------------


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
    "none": Filters(),
    "money": Filters(kinds=("money",)),
    "country": Filters(countries=("CHN", "RUS")),
    "exporter and period": Filters(exporters=("IND",), period_from="2018", period_to="2022"),
    "approximate": Filters(precision="approx"),
    "exact and search": Filters(precision="exact", search="Exports"),
    "document": Filters(docs=("a000000003", "a000000007")),
    "nothing": Filters(search="no sentence says this"),
}


@pytest.mark.parametrize("name", list(FILTERS))
def test_a_dataset_on_disk_answers_as_the_table_in_memory(frame: pd.DataFrame, dataset: Path, name: str) -> None:
    memory, disk, f = Source.of_frame(frame), Source.open(dataset), FILTERS[name]
    assert disk.summary(f).counts == memory.summary(f).counts
    expected, got = memory.view(f, SELECTIONS), disk.view(f, SELECTIONS)
    for selection in SELECTIONS:
        pd.testing.assert_frame_equal(got.rows[selection], expected.rows[selection], check_dtype=False)
    pd.testing.assert_frame_equal(disk.page(f, 1, 50), memory.page(f, 1, 50))
    pd.testing.assert_frame_equal(disk.claims(f), memory.claims(f))


def test_pages_and_downloads_hold_the_filtered_rows(frame: pd.DataFrame, dataset: Path) -> None:
    source, f = Source.open(dataset), FILTERS["money"]
    view = frame[frame["kind"] == "money"].sort_values(["doc_id", "start", "figure_id"]).reset_index(drop=True)
    first, second = source.page(f, 0, 100), source.page(f, 1, 100)
    assert list(first["figure_id"]) + list(second["figure_id"]) == list(view["figure_id"][:200])
    files = source.downloads(f)
    assert files[".csv"]().decode("utf-8") == to_csv_text(view)
    assert len(pd.read_parquet(io.BytesIO(files[".parquet"]()))) == len(view)
    assert len(files[".jsonl"]().decode("utf-8").splitlines()) == len(view)


def test_options_are_the_distinct_values(frame: pd.DataFrame, dataset: Path) -> None:
    options = Source.open(dataset).options()
    assert set(options) == set(FILTER_COLUMNS)
    assert options["doc_id"] == sorted(frame["doc_id"].unique())
    assert options["countries"] == sorted({c for cs in frame["countries"] for c in cs.split(";") if c})


def test_every_source_has_its_own_generation(frame: pd.DataFrame) -> None:
    first, second = Source.of_frame(frame), Source.of_frame(frame)
    assert first.generation != second.generation and first.rows == second.rows


def test_queries_from_several_threads(frame: pd.DataFrame, dataset: Path) -> None:
    for source in (Source.of_frame(frame), Source.open(dataset)):
        with ThreadPoolExecutor(4) as pool:
            counts = list(pool.map(lambda f, s=source: s.summary(f).figures, list(FILTERS.values()) * 3))
        assert counts == [source.count(f) for f in FILTERS.values()] * 3


def test_a_folder_of_parquet_parts_is_a_dataset(dataset: Path, tmp_path: Path) -> None:
    assert is_dataset(dataset) and is_dataset(tmp_path / "x.parquet") and not is_dataset(tmp_path)
    assert len(read_table(dataset)) == Source.open(dataset).rows


def test_a_file_that_is_not_a_figures_table_is_refused(tmp_path: Path) -> None:
    pd.DataFrame({"a": [1]}).to_parquet(tmp_path / "other.parquet")
    with pytest.raises(ValueError, match="not a figures table"):
        Source.open(tmp_path / "other.parquet")


# --- tables written before the sentence_offset column -------------------------------------------------

OLDER = "Exports rose 15% and imports rose 5% while tariffs rose 5%."


@pytest.mark.parametrize("suffix", [".parquet", ".csv", ".jsonl"])
def test_a_table_without_sentence_offsets_places_figures_by_their_order(tmp_path: Path, suffix: str) -> None:
    table = figures_frame([("old", OLDER)]).drop(columns=["sentence_offset", "url", "title"])
    path = tmp_path / f"old{suffix}"
    {".parquet": lambda: table.to_parquet(path), ".csv": lambda: table.to_csv(path, index=False),
     ".jsonl": lambda: table.to_json(path, orient="records", lines=True)}[suffix]()  # fmt: skip
    source = Source.open(path) if suffix == ".parquet" else Source.of_frame(load_table(path))
    rows = source.page(Filters(), 0, 10)
    assert list(rows["surface"]) == ["15%", "5%", "5%"]
    places = [OLDER.index("15%"), OLDER.index(" 5%") + 1, OLDER.rindex("5%")]  # "5%" inside "15%" does not count
    assert list(rows["sentence_offset"]) == places
    assert list(source.figures([rows["figure_id"][2]])["sentence_offset"]) == places[2:]


def test_a_table_lacking_other_columns_is_still_refused(tmp_path: Path) -> None:
    figures_frame([("old", OLDER)]).drop(columns=["sentence_offset", "measure"]).to_csv(tmp_path / "t.csv", index=False)
    with pytest.raises(ValueError, match=r"missing measure\)"):
        load_table(tmp_path / "t.csv")


def test_the_seeds_table_has_every_column() -> None:
    assert list(Source.of_frame(default_table()).page(Filters(), 0, 1).columns) == list(COLUMNS)


# --- the dashboard itself on the dataset -------------------------------------------------------------


def _app(argv: list[str]):  # type: ignore[no-untyped-def]
    from streamlit.testing.v1 import AppTest

    saved = sys.argv
    sys.argv = ["dashboard.py", *argv]
    try:
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
        at.query_params["view"] = "Table"
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
