"""The four dashboard defects of issue 12, each as the user met it."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from conftest import ROOT
from streamlit.testing.v1 import AppTest

from dashboard_lib import charts, data, export
from extract import figures_frame, read_table

# --- 1. filter options follow the table, not its length ----------------------------------------------


@pytest.mark.xfail(strict=True, reason="defect 1: options cached on the number of rows")
def test_options_follow_the_table_not_its_length(tmp_path) -> None:  # type: ignore[no-untyped-def]
    seeds = read_table(ROOT / "data" / "figures.csv")
    renamed = {d: f"other-{i}" for i, d in enumerate(seeds["doc_id"].unique())}
    seeds.assign(doc_id=seeds["doc_id"].map(renamed)).to_csv(tmp_path / "other.csv", index=False)  # as many rows
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120).run()
    at.text_input(key="table_path").set_value(str(tmp_path / "other.csv"))
    at.button(key="open").click().run()
    assert at.multiselect(key="f_doc_id").options == ["other-0", "other-1"]


# --- 2. upload limits are records, not parsed messages -------------------------------------------------


@pytest.mark.xfail(strict=True, reason="defect 2: refused names parsed from messages")
def test_a_file_over_the_size_limit_with_a_space_in_its_name_is_refused() -> None:
    result = data.extract_uploads([("my report.txt", b"word " * 1_000_001)])  # 5,000,005 bytes
    assert "my report" not in result.texts
    assert any(e.startswith("my report.txt") for e in result.errors)


# --- 3. the figure is marked where it stands in its sentence --------------------------------------------


@pytest.mark.xfail(strict=True, reason="defect 3: sentence.find(surface) marks the first equal figure")
def test_the_second_of_two_equal_figures_is_marked_where_it_stands() -> None:
    frame = figures_frame([("d", "Exports rose 5% and imports rose 5% in 2023.")])
    out = export.highlight_in_sentence(frame.iloc[1])
    assert out.index("outline") > out.index("imports rose")


# --- 4. text from a table reaches Plotly escaped --------------------------------------------------------

HOSTILE = {"measure": '<img src=x onerror="alert(1)">', "period": "<b>2023</b>", "exporter": "<i>CHN", "importer": "<u>RUS"}


@pytest.mark.xfail(strict=True, reason="defect 4: labels, node and trace names reach Plotly unescaped")
def test_text_from_a_foreign_table_reaches_plotly_escaped() -> None:
    frame = figures_frame([("d", "China's exports to Russia reached $110.97bn in 2023. Exports rose 5% in 2023.")])
    frame = frame.assign(**HOSTILE)
    for chart in (charts.amounts_chart(frame), charts.rates_chart(frame), charts.flows_chart(frame), charts.timeline_chart(frame)):
        blob = json.dumps(chart.figure.to_plotly_json(), default=str)  # to_json would hide "<" as \u003c
        for raw in ("<img", "<b>2023", "<i>", "<u>"):
            assert raw not in blob, (chart.key, raw)
    assert isinstance(frame, pd.DataFrame)
