"""Scheduled work: the ordering cut-off and quotation expiry, once per plant."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

from addons.sales_order import windows
from addons.sales_order.models.order import Order
from addons.sales_order.quotations import expire_quotations


def close_ordering_window(plant) -> str:
    """Turn reservations whose cut-off has passed into firm orders, each in its own transaction."""
    last = windows.closed_days_since(plant)
    firmed = held = 0
    for order in Order.select().where((Order.plant == plant.id) & (Order.state == "reserved")
                                      & (Order.delivery_date <= last)).order_by(Order.id):
        order.confirm(comment=str(_l("Ordering window closed")))     # tells the customer in its transaction
        firmed += 1
        held += order.state == "held"
    return f"{firmed} firmed, {held} on credit hold"


def expire_old_quotations(plant) -> str:
    today = windows.today(plant)
    return f"{expire_quotations(plant, today)} expired"
