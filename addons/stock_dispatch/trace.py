"""Traceability from the exit record: a lot to the customers who received it (the recall list), a customer to
the lots they received, and the exit record of a day or a period. Each is one indexed query."""
from __future__ import annotations

import datetime
from collections import OrderedDict
from decimal import Decimal

from peewee import fn

from addons.stock_dispatch.models.exit_record import ExitRecord

ZERO = Decimal("0")
FIELDS = ("day", "note_number", "customer_code", "customer_name", "contact", "phone", "address", "product_code",
          "product_name", "lot_number", "quarantine_cert", "quality_cert", "asf_report", "quantity", "weight")


def recall_list(plant_id, lot_id) -> list[dict]:
    """Who received goods of the lot: one row per customer and product, with the notes, days and contacts."""
    groups: OrderedDict = OrderedDict()
    rows = (ExitRecord.select().where((ExitRecord.plant == plant_id) & (ExitRecord.lot == lot_id))
            .order_by(ExitRecord.customer_code, ExitRecord.product_code, ExitRecord.day, ExitRecord.id))
    for r in rows:
        key = (r.customer_id, r.product_id)
        group = groups.get(key)
        if group is None:
            group = groups[key] = {"customer_id": r.customer_id, "customer_code": r.customer_code,
                                   "customer_name": r.customer_name, "contact": r.contact, "phone": r.phone,
                                   "address": r.address, "product_code": r.product_code, "product_name": r.product_name,
                                   "quantity": ZERO, "weight": ZERO, "notes": [], "first": r.day, "last": r.day}
        group["quantity"] += r.quantity
        group["weight"] += r.weight
        if r.note_number not in group["notes"]:
            group["notes"].append(r.note_number)
        group["last"] = r.day
    return list(groups.values())


def lots_of_customer(plant_id, customer_id, first: datetime.date, last: datetime.date) -> list[dict]:
    rows = (ExitRecord.select(ExitRecord.lot_number, ExitRecord.product_code, ExitRecord.product_name,
                              fn.MIN(ExitRecord.day).alias("first"), fn.MAX(ExitRecord.day).alias("last"),
                              fn.SUM(ExitRecord.quantity).alias("quantity"), fn.SUM(ExitRecord.weight).alias("weight"))
            .where((ExitRecord.plant == plant_id) & (ExitRecord.customer == customer_id)
                   & ExitRecord.day.between(first, last))
            .group_by(ExitRecord.lot_number, ExitRecord.product_code, ExitRecord.product_name)
            .order_by(fn.MAX(ExitRecord.day).desc(), ExitRecord.lot_number).dicts())
    return [{**r, "quantity": ExitRecord.quantity.python_value(r["quantity"]),
             "weight": ExitRecord.weight.python_value(r["weight"]),
             "first": _date(r["first"]), "last": _date(r["last"])} for r in rows]


def _date(value):
    return datetime.date.fromisoformat(value) if isinstance(value, str) else value


def exit_record(plant_id, first: datetime.date, last: datetime.date, limit=None) -> list[ExitRecord]:
    query = (ExitRecord.select().where((ExitRecord.plant == plant_id) & ExitRecord.day.between(first, last))
             .order_by(ExitRecord.day, ExitRecord.note_number, ExitRecord.id))
    return list(query.limit(limit) if limit else query)


def totals(rows) -> tuple[Decimal, Decimal]:
    return sum((r["quantity"] if isinstance(r, dict) else r.quantity for r in rows), ZERO), \
        sum((r["weight"] if isinstance(r, dict) else r.weight for r in rows), ZERO)
