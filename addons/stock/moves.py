"""Posting stock moves. Every move changes one level (warehouse, product, lot); the levels a posting
touches are locked first, in one order, so two desks taking the last kilograms of a lot run one after the
other, and where the plant forbids negative stock the second is refused. Moves are only ever added."""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from flask_babel import gettext as _

from addons.master_data.models.product import Product
from addons.stock import costing
from addons.stock.models.level import StockLevel
from addons.stock.models.lot import Lot
from addons.stock.models.move import KINDS, SIGN, StockMove
from addons.stock.models.warehouse import Warehouse
from addons.stock.settings import settings_of
from core import audit, clock, context
from core.db import bulk_upsert, insert_rows, joined_transaction, lock
from core.errors import UserError

ZERO = Decimal("0")
GRAM = Decimal("0.001")      # three places, as stored: what a posting returns reads as what is kept


@dataclass
class Item:
    """One line of a posting: `quantity` and `weight` signed (in positive, out negative)."""
    warehouse_id: int
    product_id: int
    lot_id: int | None
    quantity: Decimal
    weight: Decimal
    source_id: int | None = None
    cost: Decimal | None = None      # what goods coming in cost (bought); else valued at the average


def post(plant_id, kind, items: list[Item], *, reference="", source_model="", reason="",
         day: datetime.date | None = None) -> list[StockMove]:
    """Write the moves of `items` and their levels in the caller's transaction (or a new one)."""
    if kind not in KINDS:
        raise UserError(_("Unknown kind of stock move."), field="kind")
    items = [i for i in items if i.quantity or i.weight]
    if not items:
        return []
    _check_signs(kind, items)
    user = context.current().user
    with joined_transaction():
        _check_plant(plant_id, items)
        if kind == "production" and any(i.lot_id and i.cost is None for i in items):
            _known_costs(plant_id, items, day)
        levels = _locked_levels(plant_id, items)
        forbid_negative = not settings_of(plant_id).allow_negative
        for item in items:
            level = levels[(item.warehouse_id, item.product_id, item.lot_id or 0)]
            level.quantity += item.quantity
            level.weight += item.weight
            if forbid_negative and (item.quantity < 0 or item.weight < 0) and (level.quantity < 0 or level.weight < 0):
                _refuse_shortage(level, item)
        for level in levels.values():
            level.save(only=[StockLevel.quantity, StockLevel.weight])
        costs = costing.cost_items(plant_id, items)
        at = clock.utcnow()
        day = day or clock.plant_date(plant_id, at)
        rows = [{"plant": plant_id, "day": day, "at": at, "kind": kind, "warehouse": i.warehouse_id,
                 "product": i.product_id, "lot": i.lot_id, "quantity": i.quantity.quantize(GRAM),
                 "weight": i.weight.quantize(GRAM), "cost": cost,
                 "reference": reference[:40], "source_model": source_model, "source_id": i.source_id,
                 "reason": reason[:300], "user": user.id if user else None} for i, cost in zip(items, costs)]
        insert_rows(StockMove, rows)
        audit.log("stock_" + kind, StockMove._meta.table_name, None, plant=plant_id, comment=reason or None,
                  new={"reference": reference, "moves": [
                      {"warehouse": i.warehouse_id, "product": i.product_id, "lot": i.lot_id,
                       "quantity": i.quantity, "weight": i.weight} for i in items]})
    return [StockMove(**r) for r in rows]


def _known_costs(plant_id, items, day):
    """What other addons know of the production's cost (the lot's live hogs): filled into the items."""
    from core.kernel import current_kernel
    for answer in current_kernel().hooks.call("production_costs", plant_id, plant_id=plant_id, items=items, day=day):
        for n, cost in (answer or {}).items():
            if items[n].cost is None:
                items[n].cost = cost


def _check_signs(kind, items):
    sign = SIGN[kind]
    for n, item in enumerate(items, 1):
        if sign and (item.quantity * sign < 0 or item.weight * sign < 0):
            raise UserError(_("Line %(n)d: a move of this kind goes %(way)s.", n=n,
                              way=_("in") if sign > 0 else _("out")), field="quantity")


def _check_plant(plant_id, items):
    """Nothing a user typed names another plant's warehouse, product or lot."""
    for model, ids, field, message in (
            (Warehouse, {i.warehouse_id for i in items}, "warehouse", _("Choose a warehouse of this plant.")),
            (Product, {i.product_id for i in items}, "product", _("Choose a product of this plant.")),
            (Lot, {i.lot_id for i in items} - {None}, "lot", _("Choose a lot of this plant."))):
        found = {r.id for r in model.select(model.id).where(model.id.in_(list(ids)) & (model.plant == plant_id))}
        if found != ids:
            raise UserError(message, field=field)


def _locked_levels(plant_id, items) -> dict:
    """The levels the items touch, created where new and locked, keyed (warehouse, product, lot or 0)."""
    keys = sorted({(i.warehouse_id, i.product_id, i.lot_id or 0) for i in items})
    bulk_upsert(StockLevel, [{"plant": plant_id, "warehouse": w, "product": p, "lot": lot or None, "lot_key": lot,
                              "quantity": ZERO, "weight": ZERO} for w, p, lot in keys],
                conflict=["warehouse", "product", "lot_key"], update=[])
    query = StockLevel.select().where(StockLevel.warehouse.in_({k[0] for k in keys})
                                      & StockLevel.product.in_({k[1] for k in keys})
                                      & StockLevel.lot_key.in_({k[2] for k in keys})).order_by(StockLevel.id)
    found = {(lv.warehouse_id, lv.product_id, lv.lot_key): lv for lv in lock(query)}
    return {k: found[k] for k in keys}


def _refuse_shortage(level, item):
    product, warehouse = Product.get_by_id(level.product_id), Warehouse.get_by_id(level.warehouse_id)
    lot = Lot.get_by_id(level.lot_id).number if level.lot_id else _("no lot")
    raise UserError(_("Not enough %(product)s of lot %(lot)s in %(warehouse)s: %(qty)s and %(kg)s kg there before "
                      "this, %(out_qty)s and %(out_kg)s kg asked.", product=product.name, lot=lot,
                      warehouse=warehouse.name, qty=level.quantity - item.quantity, kg=level.weight - item.weight,
                      out_qty=-item.quantity, out_kg=-item.weight), field="lot")
