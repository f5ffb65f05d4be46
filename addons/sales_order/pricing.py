"""Price policy: where a customer's price for a product comes from, and what the floor allows.

The customer's own price wins, then the customer's group list, then the plant's default list; within
each, the row with the latest `valid_from` that covers the day. One query answers a whole order.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from addons.master_data.models.price import PriceList
from addons.master_data.models.price_row import PriceRow
from core.cache import cached
from core.db import run_composed


@dataclass(frozen=True)
class Quote:
    price: Decimal
    floor: Decimal


def prices_for(customer, product_ids, day: datetime.date) -> dict[int, Quote]:
    """{product id: Quote} for the products the customer may buy on `day`; a missing id has no price."""
    product_ids = list(set(product_ids))
    if not product_ids:
        return {}
    own = PriceRow.key_for(customer_id=customer.id)
    group = PriceRow.key_for(price_list_id=customer.price_list_id) if customer.price_list_id else None
    defaults = cached(("sales_order.default_lists", customer.plant_id), lambda: [
        PriceRow.key_for(price_list_id=pid) for (pid,) in PriceList.select(PriceList.id)
        .where((PriceList.plant == customer.plant_id) & (PriceList.is_default == True)  # noqa: E712
               & (PriceList.active == True)).tuples()])  # noqa: E712
    keys = [k for k in (own, group) if k] + [k for k in defaults if k not in (own, group)]
    # scope_key IN (...) keeps to the unique index (plant, scope_key, product, valid_from)
    # Composed once per number of scopes and products (an order's lines ask this every time).
    n_keys = len(keys)
    rows = run_composed(("sales_order.prices_for", n_keys, len(product_ids)), lambda plant, *rest: (
        PriceRow.select(PriceRow.scope_key, PriceRow.product, PriceRow.price, PriceRow.floor_price)
        .where((PriceRow.plant == plant) & PriceRow.scope_key.in_(list(rest[:n_keys]))
               & PriceRow.product.in_(list(rest[n_keys:-2])) & (PriceRow.valid_from <= rest[-2])
               & (PriceRow.valid_to.is_null() | (PriceRow.valid_to >= rest[-1])))
        .order_by(PriceRow.valid_from, PriceRow.id)), customer.plant_id, *keys, *product_ids, day, day).fetchall()
    convert = PriceRow.price.python_value, PriceRow.floor_price.python_value
    rows = [(key, product_id, convert[0](price), convert[1](floor)) for key, product_id, price, floor in rows]
    best: dict[int, tuple] = {}
    for key, product_id, price, floor in rows:
        rank = 0 if key == own else 1 if key == group else 2     # the customer's own, the group's, the default
        current = best.get(product_id)
        # A more specific scope wins; within one scope the later start date (rows come in date order).
        if current is None or rank <= current[0]:
            best[product_id] = (rank, Quote(price, floor))
    return {pid: entry[1] for pid, entry in best.items()}
