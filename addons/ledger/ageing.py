"""Balances and ageing of receivables, computed in the database in one GROUP BY.

Buckets count days overdue from each open debit's due date: 0–30 (including not yet due), 31–60,
61–90 and over 90; open credits (advances) are a bucket of their own. The buckets add up to the
balance because the balance equals the sum of open amounts.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from peewee import SQL, Case, Select, fn

from addons.ledger import due_days
from addons.ledger.models.entry import ZERO, AccountEntry, is_open, is_open_debit
from addons.ledger.models.position import CustomerPosition
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


def _buckets(plant_id, edge30, edge60, edge90):
    open_ = AccountEntry.open_amount
    due = fn.COALESCE(AccountEntry.due_date, AccountEntry.date)   # a debit with no terms (a refund) is due at once

    def bucket(condition):
        return fn.SUM(Case(None, [((open_ > 0) & condition, open_)], 0))

    return (AccountEntry.select(
        AccountEntry.customer,
        fn.SUM(open_).alias("balance"),
        bucket(due >= edge30).alias("days_0_30"),
        bucket((due < edge30) & (due >= edge60)).alias("days_31_60"),
        bucket((due < edge60) & (due >= edge90)).alias("days_61_90"),
        bucket(due < edge90).alias("days_over_90"),
        fn.SUM(Case(None, [(open_ < 0, open_)], 0)).alias("advance"))
        .where((AccountEntry.plant == plant_id) & is_open())
        .group_by(AccountEntry.customer))


def ageing(plant_id, as_of: datetime.date, customer_ids=None) -> list[Ageing]:
    edges = [as_of - datetime.timedelta(days=d) for d in (30, 60, 90)]
    if isinstance(customer_ids, list):     # a page of customers: composed once per page size
        cursor = run_composed(("ledger.ageing", len(customer_ids)), lambda plant, e30, e60, e90, *ids: _buckets(
            plant, e30, e60, e90).where(AccountEntry.customer.in_(list(ids))), plant_id, *edges, *customer_ids)
    else:
        query = _buckets(plant_id, *edges)
        if customer_ids is not None:  # a subquery of customer ids, or a set
            query = query.where(AccountEntry.customer.in_(customer_ids if hasattr(customer_ids, "sql") else
                                                          list(customer_ids)))
        cursor = AccountEntry._meta.database.execute(query)
    convert = AccountEntry.open_amount.python_value
    return [Ageing(row[0], *(convert(v) or ZERO for v in row[1:])) for row in cursor.fetchall()]


@dataclass
class AgeingPage:
    """One page of the ageing, largest balance first, with the totals and the count of every customer listed."""
    rows: list[Ageing]
    more: bool
    count: int
    totals: dict = field(default_factory=dict)


def ranked(plant_id, as_of: datetime.date, customer_ids=None, page: int = 1, size: int = 100) -> AgeingPage:
    """The ageing a page at a time: queries whose cost does not grow with what is shown. The customers with
    open items are ranked by the balance their position keeps (models/position.py), and counted and totalled
    there; only the page's customers are split into buckets; the buckets' totals are `_totals`."""
    def scope(plant):
        found = (CustomerPosition.plant == plant) & (CustomerPosition.open_items > 0)
        if customer_ids is not None:
            found &= CustomerPosition.customer.in_(customer_ids if hasattr(customer_ids, "sql") else list(customer_ids))
        return found

    def ranking_of(plant, most, skip):
        return (CustomerPosition.select(CustomerPosition.customer, CustomerPosition.balance).where(scope(plant))
                .order_by(CustomerPosition.balance.desc(), CustomerPosition.customer).limit(most).offset(skip))

    def counted(plant):
        return CustomerPosition.select(fn.COUNT(SQL("*")), fn.SUM(CustomerPosition.balance)).where(scope(plant))
    if customer_ids is None:     # the whole plant, the usual page: composed once
        ranking = run_composed("ledger.ageing_ranking", ranking_of, plant_id, size + 1, (page - 1) * size).fetchall()
        count, grand = run_composed("ledger.ageing_count", counted, plant_id).fetchone()
    else:
        ranking = list(ranking_of(plant_id, size + 1, (page - 1) * size).tuples())
        count, grand = counted(plant_id).tuples().get()
    shown = [customer for customer, _balance in ranking[:size]]
    by_customer = {a.customer_id: a for a in ageing(plant_id, as_of, customer_ids=shown)} if shown else {}
    grand = CustomerPosition.balance.python_value(grand) or ZERO
    return AgeingPage([by_customer[c] for c in shown], len(ranking) > size, count or 0,
                      _totals(plant_id, as_of, customer_ids, grand))


def _totals(plant_id, as_of, customer_ids, balance: Decimal) -> dict:
    """Every bucket's total for the whole report; advances are what the balance has beyond the debits. For the
    whole plant, the open debits kept by the day they fall due (due_days.py); for some customers, range sums
    over the open debits' own index. A debit with no terms (a refund) is due on its date."""
    edges = [None] + [as_of - datetime.timedelta(days=d) for d in (30, 60, 90)] + [None]
    ranges = [(dated, edges[k], edges[k + 1]) for dated in (True, False) for k in range(4)]   # 0-30 ... over 90
    database = AccountEntry._meta.database
    if customer_ids is None:     # the whole plant: composed once
        def whole(plant, e30, e60, e90):
            edge = {as_of - datetime.timedelta(days=d): e for d, e in ((30, e30), (60, e60), (90, e90))}
            return Select(columns=[due_days.open_between(plant, dated, edge.get(newest), edge.get(oldest)).alias(f"s{n}")
                                   for n, (dated, newest, oldest) in enumerate(ranges)]).bind(database)
        row = run_composed("ledger.ageing_totals", whole, plant_id, *edges[1:4]).fetchone()
    else:
        sums = [_open_debits_between(plant_id, customer_ids, dated, newest, oldest)
                for dated, newest, oldest in ranges]
        row = database.execute(Select(columns=[q.alias(f"s{n}") for n, q in enumerate(sums)])).fetchone()
    figures = [AccountEntry.open_amount.python_value(v) or ZERO for v in row]
    buckets = [figures[k] + figures[4 + k] for k in range(4)]
    out = dict(zip(BUCKETS, buckets), balance=balance)
    out["advance"] = balance - sum(buckets, ZERO)
    return out


