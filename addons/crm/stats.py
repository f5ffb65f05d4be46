"""CRM statistics of a period, per salesperson: channel and end customers new, converted (first deal) and
lost (released ones apart), follow-ups written, commissions and expenses approved."""
from __future__ import annotations

import datetime
from collections import defaultdict
from decimal import Decimal

from peewee import fn

from addons.crm.models.commission import CommissionApplication
from addons.crm.models.event import CustomerEvent
from addons.crm.models.expense import Reimbursement
from addons.crm.models.followup import FollowUp
from addons.master_data.models.customer import Customer
from addons.sales_order.models.order import FIRM, Order
from core import clock
from core.fields import summed
from core.models import User

COUNTS = ("new_channel", "new_end", "converted_channel", "converted_end", "lost_channel", "lost_end",
          "released", "follow_ups")
MONEY = ("commission", "expenses")


def _blank():
    return {**{k: 0 for k in COUNTS}, **{k: Decimal("0.00") for k in MONEY}}


def crm_statistics(plant, first: datetime.date, last: datetime.date) -> list[dict]:
    rows = defaultdict(_blank)
    start, end = clock.day_bounds(plant, first, last)
    for person, kind, n in (Customer.select(Customer.salesperson, Customer.kind, fn.COUNT(Customer.id))
                            .where((Customer.plant == plant.id) & (Customer.created_at >= start)
                                   & (Customer.created_at < end)).group_by(Customer.salesperson, Customer.kind).tuples()):
        rows[person][f"new_{kind}"] += n
    firsts = (Order.select(Order.customer.alias("cid"), fn.MIN(Order.delivery_date).alias("first"))
              .where((Order.plant == plant.id) & Order.state.in_(FIRM)).group_by(Order.customer).alias("firsts"))
    for person, kind, n in (Customer.select(Customer.salesperson, Customer.kind, fn.COUNT(Customer.id))
                            .join(firsts, on=(Customer.id == firsts.c.cid))
                            .where((firsts.c.first >= first) & (firsts.c.first <= last))
                            .group_by(Customer.salesperson, Customer.kind).tuples()):
        rows[person][f"converted_{kind}"] += n
    for person, event, kind, n in (CustomerEvent.select(CustomerEvent.from_user, CustomerEvent.kind, Customer.kind,
                                                        fn.COUNT(CustomerEvent.id))
                                   .join(Customer, on=(CustomerEvent.customer == Customer.id))
                                   .where((CustomerEvent.plant == plant.id) & CustomerEvent.kind.in_(["lost", "released"])
                                          & (CustomerEvent.day >= first) & (CustomerEvent.day <= last))
                                   .group_by(CustomerEvent.from_user, CustomerEvent.kind, Customer.kind).tuples()):
        rows[person]["released" if event == "released" else f"lost_{kind}"] += n
    for person, n in (FollowUp.select(FollowUp.user, fn.COUNT(FollowUp.id))
                      .where((FollowUp.plant == plant.id) & (FollowUp.day >= first) & (FollowUp.day <= last))
                      .group_by(FollowUp.user).tuples()):
        rows[person]["follow_ups"] += n
    for model, key in ((CommissionApplication, "commission"), (Reimbursement, "expenses")):
        for person, amount in (model.select(model.salesperson, fn.SUM(model.amount))
                               .where((model.plant == plant.id) & model.state.in_(["approved", "paid"])
                                      & (model.day >= first) & (model.day <= last))
                               .group_by(model.salesperson).tuples()):
            rows[person][key] += summed(amount, 2)
    names = {u.id: u.name for u in User.select(User.id, User.name).where(User.id.in_([k for k in rows if k]))}
    out = [{"salesperson_id": k, "salesperson": names.get(k, ""), **v} for k, v in rows.items()]
    out.sort(key=lambda r: (r["salesperson_id"] is None, r["salesperson"]))
    return out


def total(rows) -> dict:
    out = _blank()
    for row in rows:
        for key in (*COUNTS, *MONEY):
            out[key] += row[key]
    return out
