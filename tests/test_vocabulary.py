"""The vocabulary files: they agree with the project's pint registry, and no word is listed twice."""

from __future__ import annotations

from pathlib import Path

import pint
import pytest

from extract.figures import convert, kind_of, registry
from extract.figures.units import DIMENSIONLESS_KINDS
from extract.vocab import DATA_DIR, UNITS, UnitEntry, rows

UNIT_ROWS = list(rows("units.tsv"))


@pytest.mark.parametrize(("surface", "unit", "kind", "case", "plural"), UNIT_ROWS, ids=[r[0] for r in UNIT_ROWS])
def test_every_unit_parses_with_its_kind(surface: str, unit: str, kind: str, case: str, plural: str) -> None:
    found = kind_of(unit)
    if kind in DIMENSIONLESS_KINDS:
        assert found == "dimensionless"
    else:
        assert found == kind


PLURAL_ROWS = [r for r in UNIT_ROWS if r[4] == "s"]


@pytest.mark.parametrize("row", PLURAL_ROWS, ids=[r[0] for r in PLURAL_ROWS])
def test_generated_plurals_follow_pints_suffix_rule(row: list[str]) -> None:
    surface, unit = row[0], row[1]
    assert registry().parse_units(unit + "s") == registry().parse_units(unit)  # pint forms the plural the same way
    entry = UNITS.get(surface + "s")
    assert isinstance(entry, UnitEntry) and entry.unit == unit
    assert surface + "s" not in {r[0] for r in UNIT_ROWS}, "generated plurals are not listed by hand"


def test_percentage_point_is_its_own_dimension() -> None:
    with pytest.raises(pint.DimensionalityError):
        registry().Quantity(2, "percentage_point").to("percent")
    assert convert(50, "basis_point", "percentage_point") == pytest.approx(0.5)


def test_pp_never_reaches_the_printers_point() -> None:
    entry = UNITS.get("pp")
    assert isinstance(entry, UnitEntry) and entry.unit == "percentage_point"


def test_trade_units() -> None:
    assert convert(1, "bcm", "cubic_meter") == 1e9
    assert kind_of("oil_barrel / day") == "volumetric_flow_rate"
    assert UNITS.get("tons").unit == "tonne"  # type: ignore[union-attr]


DATA_FILES = sorted(p.name for p in DATA_DIR.glob("*.tsv"))


@pytest.mark.parametrize("name", DATA_FILES)
def test_no_entry_listed_twice(name: str) -> None:
    width = {"ordinals.tsv": 2, "one_as_pronoun.tsv": 2, "cldr_currency_use.tsv": 3}.get(name, 1)
    keys = [tuple(r[:width]) for r in rows(name)]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("name", DATA_FILES)
def test_every_file_says_where_its_words_come_from(name: str) -> None:
    header = [line for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    assert any("Source" in line or "source" in line for line in header), name


def test_months_are_written_once() -> None:
    months = {name for name, *_ in rows("months.tsv")}
    assert not months & {word for word, *_ in rows("stop_contexts.tsv")}


def test_nothing_in_extract_reads_the_tests() -> None:
    package = Path(__file__).resolve().parent.parent / "extract"
    for source in package.rglob("*.py"):
        assert '"tests"' not in source.read_text(encoding="utf-8"), source


def test_cldr_files_are_what_babel_gives() -> None:
    babel = pytest.importorskip("babel")
    header = (DATA_DIR / "cldr_currencies.tsv").read_text(encoding="utf-8").splitlines()[1]
    if f"babel {babel.__version__}." not in header:
        pytest.skip(f"the files were made with another babel ({header}); run python -m tools.currencies")
    from tools.currencies import main

    assert main(["--check"]) == 0


def test_gazetteer_file_is_what_countryinfo_gives() -> None:
    pytest.importorskip("countryinfo")
    from importlib.metadata import version

    header = (DATA_DIR / "gazetteer.tsv").read_text(encoding="utf-8").splitlines()[1]
    if f"countryinfo {version('countryinfo')} " not in header:
        pytest.skip(f"the file was made with another countryinfo ({header}); run python -m tools.gazetteer")
    from tools.gazetteer import main

    assert main(["--check"]) == 0


def test_ours_win_over_cldr_and_cldr_fills_the_rest() -> None:
    from extract.vocab import CURRENCY_PREFIXES, CURRENCY_SUFFIXES, CurrencyEntry

    francs, egp, clp = CURRENCY_SUFFIXES.get("francs"), CURRENCY_SUFFIXES.get("Egyptian pounds"), CURRENCY_PREFIXES.get("CLP")
    assert isinstance(francs, CurrencyEntry) and francs.code == "FRF"  # our default of a bare noun
    assert isinstance(egp, CurrencyEntry) and egp.code == "EGP"  # CLDR's plural name
    assert isinstance(clp, CurrencyEntry) and clp.code == "CLP"  # CLDR's code list
    assert CURRENCY_PREFIXES.get("ALL") is None  # a code that is an English word is left out
