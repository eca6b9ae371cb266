"""The pipeline's shape: one direction of stages, the rule table and its trace, long documents in
pieces that equal the whole text, and `python -m extract explain`."""

from __future__ import annotations

import ast
import doctest
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from extract import explain, extract_figures
from extract.context import add_context
from extract.figures import JOIN_RULES, RULES, find_figures
from extract.run import extract_document
from extract.text import Document, pieces, split_sentences

# --- defects found in the review of the earlier structure (each failed before its fix) ------------

PADDING = " ".join(f"word{k}" for k in range(220))  # ~1,700 characters: the sentence is clipped


def test_long_sentence_keeps_its_context_when_context_is_a_separate_stage() -> None:
    """A sentence over 1,000 characters lost exporter, importer and role when context was added to
    figures found without it (the clipped sentence was searched for in the text)."""
    text = f"China's exports to Russia jumped 64.2% in 2023, {PADDING}."
    sentences = split_sentences(text)
    (context,) = add_context(find_figures(sentences), sentences)
    assert (context.exporter, context.importer, context.role, context.direction) == ("CHN", "RUS", "change", "up")
    (figure,) = extract_figures(text)
    assert (figure.exporter, figure.importer, figure.role) == ("CHN", "RUS", "change")
    assert len(figure.sentence) < 1_100 and figure.sentence[figure.sentence_offset :].startswith("64.2%")


def test_pieces_end_only_where_the_splitter_ends_a_sentence() -> None:
    """Long documents were cut at ". " without knowing abbreviations, so "Mr. Smith" could end a
    piece and change sentence numbers, flows and periods."""
    sentence = "Trade grew, said Mr. Smith and China's imports from Russia fell 3% in 2023 as U.S. firms left. "
    text = sentence * 40
    for size in (200, 333, 512, 1_000):
        cut = list(pieces(text, size))
        for piece in cut[1:]:
            before = text[: piece.offset].rstrip()
            assert before.endswith("left."), (size, before[-20:])
        assert sum(len(p.sentences) for p in cut) == len(split_sentences(text))


@pytest.mark.parametrize("size", [150, 400, 2_000])
def test_a_document_in_pieces_gives_the_rows_of_the_whole_text(size: int) -> None:
    text = " ".join(
        f"In {2000 + k} Mr. Lee said China's imports from Russia rose {k + 1}% to ${k + 2}bn, about {k + 3} mln dlrs more."
        for k in range(30)
    )
    whole = extract_figures(text, doc_id="d")
    in_pieces = [f for piece in extract_document(Document("d", text), segment_chars=size) for f in piece]
    assert in_pieces == whole


def test_a_sentence_longer_than_a_piece_keeps_one_index() -> None:
    text = "Intro. " + "Exports rose 5% and " * 200 + "fell. After."
    cut = list(pieces(text, 500))
    assert len(cut) > 2
    assert [p.first_index for p in cut[1:-1]] == [1] * (len(cut) - 2)
    figures = [f for p in extract_document(Document("d", text), segment_chars=500) for f in p]
    assert {f.sentence_index for f in figures} == {1}
    assert all(text[f.start : f.end] == f.surface for f in figures)


# --- the rule table ----------------------------------------------------------------------------------


def test_rule_names_are_unique_and_name_their_function() -> None:
    names = [r.name for r in RULES] + [name for name, _ in JOIN_RULES]
    assert len(names) == len(set(names))
    assert all(r.name == r.judge.__name__ for r in RULES)


def _docstring(function) -> str:
    """The docstring of ``function``, read from its module's source when it is compiled (mypyc
    keeps none)."""
    if function.__doc__:
        return function.__doc__
    module = sys.modules[function.__module__]
    source = Path(module.__file__).with_name(module.__name__.rpartition(".")[2] + ".py").read_text(encoding="utf-8")
    found = [n for n in ast.walk(ast.parse(source)) if isinstance(n, ast.FunctionDef) and n.name == function.__name__]
    return ast.get_docstring(found[0]) or "" if found else ""


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_every_rule_has_a_doctest_of_its_example(rule) -> None:
    assert doctest.DocTestParser().get_examples(_docstring(rule.judge)), f"{rule.name} has no example"


