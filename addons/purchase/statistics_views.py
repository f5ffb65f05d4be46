"""The purchase statistics page, its chart and its Excel export."""
from __future__ import annotations

from flask import render_template, request
from flask_babel import gettext as _

from addons.purchase.statistics import DIMENSIONS, PERIODS, purchases
from addons.purchase.views import bp
from core import charts
from core.clock import plant_today
from core.params import date_range
from core.security import current_plant, requires


def _args():
    today = plant_today(current_plant())
    first, last = date_range(today.replace(month=1, day=1), today)
    period = request.args.get("period", "month")
    by = request.args.get("by", "none")
    return first, last, period if period in PERIODS else "month", by if by in DIMENSIONS else "none"


@bp.route("/statistics")
@requires("purchase.statistics")
def statistics_page():
    first, last, period, by = _args()
    rows = purchases(current_plant().id, first, last, period, by)
    if request.args.get("export") == "xlsx":
        from core.excel.xlsx import table_download
        return table_download(_("Purchases"), [str(PERIODS[period]), str(DIMENSIONS[by]), _("Quantity"),
                                               _("Weight (kg)"), _("Amount"), _("Sent back"), _("Net")],
                              [[r["period"], r["label"], r["quantity"], r["weight"], r["amount"], r["returned"],
                                r["net"]] for r in rows], f"purchases-{period}-{first.isoformat()}-{last.isoformat()}.xlsx")
    return render_template("purchase/statistics.html", rows=rows, first=first, last=last, period=period, by=by,
                           periods=PERIODS, dims=DIMENSIONS, total=sum((r["net"] for r in rows), 0))


@bp.route("/statistics/chart.svg")
@requires("purchase.statistics")
def statistics_chart():
    first, last, period, _by = _args()
    rows = purchases(current_plant().id, first, last, period, "none")
    return charts.svg_response(charts.bars(_("Purchases by %(period)s", period=str(PERIODS[period]).lower()),
                                           [r["period"] for r in rows],
                                           [(_("Net"), [r["net"] for r in rows]), (_("Sent back"),
                                                                                   [r["returned"] for r in rows])]))
