"""The Streamlit app under streamlit.testing (no browser): start, views, filters, URL, downloads,
uploads, claims."""

from __future__ import annotations

import datetime
import io
import json

import pandas as pd
import pytest
from conftest import ROOT
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

APP = str(ROOT / "dashboard.py")
# The committed table of the seeds, which the dashboard opens on: counts are read from it, not
# written here, so that an extractor change that regenerates it moves these tests with it.
SEEDS = pd.read_csv(ROOT / "data" / "figures.csv", keep_default_na=False)
N = len(SEEDS)


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


def app(view: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    if view:
        at.query_params["view"] = view  # the open tab, as a URL opens it (only the open view runs)
    return at


def switch(at: AppTest, view: str) -> AppTest:
    """Open another view, as a click on its tab does (the harness cannot click tabs). Works from a
    session started on the first view; a view named in the URL stays the harness's source of truth."""
    at.session_state["view"] = view
    return at.run()


def count_line(at: AppTest) -> str:
    return next(m.value for m in at.markdown if "figures ·" in m.value)


VIEWS = ["Figures", "Claims", "Amounts", "Rates and shares", "Flows", "Timeline", "Table", "Documents"]


def test_starts_on_the_seeds_with_each_figure_in_its_sentence() -> None:
    at = app().run()
    assert not at.exception
    assert at.title[0].value == "Trade-flow figures"
    assert [t.label for t in at.tabs] == VIEWS
    assert count_line(at).startswith(f"**{N}** of {N} figures")
    figures = next(h.proto.body for h in at.html if 'class="figures"' in h.proto.body)
    assert figures.count("<li") == N and figures.count("<mark") == N
    assert ">64.2%</mark> between 2021 and 2023." in figures and "change up · exports · China → Russia" in figures


@pytest.mark.parametrize("view", VIEWS)
def test_every_view_opens(view: str) -> None:
    at = app(view).run()
    assert not at.exception, at.exception
    assert at.session_state["view"] == view


def test_filters_change_table_and_url() -> None:
    at = app("Table").run()
    at.multiselect(key="f_kind").set_value(["money"]).run()
    assert not at.exception
    table = at.dataframe[0].value
    money = int((SEEDS["kind"] == "money").sum())
    assert set(table["kind"]) == {"money"} and len(table) == money
    assert count_line(at).startswith(f"**{money}** of {N}")
    assert at.query_params["kinds"] in ("money", ["money"])


def chart_points(at: AppTest, title: str) -> int:
    """How many figures a chart of the page draws (its bars' customdata)."""
    for element in at.get("plotly_chart"):
        spec = json.loads(element.proto.spec)
        if spec["layout"]["title"]["text"].replace("<br>", " ").startswith(title):  # titles wrap for phones
            return sum(len(trace.get("customdata", [])) for trace in spec["data"])
    raise AssertionError(f"no chart titled {title!r}")


def test_filters_change_the_charts_and_charts_carry_alt_text() -> None:
    at = switch(app().run(), "Rates and shares")
    assert chart_points(at, "Rates and shares") == 2
    assert all(element.proto.alt for element in at.get("plotly_chart"))
    at.text_input(key="f_search").set_value("jumped").run()
    assert chart_points(at, "Rates and shares") == 1
    switch(at, "Amounts")
    assert not at.get("plotly_chart")  # no empty axes: a message and a way out instead
    assert any("No amounts match the filters." in i.value for i in at.info)
    at.button(key="clear_amounts").click().run()
    assert at.text_input(key="f_search").value == "" and chart_points(at, "Amounts in US dollars") == 1


def test_url_restores_filters() -> None:
    at = app("Table")
    at.query_params["countries"] = ["CHN"]
    at.query_params["search"] = "machine tools"
    at.run()
    assert at.multiselect(key="f_countries").value == ["CHN"]
    assert at.text_input(key="f_search").value == "machine tools"
    assert set(at.dataframe[0].value["figure"]) == {"70%", "900 million dollars", "835 million euros"}


def test_the_url_opens_a_view() -> None:
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["view"] = "Claims"
    at.run()
    assert at.session_state["view"] == "Claims" and any("claims from" in c.value for c in at.caption)


def test_csv_download_holds_the_filtered_rows_spreadsheet_safe(stored: dict[str, object]) -> None:
    at = app()
    at.query_params["kinds"] = ["count"]
    at.run()
    frame = pd.read_csv(io.BytesIO(download(stored, "figures-filtered.csv")), keep_default_na=False)
    assert set(frame["kind"]) == {"count"} and len(frame) == int((SEEDS["kind"] == "count").sum())
    whole = pd.read_csv(io.BytesIO(download(stored, "figures.csv")))
    assert len(whole) == N


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
    at = app("Table").run()
    at.sidebar.file_uploader(key="uploads").set_value(
        [("new.txt", b"Kazakh exports to China rose 12% in 2023.", "text/plain"), ("bin.txt", b"\x00\x01\x02", "text/plain")]
    )
    at.sidebar.button(key="extract").click().run()
    assert not at.exception
    assert count_line(at).startswith(f"**{N + 1}** of {N + 1}")
    assert any("bin.txt" in e.value and "binary" in e.value for e in at.sidebar.error)
    assert any(d.startswith("new, ") for d in at.dataframe[0].value["document"])  # dated: "new, <today>"


def test_an_upload_that_fails_leaves_the_table_as_it_was() -> None:
    at = app().run()
    at.sidebar.file_uploader(key="uploads").set_value([("only.txt", b"\x00\x01\x02" * 10, "text/plain")])
    at.sidebar.button(key="extract").click().run()
    assert count_line(at).startswith(f"**{N}** of {N}")  # nothing readable: the table is untouched
    files = [("bin.txt", b"\x89PNG\r\n\x1a\n" + bytes(64), "text/plain"), ("big report.txt", b"x" * 5_000_001, "text/plain")]
    files += [(f"n{i}.txt", f"Exports rose {i + 1}%.".encode(), "text/plain") for i in range(20)]  # 22 files: two too many
    at.sidebar.file_uploader(key="uploads").set_value(files)
    at.sidebar.button(key="extract").click().run()
    assert not at.exception
    warnings = [w.value for w in at.sidebar.warning]
    assert warnings == [
        "big report.txt: 5.0 MB, over the limit of 5.0 MB per file",
        "n18.txt: over the limit of 20 files at a time",
        "n19.txt: over the limit of 20 files at a time",
    ]
    assert [e.value for e in at.sidebar.error] == ["bin.txt: binary file (PNG image), not text"]
    assert count_line(at).startswith(f"**{N + 18}** of {N + 18}")  # the seeds' figures and the 18 readable files


def test_documents_view_escapes_document_html() -> None:
    at = app("Documents").run()
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


# --- claims ------------------------------------------------------------------------------------------

CLAIM_RECORDS = [  # our own sentences, with their dates (JSON Lines records carry them)
    {"id": "a1", "date": "2024-01-15", "text": "China–Russia trade reached $240.1 billion in 2023, customs data showed."},
    {"id": "a2", "date": "2024-01-20", "text": "Trade between China and Russia hit about $240bn last year, officials said."},
    {"id": "a3", "date": "2024-02-02", "text": "Trade between Russia and China amounted to 1.7 trillion yuan in 2023."},
    {
        "id": "b1",
        "date": "2024-01-18",
        "text": "China–Russia trade totalled $218 billion in 2023, according to a Western estimate.",
    },
]


def test_claims_of_uploaded_articles_and_their_sources(stored: dict[str, object]) -> None:
    at = app("Claims").run()
    lines = "\n".join(json.dumps(r, ensure_ascii=False) for r in CLAIM_RECORDS).encode()
    at.sidebar.file_uploader(key="uploads").set_value(("claims.jsonl", lines, "application/json"))
    at.sidebar.button(key="extract").click().run()
    assert not at.exception
    table = at.dataframe[0].value
    top = table.iloc[0]
    assert (top["status"], top["measure"], top["flow"], top["period"], top["documents"]) == (
        "disputed",
        "trade",
        "China–Russia",
        "2023",
        3,
    )
    assert (top["first seen"], top["first source"]) == ("2024-01-15", "a1")
    sources = next(h.proto.body for h in at.html if "Its sources" in h.proto.body)
    assert sources.index("a1") < sources.index("a2") < sources.index("a3") and ">$240.1 billion</mark>" in sources
    assert chart_points(at, "trade · China–Russia over time") == 4  # one mark per document
    second = table.index[(table["documents"] == 1) & (table["flow"] == "China–Russia") & (table["measure"] == "trade")][0]
    at.session_state["claims_table"] = {"selection": {"rows": [int(second)], "columns": [], "cells": []}}
    at.run()
    sources = next(h.proto.body for h in at.html if "Its sources" in h.proto.body)
    assert sources.startswith("<p><b>Selected claim: trade") and ">$218 billion</mark>" in sources
    claims = pd.read_csv(io.BytesIO(download(stored, "claims.csv")), keep_default_na=False)
    assert len(claims) == len(table) and set(claims.columns) >= {"claim_id", "status", "documents", "first_date"}


def test_the_tolerance_splits_claims() -> None:
    at = app("Claims").run()
    lines = "\n".join(json.dumps(r, ensure_ascii=False) for r in CLAIM_RECORDS).encode()
    at.sidebar.file_uploader(key="uploads").set_value(("claims.jsonl", lines, "application/json"))
    at.sidebar.button(key="extract").click().run()
    before = len(at.dataframe[0].value)
    at.slider(key="tolerance").set_value(0.0).run()
    assert len(at.dataframe[0].value) == before + 2  # $240.1bn, $240bn and the yuan figure part


def test_extracting_again_adds_only_what_is_new_dated_as_the_date_field_says(stored: dict[str, object]) -> None:
    at = app("Table").run()
    assert any("are dated" in c.value and "last year" in c.value for c in at.sidebar.caption)  # the date is stated
    at.sidebar.date_input(key="doc_date").set_value(datetime.date(2024, 5, 6))
    at.sidebar.file_uploader(key="uploads").set_value(("kz.txt", b"Kazakh exports to China rose 12% last year.", "text/plain"))
    at.sidebar.button(key="extract").click().run()
    assert count_line(at).startswith(f"**{N + 1}** of {N + 1}")
    row = at.dataframe[0].value.iloc[-1]
    assert row["period"] == "last year" and row["document"] == "kz, 2024-05-06"
    at.sidebar.text_area(key="pasted").set_value("Turkish imports fell 3% in 2023.")
    at.sidebar.button(key="extract").click().run()  # the file is still in the uploader
    assert count_line(at).startswith(f"**{N + 2}** of {N + 2}")  # only the pasted text is new: no "kz (2)"
    assert any("Already added, not read again: kz." in i.value for i in at.sidebar.info)
    assert any("last until the page is reloaded" in c.value for c in at.sidebar.caption)
    added = download(stored, "added-documents.jsonl").decode().splitlines()
    assert [json.loads(line)["doc_id"] for line in added] == ["kz", "pasted"]
    assert json.loads(added[0])["date"] == "2024-05-06"
