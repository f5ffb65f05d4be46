"""Balances and ageing of receivables, computed in the database in one GROUP BY.

Buckets count days overdue from each open debit's due date: 0–30 (including not yet due), 31–60,
61–90 and over 90; open credits (advances) are a bucket of their own. The buckets add up to the
balance because the balance equals the sum of open amounts.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from peewee import Case, fn

from addons.ledger.models.entry import ZERO, AccountEntry
from core.db import run_composed

BUCKETS = ("days_0_30", "days_31_60", "days_61_90", "days_over_90")


@dataclass
class Ageing:
    customer_id: int
    balance: Decimal
    days_0_30: Decimal
    days_31_60: Decimal
    days_61_90: Decimal
    days_over_90: Decimal
    advance: Decimal

    @property
    def overdue(self) -> Decimal:
        return self.days_31_60 + self.days_61_90 + self.days_over_90


def ageing(plant_id, as_of: datetime.date, customer_ids=None) -> list[Ageing]:
    open_ = AccountEntry.open_amount
    due = fn.COALESCE(AccountEntry.due_date, AccountEntry.date)   # a debit with no terms (a refund) is due at once
    edge30, edge60, edge90 = (as_of - datetime.timedelta(days=d) for d in (30, 60, 90))

    def bucket(condition):
        return fn.SUM(Case(None, [((open_ > 0) & condition, open_)], 0))

    query = (AccountEntry.select(
        AccountEntry.customer,
        fn.SUM(open_).alias("balance"),
        bucket(due >= edge30).alias("days_0_30"),
        bucket((due < edge30) & (due >= edge60)).alias("days_31_60"),
        bucket((due < edge60) & (due >= edge90)).alias("days_61_90"),
        bucket(due < edge90).alias("days_over_90"),
        fn.SUM(Case(None, [(open_ < 0, open_)], 0)).alias("advance"))
        .where((AccountEntry.plant == plant_id) & (open_ != 0))
        .group_by(AccountEntry.customer))
    if customer_ids is not None:  # a list, or a subquery of customer ids
        query = query.where(AccountEntry.customer.in_(customer_ids if hasattr(customer_ids, "sql") else
                                                      list(customer_ids)))
    convert = open_.python_value
    return [Ageing(row["customer"], *(convert(row[k]) or ZERO for k in ("balance", *BUCKETS, "advance")))
            for row in query.dicts()]


def balance(customer_id, as_of: datetime.date | None = None) -> Decimal:
    """The balance from all entries (on a date: entries dated up to it)."""
    if as_of is None:
        (total,) = run_composed("ledger.balance", lambda c: AccountEntry.select(fn.SUM(AccountEntry.amount))
                                .where(AccountEntry.customer == c), customer_id).fetchone()
    else:
        total = (AccountEntry.select(fn.SUM(AccountEntry.amount))
                 .where((AccountEntry.customer == customer_id) & (AccountEntry.date <= as_of)).scalar())
    return AccountEntry.amount.python_value(total) or ZERO
