"""Orders over /api/v1: create with lines (channel "api"), read with lines, move through review.

A portal user's token sees only their own customer's orders, whatever id they ask for.
"""
from __future__ import annotations

import datetime

from flask_babel import gettext as _

from addons.master_data.models.customer import Customer
from addons.sales_order.access import portal_customer_id
from addons.sales_order.lines import LineInput
from addons.sales_order.models.line import OrderLine
from addons.sales_order.models.order import Order
from addons.sales_order.orders import create_order
from core.api import Resource
from core.api.serialize import to_json
from core.errors import UserError
from core.records import get_for_plant

LINE_FIELDS = ["seq", "product", "quantity", "expected_weight", "unit_price", "list_price", "floor_price", "amount",
               "price_status", "original_quantity", "delivered_quantity", "delivered_weight", "remarks"]
DECIMAL = {"type": "string", "pattern": r"^\d+(\.\d+)?$"}
INPUT = {"type": "object", "required": ["customer", "delivery_date", "lines"], "additionalProperties": False,
         "properties": {
             "customer": {"type": "integer"}, "delivery_date": {"type": "string", "format": "date"},
             "self_pickup": {"type": "boolean"}, "delivery_address": {"type": "string"},
             "remarks": {"type": "string"},
             "lines": {"type": "array", "minItems": 1, "items": {
                 "type": "object", "required": ["product", "quantity"], "additionalProperties": False,
                 "properties": {"product": {"type": "integer"}, "quantity": DECIMAL, "expected_weight": DECIMAL,
                                "unit_price": DECIMAL, "remarks": {"type": "string"}}}}}}


def _scope(query):
    customer_id = portal_customer_id()
    return query if customer_id is None else query.where(Order.customer == customer_id)


def _detail(order):
    lines = order.lines.order_by(OrderLine.seq)
    return {"lines": [to_json(line, LINE_FIELDS) for line in lines]}


def _create(body):
    portal = portal_customer_id()
    try:
        customer_id = int(body.get("customer") if portal is None else portal)
        day = datetime.date.fromisoformat(str(body.get("delivery_date")))
    except (TypeError, ValueError):
        raise UserError(_("customer (an id) and delivery_date (YYYY-MM-DD) are required."), field="customer") from None
    customer = get_for_plant(Customer, customer_id) if portal is None else Customer.get_by_id(portal)
    raw = body.get("lines")
    if not isinstance(raw, list) or not all(isinstance(x, dict) for x in raw):
        raise UserError(_("lines must be a list of objects."), field="lines")
    inputs = [LineInput(x.get("product"), x.get("quantity"), x.get("expected_weight"), x.get("unit_price"),
                        str(x.get("remarks") or "")) for x in raw]
    return create_order(customer, day, inputs, kind="reservation" if portal else "order",
                        channel="portal" if portal else "api", self_pickup=bool(body.get("self_pickup")),
                        delivery_address=str(body.get("delivery_address") or ""),
                        remarks=str(body.get("remarks") or ""), may_set_price=portal is None)


ORDERS = Resource("orders", Order, "sales_order.order", search=(Order.number,), creator=_create,
                  input_schema=INPUT, scope=_scope, detail=_detail)
