"""Exports for reports: PNG and SVG (Plotly + Kaleido with the system Chromium), self-contained
HTML, an iframe embed snippet, and a one-file HTML report of the view (charts, claims, figures).
All HTML comes from templates that escape by default (:mod:`dashboard_lib.templates`).
"""

from __future__ import annotations

import os
import shutil
import zlib
from collections.abc import Sequence
from functools import cache

import pandas as pd
import plotly.io as pio
from markupsafe import Markup

from dashboard_lib.charts import SELECTIONS, Chart, amounts_chart, compact, flows_chart, mark, rates_chart, timeline_chart
from dashboard_lib.claims import SUBJECT, period_label
from dashboard_lib.filters import Filters, describe
from dashboard_lib.labels import TOOL, amount_text, country_name, document_text, flow_text, names_in
from dashboard_lib.marks import highlight_in_sentence, sources_html
from dashboard_lib.source import Source
from dashboard_lib.templates import plain, render

# Executable names Kaleido's browser finder looks for, in its order.
_BROWSER_NAMES = ("chromium", "chromium-browser", "chrome", "google-chrome", "google-chrome-stable")
IMAGE_WIDTH, IMAGE_HEIGHT = 1100, 650
REPORT_FIGURES = 2_000  # figures listed in a report; a bigger view is summarised by its charts
REPORT_CLAIMS = 200
# How every chart is shown, in the app and in its HTML exports: resized with its frame, no mode
# bar over the title (the app and the files have their own download buttons), no logo.
PLOTLY_CONFIG = {"responsive": True, "displayModeBar": False, "displaylogo": False}


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


def image_bytes(chart: Chart, fmt: str, width: int = IMAGE_WIDTH) -> bytes:
    """The chart as PNG or SVG, ``width`` pixels wide, with its title, labels, source line and
    notes drawn in, exactly as the app lays it out."""
    if fmt not in ("png", "svg"):
        raise ValueError(f"unknown image format {fmt!r}")
    browser = find_browser()
    if browser is None:
        raise ExportUnavailable("PNG and SVG export needs Chromium or Chrome (e.g. apt-get install chromium)")
    os.environ.setdefault("BROWSER_PATH", browser)
    height = int(chart.figure.layout.height or IMAGE_HEIGHT)  # the chart's own: every row keeps its room
    image = pio.to_image(chart.figure, format=fmt, width=width, height=height)
    return with_svg_description(image, chart) if fmt == "svg" else with_png_description(image, chart)


def with_svg_description(svg: bytes, chart: Chart) -> bytes:
    """The SVG with the chart's title and alternative text as its <title> and <desc> (read by screen readers).

    >>> import plotly.graph_objects as go
    >>> c = Chart("k", "Amounts", go.Figure(), "Bar chart <of> 2 amounts", "", pd.DataFrame())
    >>> with_svg_description(b'<svg class="main-svg" width="10"><g/></svg>', c)
    b'<svg class="main-svg" width="10" role="img"><title>Amounts</title><desc>Bar chart &lt;of&gt; 2 amounts</desc><g/></svg>'
    """
    text = svg.decode("utf-8")
    end = text.index(">", text.index("<svg"))
    head = text[:end] + ' role="img">'
    described = f"<title>{plain(chart.title)}</title><desc>{plain(chart.alt)}</desc>"
    return (head + described + text[end + 1 :]).encode("utf-8")


def with_png_description(png: bytes, chart: Chart) -> bytes:
    """The PNG with the chart's title and alternative text in iTXt chunks ("Title", "Description").

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


def _plotly_body(chart: Chart, *, with_library: bool) -> Markup:
    """Plotly's own HTML of the chart: every text in the figure was escaped when it was drawn."""
    html = pio.to_html(
        chart.figure,
        include_plotlyjs=with_library,
        full_html=False,
        config=PLOTLY_CONFIG,
        default_width="100%",
        default_height=f"{int(chart.figure.layout.height or IMAGE_HEIGHT)}px",
    )
    return Markup(html)


def chart_html(chart: Chart) -> str:
    """A self-contained HTML page of the chart (plotly.js inline: it renders offline), with its
    alternative text as the figure's accessible name and caption."""
    return render("chart_page.html", title=chart.title, chart=chart, body=_plotly_body(chart, with_library=True))


def embed_snippet(file_name: str, chart: Chart, url: str = "", size_mb: float = 4.8) -> str:
    """An iframe that embeds the exported HTML file, hosted at ``url`` (``file_name`` until one is
    given), and a small script that sets the frame's height to the chart's at every width (the
    page posts its height); a comment says what must be hosted.

    >>> import plotly.graph_objects as go
    >>> c = Chart("k", 'Amounts "USD"', go.Figure(), "alt", "", pd.DataFrame())
    >>> snippet = embed_snippet("amounts.html", c, "https://example.org/amounts.html")
    >>> snippet.splitlines()[1][:80]
    '<iframe src="https://example.org/amounts.html" title="Amounts &#34;USD&#34;" sty'
    >>> "Host amounts.html" in snippet, "postMessage" in chart_html(c)
    (True, True)
    """
    height = int(chart.figure.layout.height or IMAGE_HEIGHT) + 60  # until the page says its own
    return render("embed.html", file_name=file_name, url=url or file_name, title=chart.title, height=height,
                  size_mb=f"{size_mb:.1f}")  # fmt: skip