@pytest.mark.parametrize(("name", "rule"), JOIN_RULES, ids=[n for n, _ in JOIN_RULES])
def test_every_join_rule_has_a_doctest_of_its_example(name, rule) -> None:
    assert doctest.DocTestParser().get_examples(_docstring(rule)), f"{name} has no example"


# --- rules narrowed in the restructure: these were dropped before ----------------------------------

NOW_FIGURES = [
    ("airbus", "China ordered 140 Airbus A320 jets", "140"),
    ("rafale", "India bought 26 Rafale Marine jets", "26"),
    ("tesla", "Sales of 5,000 Tesla Model Y cars fell", "5,000"),
    ("mack", "It shipped 900 Mack Trucks to Chile", "900"),
    ("model-3s", "Tesla delivered 63,150 Model 3s in the quarter", "63,150"),
    ("employed-1850", "The firm employed 1850 people", "1850"),
    ("between-words", "Its sales were between five and 10 pct higher", "between five and 10 pct"),
]


@pytest.mark.parametrize(("text", "surface"), [c[1:] for c in NOW_FIGURES], ids=[c[0] for c in NOW_FIGURES])
def test_now_figures(text: str, surface: str) -> None:
    assert surface in [f.surface for f in extract_figures(text)]


STILL_NOT_FIGURES = [
    ("street", "The office at 49 Zorro Ranch Road opened", "49"),
    ("downing-st", "He left 10 Downing St early", "10"),
    ("zip", "homes in the 90049 ZIP Code", "90049"),
    ("clock", "The council meets at 1000 GMT", "1000"),
    ("clock-zero", "Trading runs from 0900 to 1305 Central Time", "0900"),
    ("group-of-five", "Envoys of the Group of Five met in Paris", "Five"),
]


@pytest.mark.parametrize(("text", "number"), [c[1:] for c in STILL_NOT_FIGURES], ids=[c[0] for c in STILL_NOT_FIGURES])
def test_still_not_figures(text: str, number: str) -> None:
    assert not [f for f in extract_figures(text) if number in f.surface]


# --- explain ------------------------------------------------------------------------------------------


def test_explain_names_the_rule_that_dropped_each_candidate() -> None:
    e = explain("The G20 said exports rose 5% in 2023.")
    decided = {e.sentences.text[s.start : s.end]: (s.rule, s.action) for s in e.trace}
    assert decided == {"20": ("digits_inside_a_word", "dropped"), "5%": ("kept", "kept"), "2023": ("bare_year", "dropped")}
    assert (e.contexts[0].direction_cue, e.figures[0].period_start) == ("rose", "2023-01-01")


def test_explain_command_prints_rules_and_context() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "extract", "explain", "China's exports to Russia fell 5% last year.", "--date", "2024-03-01"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    out = done.stdout
    assert "figure 5% = 5 percent (percent, exact)" in out
    assert 'direction   down          from "fell"' in out
    assert 'exporter    CHN           from "exports"' in out
    assert "period      last year     2023-01-01 .. 2023-12-31" in out


def test_explain_on_a_file(tmp_path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Mr. Xi said Q3 2023 imports rose 12%.", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "extract", str(path), "--explain"], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert "dropped by" not in done.stdout.split("figure")[0] or "kept" in done.stdout
    assert "figure 12% = 12 percent" in done.stdout and "2023-07-01 .. 2023-09-30" in done.stdout


def test_the_reader_works_out_the_traits_a_rule_reads() -> None:
    from extract.figures import candidates
    from extract.figures.candidate import traits

    text = (ROOT / "tests" / "gold" / "real_news.md").read_text(encoding="utf-8")
    text += " Exports of 37m (121ft), COVID -19, Su-35, April 26, about 2023 tonnes, 8 billion pounds, over two years."
    found = candidates(text)
    assert len(found) > 100
    assert all(c.traits == traits(c) for c in found)
