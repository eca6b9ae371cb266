"""Exports for reports: PNG and SVG (Plotly + Kaleido with the system Chromium), self-contained
HTML, an iframe embed snippet, a one-file HTML report, and highlighted document text.
"""

from __future__ import annotations

import html
import os
import shutil
import zlib
from collections.abc import Sequence
from functools import cache

import pandas as pd
import plotly.io as pio

from dashboard_lib.charts import TOOL, Chart

# Executable names Kaleido's browser finder looks for, in its order.
_BROWSER_NAMES = ("chromium", "chromium-browser", "chrome", "google-chrome", "google-chrome-stable")
IMAGE_WIDTH, IMAGE_HEIGHT = 1100, 650
# One colour per kind in the document view (same palette as the charts).
KIND_COLOURS = {
    "money": "#0072B2",
    "percent": "#E69F00",
    "percentage_point": "#D55E00",
    "count": "#009E73",
    "ratio": "#CC79A7",
    "duration": "#56B4E9",
}
OTHER_COLOUR = "#999999"


class ExportUnavailable(RuntimeError):
    """Raised when no browser is installed for image export."""


@cache
def find_browser() -> str | None:
    """The Chromium or Chrome that Kaleido would use, or None. Checked before Kaleido starts,
    since Kaleido waits a long time for a browser that is not there."""
    configured = os.environ.get("BROWSER_PATH")
    if configured and os.access(configured, os.X_OK):
        return configured
    for name in _BROWSER_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def image_bytes(chart: Chart, fmt: str) -> bytes:
    """The chart as PNG or SVG, with its title, source line and notes drawn in."""
    if fmt not in ("png", "svg"):
        raise ValueError(f"unknown image format {fmt!r}")
    browser = find_browser()
    if browser is None:
        raise ExportUnavailable("PNG and SVG export needs Chromium or Chrome (e.g. apt-get install chromium)")
    os.environ.setdefault("BROWSER_PATH", browser)
    height = max(IMAGE_HEIGHT, int(chart.figure.layout.height or 0))
    image = pio.to_image(chart.figure, format=fmt, width=IMAGE_WIDTH, height=height)
    return with_svg_description(image, chart) if fmt == "svg" else with_png_description(image, chart)


def with_svg_description(svg: bytes, chart: Chart) -> bytes:
    """The SVG with the chart's title and alternative text as its <title> and <desc> (read by screen readers).

    >>> from dashboard_lib.charts import Chart
    >>> import plotly.graph_objects as go
    >>> c = Chart("k", "Amounts", go.Figure(), "Bar chart <of> 2 amounts", "", pd.DataFrame())
    >>> with_svg_description(b'<svg class="main-svg" width="10"><g/></svg>', c)
    b'<svg class="main-svg" width="10" role="img"><title>Amounts</title><desc>Bar chart &lt;of&gt; 2 amounts</desc><g/></svg>'
    """
    text = svg.decode("utf-8")
    end = text.index(">", text.index("<svg"))
    head = text[:end] + ' role="img">'
    described = f"<title>{html.escape(chart.title)}</title><desc>{html.escape(chart.alt)}</desc>"
    return (head + described + text[end + 1 :]).encode("utf-8")


def with_png_description(png: bytes, chart: Chart) -> bytes:
    """The PNG with the chart's title and alternative text in iTXt chunks ("Title", "Description").

    >>> from dashboard_lib.charts import Chart
    >>> import plotly.graph_objects as go
    >>> c = Chart("k", "Amounts", go.Figure(), "Bar chart", "", pd.DataFrame())
    >>> out = with_png_description(b"\\x89PNG\\r\\n\\x1a\\n" + b"\\x00" * 25, c)
    >>> out[37:41], b"Description" in out
    (b'iTXt', True)
    """
    chunks = b"".join(_itxt(key, value) for key, value in (("Title", chart.title), ("Description", chart.alt)))
    ihdr_end = 8 + 25  # signature, then the IHDR chunk (4 length + 4 type + 13 data + 4 CRC)
    return png[:ihdr_end] + chunks + png[ihdr_end:]


