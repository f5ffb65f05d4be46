"""The production plan: demand per product per day, and the heads to slaughter it implies."""
from __future__ import annotations

import datetime
from decimal import ROUND_CEILING, Decimal

from peewee import fn

from addons.master_data.models.product import Product
from addons.sales_order.models.line import OrderLine
from addons.sales_order.models.order import LIVE, Order
from addons.sales_order.models.planning import ProductYield
from core import audit
from core.db import bulk_upsert, transaction


def plan(plant, first: datetime.date, last: datetime.date) -> dict:
    """Reservations and live orders summed in the database, per product and day."""
    rows = (OrderLine.select(Order.delivery_date, OrderLine.product, fn.SUM(OrderLine.quantity),
                             fn.SUM(OrderLine.expected_weight))
            .join(Order).where((Order.plant == plant.id) & (Order.delivery_date.between(first, last))
                               & Order.state.in_(LIVE))
            .group_by(Order.delivery_date, OrderLine.product).tuples())
    cells = {}
    for day, pid, qty, weight in rows:
        day = Order.delivery_date.python_value(day)
        cells[(pid, day)] = (OrderLine.quantity.python_value(qty), OrderLine.expected_weight.python_value(weight))
    products = list(Product.select().where((Product.plant == plant.id)
                                           & (Product.id.in_({pid for pid, _d in cells}) | (Product.active == True)))  # noqa: E712
                    .order_by(Product.code))
    yields = {y.product_id: y.per_head for y in ProductYield.select().where(ProductYield.plant == plant.id)}
    days = [first + datetime.timedelta(days=n) for n in range((last - first).days + 1)]
    heads = {}
    for day in days:
        # one head gives every product at once: the day needs the most any single product needs
        needs = [heads_for(cells.get((p.id, day), (Decimal("0"),))[0], yields.get(p.id)) for p in products]
        heads[day] = max((n for n in needs if n is not None), default=Decimal("0"))
    from core.kernel import current_kernel
    forecast = {}
    for answer in current_kernel().hooks.call("demand_forecast", plant.id, plant_id=plant.id, first=first, last=last):
        forecast.update(answer or {})
    return {"days": days, "products": products, "cells": cells, "yields": yields, "heads": heads,
            "forecast": forecast}


def heads_for(qty: Decimal, per_head: Decimal | None) -> Decimal | None:
    if not per_head or not qty:
        return None
    return (qty / per_head).to_integral_value(rounding=ROUND_CEILING)


def save_yields(plant, yields: dict) -> None:
    """Kilograms of each product one head gives (`yields`: product id -> kg, empty clears it); products of
    other plants are ignored. One transaction, audited."""
    valid = {p.id for p in Product.select(Product.id).where((Product.plant == plant.id)
                                                            & Product.id.in_(list(yields)))}
    with transaction():
        ProductYield.delete().where((ProductYield.plant == plant.id) & ProductYield.product.in_(
            [k for k, v in yields.items() if not v])).execute()
        bulk_upsert(ProductYield, [{"plant": plant.id, "product": pid, "per_head": v}
                                   for pid, v in yields.items() if v and pid in valid],
                    conflict=["plant", "product"], update=["per_head"])
        audit.log("yields", ProductYield._meta.table_name, None, plant=plant.id,
                  new={str(k): v for k, v in yields.items()})
