"""Charts as SVG drawn on the server with pygal, labelled in the reader's language, loading nothing."""
from __future__ import annotations

import re

import pygal
from pygal.style import Style

STYLE = Style(background="white", plot_background="white", font_family="'WenQuanYi Micro Hei', 'Noto Sans CJK SC', sans-serif",
              colors=("#0d6efd", "#198754", "#fd7e14", "#6f42c1", "#dc3545", "#20c997", "#6c757d"))


def _config(title):
    # js=[]: pygal would otherwise point the SVG at a tooltip script on the internet
    return {"title": str(title), "style": STYLE, "js": [], "width": 900, "height": 380, "show_legend": True,
            "legend_at_bottom": True, "print_values": False, "disable_xml_declaration": True}


def _clean(svg: str) -> str:
    """Drop pygal's inline configuration script: the chart is shown as an image and runs nothing."""
    return re.sub(r"<script[^>]*>.*?</script>", "", svg, flags=re.S)


def _over_time(kind, title, labels, named_series) -> str:
    chart = kind(**_config(title))
    chart.x_labels = labels
    for name, values in named_series:
        chart.add(str(name), [float(v) if v is not None else None for v in values])
    return _clean(chart.render(is_unicode=True))


def bars(title, labels, named_series) -> str:
    return _over_time(pygal.Bar, title, labels, named_series)


def lines(title, labels, named_series) -> str:
    return _over_time(pygal.Line, title, labels, named_series)


def share(title, parts) -> str:
    chart = pygal.Pie(inner_radius=0.4, **_config(title))
    for name, value in parts:
        chart.add(str(name), float(value))
    return _clean(chart.render(is_unicode=True))


def svg_response(markup):
    from flask import Response
    response = Response(markup, mimetype="image/svg+xml")
    # the chart's own styles are inline; nothing in it runs or loads
    response.headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    return response
