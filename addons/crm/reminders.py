"""Follow-up reminders (跟单提醒). A customer's latest follow-up (by day, then by entry) carries the next day;
it is due from `remind_days` before that day up to the day, and overdue after it, until a newer follow-up
is written. Days are the plant's."""
from __future__ import annotations

import datetime
from dataclasses import dataclass

from peewee import fn

from addons.crm.models.followup import FollowUp
from addons.master_data.models.customer import Customer


@dataclass
class Reminder:
    follow_up: FollowUp
    customer: Customer
    next_day: datetime.date
    days: int            # days to go (due, 0 today) or days overdue (overdue)


def latest_follow_ups(plant_id, salesperson_id=None) -> list[FollowUp]:
    """The latest follow-up of each customer of the plant that a salesperson owns (of one salesperson)."""
    latest = (FollowUp.select(FollowUp.customer.alias("cid"), fn.MAX(FollowUp.day).alias("last"))
              .where(FollowUp.plant == plant_id).group_by(FollowUp.customer).alias("latest"))
    query = (FollowUp.select(FollowUp, Customer)
             .join(latest, on=((FollowUp.customer == latest.c.cid) & (FollowUp.day == latest.c.last)))
             .join_from(FollowUp, Customer, on=(FollowUp.customer == Customer.id))
             .where((FollowUp.plant == plant_id) & Customer.salesperson.is_null(False)
                    & (Customer.active == True)))  # noqa: E712
    if salesperson_id is not None:
        query = query.where(Customer.salesperson == salesperson_id)
    newest = {}
    for row in query:                       # two on the same day: the one entered last
        if row.customer_id not in newest or row.id > newest[row.customer_id].id:
            newest[row.customer_id] = row
    return list(newest.values())


def reminders(plant_id, today: datetime.date, ahead: int, salesperson_id=None) -> tuple[list, list]:
    """(due, overdue): due soonest first, overdue longest first."""
    due, overdue = [], []
    horizon = today + datetime.timedelta(days=ahead)
    for row in latest_follow_ups(plant_id, salesperson_id):
        if row.next_day is None:
            continue
        if row.next_day < today:
            overdue.append(Reminder(row, row.customer, row.next_day, (today - row.next_day).days))
        elif row.next_day <= horizon:
            due.append(Reminder(row, row.customer, row.next_day, (row.next_day - today).days))
    due.sort(key=lambda r: (r.next_day, r.customer.code))
    overdue.sort(key=lambda r: (-r.days, r.customer.code))
    return due, overdue
