"""Property tests: any text is handled, and offsets always slice the surface."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract import extract_figures

# Text built from the pieces the grammar cares about, so that near-misses are common.
PIECES = st.sampled_from(
    [
        "$",
        "US$",
        "€",
        "£",
        "RMB",
        " ",
        "  ",
        "\n",
        ".",
        ",",
        "-",
        "%",
        "per cent",
        "bn",
        "m",
        "million",
        "dollars",
        "between",
        "and",
        "to",
        "from",
        "around",
        "more than",
        "two",
        "a third",
        "half",
        "1",
        "2,000",
        "3.5",
        "64.2",
        "2023",
        "May",
        "Su-",
        "(",
        ")",
        "x",
        "times",
        "tonnes",
        ":",
        "/",
        "\u2212",
        "PS",
        "one",
    ]
)
TEXT = st.one_of(st.text(max_size=300), st.lists(PIECES, max_size=40).map("".join))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_never_raises_and_offsets_are_valid(text: str) -> None:
    for f in extract_figures(text):
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start : f.end] == f.surface
        assert f.sentence and f.surface in text
        if f.value_low is not None and f.value_high is not None:
            assert f.value_low <= f.value_high
