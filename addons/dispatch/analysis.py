"""Transit loss, on-time delivery and today's trips, aggregated in the database."""
from __future__ import annotations

import datetime
from decimal import Decimal

from flask_babel import lazy_gettext as _l
from peewee import JOIN, Case, fn

from addons.dispatch.models.line import DeliveryLine
from addons.dispatch.models.note import DeliveryNote
from addons.dispatch.models.trip import Trip
from addons.dispatch.models.vehicle import Vehicle
from addons.master_data.models.customer import Customer
from addons.master_data.models.product import Product
from core.periods import period_of

DIMENSIONS = {"product": _l("Product"), "vehicle": _l("Vehicle"), "driver": _l("Driver"),
              "customer": _l("Customer"), "month": _l("Month")}


def loss(plant, first: datetime.date, last: datetime.date, by: str) -> list[dict]:
    key = {"product": Product.name, "vehicle": Vehicle.plate, "driver": Trip.driver, "customer": Customer.name,
           # literal positions: PostgreSQL matches GROUP BY to the select only when no parameters differ
           "month": period_of(DeliveryNote.received_on, 7)}[by]
    flagged = fn.SUM(Case(None, [(DeliveryLine.loss_status == "flagged", 1)], 0))
    rows = (DeliveryLine.select(key.alias("key"), fn.SUM(DeliveryLine.shipped_weight), fn.SUM(DeliveryLine.received_weight),
                                fn.SUM(DeliveryLine.loss_weight), flagged, fn.COUNT(fn.DISTINCT(DeliveryNote.id)))
            .join(DeliveryNote).join(Customer).switch(DeliveryLine).join(Product)
            .join_from(DeliveryNote, Trip, JOIN.LEFT_OUTER).join(Vehicle, JOIN.LEFT_OUTER)
            .where((DeliveryNote.plant == plant.id) & (DeliveryNote.kind == "delivery")
                   & (DeliveryNote.state == "received") & DeliveryNote.received_on.between(first, last))
            .group_by(key).order_by(fn.SUM(DeliveryLine.loss_weight).desc()).tuples())
    out = []
    for name, shipped, received, lost, bad, notes in rows:
        shipped, received, lost = (DeliveryLine.shipped_weight.python_value(shipped or 0),
                                   DeliveryLine.shipped_weight.python_value(received or 0),
                                   DeliveryLine.shipped_weight.python_value(lost or 0))
        out.append({"key": name or "", "shipped": shipped, "received": received, "loss": lost,
                    "rate": (lost * 100 / shipped).quantize(Decimal("0.01")) if shipped else Decimal("0"),
                    "flagged": bad or 0, "notes": notes})
    return out


def on_time(plant, first, last) -> dict:
    late = fn.SUM(Case(None, [(DeliveryNote.received_on > DeliveryNote.day, 1)], 0))
    total, late_count = (DeliveryNote.select(fn.COUNT(DeliveryNote.id), late)
                         .where((DeliveryNote.plant == plant.id) & (DeliveryNote.kind == "delivery")
                                & (DeliveryNote.state == "received") & DeliveryNote.day.between(first, last))
                         .tuples().get())
    total, late_count = total or 0, late_count or 0
    rate = (Decimal(total - late_count) * 100 / total).quantize(Decimal("0.1")) if total else None
    return {"received": total, "late": late_count, "rate": rate}


def board(plant, day) -> list[dict]:
    """Today's trips: state, vehicle, planned and shipped kg, notes signed for."""
    signed = fn.SUM(Case(None, [(DeliveryNote.state == "received", 1)], 0))
    weights = (DeliveryLine.select(DeliveryNote.trip.alias("trip"), fn.SUM(DeliveryLine.weight).alias("planned"),
                                   fn.SUM(DeliveryLine.shipped_weight).alias("shipped"))
               .join(DeliveryNote).where(DeliveryNote.state != "cancelled").group_by(DeliveryNote.trip).alias("w"))
    notes = (DeliveryNote.select(DeliveryNote.trip.alias("trip"), fn.COUNT(DeliveryNote.id).alias("n"),
                                 signed.alias("signed"))
             .where(DeliveryNote.state != "cancelled").group_by(DeliveryNote.trip).alias("n"))
    rows = (Trip.select(Trip, Vehicle, weights.c.planned, weights.c.shipped, notes.c.n, notes.c.signed)
            .join(Vehicle).switch(Trip)
            .join(weights, JOIN.LEFT_OUTER, on=(weights.c.trip == Trip.id))
            .join(notes, JOIN.LEFT_OUTER, on=(notes.c.trip == Trip.id))
            .where((Trip.plant == plant.id) & (Trip.day == day) & (Trip.state != "cancelled"))
            .order_by(Trip.departure, Trip.id).objects())
    value = DeliveryLine.weight.python_value
    return [{"trip": t, "planned": value(t.planned or 0), "shipped": value(t.shipped or 0), "notes": t.n or 0,
             "signed": t.signed or 0} for t in rows]
