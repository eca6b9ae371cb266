"""The four dashboard defects of issue 12, each as the user met it. Each test failed before its fix
(they were committed first as strict xfails)."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import ROOT
from streamlit.testing.v1 import AppTest

from dashboard_lib import (
    SELECTIONS,
    SERIES,
    SUBJECT,
    Filters,
    Source,
    amounts_chart,
    claim_html,
    extract_uploads,
    flows_chart,
    highlight_in_sentence,
    rates_chart,
    report_html,
    series_chart,
    subject_of,
    timeline_chart,
)
from extract import figures_frame, read_table

# --- 1. filter options follow the table, not its length ----------------------------------------------


def test_options_follow_the_table_not_its_length(tmp_path: Path) -> None:
    seeds = read_table(ROOT / "data" / "figures.csv")
    renamed = {d: f"other-{i}" for i, d in enumerate(seeds["doc_id"].unique())}
    seeds.assign(doc_id=seeds["doc_id"].map(renamed)).to_csv(tmp_path / "other.csv", index=False)  # as many rows
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120).run()
    at.text_input(key="table_path").set_value(str(tmp_path / "other.csv"))
    at.button(key="open").click().run()
    assert at.multiselect(key="f_doc_id").options == ["other-0", "other-1"]


# --- 2. upload limits are records, not parsed messages -------------------------------------------------


def test_a_file_over_the_size_limit_with_a_space_in_its_name_is_refused() -> None:
    result = extract_uploads([("my report.txt", b"word " * 1_000_001)])  # 5,000,005 bytes
    assert "my report" not in result.texts
    assert [str(r) for r in result.refused] == ["my report.txt: 5.0 MB, over the limit of 5.0 MB per file"]


def test_a_file_named_like_a_message_is_judged_on_its_own() -> None:
    files = [("22", b"Exports rose 1%.")] + [(f"n{i}.txt", f"Exports rose {i + 2}%.".encode()) for i in range(21)]  # 22 files
    result = extract_uploads(files)  # the old code read "22 files uploaded" as a refusal of the file "22"
    assert [str(r) for r in result.refused] == [
        "22: not a .txt, .md, .html, .htm or .jsonl file",
        "n19.txt: over the limit of 20 files at a time",
        "n20.txt: over the limit of 20 files at a time",
    ]
    assert sorted(result.texts) == sorted(f"n{i}" for i in range(19))


# --- 3. the figure is marked where it stands in its sentence --------------------------------------------


def test_the_second_of_two_equal_figures_is_marked_where_it_stands() -> None:
    frame = figures_frame([("d", "Exports rose 5% and imports rose 5% in 2023.")])
    out = str(highlight_in_sentence(frame.iloc[1]))
    assert out.index("outline") > out.index("imports rose")


# --- 4. text from a table reaches Plotly and the report escaped -----------------------------------------

HOSTILE = {
    "measure": '<img src=x onerror="alert(1)">',
    "period": "<b>2023</b>",
    "exporter": "<i>CHN",
    "importer": "<u>RUS",
    "role": "<s>level",
    "direction": "<em>up",
}
RAW = ("<img", "<b>2023", "<i>", "<u>", "<s>", "<em>")


def _no_raw_html(blob: str, where: str) -> None:
    for raw in RAW:
        assert raw not in blob, (where, raw)


def test_text_from_a_foreign_table_reaches_plotly_escaped() -> None:
    frame = figures_frame([("d", "China's exports to Russia reached $110.97bn in 2023. Exports rose 5% in 2023.")])
    frame = frame.assign(**HOSTILE)
    view = Source.of_frame(frame).view(Filters(), SELECTIONS)
    for chart in (amounts_chart(view), amounts_chart(view, original_currency=True), rates_chart(view), flows_chart(view),
                  timeline_chart(view)):  # fmt: skip
        _no_raw_html(json.dumps(chart.figure.to_plotly_json(), default=str), chart.key)  # to_json hides "<" as \u003c


def test_claims_views_and_the_report_escape_the_table_too() -> None:
    frame = figures_frame(
        [
            ("d", "Kazakh exports to China of 2 million tonnes in 2023."),
            ("e", "Kazakh exports to China of 2 million tonnes in 2023."),
        ]
    )
    frame = frame.assign(measure=HOSTILE["measure"], unit="<b>tonne", exporter=HOSTILE["exporter"])
    source = Source.of_frame(frame)
    claims = source.claims(Filters())
    claim = claims.iloc[0]
    members = source.claim_members(Filters(), dict(subject_of(claim, SUBJECT)))
    _no_raw_html(claim_html(claim, members, claims), "sources")
    over_time = source.claim_members(Filters(), dict(subject_of(claim, SERIES)))
    chart = series_chart(over_time, claims, claim, summary=source.summary(Filters()))
    blob = json.dumps(chart.figure.to_plotly_json(), default=str)
    _no_raw_html(blob, "series")
    assert "<b>tonne" not in blob and "&lt;b&gt;tonne" in blob  # the axis title, from the unit
    report = report_html([chart], source.page(Filters(), 0, 10), len(frame), "<b>filters</b>", claims)
    assert "<img src=x" not in report and "<b>filters" not in report and "&lt;img src=x" in report
