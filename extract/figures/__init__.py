"""Stage 2, figures: candidates read from the grammar, judged by the rule table, joined into ranges.

Knows numbers, scales, currencies and units (one pint registry, extended by
``extract/data/definitions.txt``); knows nothing of trade.
"""

from extract.figures.candidate import Candidate, candidates
from extract.figures.find import Found, Step, find_figures
from extract.figures.ranges import JOIN_RULES
from extract.figures.rules import RULES, Rule
from extract.figures.units import convert, kind_of, registry

__all__ = [
    "JOIN_RULES",
    "RULES",
    "Candidate",
    "Found",
    "Rule",
    "Step",
    "candidates",
    "convert",
    "find_figures",
    "kind_of",
    "registry",
]
