"""Who hears of an order's move, where work waits for them: the managers of a price approval asked and of a
credit hold, the salesperson of an approval, a hold and a rejection (with its reason). A customer hears only
what is theirs to know: that their reservation is a firm order (never while it is held: that is internal)."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

from addons.master_data.models.customer import Customer, CustomerLogin
from core import context, notify
from core.db import get_row
from core.security import holders_of


def order_moved(order, old, new, comment) -> None:
    actor = context.current().user
    me = {actor.id} if actor is not None else set()      # nobody is told of their own move
    link = f"/sales/orders/{order.id}"
    params = {"number": order.number, "reason": (comment or "").strip()}
    seller = [order.salesperson_id] if order.salesperson_id else []

    def tell(users, message, to_self=False, **extra):
        told = sorted(set(users) - (set() if to_self else me))
        if not told:
            return
        if "customer" not in params:      # read only when somebody is told
            params["customer"] = get_row(Customer, order.customer_id).name
        notify.notify(told, message, params=params, link=link, plant=order.plant_id, **extra)

    if new == "price_review":
        tell(holders_of("sales_order.price_approve", order.plant_id),
             _l("Order %(number)s for %(customer)s asks for price approval."), email=True)
    elif new == "held":
        params["over"] = notify.money(order.credit_over)
        message = {"age": _l("Order %(number)s for %(customer)s is on credit hold: %(over)s overdue too long."),
                   "count": _l("Order %(number)s for %(customer)s is on credit hold: too many overdue debts "
                               "(%(over)s overdue).")}.get(
            order.credit_reason, _l("Order %(number)s for %(customer)s is on credit hold: %(over)s over the limit."))
        tell(holders_of("sales_order.credit_override", order.plant_id) + seller, message, email=True,
             to_self=True)     # the limit held it, not the one who submitted: the hold is work for them too
    elif new == "approved":
        tell(seller, _l("Order %(number)s for %(customer)s is approved."))
    elif new == "draft" and old in ("submitted", "held", "price_review"):
        tell(seller, _l("Order %(number)s for %(customer)s came back to you: %(reason)s"), email=True)
    if old == "reserved" and new == "submitted":
        readers = [c for (c,) in CustomerLogin.select(CustomerLogin.user).where(
            CustomerLogin.customer == order.customer_id).tuples()]
        notify.notify(readers, _l("Your reservation %(number)s is now a firm order."), params={"number": order.number},
                      link=f"/portal/orders/{order.id}", plant=order.plant_id)
