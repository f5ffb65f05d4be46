"""Vehicles, containers, settings, trips and delivery notes."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from peewee import JOIN

from addons.dispatch.desk import settings_of
from addons.dispatch.forms import ActionForm, ContainerForm, SettingsForm, VehicleForm
from addons.dispatch.models.batch import SOURCES, ShipmentBatch
from addons.dispatch.models.container import ContainerType
from addons.dispatch.models.line import LOSS, DeliveryLine
from addons.dispatch.models.note import KINDS, DeliveryNote
from addons.dispatch.models.settings import DispatchSettings
from addons.dispatch.models.trip import Trip
from addons.dispatch.models.vehicle import Vehicle
from addons.dispatch.planning import trip_load
from addons.dispatch.trips import cancel_note, reorder_stops
from addons.master_data.models.customer import Customer
from addons.master_data.models.product import Product
from addons.sales_order.lines import units_by_id
from core import plant_settings, workflow
from core.crud import crud_routes
from core.db import instances, joined_instances, run_composed, run_composed_ids
from core.kernel import current_kernel
from core.listing import Column, Filter, form_page, list_page
from core.moves import posted_move
from core.records import get_for_plant
from core.security import current_plant, requires

bp = Blueprint("dispatch", __name__, template_folder="templates", static_folder="static")

VEHICLES = crud_routes(bp, Vehicle, VehicleForm, [
    Column("plate", _l("Plate number"), link=True), Column("capacity_kg", _l("Capacity (kg)"), "number"),
    Column("driver", _l("Driver")), Column("phone", _l("Phone")), Column("carrier", _l("Carrier")),
    Column("active", _l("Active"), "bool"),
], name="vehicle", title=_l("Vehicles"), permission="dispatch.vehicle",
    search=(Vehicle.plate, Vehicle.driver), order_by=[Vehicle.plate], unique=("plate",), import_spec="vehicles")

CONTAINERS = crud_routes(bp, ContainerType, ContainerForm, [
    Column("code", _l("Code"), link=True), Column("name", _l("Name")), Column("tare_kg", _l("Tare (kg)"), "number"),
    Column("active", _l("Active"), "bool"),
], name="container_type", title=_l("Container types"), permission="dispatch.container_type",
    search=(ContainerType.code, ContainerType.name), order_by=[ContainerType.code], import_spec="container_types")

NOTE_COLUMNS = [Column("number", _l("Number"), link=True, sortable=True), Column("kind", _l("Kind"), "choice", choices=KINDS),
                Column("customer.name", _l("Customer")), Column("day", _l("Day"), "date", sortable=True),
                Column("trip.number", _l("Trip")), Column("state", _l("State"), "state"),
                Column("amount", _l("Amount"), "money"), Column("loss_flagged", _l("Loss flagged"), "bool")]
TRIP_COLUMNS = [Column("number", _l("Number"), link=True, sortable=True), Column("day", _l("Day"), "date", sortable=True),
                Column("vehicle.plate", _l("Vehicle")), Column("driver", _l("Driver")),
                Column("departure", _l("Departure"), "datetime"), Column("state", _l("State"), "state")]


@bp.route("/notes")
@requires("dispatch.delivery_note.read")
def note_list():
    query = DeliveryNote.select(DeliveryNote, Customer).join(Customer)
    return list_page(DeliveryNote, NOTE_COLUMNS, _("Delivery notes"), query=query,
                     search=(DeliveryNote.number, Customer.name, Customer.code),
                     filters=[Filter("state", _l("State"), DeliveryNote.state, "choice", DeliveryNote.STATES),
                              Filter("kind", _l("Kind"), DeliveryNote.kind, "choice", KINDS),
                              Filter("loss_flagged", _l("Loss flagged"), DeliveryNote.loss_flagged)],
                     row_endpoint="dispatch.note_view", export_permission="dispatch.delivery_note.read")


def note_of_plant(pk) -> DeliveryNote:
    """A note of the plant acting now, with its customer, trip and vehicle read in the same query (the note's
    pages show all three)."""
    if type(pk) is not int:
        return get_for_plant(DeliveryNote, pk)
    found = joined_instances(run_composed("dispatch.note_of_plant", lambda plant, wanted: DeliveryNote.select(
        DeliveryNote, Customer, Trip, Vehicle).join(Customer).switch(DeliveryNote).join(Trip, JOIN.LEFT_OUTER)
        .join(Vehicle, JOIN.LEFT_OUTER).where((DeliveryNote.plant == plant) & (DeliveryNote.id == wanted)),
        current_plant().id, pk), DeliveryNote, Customer, Trip, Vehicle)
    if not found:
        abort(404)
    note, customer, trip, vehicle = found[0]
    note.__rel__["customer"] = customer
    if trip is not None:
        trip.__rel__["vehicle"] = vehicle
        note.__rel__["trip"] = trip
    return note


def note_lines(note):
    """A note's lines with their products, and each line's batches in order (composed once: every desk and note
    page reads them)."""
    lines = []
    for line, product in joined_instances(run_composed("dispatch.note_lines", lambda wanted: DeliveryLine.select(
            DeliveryLine, Product).join(Product).where(DeliveryLine.note == wanted).order_by(DeliveryLine.seq),
            note.id), DeliveryLine, Product):
        line.__rel__["product"] = product
        lines.append(line)
    batches = {}
    if lines:
        for batch in instances(ShipmentBatch, run_composed_ids("dispatch.note_batches", lambda ids: ShipmentBatch
                                                               .select().where(ShipmentBatch.line.in_(ids))
                                                               .order_by(ShipmentBatch.seq), [x.id for x in lines])):
            batches.setdefault(batch.line_id, []).append(batch)
    return lines, batches


@bp.route("/notes/<int:pk>")
@requires("dispatch.delivery_note.read")
def note_view(pk):
    note = note_of_plant(pk)
    lines, batches = note_lines(note)
    sections = [s for answer in current_kernel().hooks.call("note_sections", note.plant_id, note=note)
                for s in (answer or [])]
    return render_template("dispatch/note.html", note=note, lines=lines, batches=batches, units=units_by_id(),
                           kinds=KINDS, loss=LOSS, sources=SOURCES, form=ActionForm(), sections=sections)


@bp.route("/notes/<int:pk>/cancel", methods=["POST"])
@requires("dispatch.plan")
def note_cancel(pk):
    note = get_for_plant(DeliveryNote, pk)
    if ActionForm().validate_on_submit():
        cancel_note(note)
        flash(_("Delivery note %(number)s cancelled; its lines are waiting to be planned again.",
                number=note.number), "success")
    return redirect(url_for("dispatch.note_view", pk=pk))


@bp.route("/trips")
@requires("dispatch.trip.read")
def trip_list():
    query = Trip.select(Trip, Vehicle).join(Vehicle)
    return list_page(Trip, TRIP_COLUMNS, _("Trips"), query=query, search=(Trip.number, Vehicle.plate, Trip.driver),
                     filters=[Filter("state", _l("State"), Trip.state, "choice", Trip.STATES)],
                     row_endpoint="dispatch.trip_view", export_permission="dispatch.trip.read")


def _trip_notes(trip):
    return list(DeliveryNote.select(DeliveryNote, Customer).join(Customer).where(DeliveryNote.trip == trip.id)
                .order_by(DeliveryNote.stop_seq, DeliveryNote.id))


@bp.route("/trips/<int:pk>")
@requires("dispatch.trip.read")
def trip_view(pk):
    trip = get_for_plant(Trip, pk)
    notes = _trip_notes(trip)
    form = ActionForm()
    lines = {}
    for line in (DeliveryLine.select(DeliveryLine, Product).join(Product)
                 .where(DeliveryLine.note.in_([n.id for n in notes])).order_by(DeliveryLine.seq)):
        lines.setdefault(line.note_id, []).append(line)
    signed = [n.received_at for n in notes if n.received_at is not None and n.state == "received"]
    arrived = max(signed) if signed and len(signed) == len([n for n in notes if n.state != "cancelled"]) else None
    return render_template("dispatch/trip.html", trip=trip, notes=notes, lines=lines, units=units_by_id(),
                           load=trip_load([trip.id]).get(trip.id), moves=workflow.available(trip), form=form,
                           arrived=arrived)


@bp.route("/trips/<int:pk>", methods=["POST"], endpoint="trip_stops")
@requires("dispatch.plan")
def trip_stops(pk):
    """The scheduler's stop order for the trip's notes."""
    trip = get_for_plant(Trip, pk)
    if ActionForm().validate_on_submit():
        _save_stops(trip, _trip_notes(trip))
    return redirect(url_for("dispatch.trip_view", pk=pk))


def _save_stops(trip, notes):
    order = {}
    for note in notes:
        raw = request.form.get(f"stop-{note.id}", "")
        if not raw.isdigit() or not 1 <= int(raw) <= 999:
            flash(_("Stop numbers are whole numbers from 1."), "danger")
            return
        order[note.id] = int(raw)
    reorder_stops(trip, notes, order)
    flash(_("Stop order saved."), "success")


@bp.route("/trips/<int:pk>/move/<move>", methods=["POST"])
@requires("dispatch.trip.read")
def trip_move(pk, move):
    trip = posted_move(Trip, pk, move, ActionForm())
    flash(_("Trip %(number)s is now %(state)s.", number=trip.number,
            state=workflow.state_label(Trip, trip.state)), "success")
    return redirect(url_for("dispatch.trip_view", pk=pk))


@bp.route("/settings", methods=["GET", "POST"])
@requires("dispatch.settings")
def settings():
    plant = current_plant()
    current = settings_of(plant.id)
    form = SettingsForm(obj=current)
    if form.validate_on_submit():
        plant_settings.save(DispatchSettings, plant, {"over_ship_pct": form.over_ship_pct.data,
                                                      "bill_received": bool(form.bill_received.data)},
                             cache_key=("dispatch.settings", plant.id))
        flash(_("Saved."), "success")
        return redirect(url_for("dispatch.settings"))
    return form_page(form, _("Shipping rules of %(plant)s", plant=plant.name))
