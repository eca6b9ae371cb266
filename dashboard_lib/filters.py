"""The sidebar's filters: what they hold, their URL form, their description, and their one meaning
as a SQL condition (applied by :class:`~dashboard_lib.source.Source` to any table)."""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass, fields
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
    if f.period_from:
        parts.append("period_end >= ?")
        params.append(period_bound(f.period_from, end=False))
    if f.period_to:
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


def period_bound(value: str, *, end: bool) -> str:
    """A year or date as an ISO date bound.

    >>> period_bound("2023", end=False), period_bound("2023", end=True), period_bound("2023-06-30", end=True)
    ('2023-01-01', '2023-12-31', '2023-06-30')
    """
    value = value.strip()
    if len(value) == 4 and value.isdigit():
        return f"{value}-12-31" if end else f"{value}-01-01"
    return value


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


def describe(f: Filters) -> str:
    """A one-line description of the filters, for chart source lines and reports.

    >>> describe(Filters(countries=("CHN",), precision="exact"))
    'countries: CHN; precision: exact'
    >>> describe(Filters())
    'all figures'
    """
    parts = [f"{name}: {', '.join(getattr(f, name))}" for name in _LIST_FIELDS if getattr(f, name)]
    parts += [f"{name}: {getattr(f, name)}" for name in _TEXT_FIELDS if getattr(f, name) and getattr(f, name) != "all"]
    return "; ".join(parts) or "all figures"
