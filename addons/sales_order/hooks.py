"""What sales orders tell the ledger."""
from decimal import Decimal

from peewee import fn

from addons.sales_order.models.order import Order
from core.hooks import hookimpl


@hookimpl
def committed_amount(customer_id):
    """Approved orders not yet shipped count against the customer's credit."""
    total = (Order.select(fn.SUM(Order.amount))
             .where((Order.customer == customer_id) & (Order.state == "approved")).scalar())
    return Order.amount.python_value(total) if total is not None else Decimal("0.00")


@hookimpl
def order_contracts(order_ids):
    """Numbers and amounts of the named orders, for the ledger's receivables list."""
    return {o.id: (o.number, o.amount) for o in
            Order.select(Order.id, Order.number, Order.amount).where(Order.id.in_(list(order_ids)))}
