"""The churn rules (渠道客户流失): a channel customer of a low grade (E, D) not converted within a month of
being assigned, or of a high grade (C and above) with no deal in the period, is lost and goes to the pool.
Days and grades are the plant's (CrmSettings); a day is the plant's day."""
from __future__ import annotations

import datetime
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from addons.crm import owners
from addons.crm.deals import deal_days
from addons.crm.settings import settings_of
from addons.master_data.models.customer import Customer
from core import clock
from core.messages import Outcome
from core.notify import notify


@dataclass
class Candidate:
    customer: Customer
    rule: str                  # "low": not converted; "high": no deal in the period
    since: datetime.date | None   # counted from (assignment or creation; a deal for "high")
    days: int                  # the rule's days


def candidates(plant, today: datetime.date) -> list[Candidate]:
    settings = settings_of(plant.id)
    customers = list(Customer.select().where((Customer.plant == plant.id) & (Customer.kind == "channel")
                                             & Customer.salesperson.is_null(False) & (Customer.active == True))  # noqa: E712
                     .order_by(Customer.code))
    deals = deal_days(plant.id)
    low_edge = today - datetime.timedelta(days=settings.low_grade_days)
    high_edge = today - datetime.timedelta(days=settings.high_grade_days)
    found = []
    for customer in customers:
        since = customer.assigned_on or clock.plant_date(plant, customer.created_at)
        first, last = deals.get(customer.id, (None, None))
        if customer.grade in settings.low_grades:
            if first is None and (since is None or since <= low_edge):
                found.append(Candidate(customer, "low", since, settings.low_grade_days))
        elif customer.grade in settings.high_grades:
            latest = max([d for d in (since, last) if d is not None], default=None)
            if latest is None or latest <= high_edge:
                found.append(Candidate(customer, "high", latest, settings.high_grade_days))
    return found


def run(plant) -> Outcome:
    """The daily churn job: each candidate lost to the pool, its salesperson told."""
    today = clock.plant_today(plant)
    lost = 0
    for candidate in candidates(plant, today):
        customer = candidate.customer
        salesperson = customer.salesperson_id
        owners.lose(customer, candidate.rule, candidate.days)
        lost += 1
        notify([salesperson], _l("%(customer)s was lost to the public pool (grade %(grade)s, no deal in time)."),
               params={"customer": f"{customer.code} {customer.name}", "grade": customer.grade},
               link=f"/crm/customers/{customer.id}", plant=plant, once=f"crm-lost:{customer.id}:{today.isoformat()}")
    return Outcome(_l("%(n)d customers lost to the public pool"), n=lost)
