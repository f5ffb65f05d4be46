"""The planning screen (排车): lines waiting for a day, trips and their loads, assigning lines to trips."""
from __future__ import annotations


from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from addons.dispatch import planning
from addons.dispatch.planning_rows import waiting_html
from addons.dispatch.forms import ActionForm, TripForm
from addons.dispatch.models.trip import Trip
from addons.dispatch.models.vehicle import Vehicle
from addons.dispatch.views import bp
from addons.sales_order.lines import units_by_id
from core.errors import UserError
from core.forms import choices
from core.records import get_for_plant
from core.clock import plant_today
from core.params import date_arg, is_id, page_arg
from core.security import current_plant, requires


def _day():
    return date_arg("day", plant_today(current_plant()))


def _vehicles():
    return choices((v.id, f"{v.plate} · {v.driver} · {v.capacity_kg.normalize():f} kg")
                   for v in Vehicle.active_of(current_plant().id))


@bp.route("/planning")
@requires("dispatch.plan")
def planning_page():
    plant, day = current_plant(), _day()
    region, page = request.args.get("region", ""), page_arg()
    waiting = planning.waiting_page(plant, day, region, page)
    trips, loads = planning.day_trips(plant, day)
    trip_form = TripForm(data={"day": day})
    trip_form.vehicle.choices = _vehicles()
    return render_template("dispatch/planning.html", day=day, groups=waiting.groups, waiting=waiting.total,
                           waiting_rows=waiting_html(waiting.groups, units_by_id()), trips=trips, loads=loads,
                           trip_form=trip_form, form=ActionForm(), page=page, more=waiting.more,
                           regions=waiting.regions, region=region)


@bp.route("/planning/trips", methods=["POST"])
@requires("dispatch.plan")
def trip_new():
    form = TripForm()
    form.vehicle.choices = _vehicles()
    if not form.validate_on_submit():
        flash(_("Choose a day and a vehicle for the trip."), "danger")
        return redirect(url_for("dispatch.planning_page", day=request.form.get("day", "")))
    trip = planning.create_trip(current_plant(), form.day.data, form.vehicle.data, form.driver.data or "",
                                form.departure.data)
    flash(_("Trip %(number)s created.", number=trip.number), "success")
    return redirect(url_for("dispatch.planning_page", day=form.day.data.isoformat(), trip=trip.id))


@bp.route("/planning/assign", methods=["POST"])
@requires("dispatch.plan")
def assign():
    plant, day = current_plant(), _day()
    if not ActionForm().validate_on_submit():
        return redirect(url_for("dispatch.planning_page", day=day.isoformat()))
    target = request.form.get("trip", "")
    trip = get_for_plant(Trip, int(target)) if is_id(target) else None
    items = [(int(k.split("-")[1]), request.form.get(f"qty-{k.split('-')[1]}", ""))
             for k in request.form if k.startswith("pick-") and is_id(k.split("-")[1])]
    if target != "pickup" and trip is None:
        raise UserError(_("Choose a trip, or self-pickup."), field="trip")
    notes = planning.assign(plant, trip, items, day=day, allow_overload=bool(request.form.get("overload")))
    flash(_("%(n)d delivery notes planned: %(numbers)s.", n=len(notes), numbers=", ".join(n.number for n in notes)),
          "success")
    return redirect(url_for("dispatch.planning_page", day=day.isoformat(), trip=trip.id if trip else ""))
