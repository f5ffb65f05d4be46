"""Statistics screens: sales with growth, rankings and shares, targets, customers, collections, the live
board, and the charts (SVG from the server)."""
from __future__ import annotations

from decimal import Decimal

from flask import Blueprint, abort, flash, jsonify, redirect, render_template, request, url_for
from markupsafe import Markup, escape
from flask_babel import format_decimal
from flask_babel import gettext as _

from addons.statistics import board, collections_stats, customers, sales, targets
from core import charts
from addons.statistics.models.target import SalesTarget
from core.forms import Form
from core.excel.xlsx import table_download
from core.numbers import decimal_input
from core.clock import plant_today
from core.params import date_range, int_arg, month_arg, month_bounds
from core.models import User, UserPlant
from core.security import current_plant, requires
from core.currency import money
from core.i18n import number_text

bp = Blueprint("statistics", __name__, template_folder="templates")


@bp.app_template_filter("growth")
def growth_text(value):
    """A growth rate as the sales table shows it: green or red, with a per cent sign; a dash where there is no
    base to compare with. A filter, not a macro: the table has one per row and column (a Jinja macro call costs
    about ten times as much)."""
    if value is None:
        return "—"
    colour = "text-success" if value >= 0 else "text-danger"
    return Markup(f'<span class="{colour}">{escape(number_text(value))}%</span>')


def _range():
    today = plant_today(current_plant())
    return date_range(today.replace(month=1, day=1), today)


def _choice(name, options, default):
    value = request.args.get(name, default)
    return value if value in options else default


def _basis():
    return _choice("basis", sales.BASES, sales.default_basis(current_plant().id))


@bp.route("/sales")
@requires("statistics.read")
def sales_page():
    first, last = _range()
    period = _choice("period", sales.PERIODS, "month")
    by = _choice("by", sales.DIMENSIONS, "none")
    basis = _basis()
    rows = sales.series(current_plant().id, first, last, period, by, basis)
    if request.args.get("export") == "xlsx":
        return table_download(_("Sales"), [str(sales.PERIODS[period]), str(sales.DIMENSIONS[by]), _("Amount"), _("Weight (kg)"),
                                      _("Quantity"), _("Previous period"), _("Growth"), _("Same period last year"),
                                      _("Year on year")],
                         [[r["period"], r["key"], r["amount"], r["weight"], r["quantity"], r["previous"], r["growth"],
                           r["last_year"], r["yoy"]] for r in rows], f"sales-{basis}-{period}-{by}.xlsx",
                         footer=[str(sales.BASES[basis])])
    return render_template("statistics/sales.html", rows=rows, period=period, by=by, first=first, last=last,
                           periods=sales.PERIODS, dims=sales.DIMENSIONS, basis=basis, bases=sales.BASES)


@bp.route("/ranking")
@requires("statistics.read")
def ranking_page():
    first, last = _range()
    by = _choice("by", sales.DIMENSIONS, "product")
    top = min(max(int_arg("top", 10, 1, 10**6), 1), 100)
    basis = _basis()
    plant = current_plant()
    rows, rest, total = sales.ranking(plant.id, first, last, by, top, basis, plant_today(plant))
    if request.args.get("export") == "xlsx":
        return table_download(_("Ranking"), [str(sales.DIMENSIONS[by]), _("Amount"), _("Weight (kg)"), _("Quantity"), _("Share")],
                         [[r["key"], r["amount"], r["weight"], r["quantity"], r["share"]] for r in rows],
                         f"ranking-{by}.xlsx")
    return render_template("statistics/ranking.html", rows=rows, rest=rest, total=total, by=by, top=top, first=first,
                           last=last, dims=sales.DIMENSIONS, basis=basis, bases=sales.BASES)


def _salespeople():
    plant = current_plant()
    return list(User.select().join(UserPlant, on=(UserPlant.user == User.id))
                .where((UserPlant.plant == plant.id) & (User.active == True)).order_by(User.name))  # noqa: E712


def _month_arg(plant):
    return month_arg("month", plant_today(plant).isoformat()[:7])


@bp.route("/targets")
@requires("statistics.read")
def targets_page():
    plant = current_plant()
    month = _month_arg(plant)
    return render_template("statistics/targets.html", month=month, rows=completion(plant.id, month),
                           people=_salespeople())


@bp.route("/targets", methods=["POST"], endpoint="save_targets")
@requires("statistics.targets")
def save_targets():
    plant = current_plant()
    month = _month_arg(plant)
    if not Form().validate_on_submit():
        abort(400)
    amounts = {}
    for person in _salespeople():
        raw = (request.form.get(f"target-{person.id}") or "").strip()
        if raw:
            amounts[person.id] = decimal_input(raw, field=f"target-{person.id}", label=person.name, places=2)
    targets.save(plant, month, amounts)
    flash(_("Targets saved."), "success")
    return redirect(url_for("statistics.targets_page", month=month))


def completion(plant_id, month):
    first, last = month_bounds(month)
    actual = {f.key: f.amount for f in sales.figures(plant_id, first, last, "month", "salesperson", labels=False,
                                                      basis=sales.default_basis(plant_id))}
    set_for = {t.salesperson_id: t for t in SalesTarget.select().where((SalesTarget.plant == plant_id)
                                                                          & (SalesTarget.period == month))}
    names = {u.id: u.name for u in User.select().where(User.id.in_(list(set_for) or [0]))}
    rows = []
    for user_id, target in set_for.items():
        done = actual.get(user_id, Decimal("0.00"))
        rows.append({"salesperson_id": user_id, "salesperson": names.get(user_id, ""), "target": target.amount,
                     "actual": done, "pct": (done * 100 / target.amount).quantize(sales.PCT) if target.amount else None})
    return sorted(rows, key=lambda r: r["salesperson"])


