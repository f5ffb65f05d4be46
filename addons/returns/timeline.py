"""What returns tell an order's timeline: the returns that name it, with their state and credit."""
from __future__ import annotations

from flask_babel import gettext as _

from addons.returns.models.return_order import ReturnOrder
from core.currency import money
from core.db import instances, run_composed


def events(order):
    from addons.sales_order.timeline import Event
    return [Event(r.created_at, _("Return %(number)s: %(state)s", number=r.number, state=str(ReturnOrder.STATES[r.state])),
                  _("%(amount)s credited", amount=money(r.credit)) if r.credit else "", f"/returns/orders/{r.id}",
                  "warning")
            for r in instances(ReturnOrder, run_composed("returns.of_order", lambda record: ReturnOrder.select().where(
                ReturnOrder.order_id == record).order_by(ReturnOrder.id), order.id))]
