"""Claims: documents written for the test (agreement, disagreement, a restatement in another
currency, the same figure rounded differently), the seeds, and real news when it is beside us."""

from __future__ import annotations

import gzip
import itertools
import json

import pandas as pd
import pytest
from conftest import ROOT

from dashboard_lib import (
    SERIES,
    SUBJECT,
    Filters,
    Source,
    claim_html,
    claims_summary,
    default_table,
    report_html,
    series_chart,
    subject_of,
)
from extract import Document, figures_frame
from extract.table import to_csv_text

# Our own sentences; each document has its date (relative periods resolve against it).
ARTICLES = [
    # the same figure, rounded differently and restated in yuan: one claim of three documents
    ("a1", "2024-01-15", "China–Russia trade reached $240.1 billion in 2023, customs data showed."),
    ("a2", "2024-01-20", "Trade between China and Russia hit about $240bn last year, officials said."),
    ("a3", "2024-02-02", "Trade between Russia and China amounted to 1.7 trillion yuan in 2023."),
    # a source that disagrees
    ("b1", "2024-01-18", "China–Russia trade totalled $218 billion in 2023, according to a Western estimate."),
    # two sources that agree on a change
    ("c1", "2023-02-01", "China's exports to Russia rose 12.8% in 2022."),
    ("c2", "2023-02-05", "Chinese exports to Russia climbed 12.8 percent in 2022."),
    # figures with no place: no claim
    ("d1", "2024-01-10", "Exports rose 5% and imports rose 5% in 2023."),
    # the same subject in earlier years: one line over time
    ("e1", "2023-01-13", "China–Russia trade was $190 billion in 2022."),
    ("e2", "2022-01-14", "China–Russia trade reached $147 billion in 2021."),
    # a restatement inside one document is drawn once
    ("f1", "2024-01-12", "China's exports to Russia were worth $110.97 billion (€102 billion) in 2023."),
]
TRADE_2023 = {"measure_key": "trade", "flow": "CHN–RUS", "period_start": "2023-01-01", "period_end": "2023-12-31"}


@pytest.fixture(scope="module")
def source() -> Source:
    documents = [Document(doc_id, text, date=day) for doc_id, day, text in ARTICLES]
    dates = pd.DataFrame({"doc_id": [d for d, _, _ in ARTICLES], "date": [day for _, day, _ in ARTICLES]})
    return Source.of_frame(figures_frame(documents), dates)


def claim_of(claims: pd.DataFrame, **subject: str) -> pd.DataFrame:
    keep = pd.Series(True, index=claims.index)
    for column, value in subject.items():
        keep &= claims[column] == value
    return claims[keep]


def members_of(source: Source, claim: pd.Series, tolerance: float = 0.02) -> pd.DataFrame:
    members = source.claim_members(Filters(), dict(subject_of(claim, SUBJECT)), tolerance)
    return members[members["claim_id"] == claim["claim_id"]]


# --- agreement, disagreement, currency, rounding ----------------------------------------------------


def test_rounded_and_restated_figures_are_one_claim_and_the_first_source_is_the_earliest(source: Source) -> None:
    trade = claim_of(source.claims(Filters()), **TRADE_2023).sort_values("documents", ascending=False)
    top = trade.iloc[0]
    assert sorted(members_of(source, top)["doc_id"]) == ["a1", "a2", "a3"]  # $240.1bn, about $240bn, 1.7tn yuan
    assert (top["documents"], top["first_date"], top["first_doc"]) == (3, "2024-01-15", "a1")
    assert top["value"] == pytest.approx(240e9, rel=0.002) and top["high"] - top["low"] < 0.01 * top["value"]
    assert top["unit_class"] == "USD"


def test_a_source_that_disagrees_flags_both_claims(source: Source) -> None:
    trade = claim_of(source.claims(Filters()), **TRADE_2023)
    assert len(trade) == 2 and set(trade["versions"]) == {2} and set(trade["status"]) == {"disputed"}
    lone = trade[trade["documents"] == 1].iloc[0]
    assert lone["value"] == 218e9 and list(members_of(source, lone)["doc_id"]) == ["b1"]


@pytest.mark.parametrize(
    ("subject", "status", "documents"),
    [
        pytest.param({"flow": "CHN → RUS", "role_key": "change", "period_start": "2022-01-01"}, "agreed", 2, id="change-agreed"),
        pytest.param({"measure_key": "trade", "period_start": "2022-01-01"}, "single source", 1, id="one-source"),
        pytest.param({"measure_key": "trade", "period_start": "2023-01-01"}, "disputed", 3, id="disputed"),
    ],
)
def test_status(source: Source, subject: dict[str, str], status: str, documents: int) -> None:
    claims = claim_of(source.claims(Filters()), **subject)
    assert claims.iloc[0]["status"] == status and claims.iloc[0]["documents"] == documents


