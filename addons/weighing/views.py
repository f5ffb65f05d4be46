"""Stations, their live weight, capture at the desk, weighings and weighbridge tickets."""
from __future__ import annotations

import hashlib
import json

from flask import Blueprint, abort, current_app, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import format_decimal
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from peewee import JOIN

from addons.dispatch.models.container import ContainerType
from addons.dispatch.models.line import DeliveryLine
from addons.dispatch.models.note import DeliveryNote
from addons.master_data.models.customer import Customer
from addons.weighing import capture, tickets
from addons.weighing.drivers import DRIVERS
from addons.weighing.forms import CaptureForm, StationForm, TicketForm, VoidForm
from addons.weighing.models.live import LiveReading
from addons.weighing.models.station import Station
from addons.weighing.models.weighing import WeighbridgeTicket, Weighing
from core.params import id_arg
from core.crud import crud_routes
from core.errors import UserError
from core.forms import Form, choices
from core.listing import Column, Filter, list_page
from core.records import get_for_plant, plant_scoped
from core.security import current_plant, requires

bp = Blueprint("weighing", __name__, template_folder="templates", static_folder="static")


def _protocols(form):
    form.protocol.choices = choices((name, name) for name in sorted(DRIVERS))


STATIONS = crud_routes(bp, Station, StationForm, [
    Column("code", _l("Code"), link=True), Column("name", _l("Name")), Column("port_url", _l("Port")),
    Column("protocol", _l("Protocol")), Column("desk", _l("Desk")), Column("active", _l("Active"), "bool"),
], name="station", title=_l("Weighing stations"), permission="weighing.station", prepare=_protocols,
    search=(Station.code, Station.name), order_by=[Station.code])


def _message(code, station):
    from addons.weighing.agent import AGENT_ERROR, INACTIVE, NO_FRAMES, PORT_ERROR
    if code == PORT_ERROR:
        return _("The scale's port %(port)s cannot be opened or read: check the cable and the port.",
                 port=station.port_url)
    if code == AGENT_ERROR:
        return _("The scale's reader stopped on an error and is starting again; the server log says why.")
    return {NO_FRAMES: _("No valid frame from the scale."), INACTIVE: _("The station is switched off.")}.get(
        code, _("The scale is offline."))


def live_json(live, station):
    if live is None:
        return {"station": station.id, "online": False, "weight": "", "stable": False, "status": "",
                "message": _("No reading yet."), "age": None}
    age = live.age_seconds()
    online = bool(live.online and age is not None and age <= max(capture.STALE_SECONDS, station.offline_after_ms / 1000))
    return {"station": station.id, "online": online, "weight": format_decimal(live.weight, "#,##0.000"),
            "stable": bool(live.stable), "net": bool(live.net), "status": live.status,
            "label": _label(live) if online else _("Offline"),
            "message": _message(live.message, station) if not online else "", "age": age}


def _label(live) -> str:
    """What the scale says: over or under its range and its errors are states to see, not silence."""
    states = {"overload": _("Overload"), "underload": _("Underload"), "error": _("Scale error")}
    if live.status in states:
        return states[live.status]
    return _("Stable") if live.stable else _("Motion")


@bp.route("/stations/<int:pk>/live.json")
@requires("weighing.station.read")
def live(pk):
    station = get_for_plant(Station, pk)
    state = live_json(LiveReading.get_or_none(LiveReading.station == station.id), station)
    # Several desks poll each station several times a second: while the reading is what a desk already shows,
    # it is told so in a few bytes (304) instead of the reading again. The age alone does not make it new.
    tag = hashlib.sha1(json.dumps({k: v for k, v in state.items() if k != "age"}, sort_keys=True,
                                  default=str).encode()).hexdigest()[:16]
    if tag in request.if_none_match:
        response = current_app.response_class(status=304)
    else:
        response = jsonify(state)
    response.set_etag(tag)
    response.headers["Cache-Control"] = "no-cache, private"
    return response


@bp.route("/desk/<int:note_id>/capture", methods=["POST"])
@requires("dispatch.ship")
def desk_capture(note_id):
    note = get_for_plant(DeliveryNote, note_id)
    form = CaptureForm()
    form.station.choices = choices((s.id, s.name) for s in plant_scoped(Station))
    form.line.choices = choices((x.id, str(x.seq)) for x in DeliveryLine.select().where(DeliveryLine.note == note.id))
    form.container.choices = choices([(0, "—")] + [(c.id, c.name) for c in plant_scoped(ContainerType)])
    if not form.validate_on_submit():
        raise UserError(_("Choose the station and the line, and give the quantity."), field="quantity")
    plant = current_plant()
    if request.form.get("by_hand"):
        weighing, batch = capture.manual(plant.id, form.line.data, form.quantity.data, form.gross.data or "",
                                         form.reason.data or "", form.container.data or None,
                                         form.container_count.data or 0, override=form.override.data,
                                         lot_code=form.lot.data or "")
        flash(_("Weight keyed in by hand: %(net)s kg net (marked as manual).", net=format_decimal(batch.net)), "warning")
    else:
        weighing, batch = capture.capture(plant.id, form.station.data, form.line.data, form.quantity.data,
                                          form.container.data or None, form.container_count.data or 0,
                                          override=form.override.data, lot_code=form.lot.data or "")
        flash(_("Captured %(gross)s kg gross, %(net)s kg net.", gross=format_decimal(batch.gross),
                net=format_decimal(batch.net)), "success")
    return redirect(url_for("dispatch.desk_note", pk=note.id, station=form.station.data))


