"""What the ledger adds to other pages: overdue accounts waiting on the home page."""
from __future__ import annotations

from flask_babel import gettext as _
from peewee import Case, fn

from addons.ledger.models.entry import AccountEntry, is_open
from addons.master_data.models.customer import Customer
from core.clock import plant_today
from core.hooks import hookimpl
from core.security import may
from core.work import Work


@hookimpl
def work_waiting(user, plant_id):
    """Customers with money past its due date: all of the plant's for those who see every account, else one's own."""
    if not may(user, "ledger.account_entry.read", plant_id):
        return []
    # Grouped along the open items' index in customer order (no sort, no lookup into the table): a customer
    # counts when its earliest open debit is past due.
    earliest_due = fn.MIN(Case(None, [(AccountEntry.open_amount > 0, AccountEntry.due_date)]))
    query = (AccountEntry.select(AccountEntry.customer)
             .where((AccountEntry.plant == plant_id) & is_open())
             .group_by(AccountEntry.customer).having(earliest_due < plant_today(plant_id)))
    if not may(user, "ledger.all_customers", plant_id):
        query = query.where(AccountEntry.customer.in_(Customer.select(Customer.id).where(
            (Customer.plant == plant_id) & (Customer.salesperson == user.id))))
    return [Work(_("Customers with overdue money"), query.count(), "/ledger/ageing", 30, "danger")]
