"""Keeping what each plant received by month and year, per customer and in all (models/receipt_period.py), and
reading a range of days through it (core/periods.py chooses the pieces: the year so far is the year, less this
month, plus its days; days are read off the receipts themselves).

A receipt is never changed once posted (a mistake is reversed by another entry, which is not a receipt), so
posting is the only writer. Like the due days, a transaction leaves its additions for its commit
(`core.transactions.at_commit`), written in the keys' order: the plant's own rows are added to by every
receipt, and are locked only for the commit's last moment, never in opposite orders."""
from __future__ import annotations

import datetime

from peewee import SQL, Cast, Select, Value, fn

from addons.ledger.models.entry import AccountEntry, is_receipt
from addons.ledger.models.receipt_period import ReceiptPeriod
from core.db import db, is_sqlite
from core.periods import period_of, pieces, signed, union_all
from core.transactions import at_commit

R, E = ReceiptPeriod, AccountEntry
_TABLE = R._meta.table_name
ALL = 0     # the customer id of a plant's own rows


def posted(entry) -> None:
    if entry.kind != "receipt":
        return
    left = at_commit("ledger.receipt_periods", _write)
    month = entry.date.isoformat()[:7]
    for period in (month, month[:4]):
        for customer_id in (ALL, entry.customer_id):
            amount, count = left.get((entry.plant_id, period, customer_id), (0, 0))
            left[(entry.plant_id, period, customer_id)] = (amount + entry.amount, count + 1)


def _write(left: dict) -> None:
    p = db.obj.param
    sql = (f'INSERT INTO "{_TABLE}" ("plant_id", "period", "customer_id", "amount", "count") '
           f'VALUES ({p}, {p}, {p}, {p}, {p}) ON CONFLICT ("plant_id", "period", "customer_id") DO UPDATE SET '
           f'"amount" = "{_TABLE}"."amount" + EXCLUDED."amount", "count" = "{_TABLE}"."count" + EXCLUDED."count"')
    for (plant_id, period, customer_id), (amount, count) in sorted(left.items()):
        db.execute_sql(sql, (plant_id, period, customer_id, R.amount.db_value(amount), count))


def rebuild(plant_id=None) -> None:
    """Write every row (of one plant, or all) from the receipts."""
    scope = R.plant == plant_id if plant_id is not None else SQL("1 = 1")
    R.delete().where(scope).execute()
    receipts = is_receipt() & ((E.plant == plant_id) if plant_id is not None else SQL("1 = 1"))
    target = [R.plant, R.period, R.customer_id, R.amount, R.count]
    for width in (7, 4):
        period = period_of(E.date, width)
        R.insert_from(E.select(E.plant, period, E.customer, fn.SUM(E.amount), fn.COUNT(SQL("*"))).where(receipts)
                      .group_by(E.plant, period, E.customer), target).execute()
        R.insert_from(E.select(E.plant, period, Value(ALL), fn.SUM(E.amount), fn.COUNT(SQL("*"))).where(receipts)
                      .group_by(E.plant, period), target).execute()
    if not is_sqlite():
        db.execute_sql(f'ANALYZE "{_TABLE}"')


def _signed(plant_id, first, last, label, per_customer):
    """Signed rows (label, customer, amount, count) whose sums are the receipts of [first, last]."""
    parts = []
    for piece in pieces(first, last):
        sign = piece.sign
        if piece.period:
            who = R.customer_id != ALL if per_customer else R.customer_id == ALL
            parts.append(R.select(Value(label).alias("label"), R.customer_id.alias("customer"),
                                  signed(R.amount, sign).alias("amount"), signed(R.count, sign).alias("count"))
                         .where((R.plant == plant_id) & (R.period == piece.period) & who))
        else:
            parts.append(E.select(Value(label).alias("label"), (E.customer if per_customer else Value(ALL)).alias("customer"),
                                  # an integer as the kept rows are: PostgreSQL's SUM of bigint is a numeric, and a
                                  # numeric part makes the whole union numeric, summed a third slower
                                  signed(Cast(fn.SUM(E.amount), "bigint"), sign).alias("amount"),
                                  signed(fn.COUNT(SQL("*")), sign).alias("count"))
                         .where((E.plant == plant_id) & is_receipt() & E.date.between(piece.first, piece.last))
                         .group_by(*([E.customer] if per_customer else [])))
    return parts


def by_month(plant_id, first, last) -> list[tuple[str, int, int]]:
    """(month, amount as stored, receipts) for each month of [first, last] with a receipt in it."""
    parts, month = [], first.replace(day=1)
    while month <= last:
        end = min(last, (month + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1))
        parts += _signed(plant_id, max(first, month), end, month.isoformat()[:7], per_customer=False)
        month = end + datetime.timedelta(days=1)
    if not parts:
        return []
    r = union_all(parts).alias("r")
    count = fn.SUM(r.c.count)
    return list(Select([r], [r.c.label, fn.SUM(r.c.amount), count]).group_by(r.c.label).having(count != 0)
                .order_by(r.c.label).tuples().execute(db))


def top_payers(plant_id, first, last, top) -> list[tuple[int, int]]:
    """(customer id, amount as stored) of the `top` customers who paid most in [first, last]."""
    parts = _signed(plant_id, first, last, "", per_customer=True)
    if not parts:
        return []
    r = union_all(parts).alias("r")
    amount = fn.SUM(r.c.amount)
    return list(Select([r], [r.c.customer, amount]).group_by(r.c.customer).having(fn.SUM(r.c.count) != 0)
                .order_by(amount.asc(), r.c.customer.asc()).limit(top).tuples().execute(db))
