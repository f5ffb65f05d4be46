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


@dataclass(frozen=True)
class Quote:
    price: Decimal
    floor: Decimal


def scope_keys(customer) -> list[str]:
    """The price scopes that apply to `customer`, most specific first."""
    keys = [PriceRow.key_for(customer_id=customer.id)]
    if customer.price_list_id:
        keys.append(PriceRow.key_for(price_list_id=customer.price_list_id))
    defaults = (PriceList.select(PriceList.id)
                .where((PriceList.plant == customer.plant_id) & (PriceList.is_default == True)  # noqa: E712
                       & (PriceList.active == True)).order_by(PriceList.id))  # noqa: E712
    keys.extend(PriceRow.key_for(price_list_id=p.id) for p in defaults)
    return list(dict.fromkeys(keys))


def prices_for(customer, product_ids, day: datetime.date) -> dict[int, Quote]:
    """{product id: Quote} for the products the customer may buy on `day`; a missing id has no price."""
    product_ids = list(set(product_ids))
    if not product_ids:
        return {}
    keys = scope_keys(customer)
    rows = (PriceRow.select(PriceRow.scope_key, PriceRow.product, PriceRow.price, PriceRow.floor_price,
                            PriceRow.valid_from)
            .where((PriceRow.plant == customer.plant_id) & PriceRow.scope_key.in_(keys)
                   & PriceRow.product.in_(product_ids) & (PriceRow.valid_from <= day)
                   & (PriceRow.valid_to.is_null() | (PriceRow.valid_to >= day)))
            .order_by(PriceRow.valid_from).tuples())
    rank = {key: n for n, key in enumerate(keys)}
    best: dict[int, tuple] = {}
    for key, product_id, price, floor, valid_from in rows:
        candidate = (rank[key], valid_from, Quote(price, floor))
        current = best.get(product_id)
        # A more specific scope wins; within one scope the later start date (rows come in date order).
        if current is None or candidate[0] <= current[0]:
            best[product_id] = candidate
    return {pid: entry[2] for pid, entry in best.items()}