def claims_rows(claims: pd.DataFrame) -> list[dict[str, object]]:
    """The claims as people read them: period as written by people, values with their unit."""
    rows = []
    for c in claims.to_dict("records"):
        unit, low, high = str(c["unit_class"]), float(c["low"]), float(c["high"])
        rows.append(
            {
                "status": c["status"],
                "measure": c["measure"],
                "flow": names_in(str(c["flow"])),
                "period_text": period_label(str(c["period_start"]), str(c["period_end"])),
                "value_text": compact(float(c["value"]), unit, 4),
                "range_text": "" if low == high else f"{compact(low, unit, 4)} – {compact(high, unit, 4)}",
                "documents": c["documents"],
                "first_date": c["first_date"],
                "first_doc": c["first_doc"],
            }
        )
    return rows


def claim_html(claim: pd.Series, members: pd.DataFrame, claims: pd.DataFrame, *, chosen: bool = True) -> str:
    """One claim's sources, earliest first, each figure marked in its sentence (with its value in
    the claim's unit where it was written in another), and the other claims on its subject.

    ``members`` are :meth:`Source.claim_members` of the claim's subject; ``claims`` the view's claims.
    """
    mine = members[members["claim_id"] == claim["claim_id"]]
    same_subject = (claims[list(SUBJECT)].astype(str) == [str(claim[c]) for c in SUBJECT]).all(axis=1)
    others = claims[same_subject & (claims["claim_id"] != claim["claim_id"])]
    unit = str(claim["unit_class"])
    values = [compact(a, unit, 4) if u != unit else "" for a, u in zip(mine["amount"], mine["unit"], strict=True)]
    heading = (
        f"{'Selected' if chosen else 'First'} claim: {claim['measure']} · {names_in(str(claim['flow']))} · "
        f"{period_label(claim['period_start'], claim['period_end'])} — {claim['status']}, "
        f"{claim['documents']} document(s). Its sources, earliest first:"
    )
    return sources_html(heading, mine, values, [f"{r['value_text']} ({r['documents']} document(s))" for r in claims_rows(others)])


def report_html(
    charts: Sequence[Chart], rows: pd.DataFrame, figures: int, filters_text: str, claims: pd.DataFrame | None = None
) -> str:
    """One HTML file for the current view: every chart, the claims (the first
    :data:`REPORT_CLAIMS`), then the figures (``rows``: the first :data:`REPORT_FIGURES` of the
    ``figures`` in view) each in its sentence with the figure marked.

    plotly.js is inlined once, so the file opens offline and attaches to a report as it is.
    """
    bodies = [(chart, _plotly_body(chart, with_library=i == 0)) for i, chart in enumerate(charts)]
    shown = rows.head(REPORT_FIGURES)
    rows_note = (
        f"The first {len(shown):,} of {figures:,} figures, in table order."
        if figures > len(shown)
        else f"All {figures:,} figures."
    )
    claims_note = ""
    if claims is not None:
        claims_note = f"{len(claims):,} claims" + (
            f"; the {REPORT_CLAIMS} with most documents are listed." if len(claims) > REPORT_CLAIMS else "."
        )
    return render(
        "report.html",
        title="Trade-flow figures: report",
        tool=TOOL,
        figures=figures,
        filters_text=filters_text,
        charts=bodies,
        claims=None if claims is None else claims_rows(claims.head(REPORT_CLAIMS)),
        claims_note=claims_note,
        rows=[_report_row(r) for _, r in shown.iterrows()],
        rows_note=rows_note,
    )


def view_report(source: Source, f: Filters, tolerance: float) -> str:
    """The report of the view under ``f``: its four charts, its claims, its first figures."""
    view, text = source.view(f, SELECTIONS), describe(f, country_name)
    drawn = [
        amounts_chart(view, filters_text=text),
        rates_chart(view, filters_text=text),
        flows_chart(view, filters_text=text),
        timeline_chart(view, filters_text=text),
    ]
    return report_html(drawn, source.page(f, 0, REPORT_FIGURES), view.summary.figures, text, source.claims(f, tolerance))


def _report_row(r: pd.Series) -> dict[str, object]:
    value = f"{mark(str(r['qualifier']))}{amount_text(float(r['value']), str(r['unit']))}"
    if str(r["unit"]).partition("/")[0] != "USD" and pd.notna(r["value_usd"]):
        value += f" (≈ {amount_text(float(r['value_usd']), 'USD')})"
    return {
        "doc_id": document_text(str(r["doc_id"]), str(r.get("title", "")), str(r.get("url", "")), str(r.get("date", ""))),
        "surface": r["surface"],
        "value_text": value,
        "role": r["role"],
        "flow": flow_text(str(r["exporter"]), str(r["importer"])),
        "period": r["period"],
        "sentence": highlight_in_sentence(r, outline=False),
    }
