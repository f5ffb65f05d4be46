"""Lots: finding one by the code a desk scans, and the first-expiring-first choice among those in stock."""
from __future__ import annotations

from flask_babel import gettext as _
from peewee import Case, fn

from addons.stock.models.level import StockLevel
from addons.stock.models.lot import Lot
from addons.stock.models.warehouse import Warehouse
from addons.stock.settings import settings_of
from core.db import joined_instances, run_composed
from core.errors import UserError


def lot_by_code(plant_id, code) -> Lot:
    found = Lot.get_or_none((Lot.plant == plant_id) & (Lot.number == (code or "").strip()))
    if found is None:
        raise UserError(_("There is no lot %(code)s in this plant.", code=code), field="lot")
    return found


def _first_out(ship_from):
    """First-expiring first; the plant's shipping warehouse before the others, then the fullest."""
    return [Lot.expires_on.asc(nulls="LAST"), Lot.day, Lot.id, Case(None, [(StockLevel.warehouse == ship_from, 0)], 1),
            StockLevel.weight.desc()]


def _with_goods(plant_id):
    return (StockLevel.plant == plant_id) & (StockLevel.weight > 0) & (StockLevel.quantity >= 0)


def in_stock(plant_id, product_id, lot_id=None, limit=20) -> list[tuple[StockLevel, Lot, Warehouse]]:
    """The levels of `product_id` with goods in them (of one lot, or of any), first-expiring first; the
    plant's shipping warehouse before the others, then the fullest."""
    ship_from = settings_of(plant_id).ship_from_id or 0
    query = (StockLevel.select(StockLevel, Lot, Warehouse).join(Lot).switch(StockLevel).join(Warehouse)
             .where(_with_goods(plant_id) & (StockLevel.product == product_id)))
    if lot_id is not None:
        query = query.where(StockLevel.lot == lot_id)
    query = query.order_by(*_first_out(ship_from))
    return [(level, level.lot, level.warehouse) for level in query.limit(limit)]


def in_stock_of(plant_id, product_ids, limit=10) -> dict[int, list[tuple[StockLevel, Lot, Warehouse]]]:
    """`in_stock` for several products in one read (a desk's note): each product's first `limit` levels, ranked
    in the database by product."""
    ids = sorted(set(product_ids))
    found: dict[int, list] = {pid: [] for pid in ids}
    if not ids:
        return found
    ship_from = settings_of(plant_id).ship_from_id or 0

    def build(plant, first_from, most, *products):
        rank = fn.ROW_NUMBER().over(partition_by=[StockLevel.product], order_by=_first_out(first_from))
        ranked = (StockLevel.select(StockLevel.id.alias("level_id"), rank.alias("n")).join(Lot)
                  .where(_with_goods(plant) & StockLevel.product.in_(list(products)))).alias("ranked")
        return (StockLevel.select(StockLevel, Lot, Warehouse).join(Lot).switch(StockLevel).join(Warehouse)
                .switch(StockLevel).join(ranked, on=(ranked.c.level_id == StockLevel.id))
                .where(ranked.c.n <= most).order_by(StockLevel.product, ranked.c.n))
    # composed once per number of products (the desk asks for a note's on every page)
    cursor = run_composed(("stock.in_stock_of", len(ids)), build, plant_id, ship_from, limit, *ids)
    for level, lot, warehouse in joined_instances(cursor, StockLevel, Lot, Warehouse):
        level.__rel__.update(lot=lot, warehouse=warehouse)
        found[level.product_id].append((level, lot, warehouse))
    return found
