"""Stage 3, context: what each figure means in trade — its role, direction, measure, the countries
named, who exported to whom, the period it refers to, its value in US dollars and whether it
restates another figure.
"""

from extract.context.assemble import Context, add_context
from extract.context.countries import Mention, find_countries
from extract.context.fx import to_usd
from extract.context.periods import Period, find_periods, parse_date

__all__ = ["Context", "Mention", "Period", "add_context", "find_countries", "find_periods", "parse_date", "to_usd"]