def _open_debits_between(plant_id, customer_ids, dated, newest, oldest):
    """The sum of the customers' open debits due (`dated`; else dated, for debits with no terms) in
    [oldest, newest), either end open when None."""
    column = AccountEntry.due_date if dated else AccountEntry.date
    condition = ((AccountEntry.plant == plant_id) & is_open_debit() & column.is_null(False)
                 & AccountEntry.customer.in_(customer_ids if hasattr(customer_ids, "sql") else list(customer_ids)))
    if not dated:
        condition &= AccountEntry.due_date.is_null()
    if newest is not None:
        condition &= column < newest
    if oldest is not None:
        condition &= column >= oldest
    return AccountEntry.select(fn.SUM(AccountEntry.open_amount)).where(condition)


def balance(customer_id, as_of: datetime.date | None = None) -> Decimal:
    """The balance from all entries (on a date: entries dated up to it)."""
    if as_of is None:
        (total,) = run_composed("ledger.balance", lambda c: AccountEntry.select(fn.SUM(AccountEntry.amount))
                                .where(AccountEntry.customer == c), customer_id).fetchone()
    else:
        total = (AccountEntry.select(fn.SUM(AccountEntry.amount))
                 .where((AccountEntry.customer == customer_id) & (AccountEntry.date <= as_of)).scalar())
    return AccountEntry.amount.python_value(total) or ZERO
