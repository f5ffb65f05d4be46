"""Delivery planning, the shipping desk and customer receipt over /api/v1, through the screens' services.

Trips and delivery notes read as resources (a trip departs, is delivered or cancelled by its workflow moves);
planning, keyed batches, shipping and the signed receipt are operations. Orders are named by number,
vehicles by plate, lines of a note by their sequence, wherever an id would do.
"""
from __future__ import annotations

from flask_babel import gettext as _

from addons.dispatch import desk, inbound, planning, receipt, shipping
from addons.dispatch.models.batch import ShipmentBatch
from addons.dispatch.models.container import ContainerType
from addons.dispatch.models.line import DeliveryLine
from addons.dispatch.models.note import DeliveryNote
from addons.dispatch.models.trip import Trip
from addons.dispatch.models.vehicle import Vehicle
from addons.dispatch.trips import cancel_note
from addons.sales_order.models.line import OrderLine
from addons.sales_order.models.order import Order
from core import clock
from core.api import Resource
from core.api.operation import DATE, DATETIME, ID, KG, QUANTITY, Operation, array, code, day, instant, obj, text
from core.api.openapi import fields_schema
from core.api.refs import either, pick
from core.api.serialize import encode, to_json
from core.errors import UserError
from core.records import get_for_plant
from core.security import current_plant

LINE_FIELDS = ["seq", "order_line", "product", "quantity", "weight", "unit_price", "shipped_quantity",
               "shipped_weight", "received_quantity", "received_weight", "loss_weight", "loss_status",
               "quality_remarks", "amount"]
BATCH_FIELDS = ["line", "seq", "quantity", "gross", "tare", "net", "container", "container_count", "source",
                "lot_code", "weighing_id", "at", "voided"]
NOTE_FIELDS = [n for n in DeliveryNote._meta.sorted_field_names if n != "plant"]


def note_detail(note) -> dict:
    lines = list(DeliveryLine.select().where(DeliveryLine.note == note.id).order_by(DeliveryLine.seq))
    batches = {}
    if lines:
        for batch in ShipmentBatch.select().where(ShipmentBatch.line.in_([x.id for x in lines])).order_by(
                ShipmentBatch.line, ShipmentBatch.seq):
            batches.setdefault(batch.line_id, []).append(to_json(batch, BATCH_FIELDS))
    return {"lines": [dict(to_json(x, LINE_FIELDS), batches=batches.get(x.id, [])) for x in lines]}


def note_out(note) -> dict:
    return {**to_json(note, NOTE_FIELDS), **note_detail(note)}


def _trip_detail(trip):
    notes = DeliveryNote.select(DeliveryNote.id, DeliveryNote.number, DeliveryNote.customer, DeliveryNote.state,
                                DeliveryNote.stop_seq).where(DeliveryNote.trip == trip.id).order_by(DeliveryNote.stop_seq)
    return {"notes": [{"id": n.id, "number": n.number, "customer": n.customer_id, "stop_seq": n.stop_seq,
                       "state": n.state} for n in notes]}


BATCH_SCHEMA = fields_schema(ShipmentBatch, BATCH_FIELDS)
TRIPS = Resource("trips", Trip, "dispatch.trip", search=(Trip.number,), detail=_trip_detail, detail_schema={
    "notes": {"type": "array", "items": fields_schema(DeliveryNote, ["number", "customer", "stop_seq", "state"])}})
NOTES = Resource("delivery_notes", DeliveryNote, "dispatch.delivery_note", search=(DeliveryNote.number,),
                 detail=note_detail, detail_schema={"lines": {"type": "array", "items": fields_schema(
                     DeliveryLine, LINE_FIELDS, batches={"type": "array", "items": BATCH_SCHEMA})}})


# --- planning ---------------------------------------------------------------------------------------------

def _waiting(query):
    plant = current_plant()
    when = day(query.get("day")) or clock.plant_today(plant)
    return {"day": when.isoformat(), "items": [{
        "order_line": row.line.id, "order": row.order.id, "order_number": row.order.number,
        "seq": row.line.seq, "customer": row.customer.id, "customer_code": row.customer.code,
        "product": row.line.product_id, "product_code": row.line.product.code,
        "delivery_date": row.order.delivery_date.isoformat(), "self_pickup": row.order.self_pickup,
        "left": encode(row.left), "weight": encode(row.weight)} for row in planning.waiting_lines(plant, when)]}


