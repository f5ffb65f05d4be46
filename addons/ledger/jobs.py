"""The daily reminder of overdue receivables."""

from flask_babel import lazy_gettext as _l

from addons.ledger.ageing import ageing
from addons.master_data.models.customer import Customer, CustomerLogin
from core import clock
from core.db import transaction
from core.messages import Outcome
from core.notify import money, notify


def remind_overdue(plant) -> Outcome:
    """Tell each customer's salesperson, and the users acting for the customer, of debts more than 30 days
    past due."""
    today = clock.plant_today(plant)
    overdue = {a.customer_id: a for a in ageing(plant.id, today) if a.overdue > 0}
    if not overdue:
        return Outcome(_l("%(n)d reminders sent"), n=0)
    customers = list(Customer.select().where(Customer.id.in_(list(overdue))))
    logins = {}
    for row in CustomerLogin.select().where(CustomerLogin.customer.in_(list(overdue))):
        logins.setdefault(row.customer_id, []).append(row.user_id)
    sent = 0
    with transaction():
        for customer in customers:
            amount = money(overdue[customer.id].overdue)
            if customer.salesperson_id:
                sent += notify([customer.salesperson_id], _l("%(customer)s has %(amount)s overdue by more than 30 days."),
                               params={"customer": f"{customer.code} {customer.name}", "amount": amount},
                               link=f"/ledger/customers/{customer.id}", plant=plant, email=True,
                               once=f"overdue:{customer.id}:{today.isoformat()}")
            sent += notify(logins.get(customer.id, []), _l("You have %(amount)s overdue by more than 30 days. "
                                                           "Please arrange payment."),
                           params={"amount": amount}, plant=plant, email=True,
                           once=f"overdue:{customer.id}:{today.isoformat()}")
    return Outcome(_l("%(n)d reminders sent"), n=sent)
