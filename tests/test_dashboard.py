"""The Streamlit app under streamlit.testing (no browser): start, filters, URL, downloads, uploads."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest
from conftest import ROOT
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

APP = str(ROOT / "dashboard.py")


@pytest.fixture
def stored(monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """What the app hands to download buttons, by file name: bytes, or the deferred callable that
    Streamlit runs when the button is clicked (call it to get the file)."""
    files: dict[str, object] = {}
    original = MediaFileManager.add_deferred

    def capture(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):  # type: ignore[no-untyped-def]
        files[file_name or ""] = data_callable
        return original(self, data_callable, mimetype, coordinates, file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", capture)
    return files


def download(stored: dict[str, object], name: str) -> bytes:
    made = stored[name]() if callable(stored[name]) else stored[name]  # type: ignore[operator]
    return made.encode() if isinstance(made, str) else made  # type: ignore[return-value]


def app() -> AppTest:
    return AppTest.from_file(APP, default_timeout=120)


def count_line(at: AppTest) -> str:
    return next(m.value for m in at.markdown if "figures ·" in m.value)


def test_starts_on_the_seeds() -> None:
    at = app().run()
    assert not at.exception
    assert at.title[0].value == "Trade-flow figures"
    assert [t.label for t in at.tabs] == ["Amounts", "Rates and shares", "Flows", "Timeline", "Table", "Documents"]
    assert count_line(at).startswith("**10** of 10 figures")
    assert at.dataframe[0].value.shape[0] == 10


def test_filters_change_table_and_url() -> None:
    at = app().run()
    at.multiselect(key="f_kind").set_value(["money"]).run()
    assert not at.exception
    table = at.dataframe[0].value
    assert set(table["kind"]) == {"money"} and len(table) == 2
    assert count_line(at).startswith("**2** of 10")
    assert at.query_params["kinds"] in ("money", ["money"])


def chart_points(at: AppTest, title: str) -> int:
    """How many figures a chart of the page draws (its bars' customdata)."""
    for element in at.get("plotly_chart"):
        spec = json.loads(element.proto.spec)
        if spec["layout"]["title"]["text"] == title:
            return sum(len(trace.get("customdata", [])) for trace in spec["data"])
    raise AssertionError(f"no chart titled {title!r}")


def test_filters_change_the_charts_and_charts_carry_alt_text() -> None:
    at = app().run()
    assert chart_points(at, "Rates and shares") == 2
    assert all(element.proto.alt for element in at.get("plotly_chart"))
    at.text_input(key="f_search").set_value("jumped").run()
    assert chart_points(at, "Rates and shares") == 1
    assert chart_points(at, "Amounts in US dollars") == 0


def test_url_restores_filters() -> None:
    at = app()
    at.query_params["countries"] = ["CHN"]
    at.query_params["search"] = "machine tools"
    at.run()
    assert at.multiselect(key="f_countries").value == ["CHN"]
    assert at.text_input(key="f_search").value == "machine tools"
    assert set(at.dataframe[0].value["surface"]) == {"70%", "900 million dollars", "835 million euros"}


def test_csv_download_holds_the_filtered_rows_spreadsheet_safe(stored: dict[str, object]) -> None:
    at = app()
    at.query_params["kinds"] = ["count"]
    at.run()
    frame = pd.read_csv(io.BytesIO(download(stored, "figures-filtered.csv")), keep_default_na=False)
    assert set(frame["kind"]) == {"count"} and len(frame) == 4
    whole = pd.read_csv(io.BytesIO(download(stored, "figures.csv")))
    assert len(whole) == 10


def test_formula_cells_are_neutralised_in_the_download(stored: dict[str, object]) -> None:
    at = app().run()
    at.sidebar.file_uploader(key="uploads").set_value(
        ("evil.txt", b"=cmd|' /C calc'!A0 exports stood at -5 tonnes.", "text/plain")
    )
    at.sidebar.button(key="extract").click().run()
    frame = pd.read_csv(io.BytesIO(download(stored, "figures.csv")), keep_default_na=False)
    row = frame[frame["doc_id"] == "evil"].iloc[0]
    assert row["surface"] == "'-5 tonnes" and row["sentence"].startswith("'=cmd")


def test_upload_adds_its_figures_and_reports_bad_files() -> None:
    at = app().run()
    at.sidebar.file_uploader(key="uploads").set_value(
        [("new.txt", b"Kazakh exports to China rose 12% in 2023.", "text/plain"), ("bin.txt", b"\x00\x01\x02", "text/plain")]
    )
    at.sidebar.button(key="extract").click().run()
    assert not at.exception
    assert count_line(at).startswith("**11** of 11")
    assert any("bin.txt" in e.value and "binary" in e.value for e in at.sidebar.error)
    assert "new" in set(at.dataframe[0].value["doc_id"])


def test_an_upload_that_fails_leaves_the_table_as_it_was() -> None:
    at = app().run()
    at.sidebar.file_uploader(key="uploads").set_value([("only.txt", b"\x00\x01\x02" * 10, "text/plain")])
    at.sidebar.button(key="extract").click().run()
    assert count_line(at).startswith("**10** of 10")  # nothing readable: the table is untouched
    files = [("bin.txt", b"\x89PNG\r\n\x1a\n" + bytes(64), "text/plain"), ("big.txt", b"x" * 5_000_001, "text/plain")]
    files += [(f"n{i}.txt", b"Exports rose 1%.", "text/plain") for i in range(20)]  # 22 files: two too many
    at.sidebar.file_uploader(key="uploads").set_value(files)
    at.sidebar.button(key="extract").click().run()
    assert not at.exception
    warnings = " ".join(w.value for w in at.sidebar.warning)
    assert "22 files uploaded; the limit is 20" in warnings and "big.txt is 5.0 MB" in warnings
    errors = " ".join(e.value for e in at.sidebar.error)
    assert "bin.txt: binary file (PNG image)" in errors and "big.txt: skipped" in errors and "n19.txt: skipped" in errors
    assert count_line(at).startswith("**28** of 28")  # 10 seed figures and the 18 readable files within the limit


def test_documents_view_escapes_document_html() -> None:
    at = app().run()
    at.sidebar.text_area(key="pasted").set_value('<script>alert(1)</script> Exports rose 5% <a href="javascript:x()">here</a>.')
    at.sidebar.button(key="extract").click().run()
    at.selectbox(key="doc").set_value("pasted").run()
    shown = " ".join(h.proto.body for h in at.html)
    assert "&lt;script&gt;alert(" in shown and "&lt;/script&gt;" in shown
    assert "<script>" not in shown and 'href="javascript' not in shown


def test_a_download_named_after_a_document_id_stays_a_plain_file_name(stored: dict[str, object]) -> None:
    at = app().run()
    record = json.dumps({"id": "../../etc/cron.d/x", "text": "Exports rose 7% in 2023."})
    at.sidebar.file_uploader(key="uploads").set_value(("dump.jsonl", record.encode(), "application/json"))
    at.sidebar.button(key="extract").click().run()
    at.multiselect(key="f_doc_id").set_value(["../../etc/cron.d/x"]).run()
    assert not at.exception
    assert "etc_cron.d_x.csv" in stored and not [name for name in stored if "/" in name or ".." in name]
    frame = pd.read_csv(io.BytesIO(download(stored, "etc_cron.d_x.csv")))
    assert list(frame["surface"]) == ["7%"]
