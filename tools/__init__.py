"""Tools around the extractor: benchmarks, evaluation, the corpus census, gold-set sampling.

Run as ``python -m tools.NAME``; nothing in ``extract/`` imports from here.
"""


def is_compiled() -> bool:
    """Whether the extractor imported here is the compiled build (mypyc extensions beside the .py
    files) rather than its pure-Python sources."""
    import extract.figures.candidate

    return not (extract.figures.candidate.__file__ or "").endswith(".py")
