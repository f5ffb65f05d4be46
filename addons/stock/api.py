"""Stock over /api/v1: warehouses and lots (the screens' forms), levels and moves to read, and posting a move
by hand (production in, received, transfer, loss, adjustment, opening stock) through the screen's service."""
from __future__ import annotations

from decimal import Decimal

from addons.master_data.models.product import Product
from addons.stock import posting
from addons.stock.models.level import StockLevel
from addons.stock.models.move import MANUAL, StockMove
from addons.stock.models.warehouse import Warehouse
from core.api import Resource
from core.api.operation import ID, Operation, array, code, decimal, obj, text
from core.api.openapi import fields_schema
from core.api.refs import either, pick
from core.api.serialize import to_json
from core.security import current_plant

LEVELS = Resource("stock_levels", StockLevel, "stock.level", exclude=("plant", "lot_key"))
MOVES = Resource("stock_moves", StockMove, "stock.move", search=(StockMove.reference,))
MOVE_FIELDS = [n for n in StockMove._meta.sorted_field_names if n != "plant"]


def _post(body):
    warehouse = pick(Warehouse, body, "warehouse")
    target = pick(Warehouse, body, "to_warehouse", Warehouse.code, "to_warehouse_code", required=False)
    product = pick(Product, body, "product")
    posted = posting.post_by_hand(current_plant().id, body["kind"], warehouse.id, product.id, body.get("lot_code") or "",
                                  Decimal(body.get("quantity") or "0"), Decimal(body.get("weight") or "0"),
                                  body.get("reason") or "", target.id if target else None)
    return {"items": [to_json(m, MOVE_FIELDS) for m in posted]}


def operations() -> list[Operation]:
    signed = decimal(3, 9, signed=True)
    return [Operation("POST", "/stock_moves/post", "stock.move.create", _post,
                      "Post goods in, out or across by hand: one product of one lot (its code) in one warehouse; "
                      "a transfer names the warehouse the goods go to",
                      body=obj({"kind": {"type": "string", "enum": list(MANUAL)}, "warehouse": ID,
                                "warehouse_code": code(), "to_warehouse": ID, "to_warehouse_code": code(),
                                "product": ID, "product_code": code(), "lot_code": code(40), "quantity": signed,
                                "weight": signed, "reason": text(300)}, required=["kind"],
                               one_of=(either("warehouse"), either("product"))),
                      returns=obj({"items": array(fields_schema(StockMove, MOVE_FIELDS))}), status=201, tag="stock")]