def test_without_tolerance_the_rounded_figures_part(source: Source) -> None:
    trade = claim_of(source.claims(Filters(), tolerance=0.0), **TRADE_2023)
    assert len(trade) == 4 and set(trade["documents"]) == {1}  # 240.1bn, 240bn, 239.3bn (yuan), 218bn


def test_a_restatement_inside_a_document_counts_once(source: Source) -> None:
    exports = claim_of(source.claims(Filters()), flow="CHN → RUS", period_start="2023-01-01")
    assert len(exports) == 1 and exports.iloc[0]["figures"] == 1 and exports.iloc[0]["value"] == 110.97e9


def test_figures_without_a_place_enter_no_claim(source: Source) -> None:
    members = source.claim_members(Filters(), {})
    assert "d1" not in set(members["doc_id"])


def test_claims_follow_the_filters(source: Source) -> None:
    trade = claim_of(source.claims(Filters(docs=("a1", "b1"))), **TRADE_2023)
    assert sorted(trade["documents"]) == [1, 1] and set(trade["status"]) == {"disputed"}
    assert claim_of(source.claims(Filters(kinds=("percent",))), measure_key="trade").empty


# --- the sources one click away, the line over time, the exports -------------------------------------


def test_a_claims_sources_are_listed_earliest_first_with_the_figure_marked(source: Source) -> None:
    claims = source.claims(Filters())
    top = claim_of(claims, **TRADE_2023).sort_values("documents").iloc[-1]
    members = source.claim_members(Filters(), dict(subject_of(top, SUBJECT)))
    html = claim_html(top, members, claims)
    assert html.index("a1") < html.index("a2") < html.index("a3")
    assert ">$240.1 billion</mark>" in html and ">1.7 trillion yuan</mark>" in html
    assert "$239.3 billion" in html  # the yuan figure in the claim's unit
    assert "Other claims on this subject: $218 billion (1 document(s))" in html


def test_one_subject_over_time_has_one_mark_per_source(source: Source) -> None:
    claims = source.claims(Filters())
    top = claim_of(claims, **TRADE_2023).sort_values("documents").iloc[-1]
    members = source.claim_members(Filters(), dict(subject_of(top, SERIES)))
    chart = series_chart(members, claims, top, summary=source.summary(Filters()))
    marks = [(trace.name, len(trace.x)) for trace in chart.figure.data if trace.mode == "markers"]
    assert sum(n for _, n in marks) == 6  # a1, a2, a3, b1 in 2023; e1 in 2022; e2 in 2021
    line = next(trace for trace in chart.figure.data if trace.mode == "lines")
    assert [round(v / 1e9) for v in line.y] == [147, 190, 240]  # each year's best-supported claim
    assert "over 3 period(s)" in chart.note


def test_claims_csv_and_report_hold_the_claims(source: Source) -> None:
    claims = source.claims(Filters())
    csv = pd.read_csv(pd.io.common.StringIO(to_csv_text(claims)))
    assert {"claim_id", "status", "documents", "first_date", "value"} <= set(csv.columns) and len(csv) == len(claims)
    report = report_html([], source.page(Filters(), 0, 100), source.rows, "all figures", claims)
    assert "<h2>Claims</h2>" in report and "2024-01-15" in report and "disputed" in report
    assert claims_summary(claims, 0.02).startswith(f"{len(claims)} claims from")


def test_claims_on_the_seeds() -> None:
    claims = Source.of_frame(default_table()).claims(Filters())
    assert len(claims) == 3 and set(claims["status"]) == {"single source"}
    assert set(claims["measure"]) >= {"exports", "imports of machine tools"}


# --- real news ---------------------------------------------------------------------------------------

CORPUS = ROOT.parent / "shared" / "corpora" / "news-dev.jsonl.gz"


@pytest.mark.skipif(not CORPUS.is_file(), reason="the development corpus is not beside the project")
def test_claims_on_real_news() -> None:
    with gzip.open(CORPUS, "rt", encoding="utf-8") as lines:
        records = [json.loads(line) for line in itertools.islice(lines, 3000)]
    documents = [Document(str(r["id"]), r["text"], date=str(r.get("date") or "")[:10]) for r in records]
    dates = pd.DataFrame({"doc_id": [d.doc_id for d in documents], "date": [d.date for d in documents]})
    source = Source.of_frame(figures_frame(documents), dates)
    claims = source.claims(Filters())
    assert (
        len(claims) > 100 and (claims["documents"] > 1).any() and set(claims["status"]) == {"disputed", "agreed", "single source"}
    )
    shared = claims[claims["documents"] > 1].iloc[0]
    members = source.claim_members(Filters(), dict(subject_of(shared, SUBJECT)))
    mine = members[members["claim_id"] == shared["claim_id"]]
    assert mine["doc_id"].nunique() == shared["documents"] and mine["date"].iloc[0] == shared["first_date"]
    for row in mine.itertuples():  # every source sentence holds its figure where the table says
        assert row.sentence[row.sentence_offset :].startswith(row.surface)
