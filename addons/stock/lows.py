"""Low stock: the minimums a warehouse holds less than, and the hourly job that tells the people who
refill it (once a day per minimum)."""
from __future__ import annotations

from decimal import Decimal

from flask_babel import lazy_gettext as _l
from peewee import fn

from addons.master_data.models.product import Product
from addons.stock.models.level import StockLevel
from addons.stock.models.minimum import StockMinimum
from addons.stock.models.warehouse import Warehouse
from core import clock
from core.db import transaction
from core.messages import Outcome
from core.notify import notify
from core.security import holders_of

ZERO = Decimal("0")


def below_minimum(plant_id) -> list[dict]:
    """Every minimum the warehouse's stock (all lots) is under, in pieces or in kg."""
    minimums = list(StockMinimum.select(StockMinimum, Product, Warehouse).join(Product).switch(StockMinimum)
                    .join(Warehouse).where(StockMinimum.plant == plant_id).order_by(Warehouse.code, Product.code))
    if not minimums:
        return []
    held = {(w, p): (StockLevel.quantity.python_value(q), StockLevel.weight.python_value(kg)) for w, p, q, kg in
            StockLevel.select(StockLevel.warehouse, StockLevel.product, fn.SUM(StockLevel.quantity),
                              fn.SUM(StockLevel.weight))
            .where((StockLevel.plant == plant_id) & StockLevel.product.in_({m.product_id for m in minimums}))
            .group_by(StockLevel.warehouse, StockLevel.product).tuples()}
    out = []
    for m in minimums:
        quantity, weight = held.get((m.warehouse_id, m.product_id), (ZERO, ZERO))
        if (m.min_quantity and quantity < m.min_quantity) or (m.min_weight and weight < m.min_weight):
            out.append({"minimum": m, "product": m.product, "warehouse": m.warehouse, "quantity": quantity,
                        "weight": weight})
    return out


def warn_low_stock(plant) -> Outcome:
    lows = below_minimum(plant.id)
    people = holders_of("stock.low_stock", plant.id)
    today = clock.plant_today(plant).isoformat()
    sent = 0
    with transaction():
        for low in lows:
            m = low["minimum"]
            sent += notify(people, _l("Low stock: %(warehouse)s holds %(quantity)s / %(weight)s kg of %(product)s "
                                      "(minimum %(min_quantity)s / %(min_weight)s kg)."),
                           params={"warehouse": low["warehouse"].name, "product": low["product"].name,
                                   "quantity": f"{low['quantity'].normalize():f}", "weight": f"{low['weight']:f}",
                                   "min_quantity": f"{m.min_quantity.normalize():f}",
                                   "min_weight": f"{m.min_weight:f}"},
                           link="/stock/low", plant=plant, once=f"low-stock:{m.id}:{today}")
    return Outcome(_l("%(n)d low-stock warnings sent"), n=sent)