def _new_trip(body):
    plant = current_plant()
    vehicle = pick(Vehicle, body, "vehicle", Vehicle.plate, "vehicle_plate")
    departure = instant(body.get("departure"))
    trip = planning.create_trip(plant, day(body["day"]), vehicle.id, body.get("driver") or "",
                                clock.to_plant(plant, departure))   # create_trip reads the plant's clock
    return {**to_json(trip, TRIPS.fields()), "notes": []}


def _order_line(item, n):
    if item.get("order_line") is not None:
        return item["order_line"], item["quantity"]
    order = pick(Order, item, "order", Order.number, "order_number", prefix=f"lines-{n}-")
    line = OrderLine.get_or_none((OrderLine.order == order.id) & (OrderLine.seq == item["seq"]))
    if line is None:
        raise UserError(_("Order %(number)s has no line %(seq)s.", number=order.number, seq=item["seq"]),
                        field=f"lines-{n}-seq")
    return line.id, item["quantity"]


def _assign(body):
    plant = current_plant()
    if body.get("pickup"):
        if body.get("trip") is not None or body.get("trip_number"):
            raise UserError(_("Choose a trip, or self-pickup."), field="trip")
        trip = None
    else:
        trip = pick(Trip, body, "trip", Trip.number, "trip_number")
    items = [_order_line(item, n) for n, item in enumerate(body["lines"])]
    notes = planning.assign(plant, trip, items, day=day(body.get("day")), allow_overload=bool(body.get("allow_overload")))
    return {"notes": [note_out(note) for note in notes]}


# --- the desk ---------------------------------------------------------------------------------------------

def note_of(note_id) -> DeliveryNote:
    return get_for_plant(DeliveryNote, note_id)


def line_of(note, body) -> DeliveryLine:
    """A line of `note` by its id (`line`) or its sequence on the note (`line_seq`)."""
    where = DeliveryLine.note == note.id
    if body.get("line") is not None:
        found = DeliveryLine.get_or_none(where & (DeliveryLine.id == body["line"]))
    else:
        found = DeliveryLine.get_or_none(where & (DeliveryLine.seq == body["line_seq"]))
    if found is None:
        raise UserError(_("Delivery note %(number)s has no such line.", number=note.number), field="line")
    return found


def container_of(body):
    found = pick(ContainerType, body, "container", ContainerType.code, "container_code", required=False)
    return found.id if found is not None else None


def _batch(body, id):
    note = note_of(id)
    line = line_of(note, body)
    batch = desk.add_batch(line.id, body["quantity"], body["gross"], container_of(body), body.get("container_count", 0),
                           override=bool(body.get("override")), lot_code=body.get("lot_code") or "")
    return to_json(batch, BATCH_FIELDS)


def _void_batch(body, id, batch_id):
    note = note_of(id)
    batch = ShipmentBatch.get_or_none((ShipmentBatch.id == batch_id) & ShipmentBatch.line.in_(
        DeliveryLine.select(DeliveryLine.id).where(DeliveryLine.note == note.id)))
    if batch is None:
        raise UserError(_("Delivery note %(number)s has no such batch.", number=note.number), field="batch_id")
    return to_json(desk.void_batch(batch.id, body.get("reason") or ""), BATCH_FIELDS)


def _ship(body, id):
    note = note_of(id)
    if note.kind == "inbound":
        inbound.receive_inbound(note.id)
    else:
        shipping.ship(note.id)
    return note_out(DeliveryNote.get_by_id(note.id))


def _cancel(body, id):
    note = note_of(id)
    cancel_note(note)
    return note_out(DeliveryNote.get_by_id(note.id))


def _receipt(body, id):
    note = note_of(id)
    lines = list(DeliveryLine.select().where(DeliveryLine.note == note.id))     # one query, not one per line
    by_id, by_seq = {x.id: x for x in lines}, {x.seq: x for x in lines}
    received = {}
    for n, item in enumerate(body.get("lines") or []):
        line = by_id.get(item["line"]) if item.get("line") is not None else by_seq.get(item.get("line_seq"))
        if line is None:
            raise UserError(_("Delivery note %(number)s has no such line.", number=note.number),
                            field=f"lines-{n}-line")
        received[line.id] = (item["quantity"], item["weight"], item.get("remarks") or "")
    receipt.confirm_receipt(note.id, body["signed_by"], received, body.get("remarks") or "",
                            at=instant(body.get("arrived_at")))
    return note_out(DeliveryNote.get_by_id(note.id))


