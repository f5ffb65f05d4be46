"""The shipping desk: notes to work today, one note line by line, shipping, receipt, goods back in."""
from __future__ import annotations

import datetime


from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from addons.dispatch import desk, inbound, receipt, shipping
from addons.dispatch.forms import ActionForm, BatchForm, ReceiptForm
from addons.dispatch.models.batch import SOURCES
from addons.dispatch.models.container import ContainerType
from addons.dispatch.models.line import LOSS, DeliveryLine
from addons.dispatch.models.note import KINDS, OPEN, DeliveryNote
from addons.dispatch.models.trip import Trip
from addons.dispatch.models.vehicle import Vehicle
from addons.dispatch.views import bp, note_lines, note_of_plant
from addons.master_data.models.customer import Customer
from addons.sales_order.lines import units_by_id
from core.db import instances, joined_instances, run_composed, run_composed_ids
from core.i18n import translated
from core.errors import UserError
from core.forms import choices
from core.kernel import current_kernel
from core.records import get_for_plant
from core import clock
from core.clock import plant_today
from core.params import date_arg, id_arg
from core.security import current_plant, requires
from core.currency import money


@bp.route("/desk")
@requires("dispatch.ship")
def desk_list():
    plant = current_plant()
    day = date_arg("day", plant_today(plant))
    trip_id = id_arg("trip")
    # the desk's three reads are composed once (with a trip chosen, or not): the page is opened all day long
    def due(plant_id, last_day, *trip):
        query = DeliveryNote.select(DeliveryNote, Customer).join(Customer).where(
            (DeliveryNote.plant == plant_id) & (DeliveryNote.day <= last_day) & DeliveryNote.state.in_(list(OPEN)))
        if trip:
            query = query.where(DeliveryNote.trip == trip[0])
        return query.order_by(DeliveryNote.day, DeliveryNote.trip, DeliveryNote.stop_seq, DeliveryNote.id).limit(500)
    notes = []      # read straight into instances: peewee's conversion of both whole rows was most of the read
    for note, customer in joined_instances(run_composed(("dispatch.desk_notes", bool(trip_id)), due, plant.id, day,
                                                        *([trip_id] if trip_id else [])), DeliveryNote, Customer):
        note.__rel__["customer"] = customer
        notes.append(note)
    trip_ids = sorted({n.trip_id for n in notes} - {None})
    trips = {t.id: t for t in instances(Trip, run_composed_ids("dispatch.desk_trips", lambda ids: Trip.select().where(
        Trip.id.in_(ids)), trip_ids))} if trip_ids else {}
    day_trips = []
    for trip, vehicle in joined_instances(run_composed("dispatch.desk_day_trips", lambda plant_id, on: Trip.select(
            Trip, Vehicle).join(Vehicle).where((Trip.plant == plant_id) & (Trip.day == on) & (Trip.state != "cancelled"))
            .order_by(Trip.number), plant.id, day), Trip, Vehicle):
        trip.__rel__["vehicle"] = vehicle
        day_trips.append(trip)
    return render_template("dispatch/desk_list.html", notes=notes, trips=trips, day=day, trip_id=trip_id,
                           kinds={k: translated(v) for k, v in KINDS.items()},
                           states={k: translated(v) for k, v in DeliveryNote.STATES.items()},
                           day_trips=day_trips, tomorrow=plant_today(plant) + datetime.timedelta(days=1))


def _containers(plant_id):
    return choices([(0, "—")] + [(c.id, f"{c.name} ({c.tare_kg.normalize():f} kg)")
                                 for c in ContainerType.active_of(plant_id)])


@bp.route("/desk/<int:pk>")
@requires("dispatch.ship")
def desk_note(pk):
    note = note_of_plant(pk)
    lines, batches = note_lines(note)
    containers = _containers(note.plant_id)
    forms = {}
    for line in lines:
        forms[line.id] = BatchForm(prefix=f"b{line.id}", formdata=None)
        forms[line.id].container.choices = containers
        done = [b for b in batches.get(line.id, []) if not b.voided]
        if done:       # the next batch of a line most likely travels in the same containers: offered again
            forms[line.id].container.data = done[-1].container_id or 0
            forms[line.id].container_count.data = done[-1].container_count
            forms[line.id].lot.data = done[-1].lot_code
    panels = [p for answer in current_kernel().hooks.call("desk_panels", note.plant_id, note=note) for p in (answer or [])]
    return render_template("dispatch/desk.html", note=note, lines=lines, batches=batches, units=units_by_id(),
                           keyed_refused=desk.keyed_weights_refused(note),
                           forms=forms, action=ActionForm(), panels=panels, kinds=KINDS, sources=SOURCES, loss=LOSS)


