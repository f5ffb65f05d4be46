"""What returns tell us: return rates by customer (customer quality), by delivery staff and vehicle
(work quality), by product, reason and period — aggregated in the database."""
from __future__ import annotations

from decimal import Decimal

from flask_babel import lazy_gettext as _l
from peewee import JOIN, fn

from addons.dispatch.models.line import DeliveryLine
from addons.dispatch.models.note import DeliveryNote
from addons.dispatch.models.trip import Trip
from addons.dispatch.models.vehicle import Vehicle
from addons.master_data.models.customer import Customer
from addons.master_data.models.product import Product
from addons.returns.models.line import ReturnLine
from addons.returns.models.reason import ReturnReason
from addons.returns.models.return_order import ReturnOrder
from core.periods import period_of

DIMENSIONS = {"customer": _l("Customer"), "driver": _l("Driver"), "vehicle": _l("Vehicle"), "product": _l("Product"),
              "reason": _l("Reason"), "month": _l("Month")}
COUNTED = ("approved", "received", "refunded", "credited", "closed")


def _month(field):
    return period_of(field, 7)


def returns_by(plant, first, last, by) -> list[dict]:
    """Returned amount (credited, or claimed while not yet received) per key; with the shipped amount where
    the key also ships (customer, driver, vehicle, product, month), so the rate can be read."""
    source_note = DeliveryNote.alias("src")
    key = {"customer": Customer.name, "product": Product.name, "reason": ReturnReason.name,
           "driver": Trip.driver, "vehicle": Vehicle.plate, "month": _month(ReturnOrder.date)}[by]
    amount = fn.SUM(fn.ABS(ReturnLine.amount))
    query = (ReturnLine.select(key.alias("key"), amount, fn.COUNT(fn.DISTINCT(ReturnOrder.id)))
             .join(ReturnOrder).join(Customer).switch(ReturnLine).join(Product)
             .join_from(ReturnOrder, ReturnReason, JOIN.LEFT_OUTER)
             .join_from(ReturnOrder, source_note, JOIN.LEFT_OUTER, on=(source_note.id == ReturnOrder.note_id))
             .join_from(source_note, Trip, JOIN.LEFT_OUTER, on=(Trip.id == source_note.trip))
             .join_from(Trip, Vehicle, JOIN.LEFT_OUTER)
             .where((ReturnOrder.plant == plant.id) & ReturnOrder.state.in_(COUNTED) & (ReturnLine.quantity < 0)
                    & ReturnOrder.date.between(first, last))
             .group_by(key).tuples())
    returned = {name or "": (ReturnLine.amount.python_value(total or 0), n) for name, total, n in query}
    shipped = _shipped_by(plant, first, last, by)
    rows = []
    for name, (total, count) in sorted(returned.items(), key=lambda kv: -kv[1][0]):
        base = shipped.get(name)
        rows.append({"key": name, "returned": total, "returns": count, "shipped": base,
                     "rate": (total * 100 / base).quantize(Decimal("0.01")) if base else None})
    return rows


def _shipped_by(plant, first, last, by) -> dict:
    if by == "reason":
        return {}
    key = {"customer": Customer.name, "product": Product.name, "driver": Trip.driver, "vehicle": Vehicle.plate,
           "month": _month(DeliveryNote.shipped_on)}[by]
    rows = (DeliveryLine.select(key, fn.SUM(DeliveryLine.amount)).join(DeliveryNote).join(Customer)
            .switch(DeliveryLine).join(Product)
            .join_from(DeliveryNote, Trip, JOIN.LEFT_OUTER).join(Vehicle, JOIN.LEFT_OUTER)
            .where((DeliveryNote.plant == plant.id) & (DeliveryNote.kind != "inbound")
                   & DeliveryNote.state.in_(["shipped", "received"]) & DeliveryNote.shipped_on.between(first, last))
            .group_by(key).tuples())
    return {name or "": DeliveryLine.amount.python_value(total or 0) for name, total in rows}
