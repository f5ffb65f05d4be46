"""Scheduled work: the ordering cut-off and quotation expiry, once per plant."""
from __future__ import annotations

import datetime
from collections import defaultdict
from zoneinfo import ZoneInfo

from flask_babel import lazy_gettext as _l

from addons.master_data.models.customer import CustomerLogin
from addons.sales_order import windows
from addons.sales_order.models.order import Order
from addons.sales_order.quotations import expire_quotations
from core import notify


def close_ordering_window(plant) -> str:
    """Turn reservations whose cut-off has passed into firm orders, each in its own transaction."""
    last = windows.closed_days_since(plant)
    firmed = held = 0
    due = list(Order.select().where((Order.plant == plant.id) & (Order.state == "reserved")
                                    & (Order.delivery_date <= last)).order_by(Order.id))
    logins = defaultdict(list)
    for login in CustomerLogin.select().where(CustomerLogin.customer.in_({o.customer_id for o in due})):
        logins[login.customer_id].append(login.user_id)
    for order in due:
        order.confirm(comment=str(_l("Ordering window closed")))
        firmed += 1
        held += order.state == "held"
        notify.notify(logins[order.customer_id], _l("Your reservation %(number)s is now a firm order."),
                      params={"number": order.number}, link=f"/portal/orders/{order.id}", plant=plant)
    return f"{firmed} firmed, {held} on credit hold"


def expire_old_quotations(plant) -> str:
    today = datetime.datetime.now(ZoneInfo(plant.timezone)).date()
    return f"{expire_quotations(plant, today)} expired"
