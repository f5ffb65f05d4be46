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
from addons.sales_order.models.planning import Availability, ProductYield, SalesSettings
from addons.sales_order.views import bp
from addons.sales_order.windows import settings_of
from core import audit
from core.cache import forget
from core.db import bulk_upsert, transaction
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
        entered = _decimals("available-")
        products = {p.id for p in Product.select(Product.id).where((Product.plant == plant.id)
                                                                  & Product.id.in_(list(entered)))}
        with transaction():
            Availability.delete().where((Availability.plant == plant.id) & (Availability.day == day)
                                        & Availability.product.in_([k for k, v in entered.items() if v is None])).execute()
            bulk_upsert(Availability, [{"plant": plant.id, "product": pid, "day": day, "quantity": qty}
                                       for pid, qty in entered.items() if qty is not None and pid in products],
                        conflict=["plant", "day", "product"], update=["quantity"])
            audit.log("availability", Availability._meta.table_name, None, plant=plant.id,
                      new={"day": day, "products": {str(k): v for k, v in entered.items()}})
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
        yields = _decimals("yield-")
        valid = {p.id for p in Product.select(Product.id).where((Product.plant == plant.id)
                                                                & Product.id.in_(list(yields)))}
        with transaction():
            ProductYield.delete().where((ProductYield.plant == plant.id) & ProductYield.product.in_(
                [k for k, v in yields.items() if not v])).execute()
            bulk_upsert(ProductYield, [{"plant": plant.id, "product": pid, "per_head": v}
                                       for pid, v in yields.items() if v and pid in valid],
                        conflict=["plant", "product"], update=["per_head"])
            audit.log("yields", ProductYield._meta.table_name, None, plant=plant.id,
                      new={str(k): v for k, v in yields.items()})
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
        with transaction():
            old = {"reserve_open_hours": current.reserve_open_hours, "cutoff_hours": current.cutoff_hours}
            bulk_upsert(SalesSettings, [{"plant": plant.id, "reserve_open_hours": form.reserve_open_hours.data,
                                         "cutoff_hours": form.cutoff_hours.data}],
                        conflict=["plant"], update=["reserve_open_hours", "cutoff_hours"])
            audit.log("settings", SalesSettings._meta.table_name, None, plant=plant.id, old=old,
                      new={"reserve_open_hours": form.reserve_open_hours.data, "cutoff_hours": form.cutoff_hours.data})
        forget(("sales_order.settings", plant.id))
        flash(_("Ordering windows saved."), "success")
        return redirect(url_for("sales_order.settings"))
    return form_page(form, _("Ordering windows of %(plant)s", plant=plant.name))
