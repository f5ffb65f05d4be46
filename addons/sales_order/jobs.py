"""Scheduled work: the ordering cut-off and quotation expiry, once per plant."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

from addons.sales_order import windows
from addons.sales_order.models.order import Order
from addons.sales_order.quotations import expire_quotations
from core import clock
from core.messages import Outcome


def close_ordering_window(plant) -> Outcome:
    """Turn reservations whose cut-off has passed into firm orders, each in its own transaction."""
    last = windows.closed_days_since(plant)
    firmed = held = 0
    for order in Order.select().where((Order.plant == plant.id) & (Order.state == "reserved")
                                      & (Order.delivery_date <= last)).order_by(Order.id):
        order.confirm(comment=str(_l("Ordering window closed")))     # tells the customer in its transaction
        firmed += 1
        held += order.state == "held"
    return Outcome(_l("%(firmed)d firmed, %(held)d on credit hold"), firmed=firmed, held=held)


def expire_old_quotations(plant) -> Outcome:
    today = clock.plant_today(plant)
    return Outcome(_l("%(n)d quotations expired"), n=expire_quotations(plant, today))
