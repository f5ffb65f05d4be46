"""A deal (成交) is a firm sales order (approved or completed); its day is the order's delivery day. The
CRM reads customers' first and last deals from the orders themselves, so history needs no copy."""
from __future__ import annotations

from peewee import fn

from addons.sales_order.models.order import FIRM, Order


def deal_days(plant_id, customer_ids=None) -> dict[int, tuple]:
    """{customer id: (first deal day, last deal day)} of the customers with any deal."""
    query = (Order.select(Order.customer, fn.MIN(Order.delivery_date), fn.MAX(Order.delivery_date))
             .where((Order.plant == plant_id) & Order.state.in_(FIRM)).group_by(Order.customer))
    if customer_ids is not None:
        query = query.where(Order.customer.in_(list(customer_ids)))
    return {customer: (first, last) for customer, first, last in query.tuples()}
