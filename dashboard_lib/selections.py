"""Which figures a view holds, as data: named sets of figures (SQL conditions over the table's
columns) and each chart's selection among them (order, limit, per group).

:class:`~dashboard_lib.source.Source` applies them in SQL and counts every set over the whole view;
the charts declare what they draw here and nowhere else sort or filter rows.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

# Money drawn once: a restatement ("900 million dollars (835 million euros)") names the figure it
# restates in ``same_as`` and is left out wherever amounts are drawn, summed or counted.
_MONEY = "kind = 'money' AND same_as = ''"

# Named sets of figures. Text columns are never NULL in the source's table ('' when empty).
ROW_SETS: Mapping[str, str] = MappingProxyType(
    {
        "money": _MONEY,
        "money_usd": f"{_MONEY} AND value_usd IS NOT NULL",
        "rates": "kind IN ('percent', 'percentage_point')",
        "dated": "period_start <> '' AND period_end <> ''",
        "flows": f"{_MONEY} AND value_usd IS NOT NULL AND exporter <> '' AND importer <> ''",
    }
)


@dataclass(frozen=True)
class Selection:
    """The figures a chart draws: a row set, in an order, at most ``limit`` of them (of each group
    of ``per`` columns when given). ``order`` terms are SQL over the table's columns; every order
    ends on ``figure_id`` so that ties fall the same way on every table."""

    rows: str  # a key of ROW_SETS
    order: tuple[str, ...]
    limit: int
    per: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.rows not in ROW_SETS:
            raise ValueError(f"unknown row set {self.rows!r}")
        if not self.order or self.order[-1] != "figure_id":
            raise ValueError("a selection's order must end on figure_id")
