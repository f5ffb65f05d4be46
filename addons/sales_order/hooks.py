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
