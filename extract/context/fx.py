"""Money in US dollars, with the ECB reference rates that ship offline in ``currencyconverter``.

The rate is the one of the last ECB business day on or before the figure's date (the end of its
period, or the document's date). Where the ECB data stop (RUB after 2022-03-01) or never started,
a rate the text itself states is used; otherwise no value is given. No rate is ever invented.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache, lru_cache
from typing import Any

# Pence sterling are hundredths of a pound; the ECB quotes pounds.
_SUBUNITS = {"GBX": ("GBP", 0.01)}
_MAX_STEP_BACK = 10  # days: covers weekends and the longest holiday gap of the ECB calendar


@cache
def _converter() -> Any:
    """The rate table, loaded on first use (about 0.3 s); the package ships the ECB history."""
    from currency_converter import CurrencyConverter

    return CurrencyConverter(fallback_on_missing_rate=False, fallback_on_wrong_date=False)


@lru_cache(maxsize=65536)  # many figures share a currency and a period end; a look-up may step back over days
def ecb_rate(code: str, when: date) -> tuple[float, date] | str:
    """(US dollars per unit, rate date), or the reason there is none.

    >>> ecb_rate("EUR", date(2023, 12, 31))
    (1.105, datetime.date(2023, 12, 29))
    >>> ecb_rate("RUB", date(2023, 12, 31))
    'no rate for RUB after 2022-03-01'
    """
    from currency_converter import RateNotFoundError

    converter = _converter()
    if code not in converter.currencies:
        return f"no ECB rate for {code}"
    bounds = converter.bounds[code]
    if when > bounds.last_date and code != "EUR":
        return f"no rate for {code} after {bounds.last_date.isoformat()}"
    if when < bounds.first_date:
        return f"no rate for {code} before {bounds.first_date.isoformat()}"
    day = min(when, converter.bounds["USD"].last_date)
    for _ in range(_MAX_STEP_BACK):
        try:
            return float(converter.convert(1.0, code, "USD", date=day)), day
        except RateNotFoundError:
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
