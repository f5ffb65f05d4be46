"""Who a portal user is: the customer their login acts for in the current plant."""
from __future__ import annotations

from flask import abort

from addons.master_data.models.customer import Customer, CustomerLogin
from core import context
from core.db import run_composed
from core.security import current_plant


def portal_customer_id() -> int | None:
    """The customer a portal login acts for here, or None for staff."""
    user = context.current().user
    plant = current_plant()
    if user is None or plant is None:
        return None
    # asked on every order page and API call: composed once
    row = run_composed("sales_order.portal_customer", lambda user_id, plant_id: (
        CustomerLogin.select(CustomerLogin.customer).join(Customer)
        .where((CustomerLogin.user == user_id) & (Customer.plant == plant_id)).limit(1)), user.id, plant.id).fetchone()
    return row[0] if row else None


def portal_customer_or_403() -> Customer:
    customer_id = portal_customer_id()
    if customer_id is None:
        abort(403)
    return Customer.get_by_id(customer_id)