WEIGHING_COLUMNS = [Column("at", _l("Time"), "datetime", sortable=True), Column("station.name", _l("Station")),
                    Column("line.note.number", _l("Delivery note")), Column("line.note.customer.name", _l("Customer")),
                    Column("gross", _l("Gross"), "number"), Column("tare", _l("Tare"), "number"),
                    Column("net", _l("Net kg"), "number"), Column("manual", _l("Manual"), "bool"),
                    Column("voided", _l("Void"), "bool"), Column("operator.name", _l("Operator"))]


@bp.route("/weighings")
@requires("weighing.weighing.read")
def weighing_list():
    # the note and customer each weighing was for, in the same query
    query = (Weighing.select(Weighing, DeliveryLine, DeliveryNote, Customer)
             .join(DeliveryLine, JOIN.LEFT_OUTER, on=(Weighing.delivery_line_id == DeliveryLine.id), attr="line")
             .join(DeliveryNote, JOIN.LEFT_OUTER, attr="note").join(Customer, JOIN.LEFT_OUTER, attr="customer"))
    return list_page(Weighing, WEIGHING_COLUMNS, _("Weighings"), order_by=[Weighing.id.desc()], query=query,
                     search=(DeliveryNote.number, Customer.name),
                     filters=[Filter("manual", _l("Manual"), Weighing.manual), Filter("voided", _l("Void"), Weighing.voided)],
                     row_endpoint="weighing.weighing_view", export_permission="weighing.weighing.read")


@bp.route("/weighings/<int:pk>", methods=["GET", "POST"])
@requires("weighing.weighing.read")
def weighing_view(pk):
    weighing = get_for_plant(Weighing, pk)
    form = VoidForm()
    if request.method == "POST":
        if form.validate_on_submit():
            capture.void(current_plant().id, weighing.id, form.reason.data)
            flash(_("The weighing is void."), "success")
        else:
            flash(_("Please give a reason."), "danger")
        return redirect(url_for("weighing.weighing_view", pk=pk))
    return render_template("weighing/weighing.html", weighing=weighing, form=form)


TICKET_COLUMNS = [Column("number", _l("Number"), link=True), Column("plate", _l("Plate number")),
                  Column("first_kg", _l("First weighing (kg)"), "number"),
                  Column("second_kg", _l("Second weighing (kg)"), "number"), Column("net", _l("Net kg"), "number"),
                  Column("state", _l("State"), "state")]


@bp.route("/tickets")
@requires("weighing.ticket.read")
def ticket_list(form=None):
    form = form or TicketForm()
    return list_page(WeighbridgeTicket, TICKET_COLUMNS, _("Weighbridge tickets"), order_by=[WeighbridgeTicket.id.desc()],
                     search=(WeighbridgeTicket.number, WeighbridgeTicket.plate), row_endpoint="weighing.ticket_view",
                     template="weighing/tickets.html", ticket_form=form)


@bp.route("/tickets", methods=["POST"], endpoint="ticket_new")
@requires("weighing.ticket.create")
def ticket_new():
    form = TicketForm()
    if form.validate_on_submit():
        ticket = tickets.open_ticket(current_plant(), form.plate.data, form.direction.data)
        return redirect(url_for("weighing.ticket_view", pk=ticket.id))
    return ticket_list(form)


@bp.route("/tickets/<int:pk>")
@requires("weighing.ticket.read")
def ticket_view(pk):
    ticket = get_for_plant(WeighbridgeTicket, pk)
    bridges = list(plant_scoped(Station).where((Station.is_weighbridge == True) & (Station.active == True)))  # noqa: E712
    return render_template("weighing/ticket.html", ticket=ticket, bridges=bridges, form=VoidForm())


@bp.route("/tickets/<int:pk>", methods=["POST"], endpoint="ticket_weigh")
@requires("weighing.ticket.write")
def ticket_weigh(pk):
    ticket = get_for_plant(WeighbridgeTicket, pk)
    if not Form().validate_on_submit():
        abort(400)
    tickets.weigh(current_plant(), ticket.id, id_arg("station"))
    flash(_("Weighed."), "success")
    return redirect(url_for("weighing.ticket_view", pk=pk))
