"""The project's single pint registry, extended by ``data/definitions.txt``.

Building a registry takes about half a second, so it is made on first use, never at import:
extraction itself reads unit names and kinds from ``data/units.tsv`` and needs no registry.
The registry is the authority those names are checked against (tests/test_vocabulary.py) and
the tool that converts magnitudes (evaluation, charts).
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pint and what it imports (numpy, dask) cost half a second: loaded on first use
    import pint

from extract.vocab import DATA_DIR

# Kind name used in the tidy table -> a reference unit of that dimension (pint names).
# The first kind whose reference has the same dimensionality wins, so energy precedes torque.
_REFERENCE_UNITS: dict[str, str] = {
    "mass": "kilogram",
    "length": "meter",
    "area": "meter ** 2",
    "volume": "meter ** 3",
    "duration": "second",
    "speed": "meter / second",
    "volumetric_flow_rate": "meter ** 3 / second",
    "energy": "joule",
    "power": "watt",
    "electric_charge": "coulomb",
    "voltage": "volt",
    "current": "ampere",
    "frequency": "hertz",
    "pressure": "pascal",
    "temperature": "kelvin",
    "fuel_economy": "mile / gallon",
    "percentage_point": "percentage_point",
    "count": "TEU",
    "index": "index_point",
}
# Kinds that pint sees as dimensionless; the surface table tells them apart.
DIMENSIONLESS_KINDS = frozenset({"percent", "ratio", "angle", "information", "dimensionless"})


@cache
def registry() -> pint.UnitRegistry[Any]:
    """The one registry of the project (pint defaults plus the project's definitions)."""
    import pint

    ureg: pint.UnitRegistry[Any] = pint.UnitRegistry(autoconvert_offset_to_baseunit=True)
    ureg.load_definitions(str(DATA_DIR / "definitions.txt"))
    return ureg


def kind_of(unit: str) -> str:
    """The kind (dimension name) of a pint unit expression.

    >>> kind_of("tonne"), kind_of("oil_barrel / day"), kind_of("percentage_point")
    ('mass', 'volumetric_flow_rate', 'percentage_point')
    """
    ureg = registry()
    dims = ureg.get_dimensionality(unit)
    for kind, reference in _REFERENCE_UNITS.items():
        if dims == ureg.get_dimensionality(reference):
            return kind
    return "dimensionless" if not dims else str(dims)


def convert(value: float, unit: str, to: str) -> float:
    """``value`` in ``unit`` expressed in ``to``.

    >>> convert(2, "bcm", "cubic_meter")
    2000000000.0
    """
    return float(registry().Quantity(value, unit).to(to).magnitude)
