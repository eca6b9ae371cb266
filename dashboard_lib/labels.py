"""Texts for people: country names for the codes the table holds, numbers written as a reader
writes them (``$900 million``, ``2 years``), the source line of a chart from its documents' titles,
outlets and dates, and one colour per class of figure wherever it is drawn.

The table keeps codes and numbers; only what is shown goes through here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from urllib.parse import urlsplit

import pandas as pd

TOOL = "Trade-flow figures"

# Okabe & Ito's colour-blind-safe palette ("Color Universal Design", 2008), black left out.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#999999")
OTHER_COLOUR = PALETTE[7]

# One colour per kind of figure: its marks in sentences and its bars on the timeline.
KIND_COLOURS = {
    "money": PALETTE[0],
    "percent": PALETTE[1],
    "percentage_point": PALETTE[3],
    "count": PALETTE[2],
    "ratio": PALETTE[5],
    "duration": PALETTE[4],
}
# One colour per class of figure, the same in every view (roles of amounts, groups of rates,
# kinds on the timeline, claim statuses); a class not listed takes the grey.
CLASS_COLOURS = {
    # roles and rate groups
    "level": PALETTE[0],
    "change up": PALETTE[2],
    "change down": PALETTE[3],
    "change": PALETTE[1],
    "change ?": PALETTE[1],
    "share": PALETTE[5],
    # kinds
    **KIND_COLOURS,
    # claim statuses
    "disputed": PALETTE[3],
    "agreed": PALETTE[2],
    "single source": PALETTE[7],
}


def colour_of(name: str) -> str:
    """The fixed colour of a class of figure.

    >>> colour_of("share"), colour_of("money"), colour_of("nonesuch")
    ('#CC79A7', '#0072B2', '#999999')
    """
    return CLASS_COLOURS.get(name, OTHER_COLOUR)


@cache
def _country_names() -> dict[str, str]:
    """ISO alpha-3 code -> English short name (CLDR's, through Babel; countryinfo gives the
    alpha-2 code of each alpha-3 one)."""
    from babel import Locale
    from countryinfo import CountryInfo

    territories = Locale("en").territories
    out = {}
    for info in CountryInfo.all().values():
        iso = info.get("ISO", {})
        alpha2, alpha3 = str(iso.get("alpha2") or ""), str(iso.get("alpha3") or "")
        if alpha3 and alpha2 in territories:
            out[alpha3] = str(territories[alpha2])
    return out


def country_name(code: str) -> str:
    """The English name of an ISO alpha-3 code; the code itself when it is not one, "" for "".

    >>> country_name("CHN"), country_name("GBR"), country_name("XYZ"), country_name("")
    ('China', 'United Kingdom', 'XYZ', '')
    """
    return _country_names().get(code, code) if code else ""


def flow_text(exporter: str, importer: str) -> str:
    """A flow as people read it; an unknown side is said, not marked "?".

    >>> flow_text("CHN", "RUS"), flow_text("", "RUS"), flow_text("TUR", ""), flow_text("", "")
    ('China → Russia', 'to Russia', 'from Türkiye', '')
    """
    if exporter and importer:
        return f"{country_name(exporter)} → {country_name(importer)}"
    if importer:
        return f"to {country_name(importer)}"
    return f"from {country_name(exporter)}" if exporter else ""


# Currency signs written before the number; other currencies are written after it by code.
_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
# Units written in words, singular and plural.
_WORDS = {"year": ("year", "years"), "day": ("day", "days"), "month": ("month", "months"), "week": ("week", "weeks"),
          "unit": ("unit", "units"), "barrel": ("barrel", "barrels"), "tonne": ("tonne", "tonnes")}  # fmt: skip


def number_text(value: float, digits: int = 3) -> str:
    """A number as a reader writes it: thousands separated, scaled words from a million.

    >>> number_text(900e6), number_text(1.52e12), number_text(38_900), number_text(2.0), number_text(0.125)
    ('900 million', '1.52 trillion', '38,900', '2', '0.125')
    """
    for size, word in _SCALES:
        if abs(value) >= size:
            return f"{value / size:.{digits}g} {word}"
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    return f"{value:.{digits}g}"


def amount_text(value: float, unit: str, digits: int = 3) -> str:
    """A figure with its unit as people read it.

    >>> amount_text(900e6, "USD"), amount_text(1.52e12, "JPY"), amount_text(1.2e12, "RUB")
    ('$900 million', '¥1.52 trillion', '1.2 trillion RUB')
    >>> amount_text(64.2, "percent"), amount_text(2, "year"), amount_text(1, "year"), amount_text(3.5, "percentage_point")
    ('64.2%', '2 years', '1 year', '3.5 percentage points')
    >>> amount_text(82.5, "USD/barrel"), amount_text(169.8e9, "count", 4), amount_text(-12, "percent")
    ('$82.5 per barrel', '169.8 billion', '-12%')
    """
    if unit == "percent":
        return f"{value:.{digits}g}%"
    if unit == "percentage_point":
        return f"{value:.{digits}g} percentage point{'' if abs(value) == 1 else 's'}"
    if unit == "basis_point":
        return f"{value:.{digits}g} basis point{'' if abs(value) == 1 else 's'}"
    money, _, per = unit.partition("/")
    text = number_text(abs(value), digits)
    sign = "-" if value < 0 else ""
    if money in _SIGNS:
        out = f"{sign}{_SIGNS[money]}{text}"
    elif len(money) == 3 and money.isupper():
        out = f"{sign}{text} {money}"
    elif money in ("", "count"):
        out = f"{sign}{text}"
    else:
        singular, plural = _WORDS.get(money, (money, money))
        out = f"{sign}{text} {singular if abs(value) == 1 else plural}"
    return f"{out} per {per}" if per else out


def outlet(url: str) -> str:
    """The outlet of a document's address: its host without ``www.``.

    >>> outlet("https://www.example.com/news/1"), outlet("")
    ('example.com', '')
    """
    host = urlsplit(url).hostname or "" if url else ""
    return host.removeprefix("www.")


def document_text(doc_id: str, title: str, url: str, date: str) -> str:
    """One document in a source line: title, outlet and date when the table has them, else its id.

    >>> document_text("d1", "Exports soar", "https://www.example.com/a", "2024-05-06")
    '“Exports soar”, example.com, 2024-05-06'
    >>> document_text("d1", "", "", "2024-05-06")
    'd1, 2024-05-06'
    """
    parts = [f"“{title}”" if title else "", outlet(url)]
    named = [p for p in parts if p] or [doc_id]
    return ", ".join([*named, *([date] if date else [])])


def source_text(rows: pd.DataFrame, filters_text: str = "", shown: int = 3) -> str:
    """The source line of a chart: the documents that gave the figures drawn (``rows``), most
    figures first, then how the figures were made and the filters.

    >>> rows = pd.DataFrame({"doc_id": ["a", "a", "b"], "title": ["T", "T", ""], "url": ["", "", ""],
    ...                      "date": ["2024-01-02", "2024-01-02", ""]})
    >>> source_text(rows)
    'Source: “T”, 2024-01-02; b. Figures extracted from news text by Trade-flow figures.'
    >>> source_text(rows.iloc[:0])
    ''
    """
    if rows.empty:
        return ""
    docs = _documents(rows)
    listed = "; ".join(document_text(*d) for d in docs[:shown])
    more = len(docs) - shown
    line = f"Source: {listed}{f' and {more} more document' + ('s' if more > 1 else '') if more > 0 else ''}."
    line += f" Figures extracted from news text by {TOOL}."
    return f"{line} Filters: {filters_text}." if filters_text and filters_text != "all figures" else line


def _documents(rows: pd.DataFrame) -> list[tuple[str, str, str, str]]:
    columns = [c for c in ("doc_id", "title", "url", "date") if c in rows.columns]
    docs = rows[columns].astype(str).reindex(columns=["doc_id", "title", "url", "date"], fill_value="")
    counted = docs.value_counts(sort=False).reset_index(name="n")
    counted = counted.sort_values(["n", "doc_id"], ascending=[False, True], kind="stable").drop_duplicates("doc_id")
    return list(counted[["doc_id", "title", "url", "date"]].itertuples(index=False, name=None))


_CODE = re.compile(r"\b[A-Z]{3}\b")  # a three-letter code standing alone


def names_in(text: str) -> str:
    """A text with the country codes in it written as names (claims' flows: "CHN–RUS").

    >>> names_in("CHN–RUS"), names_in("CHN → USD")
    ('China–Russia', 'China → USD')
    """
    return _CODE.sub(lambda m: _country_names().get(m.group(0), m.group(0)), text)


def names_of(codes: Iterable[str]) -> list[str]:
    """Country names of codes, for lists shown to people.

    >>> names_of(["CHN", "RUS"])
    ['China', 'Russia']
    """
    return [country_name(c) for c in codes]
