"""The daily reminder of overdue receivables."""
import datetime

from flask_babel import lazy_gettext as _l

from addons.ledger.ageing import ageing
from addons.master_data.models.customer import Customer
from core.db import transaction
from core.notify import money, notify


def remind_overdue(plant) -> str:
    """Tell each salesperson which of their customers have debts more than 30 days past due."""
    today = datetime.date.today()
    overdue = {a.customer_id: a for a in ageing(plant.id, today) if a.overdue > 0}
    if not overdue:
        return "0 reminders"
    customers = list(Customer.select().where(Customer.id.in_(list(overdue)) & Customer.salesperson.is_null(False)))
    with transaction():
        for customer in customers:
            notify([customer.salesperson_id], _l("%(customer)s has %(amount)s overdue by more than 30 days."),
                   params={"customer": f"{customer.code} {customer.name}",
                           "amount": money(overdue[customer.id].overdue)},
                   link=f"/ledger/customers/{customer.id}", plant=plant, email=True)
    return f"{len(customers)} reminders"