def _line_of(note_pk, line_pk) -> DeliveryLine:
    note = get_for_plant(DeliveryNote, note_pk)
    line = DeliveryLine.get_or_none((DeliveryLine.id == line_pk) & (DeliveryLine.note == note.id))
    if line is None:
        abort(404)
    return line


@bp.route("/desk/<int:pk>/lines/<int:line_id>/<step>", methods=["POST"])
@requires("dispatch.ship")
def desk_step(pk, line_id, step):
    _line_of(pk, line_id)
    if ActionForm().validate_on_submit():
        desk.record_step(line_id, step)
    return redirect(url_for("dispatch.desk_note", pk=pk) + f"#line-{line_id}")


@bp.route("/desk/<int:pk>/lines/<int:line_id>/batch", methods=["POST"])
@requires("dispatch.ship")
def desk_batch(pk, line_id):
    line = _line_of(pk, line_id)
    form = BatchForm(prefix=f"b{line_id}")
    form.container.choices = _containers(line.note.plant_id)
    if not form.validate_on_submit():
        errors = "; ".join(f"{getattr(form, k).label.text}: {' '.join(map(str, v))}" for k, v in form.errors.items()
                           if hasattr(form, k))
        raise UserError(errors or _("Please fill in the quantity and the gross weight."), field="batch")
    desk.add_batch(line_id, form.quantity.data, form.gross.data, form.container.data or None,
                   form.container_count.data or 0, override=form.override.data, lot_code=form.lot.data or "")
    flash(_("Batch recorded."), "success")
    return redirect(url_for("dispatch.desk_note", pk=pk) + f"#line-{line_id}")


@bp.route("/desk/<int:pk>/ship", methods=["POST"])
@requires("dispatch.ship")
def desk_ship(pk):
    note = get_for_plant(DeliveryNote, pk)
    if ActionForm().validate_on_submit():
        if note.kind == "inbound":
            inbound.receive_inbound(note.id)
            flash(_("Goods of %(number)s received.", number=note.number), "success")
        else:
            note = shipping.ship(note.id)
            flash(_("Delivery note %(number)s shipped: %(amount)s charged to the customer's account.",
                    number=note.number, amount=money(note.amount)), "success")
    return redirect(url_for("dispatch.note_view", pk=pk))



@bp.route("/notes/<int:pk>/receipt", methods=["GET", "POST"])
@requires("dispatch.receive")
def note_receipt(pk):
    note = get_for_plant(DeliveryNote, pk)
    lines, _batches = note_lines(note)
    form = ReceiptForm()
    if request.method == "GET":
        form.arrived_at.data = clock.plant_now(note.plant_id).replace(second=0, microsecond=0, tzinfo=None)
    if form.validate_on_submit():
        received = {line.id: (request.form.get(f"line-{line.id}-quantity", ""),
                              request.form.get(f"line-{line.id}-weight", ""),
                              request.form.get(f"line-{line.id}-remarks", "")) for line in lines}
        try:
            receipt.confirm_receipt(note.id, form.signed_by.data, received, form.remarks.data or "",
                                    at=clock.from_plant(note.plant_id, form.arrived_at.data))
        except UserError as exc:
            form.form_errors.append(str(exc))
            return render_template("dispatch/receipt.html", note=note, lines=lines, form=form, units=units_by_id(), loss=LOSS,
                                   posted=request.form), 422
        flash(_("Receipt of %(number)s confirmed.", number=note.number), "success")
        return redirect(url_for("dispatch.note_view", pk=pk))
    return render_template("dispatch/receipt.html", note=note, lines=lines, form=form, units=units_by_id(), loss=LOSS,
                           posted=request.form)