@bp.route("/customers")
@requires("statistics.read")
def customers_page():
    plant = current_plant()
    first, last = _range()
    month = _month_arg(plant)
    moved = customers.movement(plant.id, month)
    often = customers.frequency(plant.id, first, last, plant_today(plant))
    by_returns, by_losses = customers.by_returns_and_losses(plant.id, first, last)
    return render_template("statistics/customers.html", moved=moved, often=often, by_returns=by_returns,
                           by_losses=by_losses, month=month, first=first, last=last, top=customers.TOP)


@bp.route("/collections")
@requires("statistics.read")
def collections_page():
    plant = current_plant()
    first, last = _range()
    if request.args.get("export") == "xlsx":    # every customer by month: a file
        received = collections_stats.receipts(plant.id, first, last)
        return table_download(_("Collections"), [_("Customer"), _("Month"), _("Received")],
                              [[r["customer"], r["month"], r["amount"]] for r in received], "collections.xlsx")
    owed, owed_total, owing = collections_stats.outstanding(plant.id)
    return render_template("statistics/collections.html", months=collections_stats.by_month(plant.id, first, last),
                           payers=collections_stats.top_payers(plant.id, first, last, today=plant_today(plant)),
                           owed=owed,
                           owed_total=owed_total, owing=owing, first=first, last=last, top=collections_stats.TOP)


@bp.route("/board")
@requires("statistics.read")
def board_page():
    return render_template("statistics/board.html", data=board.live(current_plant()))


@bp.route("/board.json")
@requires("statistics.read")
def board_json():
    data = board.live(current_plant())
    return jsonify({**data, "shipped_kg": format_decimal(data["shipped_kg"]),
                    "overdue": money(data["overdue"]), **{e["key"]: e["text"] for e in data["extra"]}})


def _svg(markup):
    return charts.svg_response(markup)


@bp.route("/chart/sales.svg")
@requires("statistics.read")
def chart_sales():
    first, last = _range()
    period = _choice("period", sales.PERIODS, "month")
    rows = [r for r in sales.series(current_plant().id, first, last, period, "none", _basis())]
    labels = [r["period"] for r in rows]
    return _svg(charts.bars(_("Sales by %(period)s", period=str(sales.PERIODS[period]).lower()), labels,
                            [(_("Amount"), [r["amount"] for r in rows]), (_("Same period last year"),
                                                                         [r["last_year"] for r in rows])]))


@bp.route("/chart/share.svg")
@requires("statistics.read")
def chart_share():
    first, last = _range()
    by = _choice("by", sales.DIMENSIONS, "product")
    plant = current_plant()
    rows, rest, _total = sales.ranking(plant.id, first, last, by, 8, _basis(), plant_today(plant))
    parts = [(r["key"], r["amount"]) for r in rows] + ([(_("Others"), rest)] if rest else [])
    return _svg(charts.share(_("Share by %(dimension)s", dimension=str(sales.DIMENSIONS[by]).lower()), parts))


@bp.route("/chart/targets.svg")
@requires("statistics.read")
def chart_targets():
    month = _month_arg(current_plant())
    rows = completion(current_plant().id, month)
    return _svg(charts.bars(_("Target completion %(month)s", month=month), [r["salesperson"] for r in rows],
                            [(_("Target"), [r["target"] for r in rows]), (_("Actual"), [r["actual"] for r in rows])]))


@bp.route("/forecast")
@requires("statistics.read")
def forecast_page():
    from addons.statistics.forecast import forecast, target_of
    plant = current_plant()
    month = month_arg("month", shift_month(plant_today(plant).isoformat()[:7], 1))
    by = request.args.get("by", "product")
    by = by if by in ("product", "group") else "product"
    rows = forecast(plant, month, by_group=by == "group")
    totals = {k: sum((getattr(r, k) for r in rows), Decimal("0")) for k in ("last_year_amount", "amount", "actual_amount")}
    headers = [_("Product"), _("Customer group"), _("Same month last year"), _("Growth"), _("Forecast"),
               _("Forecast amount"), _("Actual so far"), _("Actual amount")]
    if request.args.get("export") == "xlsx":
        from core.excel.xlsx import table_download
        return table_download(_("Sales forecast"), headers,
                              [[f"{r.product.code} {r.product.name}", r.group.name if r.group else "", r.last_year,
                                r.growth, r.quantity, r.amount, r.actual, r.actual_amount] for r in rows],
                              f"forecast-{month}.xlsx")
    return render_template("statistics/forecast.html", month=month, by=by, rows=rows, totals=totals, headers=headers,
                           target=target_of(plant.id, month))


@bp.route("/chart/forecast.svg")
@requires("statistics.read")
def chart_forecast():
    from addons.statistics.forecast import forecast
    plant = current_plant()
    month = month_arg("month", shift_month(plant_today(plant).isoformat()[:7], 1))
    rows = forecast(plant, month)
    return _svg(charts.bars(_("Sales forecast %(month)s", month=month), [r.product.code for r in rows],
                            [(_("Same month last year"), [r.last_year for r in rows]),
                             (_("Forecast"), [r.quantity for r in rows]), (_("Actual so far"), [r.actual for r in rows])]))


def shift_month(month, n):
    from addons.statistics.forecast import shift
    return shift(month, n)
