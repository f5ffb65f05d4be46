"""The cost of a slaughter lot's products: what its live hogs cost, spread over the products by kilograms
times each product's value ratio (purchase.models.cost_ratio). When the lot's production is posted, the hogs
still in stock in that lot leave it as used in slaughter, at what they cost, in the same transaction.

A lot's production is posted once (the day's production page does): a later posting for the same lot finds
no hogs left and its products are valued at their moving average.
"""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from peewee import fn

from addons.purchase.models.cost_ratio import CostRatio
from addons.purchase.models.receipt import GoodsReceipt, ReceiptLine
from addons.stock import moves
from addons.stock.models.level import StockLevel
from addons.stock.models.move import StockMove
from core.db import lock
from core.fields import summed

CENT, ZERO = Decimal("0.01"), Decimal("0")


def _hog_products(lot_id) -> set:
    return {pid for (pid,) in ReceiptLine.select(ReceiptLine.product).join(GoodsReceipt).where(
        (GoodsReceipt.lot == lot_id) & (GoodsReceipt.kind == "live_hogs") & (GoodsReceipt.state == "received")).tuples()}


def _use_the_hogs(plant_id, lot_id, hogs, day, reference) -> Decimal:
    """Post the lot's hogs still in stock as used in slaughter, at their cost; returns that cost."""
    levels = list(lock(StockLevel.select().where((StockLevel.lot == lot_id) & StockLevel.product.in_(list(hogs))
                                                 & ((StockLevel.quantity != 0) | (StockLevel.weight != 0)))
                       .order_by(StockLevel.id)))
    if not levels:
        return ZERO
    value = summed(StockMove.select(fn.SUM(StockMove.cost)).where(
        (StockMove.lot == lot_id) & StockMove.product.in_(list(hogs))).scalar(), 2)
    weight = sum((lv.weight for lv in levels), ZERO)
    items, left = [], value
    for n, level in enumerate(levels):
        share = left if n == len(levels) - 1 else (value * level.weight / weight).quantize(CENT) if weight else ZERO
        left -= share
        items.append(moves.Item(level.warehouse_id, level.product_id, lot_id, -level.quantity, -level.weight,
                                cost=-share))
    moves.post(plant_id, "slaughter", items, reference=reference, day=day)
    return value


def spread(plant_id, items, day) -> dict:
    """{index: cost} for the production items of lots that hold live hogs bought."""
    out = {}
    for lot_id in sorted({i.lot_id for i in items if i.lot_id and i.cost is None}):
        hogs = _hog_products(lot_id)
        if not hogs:
            continue
        number = GoodsReceipt.select(GoodsReceipt.lot_number).where(GoodsReceipt.lot == lot_id).scalar() or ""
        value = _use_the_hogs(plant_id, lot_id, hogs, day, number)
        if not value:
            continue
        mine = [(n, i) for n, i in enumerate(items) if i.lot_id == lot_id and i.cost is None and i.product_id not in hogs]
        ratios = dict(CostRatio.select(CostRatio.product, CostRatio.ratio).where(
            (CostRatio.plant == plant_id) & CostRatio.product.in_([i.product_id for _n, i in mine])).tuples())
        weights = [(n, (i.weight or i.quantity) * ratios.get(i.product_id, Decimal("1"))) for n, i in mine]
        total = sum((w for _n, w in weights), ZERO)
        if not total:
            continue
        left = value
        for k, (n, w) in enumerate(weights):
            cost = left if k == len(weights) - 1 else (value * w / total).quantize(CENT, rounding=ROUND_HALF_UP)
            left -= cost
            out[n] = cost
    return out
