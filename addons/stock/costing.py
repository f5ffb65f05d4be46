"""Moving average cost per product and plant (移动加权平均), kept on every stock move.

A move with a known cost (goods bought, or sent back to the supplier) carries that cost; any other move is valued at the product's
average at that moment: out at minus the average times what leaves, in (production, a count found more)
at the average. What is left when the stock of a product reaches zero goes out with the last move, so
the value never drifts from what was paid. Costs are per pricing unit (kg for products priced by weight).
"""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from addons.master_data.models.product import Product
from addons.master_data.models.unit import Unit
from addons.master_data.pricing_units import billable
from addons.stock.models.cost import StockCost
from core.cache import cached
from core.db import bulk_upsert, lock

CENT, ZERO = Decimal("0.01"), Decimal("0")


def _units():
    return cached("stock.units", lambda: {u.id: u for u in Unit.select()})


def locked_costs(plant_id, product_ids) -> dict:
    """The products' cost rows, locked in one order; a product's first posting creates its row (the write is
    left out when every row is there already, as it is for nearly every posting)."""
    ids = sorted(set(product_ids))

    def read():
        query = StockCost.select().where((StockCost.plant == plant_id) & StockCost.product.in_(ids)).order_by(
            StockCost.product)
        return {c.product_id: c for c in lock(query)}
    found = read()
    missing = [p for p in ids if p not in found]
    if missing:
        bulk_upsert(StockCost, [{"plant": plant_id, "product": p, "quantity": ZERO, "weight": ZERO, "value": ZERO,
                                 "unit_cost": ZERO} for p in missing], conflict=["plant", "product"], update=[])
        found = read()
    return found


def cost_items(plant_id, items) -> list[Decimal]:
    """The cost of each item (signed as the goods go), updating the products' averages; in a transaction."""
    costs = locked_costs(plant_id, [i.product_id for i in items])
    pricing = dict(Product.select(Product.id, Product.pricing_unit).where(
        Product.id.in_(list(costs))).tuples())
    units = _units()
    out = []
    for item in items:
        row = costs[item.product_id]
        unit = units[pricing[item.product_id]]
        basis = billable(unit, row.quantity, row.weight)
        moved = billable(unit, item.quantity, item.weight)
        if item.cost is not None:                    # goods bought in, or sent back at what they cost
            cost = Decimal(item.cost).quantize(CENT)
        elif basis + moved == 0 and basis > 0:
            cost = -row.value                       # the last goods out take what is left of the value
        else:
            average = row.value / basis if basis > 0 else row.unit_cost
            cost = (average * moved).quantize(CENT, rounding=ROUND_HALF_UP)
        row.quantity += item.quantity
        row.weight += item.weight
        row.value += cost
        after = billable(unit, row.quantity, row.weight)
        if after > 0:
            row.unit_cost = (row.value / after).quantize(Decimal("0.000001"))
        out.append(cost)
    for row in costs.values():
        row.save(only=[StockCost.quantity, StockCost.weight, StockCost.value, StockCost.unit_cost])
    return out
