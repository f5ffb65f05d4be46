"""The day's production screen: a new lot, proposed from the production plan, and what it yielded."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from addons.master_data.models.product import Product
from addons.stock import production
from addons.stock.forms import ProductionForm
from addons.stock.warehouses import active_warehouses
from addons.stock.views import bp
from core.clock import plant_today
from core.forms import choices
from core.params import date_arg
from core.security import current_plant, requires

LOT_FIELDS = ("number", "kind", "day", "heads", "origin", "shelf_life_days", "expires_on", "quarantine_cert",
              "quality_cert", "asf_report", "remarks")


@bp.route("/production", methods=["GET", "POST"])
@requires("stock.lot.create")
def production_page():
    plant = current_plant()
    day = date_arg("day", plant_today(plant))
    proposed = production.proposal(plant.id, day)
    form = ProductionForm()
    form.warehouse.choices = choices((w.id, w.name) for w in active_warehouses(plant.id))
    products = list(Product.select().where((Product.plant == plant.id) & (Product.active == True))  # noqa: E712
                    .order_by(Product.code))
    if request.method == "GET":
        form.number.data, form.day.data, form.heads.data = proposed["number"], day, int(proposed["heads"] or 0)
    if form.validate_on_submit():
        ours = {p.id for p in products}
        lines = [(p.id, request.form.get(f"lines-{n}-quantity", ""), request.form.get(f"lines-{n}-weight", ""))
                 for n, p in enumerate(products) if p.id in ours]
        lot = production.produce(plant.id, {name: getattr(form, name).data for name in LOT_FIELDS if
                                            getattr(form, name).data is not None}, form.warehouse.data, lines)
        flash(_("Lot %(lot)s produced into stock.", lot=lot.number), "success")
        return redirect(url_for("stock.lot_edit", pk=lot.id))
    planned = {pid: (qty, kg) for pid, qty, kg in proposed["lines"]}
    return render_template("stock/production.html", form=form, products=products, planned=planned, day=day,
                           posted=request.form)
