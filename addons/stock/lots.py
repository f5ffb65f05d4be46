"""Lots: finding one by the code a desk scans, and the first-expiring-first choice among those in stock."""
from __future__ import annotations

from flask_babel import gettext as _
from peewee import Case

from addons.stock.models.level import StockLevel
from addons.stock.models.lot import Lot
from addons.stock.models.warehouse import Warehouse
from addons.stock.settings import settings_of
from core.errors import UserError


def lot_by_code(plant_id, code) -> Lot:
    found = Lot.get_or_none((Lot.plant == plant_id) & (Lot.number == (code or "").strip()))
    if found is None:
        raise UserError(_("There is no lot %(code)s in this plant.", code=code), field="lot")
    return found


def in_stock(plant_id, product_id, lot_id=None, limit=20) -> list[tuple[StockLevel, Lot, Warehouse]]:
    """The levels of `product_id` with goods in them (of one lot, or of any), first-expiring first; the
    plant's shipping warehouse before the others, then the fullest."""
    ship_from = settings_of(plant_id).ship_from_id or 0
    query = (StockLevel.select(StockLevel, Lot, Warehouse).join(Lot).switch(StockLevel).join(Warehouse)
             .where((StockLevel.plant == plant_id) & (StockLevel.product == product_id)
                    & (StockLevel.weight > 0) & (StockLevel.quantity >= 0)))
    if lot_id is not None:
        query = query.where(StockLevel.lot == lot_id)
    query = query.order_by(Lot.expires_on.asc(nulls="LAST"), Lot.day, Lot.id,
                           Case(None, [(StockLevel.warehouse == ship_from, 0)], 1), StockLevel.weight.desc())
    return [(level, level.lot, level.warehouse) for level in query.limit(limit)]
