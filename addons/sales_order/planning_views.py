"""Balancing, availability, yields, the production plan and the ordering-window settings."""
from __future__ import annotations

import datetime
from decimal import Decimal

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from addons.master_data.models.product import Product
from addons.sales_order import balancing, production
from addons.sales_order.forms import SettingsForm, TransitionForm
from addons.sales_order.lines import units_by_id
from addons.sales_order.models.planning import SalesSettings
from addons.sales_order.views import bp
from addons.sales_order.windows import settings_of
from core import plant_settings
from core.errors import UserError
from core.clock import plant_today
from core.listing import form_page
from core.params import date_arg, is_id
from core.records import get_for_plant
from core.security import current_plant, requires
from core.numbers import NotANumber, read_decimal


def _day(name="day", default_offset=1) -> datetime.date:
    return date_arg(name, plant_today(current_plant()) + datetime.timedelta(days=default_offset))


def _decimals(prefix: str) -> dict[int, Decimal | None]:
    """Posted fields prefix-<id>: a blank means "not given", anything else must be a number >= 0."""
    out = {}
    for key, raw in request.form.items():
        if not key.startswith(prefix) or not is_id(key[len(prefix):]):
            continue
        raw = raw.strip()
        if raw == "":
            out[int(key[len(prefix):])] = None
            continue
        try:
            value = read_decimal(raw, 3)
        except NotANumber:
            raise UserError(_("Not a number: %(value)s", value=raw[:40]), field=key) from None
        except ValueError:
            value = Decimal("-1")       # too many decimals or too large: refused below with what is wanted
        if value < 0:
            raise UserError(_("Enter a number of zero or more with at most three decimals: %(value)s", value=raw),
                            field=key)
        out[int(key[len(prefix):])] = value
    return out


@bp.route("/balancing", methods=["GET", "POST"], endpoint="balancing")
@requires("sales_order.balance")
def balancing_page():
    plant, day = current_plant(), _day()
    form = TransitionForm()
    if request.method == "POST" and form.validate_on_submit():
        balancing.save_availability(plant, day, _decimals("available-"))
        flash(_("Availability for %(day)s saved.", day=day.isoformat()), "success")
        return redirect(url_for("sales_order.balancing", day=day.isoformat()))
    rows = balancing.demand(plant, day)
    return render_template("sales_order/balancing.html", day=day, rows=rows, form=form, units=units_by_id())


@bp.route("/balancing/<int:product_id>", methods=["GET", "POST"])
@requires("sales_order.balance")
def allocation(product_id):
    plant, day = current_plant(), _day()
    product = get_for_plant(Product, product_id)
    form = TransitionForm()
    if request.method == "POST" and form.validate_on_submit():
        chosen = {k: v for k, v in _decimals("line-").items() if v is not None}
        cut = balancing.confirm(plant, day, product, chosen, comment=form.comment.data or "")
        flash(_("Allocation confirmed: %(n)d lines cut, their customers told.", n=cut), "success")
        return redirect(url_for("sales_order.balancing", day=day.isoformat()))
    proposal, have = balancing.propose(plant, day, product)
    return render_template("sales_order/allocation.html", day=day, product=product, proposal=proposal, have=have,
                           form=form, unit=units_by_id()[product.selling_unit_id],
                           total=sum((q for _l, q in proposal), Decimal("0")))


def _plan_range():
    first, last = _day("first", 0), _day("last", 6)
    if last < first or (last - first).days > 62:
        flash(_("Choose at most 63 days, the last not before the first."), "warning")
        last = first + datetime.timedelta(days=6)
    return first, last


@bp.route("/plan")
@requires("sales_order.order.read")
def production_plan():
    plant = current_plant()
    first, last = _plan_range()
    data = production.plan(plant, first, last)
    if request.args.get("export") == "xlsx":
        return _plan_workbook(data, first, last)
    return render_template("sales_order/plan.html", data=data, first=first, last=last, form=TransitionForm(),
                           units=units_by_id(), heads_for=production.heads_for)


@bp.route("/plan", methods=["POST"], endpoint="save_yields")
@requires("sales_order.balance")
def save_yields():
    plant = current_plant()
    first, last = _plan_range()
    if TransitionForm().validate_on_submit():
        production.save_yields(plant, _decimals("yield-"))
        flash(_("Yields saved."), "success")
    return redirect(url_for("sales_order.production_plan", first=first.isoformat(), last=last.isoformat()))


def _plan_workbook(data, first, last):
    from core.excel.xlsx import table_download
    units = units_by_id()
    days = data["days"]
    rows = [[f"{p.code} {p.name}", units[p.selling_unit_id].name, data["yields"].get(p.id)]
            + [data["cells"].get((p.id, d), (Decimal("0"),))[0] for d in days] for p in data["products"]]
    return table_download(_("Production plan"), [_("Product"), _("Unit"), _("Per head")] + [d.isoformat() for d in days],
                          rows, f"production-plan-{first.isoformat()}-{last.isoformat()}.xlsx",
                          footer=[_("Heads to slaughter"), "", ""] + [data["heads"][d] for d in days])


@bp.route("/settings", methods=["GET", "POST"])
@requires("sales_order.settings")
def settings():
    plant = current_plant()
    current = settings_of(plant)
    form = SettingsForm(obj=current)
    if form.validate_on_submit():
        plant_settings.save(SalesSettings, plant, {"reserve_open_hours": form.reserve_open_hours.data,
                                                   "cutoff_hours": form.cutoff_hours.data},
                             cache_key=("sales_order.settings", plant.id))
        flash(_("Ordering windows saved."), "success")
        return redirect(url_for("sales_order.settings"))
    return form_page(form, _("Ordering windows of %(plant)s", plant=plant.name))
