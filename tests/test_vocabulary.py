"""The vocabulary files agree with the project's pint registry."""

from __future__ import annotations

import pint
import pytest

from extract.units import DIMENSIONLESS_KINDS, convert, kind_of, registry
from extract.vocab import UNITS, UnitEntry, _rows

UNIT_ROWS = list(_rows("units.tsv"))


@pytest.mark.parametrize(("surface", "unit", "kind", "case"), UNIT_ROWS, ids=[r[0] for r in UNIT_ROWS])
def test_every_unit_parses_with_its_kind(surface: str, unit: str, kind: str, case: str) -> None:
    found = kind_of(unit)
    if kind in DIMENSIONLESS_KINDS:
        assert found == "dimensionless"
    else:
        assert found == kind


def test_percentage_point_is_its_own_dimension() -> None:
    with pytest.raises(pint.DimensionalityError):
        registry().Quantity(2, "percentage_point").to("percent")
    assert convert(50, "basis_point", "percentage_point") == pytest.approx(0.5)


def test_pp_never_reaches_the_printers_point() -> None:
    entry = UNITS.get("pp")
    assert isinstance(entry, UnitEntry) and entry.unit == "percentage_point"


def test_one_registry() -> None:
    assert registry() is registry()


def test_trade_units() -> None:
    assert convert(1, "bcm", "cubic_meter") == 1e9
    assert kind_of("oil_barrel / day") == "volumetric_flow_rate"
    assert UNITS.get("tons").unit == "tonne"  # type: ignore[union-attr]
