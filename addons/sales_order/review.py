"""Review rules: what submitting, approving, overriding and reopening an order check.

Called from the transition methods on `Order`, so each runs inside the move's transaction with the
order row locked. Credit is checked at every entry point with the customer's row locked
(`check_credit`): two approvals for one customer run one after the other and cannot both use the
same headroom. An order over the limit lands in "held" instead of failing, so the manager sees it.
"""
from __future__ import annotations

from decimal import Decimal

from flask_babel import gettext as _
from peewee import Case, fn

from addons.ledger.exposure import CreditLimitExceeded, check_credit, exposure
from addons.ledger.posting import lock_customer
from addons.master_data.models.customer import CustomerLogin
from addons.sales_order import windows
from addons.sales_order.models.line import OrderLine
from core import audit, clock, context
from core.db import run_composed
from core.errors import UserError, WorkflowError
from core.security import may
from core.workflow import Goto

ZERO = Decimal("0.00")


def line_facts(order) -> tuple[int, int]:
    """(lines, lines with a price below the floor awaiting approval), in one query."""
    pending = fn.SUM(Case(None, [(OrderLine.price_status == "pending", 1)], 0))
    count, waiting = run_composed("sales_order.line_facts", lambda o: OrderLine.select(fn.COUNT(OrderLine.id), pending)
                                  .where(OrderLine.order == o), order.id).fetchone()
    return count or 0, waiting or 0


def require_orderable(order):
    """Lock the customer (credit is checked next in the same transaction) and check the order can go on."""
    customer = lock_customer(order.customer_id)
    order.customer = customer
    if not customer.active:
        raise UserError(_("%(customer)s is blocked: no new orders.", customer=customer.name), field="customer")
    count, pending = line_facts(order)
    if not count:
        raise UserError(_("An order needs at least one line."), field="lines")
    return pending


def require_window(order, user):
    """After the cut-off for its delivery day, only a manager may change or submit an order."""
    if user is None or may(user, "sales_order.after_cutoff", order.plant_id):
        return
    win = windows.window(order.plant, order.delivery_date)
    if win.closed(clock.now()):
        raise UserError(_("Ordering for %(day)s closed at %(time)s; only a manager may change it now.",
                          day=order.delivery_date.isoformat(), time=windows.local_time(order.plant, win.closes)),
                        field="delivery_date")


def credit_or_hold(order, locked=False):
    """Check the customer's headroom for this order; over the limit, record by how much and hold."""
    try:
        check_credit(order.customer, order.amount, locked=locked)
    except CreditLimitExceeded as exc:
        order.credit_over, order.credit_reason = exc.over, exc.reason
        return Goto("held")
    order.credit_over, order.credit_reason = ZERO, ""
    return None


def on_submit(order):
    pending = require_orderable(order)
    require_window(order, context.current().user)
    if pending:
        raise WorkflowError(_("Some prices are below the floor: ask a manager for price approval first."))
    return credit_or_hold(order, locked=True)


def on_request_price_approval(order):
    if not require_orderable(order):
        raise WorkflowError(_("No price is below the floor; submit the order instead."))


def on_approve_prices(order):
    for line in OrderLine.select().where((OrderLine.order == order.id) & (OrderLine.price_status == "pending")):
        audit.log("price_approved", OrderLine._meta.table_name, line.id, plant=order.plant_id,
                  old={"floor_price": line.floor_price, "list_price": line.list_price},
                  new={"unit_price": line.unit_price, "order": order.number})
        line.price_status = "approved"
        line.save(only=[OrderLine.price_status])
    return credit_or_hold(order)


def on_confirm(order):
    """The cut-off (or a manager) turns a reservation into a firm order."""
    order.kind = "order"
    order.firmed_at = clock.utcnow()
    # the customer is told by the move's hook (tidings), once it is known the order is not held
    if not order.customer.active:
        return Goto("held")
    return credit_or_hold(order)


def on_approve(order):
    if require_orderable(order):
        raise WorkflowError(_("Some prices are below the floor and not approved."))
    if order.state == "held":
        check_credit(order.customer, order.amount, locked=True)   # still over: refused, the order stays held
        order.credit_over, order.credit_reason = ZERO, ""
        return None
    return credit_or_hold(order, locked=True)


def on_override(order):
    """A manager approves despite the hold (over the limit, or overdue debts); the audit keeps why and by how
    much."""
    customer = lock_customer(order.customer)
    current = exposure(customer)
    over = max(current.total + order.amount - current.limit, ZERO) if order.credit_reason in ("", "limit") \
        else order.credit_over
    audit.log("credit_override", order._meta.table_name, order.id, plant=order.plant_id,
              old={"limit": current.limit, "exposure": current.total, "reason": order.credit_reason or "limit"},
              new={"amount": order.amount, "over": over})
    order.credit_over = over


def on_reopen(order):
    require_orderable(order)
    return credit_or_hold(order, locked=True)


def on_cancel_reservation(order):
    """A customer withdraws their own reservation while the window is open."""
    user = context.current().user
    if user is not None and not CustomerLogin.select().where((CustomerLogin.user == user.id)
                                                             & (CustomerLogin.customer == order.customer_id)).exists():
        raise WorkflowError(_("This is not your reservation."))
    require_window(order, user)