LINE_REF = {"line": ID, "line_seq": {"type": "integer", "minimum": 1, "maximum": 100000}}
CONTAINER = {"container": ID, "container_code": code(), "container_count": {"type": "integer", "minimum": 0,
                                                                           "maximum": 100000},
             "lot_code": code(40)}     # the lot the goods came from (scanned); the stock addon picks one if left out
NOTE_SCHEMA = {"$ref": "#/components/schemas/DeliveryNotes"}
_INT, _TEXT = {"type": "integer"}, {"type": "string"}
WAITING = {"type": "object", "properties": {"day": _TEXT, "items": {"type": "array", "items": {
    "type": "object", "properties": {"order_line": _INT, "order": _INT, "order_number": _TEXT, "seq": _INT,
                                     "customer": _INT, "customer_code": _TEXT, "product": _INT, "product_code": _TEXT,
                                     "delivery_date": _TEXT, "self_pickup": {"type": "boolean"}, "left": _TEXT,
                                     "weight": _TEXT}}}}}
TRIP_SCHEMA = {"$ref": "#/components/schemas/Trips"}


def operations() -> list[Operation]:
    plan_line = obj({"order_line": ID, "order": ID, "order_number": code(32),
                     "seq": {"type": "integer", "minimum": 1, "maximum": 100000}, "quantity": QUANTITY},
                    required=["quantity"], one_of=(("order_line", "order", "order_number"),))
    return [
        Operation("GET", "/planning/waiting", "dispatch.plan", _waiting,
                  "Approved order lines waiting to be planned, due on or before `day` (default: the plant's today)",
                  query={"day": DATE}, returns=WAITING, tag="dispatch"),
        Operation("POST", "/trips", "dispatch.plan", _new_trip, "Add a trip: a vehicle (id or plate) on a day",
                  body=obj({"day": DATE, "vehicle": ID, "vehicle_plate": code(20), "driver": text(80),
                            "departure": DATETIME}, required=["day"], one_of=(either("vehicle", "vehicle_plate"),)),
                  returns=TRIP_SCHEMA, status=201, tag="dispatch"),
        Operation("POST", "/planning/assign", "dispatch.plan", _assign,
                  "Put order lines on a trip (or on self-pickup notes with `pickup`): one note per customer",
                  body=obj({"trip": ID, "trip_number": code(32), "pickup": {"type": "boolean"}, "day": DATE,
                            "allow_overload": {"type": "boolean"}, "lines": array(plan_line, 1)},
                           required=["lines"]),
                  returns={"type": "object", "properties": {"notes": {"type": "array", "items": NOTE_SCHEMA}}},
                  status=201, tag="dispatch"),
        Operation("POST", "/delivery_notes/{id}/cancel", "dispatch.plan", _cancel,
                  "Cancel a planned note nothing was weighed for: its lines go back to planning",
                  returns=NOTE_SCHEMA, tag="dispatch"),
        Operation("POST", "/delivery_notes/{id}/batches", "dispatch.ship", _batch,
                  "Record a batch with a keyed gross weight (refused where a scale serves the desk)",
                  body=obj({**LINE_REF, "quantity": QUANTITY, "gross": KG, **CONTAINER,
                            "override": {"type": "boolean"}}, required=["quantity", "gross"],
                           one_of=(("line", "line_seq"),)),
                  returns=BATCH_SCHEMA, status=201, tag="dispatch"),
        Operation("POST", "/delivery_notes/{id}/batches/{batch_id}/void", "dispatch.ship", _void_batch,
                  "Take a batch back before the note ships", body=obj({"reason": text(300, True)},
                                                                     required=["reason"]),
                  returns=BATCH_SCHEMA, tag="dispatch"),
        Operation("POST", "/delivery_notes/{id}/ship", "dispatch.ship", _ship,
                  "Ship the note: billed on what was weighed, charged to the customer's account",
                  returns=NOTE_SCHEMA, tag="dispatch"),
        Operation("POST", "/delivery_notes/{id}/receipt", "dispatch.receive", _receipt,
                  "The customer signed for the goods; lines left out arrived in full",
                  body=obj({"signed_by": text(80, True), "arrived_at": DATETIME, "remarks": text(2000),
                            "lines": array(obj({**LINE_REF, "quantity": QUANTITY, "weight": KG,
                                                "remarks": text(300)}, required=["quantity", "weight"],
                                               one_of=(("line", "line_seq"),)))},
                           required=["signed_by"]),
                  returns=NOTE_SCHEMA, tag="dispatch"),
    ]
