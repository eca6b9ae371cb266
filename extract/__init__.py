"""Trade-flow figures: every figure in a news text, as one tidy row each.

>>> from extract import extract_figures
>>> [f.surface for f in extract_figures("China's exports to Russia jumped 64.2% between 2021 and 2023.")]
['64.2%']
"""

from extract.figures import Figure, extract_figures

__all__ = ["Figure", "extract_figures"]
