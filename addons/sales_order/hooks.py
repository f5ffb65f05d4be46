"""What sales orders tell the ledger."""
from decimal import Decimal

from peewee import Case, fn

from addons.sales_order.models.line import OrderLine
from addons.sales_order.models.order import Order
from core.db import run_composed, run_composed_ids
from core.hooks import hookimpl


@hookimpl
def committed_amount(customer_id):
    """What approved orders still have to ship counts against the customer's credit; what has shipped
    is on the account already. A line's share is prorated by the quantity not yet delivered."""
    not_shipped = Case(None, [(OrderLine.delivered_quantity >= OrderLine.quantity, 0)],
                       OrderLine.amount * (OrderLine.quantity - OrderLine.delivered_quantity) / OrderLine.quantity)
    (total,) = run_composed("sales_order.committed_amount", lambda c: OrderLine.select(fn.SUM(not_shipped)).join(Order)
                            .where((Order.customer == c) & (Order.state == "approved")), customer_id).fetchone()
    return Order.amount.python_value(int(total)) if total is not None else Decimal("0.00")


@hookimpl
def order_contracts(order_ids):
    """Numbers and amounts of the named orders, for the ledger's receivables list."""
    ids = list(order_ids)
    if not ids:
        return {}
    rows = run_composed_ids("sales_order.contracts", lambda wanted: Order.select(Order.id, Order.number, Order.amount)
                            .where(Order.id.in_(wanted)), ids).fetchall()     # composed once per number of orders
    return {pk: (number, Order.amount.python_value(amount)) for pk, number, amount in rows}


@hookimpl
def customer_order(customer_id, number=None, order_id=None):
    """This customer's order by number or id (its plant is the customer's), for money that names it."""
    if number is None and order_id is None:
        return None
    which = Order.number == number.strip() if number is not None else Order.id == order_id
    found = Order.select(Order.id).where((Order.customer == customer_id) & which).first()
    return found.id if found is not None else None


@hookimpl
def state_changed(record, old, new, comment):
    """An order's move tells whoever its next step waits for (inside the move's transaction)."""
    if isinstance(record, Order):
        from addons.sales_order.tidings import order_moved
        order_moved(record, old, new, comment)


@hookimpl
def work_waiting(user, plant_id):
    from addons.sales_order.work import work_for
    return work_for(user, plant_id)
