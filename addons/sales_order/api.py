"""Orders over /api/v1: create with lines (channel "api"), read with lines, move through review.

A portal user's token sees only their own customer's orders, whatever id they ask for.
"""
from __future__ import annotations

import datetime

from flask_babel import gettext as _

from addons.master_data.models.customer import Customer
from addons.master_data.models.product import Product
from addons.sales_order.access import portal_customer_id
from addons.sales_order.lines import LineInput
from addons.sales_order.models.line import OrderLine
from addons.sales_order.models.order import Order
from addons.sales_order.orders import create_order
from core.api import Resource
from core.api.operation import decimal, text
from core.api.openapi import fields_schema
from core.api.serialize import to_json
from core.errors import UserError
from core.records import get_for_plant
from core.security import current_plant

LINE_FIELDS = ["seq", "product", "quantity", "expected_weight", "unit_price", "list_price", "floor_price", "amount",
               "price_status", "original_quantity", "delivered_quantity", "delivered_weight", "remarks"]
QUANTITY, KG, PRICE = decimal(3, 9), decimal(3, 9), decimal(4, 12)
# an integration knows the codes its own system keeps: customer_code and product_code stand for the ids
INPUT = {"type": "object", "required": ["delivery_date", "lines"], "additionalProperties": False,
         "anyOf": [{"required": ["customer"]}, {"required": ["customer_code"]}],
         "properties": {
             "customer": {"type": "integer"}, "customer_code": {"type": "string", "maxLength": 40},
             "delivery_date": {"type": "string", "format": "date"},
             "self_pickup": {"type": "boolean"}, "delivery_address": text(300),
             "remarks": text(2000),
             "lines": {"type": "array", "minItems": 1, "items": {
                 "type": "object", "required": ["quantity"], "additionalProperties": False,
                 "anyOf": [{"required": ["product"]}, {"required": ["product_code"]}],
                 "properties": {"product": {"type": "integer"}, "product_code": {"type": "string", "maxLength": 40},
                                "quantity": QUANTITY, "expected_weight": KG,
                                "unit_price": PRICE, "remarks": text(300)}}}}}


def _scope(query):
    customer_id = portal_customer_id()
    return query if customer_id is None else query.where(Order.customer == customer_id)


def _detail(order):
    lines = order.lines.order_by(OrderLine.seq)
    return {"lines": [to_json(line, LINE_FIELDS) for line in lines]}


def _create(body):
    portal = portal_customer_id()
    plant = current_plant()
    if portal is None and body.get("customer") is None and body.get("customer_code") is not None:
        found = Customer.get_or_none((Customer.plant == plant.id) & (Customer.code == str(body["customer_code"])))
        if found is None:
            raise UserError(_("There is no customer %(code)s in this plant.", code=str(body["customer_code"])[:40]),
                            field="customer_code")
        body = {**body, "customer": found.id}
    try:
        customer_id = int(body.get("customer") if portal is None else portal)
        day = datetime.date.fromisoformat(str(body.get("delivery_date")))
    except (TypeError, ValueError):
        raise UserError(_("customer (an id) and delivery_date (YYYY-MM-DD) are required."), field="customer") from None
    customer = get_for_plant(Customer, customer_id) if portal is None else Customer.get_by_id(portal)
    raw = body.get("lines")
    if not isinstance(raw, list) or not all(isinstance(x, dict) for x in raw):
        raise UserError(_("lines must be a list of objects."), field="lines")
    codes = {str(x["product_code"]) for x in raw if x.get("product") is None and x.get("product_code") is not None}
    by_code = {p.code: p.id for p in Product.select(Product.id, Product.code)
               .where((Product.plant == plant.id) & Product.code.in_(list(codes)))} if codes else {}
    for n, x in enumerate(raw):
        if x.get("product") is None and x.get("product_code") is not None and str(x["product_code"]) not in by_code:
            raise UserError(_("Line %(n)d: there is no product %(code)s in this plant.", n=n + 1,
                              code=str(x["product_code"])[:40]), field=f"lines-{n}-product")
    inputs = [LineInput(x.get("product") if x.get("product") is not None else by_code.get(str(x.get("product_code"))),
                        x.get("quantity"), x.get("expected_weight"), x.get("unit_price"),
                        str(x.get("remarks") or "")) for x in raw]
    return create_order(customer, day, inputs, kind="reservation" if portal else "order",
                        channel="portal" if portal else "api", self_pickup=bool(body.get("self_pickup")),
                        delivery_address=str(body.get("delivery_address") or ""),
                        remarks=str(body.get("remarks") or ""), may_set_price=portal is None)


ORDERS = Resource("orders", Order, "sales_order.order", search=(Order.number,), creator=_create,
                  input_schema=INPUT, scope=_scope, detail=_detail,
                  detail_schema={"lines": {"type": "array", "items": fields_schema(OrderLine, LINE_FIELDS)}})
