"""Temperatures: taken at the desk (loading) and on the note (receipt); the ranges per product."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from addons.dispatch.models.note import DeliveryNote
from addons.master_data.models.product import Product
from addons.stock_dispatch import temperatures
from addons.stock_dispatch.models.temperature import TemperatureRange
from addons.stock_dispatch.views import bp
from core.errors import PermissionDenied, UserError
from core.forms import Form
from core.records import get_for_plant
from core.security import current_plant, current_user_or_none, may, requires

STEP_PERMISSION = {"loading": "dispatch.ship", "receipt": "dispatch.receive"}


@bp.route("/notes/<int:pk>/temperature/<which>", methods=["POST"])
@requires("dispatch.delivery_note.read")
def note_temperature(pk, which):
    note = get_for_plant(DeliveryNote, pk)
    if which not in STEP_PERMISSION:
        raise UserError(_("Unknown step."))
    if not may(current_user_or_none(), STEP_PERMISSION[which], note.plant_id):
        raise PermissionDenied(_("You are not allowed to do this: %(action)s.", action=_("record the temperature")))
    if not Form().validate_on_submit():
        raise UserError(_("The form has expired or was not sent by this site. Reload the page and try again."))
    found = temperatures.record(note.id, which, request.form.get("temperature", ""))
    if found.out_of_range:
        flash(_("Temperature recorded: out of range for the goods on %(number)s.", number=note.number), "warning")
    else:
        flash(_("Temperature recorded."), "success")
    back = "dispatch.desk_note" if which == "loading" else "dispatch.note_view"
    return redirect(url_for(back, pk=note.id))


@bp.route("/temperature-ranges", methods=["GET", "POST"])
@requires("stock_dispatch.temperature_ranges")
def temperature_ranges():
    plant = current_plant()
    products = list(Product.select().where((Product.plant == plant.id) & (Product.active == True))  # noqa: E712
                    .order_by(Product.code))
    form = Form()
    if request.method == "POST" and form.validate_on_submit():
        temperatures.save_ranges(plant, {p.id: (request.form.get(f"low-{p.id}"), request.form.get(f"high-{p.id}"))
                                         for p in products})
        flash(_("Saved."), "success")
        return redirect(url_for("stock_dispatch.temperature_ranges"))
    ranges = {r.product_id: r for r in TemperatureRange.select().where(TemperatureRange.plant == plant.id)}
    return render_template("stock_dispatch/temperature_ranges.html", products=products, ranges=ranges, form=form)
