"""Returns over /api/v1: enter one with its lines (negative comes back, positive goes out as replacement),
then move it by its workflow (submit, approve, keep as credit, close); the goods come back on the inbound
note the approval plans, received at the desk; a refund pays out here with its amount and method."""
from __future__ import annotations

from addons.dispatch.models.note import DeliveryNote
from addons.ledger.models.receipt import METHODS
from addons.master_data.models.customer import Customer
from addons.master_data.models.product import Product
from addons.returns.models.line import ReturnLine
from addons.returns.models.reason import ReturnReason
from addons.returns.models.return_order import KINDS, ReturnOrder
from addons.returns.returns import ReturnInput, save_return
from addons.sales_order.models.order import Order
from core.api import Resource
from core.api.operation import ID, KG, MONEY, Operation, array, code, decimal, obj, text
from core.api.openapi import fields_schema
from core.api.refs import either, pick
from core.api.serialize import to_json
from core.records import get_for_plant

LINE_FIELDS = ["seq", "product", "quantity", "weight", "unit_price", "received_quantity", "received_weight", "amount"]


def _detail(record):
    return {"lines": [to_json(x, LINE_FIELDS) for x in
                      ReturnLine.select().where(ReturnLine.order == record.id).order_by(ReturnLine.seq)]}


def _create(body):
    customer = pick(Customer, body, "customer")
    reason = pick(ReturnReason, body, "reason", required=False)
    order = pick(Order, body, "order", Order.number, "order_number", required=False)
    note = pick(DeliveryNote, body, "note", DeliveryNote.number, "note_number", required=False)
    inputs = []
    for n, line in enumerate(body.get("lines") or []):
        product = pick(Product, line, "product", prefix=f"lines-{n}-")
        inputs.append(ReturnInput(product.id, line["quantity"], line.get("weight")))
    return save_return(customer, inputs, kind=body.get("kind", "return"), reason_id=reason.id if reason else None,
                       order_id=order.id if order else None, note_id=note.id if note else None,
                       tracking=body.get("tracking") or "", remarks=body.get("remarks") or "",
                       claimed=body.get("claimed"))


INPUT = obj({"customer": ID, "customer_code": code(), "kind": {"type": "string", "enum": list(KINDS)},
             "reason": ID, "reason_code": code(), "order": ID, "order_number": code(32), "note": ID,
             "note_number": code(32), "tracking": text(60), "remarks": text(2000), "claimed": MONEY,
             "lines": array(obj({"product": ID, "product_code": code(), "quantity": decimal(3, 9, signed=True),
                                 "weight": KG}, required=["quantity"], one_of=(either("product"),)))},
            one_of=(either("customer"),))

RETURNS = Resource("returns", ReturnOrder, "returns.order", search=(ReturnOrder.number,), detail=_detail,
                   creator=_create, input_schema=INPUT,
                   detail_schema={"lines": {"type": "array", "items": fields_schema(ReturnLine, LINE_FIELDS)}})


def _refund(body, id):
    record = get_for_plant(ReturnOrder, id)
    record.refund(body["amount"], body["method"])
    return {**to_json(record, RETURNS.fields()), **_detail(record)}


def operations() -> list[Operation]:
    return [Operation("POST", "/returns/{id}/refund", "returns.refund", _refund,
                      "Pay a received return back to the customer: the amount and how it is paid",
                      body=obj({"amount": MONEY, "method": {"type": "string", "enum": list(METHODS)}},
                               required=["amount", "method"]),
                      returns={"$ref": "#/components/schemas/Returns"}, tag="returns")]
