"""The in/out summary page per product and period, and its Excel export."""
from __future__ import annotations

from flask import render_template, request
from flask_babel import gettext as _

from addons.stock.summary import COLUMNS, summary
from addons.stock.views import bp
from core.clock import plant_today
from core.params import date_range
from core.security import current_plant, requires


@bp.route("/summary")
@requires("stock.move.read")
def summary_page():
    today = plant_today(current_plant())
    first, last = date_range(today.replace(day=1), today)
    rows = summary(current_plant().id, first, last)
    if request.args.get("export") == "xlsx":
        from core.excel.xlsx import table_download
        header = [_("Product code"), _("Product")]
        pieces, value = _("pieces"), _("value at cost")
        for label in COLUMNS.values():
            header += [f"{label} · {pieces}", f"{label} · kg", f"{label} · {value}"]
        return table_download(_("In and out"), header,
                              [[p.code, p.name, *[v for c in COLUMNS for v in row[c]]] for p, row in rows],
                              f"stock-in-out-{first.isoformat()}-{last.isoformat()}.xlsx")
    return render_template("stock/summary.html", rows=rows, columns=COLUMNS, first=first, last=last)
