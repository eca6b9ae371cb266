"""HTML from templates that escape by default: every value a template or :func:`plain` is given is
escaped unless it is already :class:`~markupsafe.Markup` (HTML we made). Everything the dashboard
writes as HTML goes through here: highlights, selections, claim sources, chart exports, the report,
and the texts Plotly renders as HTML (hover labels, axis and bar labels, legend and node names,
titles and notes).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

TEMPLATES = Path(__file__).resolve().parent / "templates"


def breaks(text: object) -> Markup:
    """Escaped text with its line breaks kept as ``<br>``.

    >>> breaks("a < b\\nc")
    Markup('a &lt; b<br>c')
    """
    return Markup("<br>").join(escape(line) for line in str(text).split("\n"))


def wrapped(text: object, width: int = 90) -> Markup:
    """Escaped text wrapped at spaces into lines of about ``width`` characters, joined by ``<br>``
    (Plotly's hover labels do not wrap by themselves; a word longer than a line keeps its line).

    >>> wrapped("<script>alert(1)</script> and then exports rose 5%", 30)
    Markup('&lt;script&gt;alert(1)&lt;/script&gt; and<br>then exports rose 5%')
    """
    lines, line = [], ""
    for word in str(text).split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return Markup("<br>").join(escape(line) for line in lines)


def plain(text: object) -> str:
    """A text for a Plotly property that renders HTML (labels, names, titles): escaped.

    >>> plain('<img src=x onerror="y()">'), plain("S&P 500")
    ('&lt;img src=x onerror=&#34;y()&#34;&gt;', 'S&amp;P 500')
    """
    return str(escape(text))


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,  # every template, whatever its name
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["breaks"] = breaks
    env.filters["wrapped"] = wrapped
    return env


def render(name: str, **context: Any) -> str:
    """The template ``name`` (in ``dashboard_lib/templates``) rendered with ``context``, escaped."""
    return environment().get_template(name).render(**context).strip()
