"""The moves a user posts by hand (production in, received, transfer, loss, adjustment, opening stock):
the form's words checked and turned into the items `moves.post` writes."""
from __future__ import annotations

from decimal import Decimal

from flask_babel import gettext as _

from addons.stock import moves
from addons.stock.lots import lot_by_code
from addons.stock.models.move import MANUAL, SIGN
from core.errors import UserError


def post_by_hand(plant_id, kind, warehouse_id, product_id, lot_code, quantity: Decimal, weight: Decimal,
                 reason="", to_warehouse_id=None):
    if kind not in MANUAL:
        raise UserError(_("This kind of move comes from its document, not by hand."), field="kind")
    if not (quantity or weight):
        raise UserError(_("Give a quantity or a weight."), field="quantity")
    lot_id = lot_by_code(plant_id, lot_code).id if (lot_code or "").strip() else None
    if kind in ("loss", "adjustment") and not (reason or "").strip():
        raise UserError(_("Please give a reason."), field="reason")
    if kind == "transfer":
        if not to_warehouse_id or to_warehouse_id == warehouse_id:
            raise UserError(_("Choose the warehouse the goods go to."), field="to_warehouse")
        qty, kg = abs(quantity), abs(weight)
        items = [moves.Item(warehouse_id, product_id, lot_id, -qty, -kg),
                 moves.Item(to_warehouse_id, product_id, lot_id, qty, kg)]
    else:
        sign = SIGN[kind] or 1          # an adjustment is signed as typed
        items = [moves.Item(warehouse_id, product_id, lot_id, abs(quantity) * sign if SIGN[kind] else quantity,
                            abs(weight) * sign if SIGN[kind] else weight)]
    return moves.post(plant_id, kind, items, reason=(reason or "").strip())
