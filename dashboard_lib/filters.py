"""The sidebar's filters: what they hold, their URL form, their description, and their one meaning
as a SQL condition (applied by :class:`~dashboard_lib.source.Source` to any table)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, MutableMapping
from dataclasses import dataclass, fields
from datetime import date, timedelta
from typing import Any


@dataclass(frozen=True)
class Filters:
    """What the sidebar selects; empty means no restriction."""

    docs: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    units: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    exporters: tuple[str, ...] = ()
    importers: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    period_from: str = ""  # ISO year or date: figures whose period ends before are left out
    period_to: str = ""
    precision: str = "all"  # all | exact | approx
    search: str = ""


_NO_FILTERS = Filters()

# Filter field -> the column it selects on; "countries" matches a code inside the column's
# ;-separated list, the others whole values.
FILTER_FIELDS = (
    ("docs", "doc_id"),
    ("kinds", "kind"),
    ("units", "unit"),
    ("roles", "role"),
    ("exporters", "exporter"),
    ("importers", "importer"),
    ("countries", "countries"),
)
_WHOLE_VALUE_FILTERS = FILTER_FIELDS[:-1]
_LIST_FIELDS = tuple(name for name, _ in FILTER_FIELDS)
FILTER_COLUMNS = tuple(column for _, column in FILTER_FIELDS)
_TEXT_FIELDS = ("period_from", "period_to", "precision", "search")
PRECISIONS = ("all", "exact", "approx")
_EXACT = "('exact', 'range')"  # qualifiers of a figure stated exactly (a range has exact ends)


def where(f: Filters) -> tuple[str, list[Any]]:
    """The SQL condition of ``f`` over the figures table, and its parameters (never spliced in).

    Text columns are never NULL in the source's table (empty is ``''``), so no condition needs
    ``coalesce``.

    >>> where(Filters(kinds=("money",), search="oil"))
    ('TRUE AND "kind" IN (?) AND contains(lower(sentence), ?)', ['money', 'oil'])
    >>> where(Filters(countries=("CHN", "RUS"), period_to="2023"))[1]
    [['CHN', 'RUS'], '2023-12-31']
    """
    parts, params = ["TRUE"], []
    for name, column in _WHOLE_VALUE_FILTERS:
        chosen = getattr(f, name)
        if chosen:
            parts.append(f'"{column}" IN ({", ".join("?" * len(chosen))})')
            params.extend(chosen)
    if f.countries:
        parts.append("list_has_any(string_split(countries, ';'), ?::VARCHAR[])")
        params.append(list(f.countries))
    if f.period_from and not period_problem(f.period_from):
        parts.append("period_end >= ?")
        params.append(period_bound(f.period_from, end=False))
    if f.period_to and not period_problem(f.period_to):
        parts.append("period_start <> '' AND period_start <= ?")
        params.append(period_bound(f.period_to, end=True))
    if f.precision == "exact":
        parts.append(f"qualifier IN {_EXACT}")
    elif f.precision == "approx":
        parts.append(f"qualifier NOT IN {_EXACT}")
    if f.search.strip():
        parts.append("contains(lower(sentence), ?)")
        params.append(f.search.strip().lower())
    return " AND ".join(parts), params


# A period bound as the filters take it: a year, a month or a day, in ISO form.
_PERIOD_TEXT = re.compile(
    r"""
    (?P<year>\d{4})                 # 2023
    (?:-(?P<month>\d{1,2})          # -06
       (?:-(?P<day>\d{1,2}))?       # -30
    )?
    """,
    re.VERBOSE,
)


def period_problem(value: str) -> str:
    """Why ``value`` is not a period bound the filters take ("" when it is one, or empty).

    >>> period_problem("2023"), period_problem("2023-06"), period_problem(" 2023-06-30 "), period_problem("")
    ('', '', '', '')
    >>> period_problem("last spring")
    '“last spring” is not a year or a date: write 2023, 2023-06 or 2023-06-30.'
    >>> period_problem("2023-02-30")
    '“2023-02-30” is not a year or a date: write 2023, 2023-06 or 2023-06-30.'
    """
    try:
        period_bound(value, end=False)
    except ValueError:
        return f"“{value.strip()}” is not a year or a date: write 2023, 2023-06 or 2023-06-30."
    return ""


def period_bound(value: str, *, end: bool) -> str:
    """A year, month or date as an ISO date bound; ValueError for any other text.

    >>> period_bound("2023", end=False), period_bound("2023", end=True), period_bound("2024-02", end=True)
    ('2023-01-01', '2023-12-31', '2024-02-29')
    >>> period_bound("2023-6-3", end=True)
    '2023-06-03'
    """
    text = value.strip()
    if not text:
        return ""
    found = _PERIOD_TEXT.fullmatch(text)
    if not found:
        raise ValueError(f"not a year or a date: {value!r}")
    year, month, day = int(found["year"]), found["month"], found["day"]
    if month is None:
        return f"{year}-12-31" if end else f"{year}-01-01"
    if day is None:
        first = date(year, int(month), 1)  # ValueError for a month that is not one
        last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        return (last if end else first).isoformat()
    return date(year, int(month), int(day)).isoformat()


def filters_to_query(f: Filters) -> dict[str, str | list[str]]:
    """URL query parameters for ``f``; defaults are left out so that URLs stay short.

    >>> filters_to_query(Filters(countries=("CHN", "RUS"), search="oil"))
    {'countries': ['CHN', 'RUS'], 'search': 'oil'}
    """
    out: dict[str, str | list[str]] = {}
    for name in _LIST_FIELDS:
        if getattr(f, name):
            out[name] = list(getattr(f, name))
    for name in _TEXT_FIELDS:
        value = getattr(f, name)
        if value and value != getattr(_NO_FILTERS, name):
            out[name] = value
    return out


def keep_in_query(params: MutableMapping[str, Any], f: Filters) -> None:
    """Write ``f`` into URL query parameters, leaving every other parameter (the open view) alone.

    >>> params = {"view": "Claims", "search": "oil", "kinds": ["money"]}
    >>> keep_in_query(params, Filters(kinds=("percent",)))
    >>> params
    {'view': 'Claims', 'kinds': ['percent']}
    """
    wanted = filters_to_query(f)
    for name in (*_LIST_FIELDS, *_TEXT_FIELDS):
        if name in wanted:
            params[name] = wanted[name]
        elif name in params:
            del params[name]


def filters_from_query(params: Mapping[str, str | list[str]]) -> Filters:
    """The filters a URL names; unknown parameters are ignored.

    >>> f = filters_from_query({"countries": ["CHN", "RUS"], "precision": "approx", "bogus": "1"})
    >>> f.countries, f.precision, f.docs
    (('CHN', 'RUS'), 'approx', ())
    """
    values: dict[str, Any] = {}
    known = {f.name for f in fields(Filters)}
    for name, raw in params.items():
        if name not in known:
            continue
        if name in _LIST_FIELDS:
            values[name] = tuple(raw) if isinstance(raw, list) else tuple(v for v in str(raw).split(",") if v)
        else:
            values[name] = raw[-1] if isinstance(raw, list) else str(raw)
    if values.get("precision") not in (None, *PRECISIONS):
        values["precision"] = "all"
    return Filters(**values)


# How each filter is named where people read it (source lines, reports, the line above the views).
_NAMES = {"docs": "documents", "kinds": "kind", "units": "unit", "roles": "role", "exporters": "exporter",
          "importers": "importer", "countries": "countries", "period_from": "from", "period_to": "to",
          "precision": "figures", "search": "sentences with"}  # fmt: skip
_PRECISION_TEXT = {"exact": "exact only", "approx": "approximate and bounds"}


def describe(f: Filters, name_of: Callable[[str], str] | None = None) -> str:
    """A one-line description of the filters, for chart source lines and reports; ``name_of``
    names a country code (codes as they are without it).

    >>> describe(Filters(countries=("CHN",), precision="exact", period_from="2023", search="oil"))
    'countries: CHN; from 2023; figures: exact only; sentences with “oil”'
    >>> describe(Filters(countries=("CHN",)), {"CHN": "China"}.get)
    'countries: China'
    >>> describe(Filters())
    'all figures'
    """
    country = name_of or str
    parts = []
    for name in _LIST_FIELDS:
        values = getattr(f, name)
        if values:
            shown = [country(v) or v for v in values] if name in ("exporters", "importers", "countries") else values
            parts.append(f"{_NAMES[name]}: {', '.join(shown)}")
    for name in ("period_from", "period_to"):
        if getattr(f, name) and not period_problem(getattr(f, name)):
            parts.append(f"{_NAMES[name]} {getattr(f, name).strip()}")
    if f.precision != "all":
        parts.append(f"figures: {_PRECISION_TEXT.get(f.precision, f.precision)}")
    if f.search.strip():
        parts.append(f"sentences with “{f.search.strip()}”")
    return "; ".join(parts) or "all figures"
