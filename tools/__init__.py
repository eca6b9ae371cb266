"""Tools around the extractor: benchmarks, evaluation, the corpus census, gold-set sampling.

Run as ``python -m tools.NAME``; nothing in ``extract/`` imports from here.
"""
