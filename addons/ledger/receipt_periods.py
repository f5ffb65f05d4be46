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
from core.db import db, is_sqlite, run_composed
from core.periods import period_of, pieces, shaped, signed, union_all, unshaped
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


def _signed(plant_id, parts, label, per_customer):
    """Signed rows (label, customer, amount, count) whose sums are the receipts of the pieces `parts`."""
    selects = []
    for piece in parts:
        sign = piece.sign
        if piece.period:
            who = R.customer_id != ALL if per_customer else R.customer_id == ALL
            selects.append(R.select(Value(label).alias("label"), R.customer_id.alias("customer"),
                                    signed(R.amount, sign).alias("amount"), signed(R.count, sign).alias("count"))
                           .where((R.plant == plant_id) & (R.period == piece.period) & who))
        else:
            selects.append(E.select(Value(label).alias("label"),
                                    (E.customer if per_customer else Value(ALL)).alias("customer"),
                                    # integers as the kept rows are: PostgreSQL's SUM of bigint is a numeric, and
                                    # a numeric part makes the whole union numeric, summed a third slower
                                    signed(Cast(fn.SUM(E.amount), "bigint"), sign).alias("amount"),
                                    signed(Cast(fn.COUNT(SQL("*")), "integer"), sign).alias("count"))
                           .where((E.plant == plant_id) & is_receipt() & E.date.between(piece.first, piece.last))
                           .group_by(*([E.customer] if per_customer else [])))
    return selects


def _months(first, last) -> list[tuple[str, list]]:
    """(month, its pieces) for each month of [first, last]."""
    out, month = [], first.replace(day=1)
    while month <= last:
        end = min(last, (month + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1))
        out.append((month.isoformat()[:7], pieces(max(first, month), end)))
        month = end + datetime.timedelta(days=1)
    return out


def by_month(plant_id, first, last) -> list[tuple[str, int, int]]:
    """(month, amount as stored, receipts) for each month of [first, last] with a receipt in it. The statement
    is composed once per shape of the range (a year's twelve months are a union of thirteen selects)."""
    months = [(label, *shaped(parts)) for label, parts in _months(first, last)]
    if not months:
        return []
    shapes = tuple(shape for _label, shape, _values in months)

    def build(plant, *values):
        selects, at = [], 0
        for shape in shapes:
            width = 1 + sum(1 if stored else 2 for _sign, stored in shape)
            selects += _signed(plant, unshaped(shape, values[at + 1:at + width]), values[at], per_customer=False)
            at += width
        r = union_all(selects).alias("r")
        count = fn.SUM(r.c.count)
        return (Select([r], [r.c.label, fn.SUM(r.c.amount), count]).group_by(r.c.label).having(count != 0)
                .order_by(r.c.label).bind(db))
    values = [v for label, _shape, vals in months for v in (label, *vals)]
    return run_composed(("ledger.receipts_by_month", shapes), build, plant_id, *values).fetchall()


def top_payers(plant_id, first, last, top, today=None) -> list[tuple[int, int]]:
    """(customer id, amount as stored) of the `top` customers who paid most in [first, last], composed once per
    shape of the range. `today`, the plant's: the year so far is then the year less the days after today."""
    shape, values = shaped(pieces(first, last, today))
    if not shape:
        return []

    def build(plant, *values):
        r = union_all(_signed(plant, unshaped(shape, values), "", per_customer=True)).alias("r")
        amount = fn.SUM(r.c.amount)
        return (Select([r], [r.c.customer, amount]).group_by(r.c.customer).having(fn.SUM(r.c.count) != 0)
                .order_by(amount.asc(), r.c.customer.asc()).limit(top).bind(db))
    return run_composed(("ledger.top_payers", shape, top), build, plant_id, *values).fetchall()
