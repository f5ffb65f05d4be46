"""What the ledger adds to other pages: overdue accounts waiting on the home page."""
from __future__ import annotations

from flask_babel import gettext as _
from peewee import fn

from addons.ledger.models.position import CustomerPosition
from addons.master_data.models.customer import Customer
from core.clock import plant_today
from core.db import run_composed
from core.hooks import hookimpl
from core.security import may
from core.work import Work


@hookimpl
def work_waiting(user, plant_id):
    """Customers with money past its due date: all of the plant's for those who see every account, else one's own."""
    if not may(user, "ledger.account_entry.read", plant_id):
        return []
    # Each customer's position keeps the earliest due date of its open debits: one row per customer, on an index.
    def overdue(plant, today, *salesperson):
        query = CustomerPosition.select(fn.COUNT(CustomerPosition.customer)).where(
            (CustomerPosition.plant == plant) & (CustomerPosition.oldest_due < today))
        if salesperson:
            query = query.where(CustomerPosition.customer.in_(Customer.select(Customer.id).where(
                (Customer.plant == plant) & (Customer.salesperson == salesperson[0]))))
        return query
    own = () if may(user, "ledger.all_customers", plant_id) else (user.id,)
    (count,) = run_composed(("ledger.overdue_customers", bool(own)), overdue, plant_id, plant_today(plant_id),
                            *own).fetchone()      # composed once: the home page asks on every visit
    return [Work(_("Customers with overdue money"), count, "/ledger/ageing", 30, "danger")]