def _itxt(keyword: str, text: str) -> bytes:
    """One iTXt chunk: keyword, no compression, no language tag, UTF-8 text."""
    body = keyword.encode("latin-1") + b"\x00" + b"\x00\x00" + b"\x00" + b"\x00" + text.encode("utf-8")
    return len(body).to_bytes(4, "big") + b"iTXt" + body + zlib.crc32(b"iTXt" + body).to_bytes(4, "big")


def chart_html(chart: Chart) -> str:
    """A self-contained HTML page of the chart (plotly.js inline: it renders offline), with its
    alternative text as the figure's accessible name and caption."""
    body = pio.to_html(chart.figure, include_plotlyjs=True, full_html=False, config={"displaylogo": False})
    return _page(chart.title, _figure_block(chart, body))


def embed_snippet(file_name: str, chart: Chart) -> str:
    """A responsive iframe that embeds the exported HTML file.

    >>> from dashboard_lib.charts import Chart
    >>> import plotly.graph_objects as go
    >>> c = Chart("k", 'Amounts "USD"', go.Figure(), "alt", "", pd.DataFrame())
    >>> print(embed_snippet("amounts.html", c)[:58])
    <iframe src="amounts.html" title="Amounts &quot;USD&quot;"
    """
    return (
        f'<iframe src="{html.escape(file_name)}" title="{html.escape(chart.title)}" '
        'style="width:100%;aspect-ratio:16/10;border:0" loading="lazy"></iframe>'
    )


def report_html(charts: Sequence[Chart], frame: pd.DataFrame, filters_text: str) -> str:
    """One HTML file for the current view: every chart, then the table of figures with their sentences.

    plotly.js is inlined once, so the file opens offline and attaches to a report as it is.
    """
    blocks = []
    for i, chart in enumerate(charts):
        body = pio.to_html(chart.figure, include_plotlyjs=(i == 0), full_html=False, config={"displaylogo": False})
        blocks.append(_figure_block(chart, body))
    rows = "\n".join(
        "<tr>"
        + "".join(f"<td>{html.escape(str(v))}</td>" for v in (r.doc_id, r.surface, _value_text(r), r.role, _flow(r), r.period))
        + f"<td>{html.escape(str(r.sentence))}</td></tr>"
        for r in frame.itertuples()
    )
    table = (
        "<h2>Figures</h2><table><thead><tr><th>document</th><th>figure</th><th>value</th><th>role</th>"
        f"<th>flow</th><th>period</th><th>sentence</th></tr></thead><tbody>{rows}</tbody></table>"
    )
    intro = f"<p>{len(frame)} figures. Filters: {html.escape(filters_text)}. Figures extracted from news text by {TOOL}.</p>"
    return _page("Trade-flow figures: report", intro + "".join(blocks) + table)


def _value_text(r: object) -> str:
    value, unit = getattr(r, "value"), getattr(r, "unit")  # noqa: B009 - itertuples rows
    usd = getattr(r, "value_usd")  # noqa: B009
    text = f"{value:,.6g} {unit}".strip()
    return text + (f" (≈ {usd:,.0f} USD)" if unit != "USD" and pd.notna(usd) else "")


def _flow(r: object) -> str:
    exporter, importer = getattr(r, "exporter"), getattr(r, "importer")  # noqa: B009
    return f"{exporter or '?'} → {importer or '?'}" if (exporter or importer) else ""


def _figure_block(chart: Chart, body: str) -> str:
    return (
        f'<figure role="img" aria-label="{html.escape(chart.alt)}">{body}'
        f"<figcaption>{html.escape(chart.alt)}</figcaption></figure>"
    )


def _page(title: str, body: str) -> str:
    style = (
        "body{font-family:Arial,sans-serif;margin:2em;color:#222}figure{margin:0 0 2em}"
        "figcaption{font-size:.85em;color:#555}table{border-collapse:collapse;font-size:.85em}"
        "td,th{border:1px solid #ccc;padding:4px 6px;vertical-align:top;text-align:left}"
    )
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f"<style>{style}</style></head><body><h1>{html.escape(title)}</h1>{body}</body></html>"
    )


