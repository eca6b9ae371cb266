"""Claims: the same figure told by several documents, and where the documents disagree.

A *subject* is what a figure is about: its measure (normalised: "Exports" and "exports" are one),
its flow (exporter → importer, or else the countries its sentence names), its period (ISO bounds,
so "2023" and "last year" in a 2024 article are one), its unit class (US dollars for money with a
rate, else the unit) and its role (level, change or share; a change down counts negative).

A *claim* is the figures of one subject whose values lie within a relative tolerance of each other
(sorted by value, a gap wider than the tolerance starts another claim). The sources *disagree*
where a subject holds more than one claim, or where one claim's values spread wider than the
tolerance; such claims are flagged ``disputed``. A claim told by two documents or more, alone on its
subject, is ``agreed``; one told by one document is ``single source``.

Only figures with a measure, a dated period and a place (a flow or a country named) enter claims:
"exports rose 5% in 2023" in two articles about two countries is not one claim. Restatements
("(835 million euros)") are left out: the figure they restate stands for them.

The SQL here is run by :meth:`Source.claims <dashboard_lib.source.Source.claims>` over the view of
the current filters.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

import pandas as pd

DEFAULT_TOLERANCE = 0.02  # 2%: "$240.1 billion" and "about $240bn" agree, $240bn and $230bn do not
STATUSES = ("disputed", "agreed", "single source")

# Leading words that do not change what a figure measures ("total exports" are exports). Our own
# list, from the measures the extractor writes on the development corpus; any order.
_DROPPED_WORDS = frozenset(
    ("the", "a", "an", "its", "their", "his", "her", "our", "total", "overall", "bilateral", "annual",
     "two-way", "combined", "mutual", "aggregate")
)  # fmt: skip

# Whole measures (after the rules below) that name the same thing. Our own list; by target.
_SYNONYMS = {
    "trade turnover": "trade",
    "trade volume": "trade",
    "trade value": "trade",
    "foreign trade": "trade",
    "industrial output": "industrial production",
}

# Heads of "X of Y" that read as "Y X" ("exports of oil" = "oil exports"). Our own list; any order.
_OF_HEADS = frozenset(("export", "import", "shipment", "sale", "production", "output", "trade", "purchase", "supply"))

_SPACES = re.compile(r"\s+")
_EDGE_PUNCTUATION = re.compile(r"^[\W_]+|[\W_]+$")
_WORD_OF_REST = re.compile(
    r"""^(?P<head>\S+)   # one word: "exports"
        \s+of\s+         # "of"
        (?P<rest>.+)$    # what it is of: "crude oil"
    """,
    re.VERBOSE,
)


def singular(word: str) -> str:
    """A plural noun's singular, by the regular rules only (enough to tell "exports" from "export").

    >>> [singular(w) for w in ("exports", "economies", "sales", "gas", "business", "status", "crisis")]
    ['export', 'economy', 'sale', 'gas', 'business', 'status', 'crisis']
    """
    if len(word) <= 3 or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") else word


def without_leading_words(words: list[str]) -> list[str]:
    """The words of a measure without the leading ones that do not change it.

    >>> without_leading_words(["the", "total", "exports"]), without_leading_words(["total"])
    (['exports'], ['total'])
    """
    start = 0
    while start < len(words) - 1 and words[start] in _DROPPED_WORDS:
        start += 1
    return words[start:]


def of_phrase_turned(measure: str) -> str:
    """ "exports of crude oil" as "crude oil export"; other phrases unchanged.

    >>> of_phrase_turned("export of crude oil"), of_phrase_turned("terms of trade")
    ('crude oil export', 'terms of trade')
    """
    match = _WORD_OF_REST.match(measure)
    if match and singular(match["head"]) in _OF_HEADS:
        return f"{match['rest']} {singular(match['head'])}"
    return measure


def normalise_measure(measure: str) -> str:
    """The measure as a claim compares it: lower case, leading articles and "total" dropped, the
    last word singular, "X of Y" turned, synonyms merged; empty stays empty.

    >>> [normalise_measure(m) for m in ("Exports", "the total exports", "Exports of crude oil", "Trade turnover", "")]
    ['export', 'export', 'crude oil export', 'trade', '']
    """
    text = _EDGE_PUNCTUATION.sub("", _SPACES.sub(" ", measure.lower()))
    words = without_leading_words(text.split(" ")) if text else []
    if not words:
        return ""
    text = of_phrase_turned(" ".join([*words[:-1], singular(words[-1])]))
    return _SYNONYMS.get(text, text)


def period_label(start: str, end: str) -> str:
    """A period's ISO bounds as people write them.

    >>> period_label("2023-01-01", "2023-12-31"), period_label("2021-01-01", "2023-12-31")
    ('2023', '2021–2023')
    >>> period_label("2023-07-01", "2023-09-30"), period_label("2024-03-01", "2024-03-31")
    ('2023 Q3', '2024-03')
    >>> period_label("2024-03-05", "2024-03-05"), period_label("2024-03-05", "2024-04-02")
    ('2024-03-05', '2024-03-05 – 2024-04-02')
    """
    try:
        first, last = date.fromisoformat(start), date.fromisoformat(end)
    except ValueError:
        return f"{start} – {end}".strip(" –")
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31):
        return str(first.year) if first.year == last.year else f"{first.year}–{last.year}"
    if first.year == last.year and first.day == 1 and _is_month_end(last):
        if first.month == last.month:
            return f"{first.year}-{first.month:02d}"
        if last.month - first.month == 2 and first.month % 3 == 1:
            return f"{first.year} Q{first.month // 3 + 1}"
    return start if start == end else f"{start} – {end}"


def _is_month_end(day: date) -> bool:
    return day.month != date.fromordinal(day.toordinal() + 1).month


def subject_of(claim: pd.Series, columns: Sequence[str]) -> tuple[tuple[str, str], ...]:
    """The claim's values of ``columns`` (SUBJECT, or SERIES for the same subject over time), as
    a hashable key that :meth:`Source.claim_members <dashboard_lib.source.Source.claim_members>` takes.

    >>> subject_of(pd.Series({"measure_key": "trade", "flow": "CHN–RUS", "period_start": "2023-01-01"}), ["measure_key", "flow"])
    (('measure_key', 'trade'), ('flow', 'CHN–RUS'))
    """
    return tuple((column, str(claim[column])) for column in columns)


def claims_summary(claims: pd.DataFrame, tolerance: float) -> str:
    """What the claims of a view are, in a sentence, and what a claim is.

    >>> claims_summary(pd.DataFrame({"status": ["agreed", "disputed", "disputed"], "figures": [3, 1, 2]}), 0.02)[:56]
    '3 claims from 6 figures: 2 disputed, 1 agreed, 0 single '
    """
    by_status = claims["status"].value_counts()
    return (
        f"{len(claims):,} claims from {int(claims['figures'].sum()):,} figures: "
        + ", ".join(f"{int(by_status.get(s, 0)):,} {s}" for s in STATUSES)
        + ". A claim is the figures with the same measure, flow or countries, period, unit and role whose values lie "
        f"within {tolerance:.1%} of each other; disputed: the subject has several claims, or one claim spreads wider. "
        "Figures without a measure, a dated period or a country do not enter claims."
    )


# --- SQL ---------------------------------------------------------------------------------------------

SUBJECT = ("measure_key", "flow", "period_start", "period_end", "unit_class", "role_key")
SERIES = ("measure_key", "flow", "unit_class", "role_key")  # a subject without its period: one line over time
_SUBJECT_SQL = ", ".join(SUBJECT)

# Columns a figure gets as it enters claims. Flow: exporter → importer when the sentence states it,
# else the countries named, sorted ("CHN–RUS" for "China–Russia trade" and "trade between Russia
# and China" alike). Money with a US-dollar value compares in US dollars, so restatements in
# another currency in other articles meet; a change down counts negative.
_ENTERING = """
    CASE WHEN e.exporter <> '' OR e.importer <> ''
         THEN (CASE WHEN e.exporter = '' THEN '?' ELSE e.exporter END) || ' → '
              || (CASE WHEN e.importer = '' THEN '?' ELSE e.importer END)
         ELSE p.parties
    END AS flow,
    CASE WHEN e.kind = 'money' AND e.value_usd IS NOT NULL THEN 'USD'
         WHEN e.unit <> '' THEN e.unit ELSE e.kind END AS unit_class,
    CASE WHEN e.role IN ('change', 'share') THEN e.role ELSE 'level' END AS role_key,
    (CASE WHEN e.kind = 'money' AND e.value_usd IS NOT NULL THEN e.value_usd ELSE e.value END)
        * (CASE WHEN e.role = 'change' AND e.direction = 'down' THEN -1 ELSE 1 END) AS amount"""

# The first figure of a claim: the earliest document date (undated last), then the figure id.
_FIRST = "coalesce(date, '9999-12-31') || ' ' || figure_id"


def _members(view_condition: str, early: str = "TRUE", late: str = "TRUE") -> str:
    """The CTEs that end in ``members``: every figure in claims with its subject, compared
    ``amount`` and ``version`` (its claim's number within the subject). Claims are cut among the
    distinct values of a subject, not its figures: a figure told by fifty articles is sorted once.
    ``early`` is a condition on the table's columns and ``measure_key``, ``late`` on the others."""
    return f"""
WITH v AS (SELECT * FROM figures WHERE {view_condition}),
eligible AS (
    SELECT v.*, k.measure_key FROM v JOIN measure_keys k ON k.measure = v.measure
    WHERE v.same_as = '' AND v.period_start <> '' AND v.period_end <> '' AND k.measure_key <> '' AND v.value IS NOT NULL
      AND {early}
),
parties AS (  -- each distinct list of countries once
    SELECT countries,
           array_to_string(list_sort(list_distinct(list_filter(string_split(countries, ';'), lambda c: c <> ''))), '–') AS parties
    FROM (SELECT DISTINCT countries FROM eligible)
),
entering AS (
    SELECT e.*, nullif(d.date, '') AS date, {_ENTERING}
    FROM eligible e JOIN parties p ON p.countries = e.countries LEFT JOIN documents d ON d.doc_id = e.doc_id
),
placed AS (SELECT * FROM entering WHERE flow <> '' AND {late}),
distinct_values AS (SELECT DISTINCT {_SUBJECT_SQL}, amount FROM placed),
gaps AS (
    SELECT *, coalesce(abs(amount - lag(amount) OVER w) > ? * greatest(abs(amount), abs(lag(amount) OVER w)), true)::INT
              AS opens
    FROM distinct_values WINDOW w AS (PARTITION BY {_SUBJECT_SQL} ORDER BY amount)
),
versions AS (
    SELECT *, sum(opens) OVER (PARTITION BY {_SUBJECT_SQL} ORDER BY amount ROWS UNBOUNDED PRECEDING) AS version FROM gaps
),
members AS (SELECT placed.*, versions.version FROM placed JOIN versions USING ({_SUBJECT_SQL}, amount))"""


_EARLY = ("measure_key", "period_start", "period_end")  # known before a figure's flow and unit class


def members_sql(view_condition: str, columns: Sequence[str] = ()) -> tuple[str, list[str]]:
    """SQL of every figure in claims under ``view_condition`` (the filters) whose subject has the
    given values of ``columns`` (some of SUBJECT), each with its subject, compared ``amount``,
    ``version`` and ``claim_id`` (the id of the claim's first figure: earliest document date,
    then figure id); and the order in which the columns' values are passed.

    Parameters, in order: those of ``view_condition``, the columns' values in the order returned,
    then the tolerance. Needs the tables ``measure_keys(measure, measure_key)`` and
    ``documents(doc_id, date)``.

    >>> members_sql("TRUE", ["flow", "measure_key"])[1]
    ['measure_key', 'flow']
    """
    unknown = set(columns) - set(SUBJECT)
    if unknown:
        raise ValueError(f"not subject columns: {', '.join(sorted(unknown))}")
    early = [c for c in SUBJECT if c in columns and c in _EARLY]
    late = [c for c in SUBJECT if c in columns and c not in _EARLY]
    early_sql = " AND ".join(f"{'k' if c == 'measure_key' else 'v'}.{c} = ?" for c in early) or "TRUE"
    late_sql = " AND ".join(f"{c} = ?" for c in late) or "TRUE"
    sql = f"""{_members(view_condition, early_sql, late_sql)},
firsts AS (SELECT {_SUBJECT_SQL}, version, arg_min(figure_id, {_FIRST}) AS claim_id FROM members GROUP BY ALL)
SELECT members.*, firsts.claim_id FROM members JOIN firsts USING ({_SUBJECT_SQL}, version)"""
    return sql, early + late


def claims_sql(view_condition: str) -> str:
    """SQL of the claims under ``view_condition``: one row each, most documents first. A claim's
    measure and period are worded as its first source wrote them.

    Parameters: those of ``view_condition``, the tolerance, the tolerance again (the status).
    """
    return f"""{_members(view_condition)},
grouped AS (
    SELECT arg_min(figure_id, {_FIRST}) AS claim_id, {_SUBJECT_SQL},
           arg_min(measure, {_FIRST}) AS measure, arg_min(period, {_FIRST}) AS period,
           median(amount) AS value, min(amount) AS low, max(amount) AS high,
           count(DISTINCT doc_id) AS documents, count(*) AS figures,
           min(date) AS first_date, arg_min(doc_id, date) AS first_doc,
           count(*) OVER (PARTITION BY {_SUBJECT_SQL}) AS versions
    FROM members GROUP BY {_SUBJECT_SQL}, version
)
SELECT *,
       CASE WHEN versions > 1 OR high - low > ? * greatest(abs(high), abs(low)) THEN 'disputed'
            WHEN documents > 1 THEN 'agreed' ELSE 'single source' END AS status
FROM grouped
ORDER BY documents DESC, figures DESC, first_date NULLS LAST, claim_id"""
