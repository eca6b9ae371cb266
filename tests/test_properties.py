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
        assert f.sentence[f.sentence_offset :].startswith(f.surface)  # the dashboard outlines it there
        if f.value_low is not None and f.value_high is not None:
            assert f.value_low <= f.value_high


# Long runs that once made a pattern backtrack over the whole run (100,000 spaces took 18 s).
# Not a speed check: the alarm only stops a run that would hang, with a margin of over 100x.
ADVERSARIAL = {
    "spaces": " " * 100_000 + "5%",
    "tabs": "\t" * 100_000 + "x 5%",
    "no-break spaces": "\u00a0" * 100_000 + "5%",
    "digits": "1" * 100_000,
    "comma groups": "1," * 50_000,
    "dollar signs": "$" * 100_000,
    "brackets": "(" * 50_000 + ")" * 50_000,
    "nested brackets": "([{<" * 25_000 + "5%" + ">}])" * 25_000,
    "dots": ". " * 50_000,
    "dotted digits": "1." * 50_000,
    "signs": "+-" * 50_000 + "5",
    "letters and digits": "a1" * 50_000,
    "one token": "A" * 100_000 + " 5%",
    "code braces": "{x:1;" * 20_000,
}


def test_long_runs_finish() -> None:
    import signal

    def stop(signum, frame):  # type: ignore[no-untyped-def]
        raise TimeoutError("extraction hung")

    previous = signal.signal(signal.SIGALRM, stop)
    try:
        for name, text in ADVERSARIAL.items():
            signal.alarm(20)
            figures = extract_figures(text)
            signal.alarm(0)
            assert all(text[f.start : f.end] == f.surface for f in figures), name
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