# --- document text with figures highlighted ----------------------------------------------------


def highlight(text: str, rows: pd.DataFrame, offset: int = 0, focus: str = "") -> str:
    """``text`` as escaped HTML with each figure of ``rows`` (offsets relative to ``offset``) marked
    in its kind's colour; the figure ``focus`` (a figure_id) is outlined.

    >>> t = "<b>Exports</b> rose 5% to $2bn."
    >>> rows = pd.DataFrame({"start": [20, 26], "end": [22, 30], "kind": ["percent", "money"], "figure_id": ["a", "b"]})
    >>> highlight(t, rows).startswith("&lt;b&gt;Exports&lt;/b&gt; rose <mark")
    True
    """
    out, cursor = [], 0
    for r in rows.sort_values("start").itertuples():
        start, end = int(r.start) - offset, int(r.end) - offset
        if start < cursor or start < 0 or end > len(text):
            continue
        colour = KIND_COLOURS.get(str(r.kind), OTHER_COLOUR)
        outline = "outline:3px solid #000;" if r.figure_id == focus else ""
        out.append(html.escape(text[cursor:start]))
        out.append(
            f'<mark title="{html.escape(str(r.kind))}" style="background:{colour}33;border-bottom:3px solid {colour};{outline}">'
            f"{html.escape(text[start:end])}</mark>"
        )
        cursor = end
    out.append(html.escape(text[cursor:]))
    return "".join(out).replace("\n", "<br>")


def highlight_in_sentence(row: pd.Series) -> str:
    """The figure's sentence with the figure marked, for tables opened without their documents.

    >>> row = pd.Series({"sentence": "<i>Exports</i> rose 5%.", "surface": "5%", "kind": "percent", "figure_id": "a"})
    >>> out = highlight_in_sentence(row)
    >>> out.startswith("&lt;i&gt;Exports&lt;/i&gt; rose <mark"), out.endswith(">5%</mark>."), "outline" in out
    (True, True, True)
    """
    sentence, surface = str(row["sentence"]), str(row["surface"])
    at = sentence.find(surface)
    if at < 0:
        return html.escape(sentence)
    marked = pd.DataFrame({"start": [at], "end": [at + len(surface)], "kind": [row["kind"]], "figure_id": [row["figure_id"]]})
    return highlight(sentence, marked, focus=str(row["figure_id"]))


def selection_html(rows: pd.DataFrame) -> str:
    """The figures a chart selection picked, each with its document and sentence (escaped).

    >>> selection_html(pd.DataFrame({"surface": ["5%"], "doc_id": ["d"], "sentence": ["<b>Exports</b> rose 5%"]}))
    '<p><b>Selected figures</b></p><ul><li><b>5%</b> (d): &lt;b&gt;Exports&lt;/b&gt; rose 5%</li></ul>'
    """
    items = "".join(
        f"<li><b>{html.escape(str(r.surface))}</b> ({html.escape(str(r.doc_id))}): {html.escape(str(r.sentence))}</li>"
        for r in rows.itertuples()
    )
    return f"<p><b>Selected figures</b></p><ul>{items}</ul>"


def legend_html() -> str:
    """The colour legend of the document view."""
    items = [
        f'<span style="border-bottom:3px solid {c};background:{c}33;padding:0 4px">{html.escape(k)}</span>'
        for k, c in KIND_COLOURS.items()
    ]
    items.append(f'<span style="border-bottom:3px solid {OTHER_COLOUR};background:{OTHER_COLOUR}33;padding:0 4px">other</span>')
    return " ".join(items)


def paragraph_around(text: str, start: int, end: int) -> tuple[str, int]:
    """The paragraph (between blank lines or line breaks) that holds ``start``..``end``, and its offset.

    >>> paragraph_around("Title\\n\\nExports rose 5%. Imports fell.\\nNext", 20, 22)
    ('Exports rose 5%. Imports fell.', 7)
    """
    begin = text.rfind("\n", 0, start) + 1
    stop = text.find("\n", end)
    stop = len(text) if stop == -1 else stop
    return text[begin:stop], begin
