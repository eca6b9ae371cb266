"""The Table view's rows as people read them: what each figure measures first (measure, flow,
period, value, value in US dollars), then the figure as written, its sentence and its document;
numbers written out (``$900 million``), countries by name, nothing shown as "None".

The rows stay in the page's order, so that a row picked in the view is the page's row.
"""

from __future__ import annotations

import pandas as pd

from dashboard_lib.labels import amount_text, document_text, flow_text

# The columns of the Table view, in order.
TABLE_COLUMNS = ("measure", "flow", "period", "value", "in US dollars", "role", "kind", "figure", "sentence", "document")
_MARKS = {"approx": "~", "more_than": ">", "at_least": "\u2265", "less_than": "<", "at_most": "\u2264"}


def table_view(rows: pd.DataFrame) -> pd.DataFrame:
    """A page of figures as the Table view shows it.

    >>> rows = pd.DataFrame({"measure": ["exports"], "exporter": ["CHN"], "importer": ["RUS"], "period": ["2023"],
    ...     "value": [9e8], "value_low": [9e8], "value_high": [9e8], "unit": ["USD"], "qualifier": ["approx"],
    ...     "value_usd": [9e8], "role": ["level"], "kind": ["money"], "surface": ["900 million dollars"],
    ...     "sentence": ["…"], "doc_id": ["d1"], "title": [""], "url": [""], "date": ["2024-05-06"]})
    >>> table_view(rows).iloc[0].to_dict()  # doctest: +NORMALIZE_WHITESPACE
    {'measure': 'exports', 'flow': 'China → Russia', 'period': '2023', 'value': '~$900 million',
     'in US dollars': '$900 million', 'role': 'level', 'kind': 'money', 'figure': '900 million dollars',
     'sentence': '…', 'document': 'd1, 2024-05-06'}
    """

    def text(column: str) -> list[str]:
        return ["" if pd.isna(v) else str(v) for v in rows[column]] if column in rows else [""] * len(rows)

    values = []
    for value, low, high, unit, qualifier in zip(
        rows["value"], rows["value_low"], rows["value_high"], rows["unit"], rows["qualifier"], strict=True
    ):
        if pd.isna(value):
            values.append("")
        elif qualifier == "range" and pd.notna(low) and pd.notna(high):
            values.append(f"{amount_text(float(low), str(unit))} to {amount_text(float(high), str(unit))}")
        else:
            values.append(f"{_MARKS.get(str(qualifier), '')}{amount_text(float(value), str(unit))}")
    usd = ["" if pd.isna(v) else amount_text(float(v), "USD") for v in rows["value_usd"]]
    return pd.DataFrame(
        {
            "measure": text("measure"),
            "flow": [flow_text(e, i) for e, i in zip(text("exporter"), text("importer"), strict=True)],
            "period": text("period"),
            "value": values,
            "in US dollars": usd,
            "role": text("role"),
            "kind": text("kind"),
            "figure": text("surface"),
            "sentence": text("sentence"),
            "document": [document_text(*d) for d in zip(text("doc_id"), text("title"), text("url"), text("date"), strict=True)],
        },
        columns=list(TABLE_COLUMNS),
    )
