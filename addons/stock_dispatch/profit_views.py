"""The profit page: billed sales against cost by product, customer, salesperson, region or month."""
from __future__ import annotations

from flask import render_template, request
from flask_babel import gettext as _

from addons.stock_dispatch.profit import DIMENSIONS, report
from addons.stock_dispatch.views import bp
from core import charts
from core.clock import plant_today
from core.params import date_range
from core.security import current_plant, requires


def _range():
    today = plant_today(current_plant())
    return date_range(today.replace(month=1, day=1), today)


@bp.route("/profit/chart.svg")
@requires("stock_dispatch.profit")
def profit_chart():
    first, last = _range()
    rows, _total = report(current_plant().id, "month", first, last)
    return charts.svg_response(charts.bars(_("Profit by month"), [r.label for r in rows], [
        (_("Sales"), [r.sales for r in rows]), (_("Cost"), [r.cost for r in rows]),
        (_("Profit"), [r.profit for r in rows])]))


@bp.route("/profit")
@requires("stock_dispatch.profit")
def profit_page():
    plant = current_plant()
    first, last = _range()
    by = request.args.get("by", "product")
    by = by if by in DIMENSIONS else "product"
    rows, total = report(plant.id, by, first, last)
    if request.args.get("export") == "xlsx":
        from core.excel.xlsx import table_download
        return table_download(_("Profit"), [str(DIMENSIONS[by]), _("Quantity"), _("Weight (kg)"), _("Sales"), _("Cost"),
                                            _("Profit"), _("Margin")],
                              [[r.label, r.quantity, r.weight, r.sales, r.cost, r.profit, r.margin]
                               for r in [*rows, total]],
                              f"profit-{by}-{first.isoformat()}-{last.isoformat()}.xlsx")
    return render_template("stock_dispatch/profit.html", rows=rows, total=total, by=by, dims=DIMENSIONS,
                           first=first, last=last)
