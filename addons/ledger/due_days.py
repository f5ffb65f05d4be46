"""Keeping what is open of a plant's debits by the day they fall due (models/due_day.py).

An open debit is an entry whose open amount is above zero; only postings (a new debit) and allocations (a
debit paid) change it, both in addons/ledger/posting.py. Many transactions, for different customers, add to
the same day: each leaves its changes for its commit (`core.transactions.at_commit`), where they are written in the
days' order, so that two transactions never wait on each other's rows in opposite orders and a day's row is
locked only for the commit's last moment. `rebuild` writes the rows from the entries (the migration, a bulk
load); the tests hold the kept figures to it."""
from __future__ import annotations

import datetime
from decimal import Decimal

from peewee import fn

from addons.ledger.models.due_day import DueDay
from addons.ledger.models.entry import AccountEntry
from core.db import db, is_sqlite
from core.transactions import at_commit

_TABLE = DueDay._meta.table_name


def _key(entry) -> tuple:
    return (entry.plant_id, entry.due_date is not None, entry.due_date or entry.date)


def _left():
    return at_commit("ledger.due_days", _write)


def posted(entry) -> None:
    if entry.amount > 0:
        left = _left()
        left[_key(entry)] = left.get(_key(entry), 0) + entry.amount


def paid(debit, amount) -> None:
    left = _left()
    left[_key(debit)] = left.get(_key(debit), 0) - amount


def _write(left: dict) -> None:
    p = db.obj.param
    sql = (f'INSERT INTO "{_TABLE}" ("plant_id", "dated", "day", "open_amount") VALUES ({p}, {p}, {p}, {p}) '
           f'ON CONFLICT ("plant_id", "dated", "day") DO UPDATE SET '
           f'"open_amount" = "{_TABLE}"."open_amount" + EXCLUDED."open_amount"')
    for (plant_id, dated, day), change in sorted(left.items()):
        if change:
            db.execute_sql(sql, (plant_id, dated, DueDay.day.db_value(day), DueDay.open_amount.db_value(change)))


def rebuild(plant_id=None) -> None:
    """Write every row (of one plant, or all) from the open debits."""
    p = db.obj.param
    where, params = (f' AND "plant_id" = {p}', [plant_id]) if plant_id is not None else ("", [])
    db.execute_sql(f'DELETE FROM "{_TABLE}"' + (f' WHERE "plant_id" = {p}' if plant_id is not None else ""), params)
    db.execute_sql(
        f'INSERT INTO "{_TABLE}" ("plant_id", "dated", "day", "open_amount") '
        f'SELECT "plant_id", "due_date" IS NOT NULL, COALESCE("due_date", "date"), SUM("open_amount") '
        f'FROM "{AccountEntry._meta.table_name}" WHERE "open_amount" > 0' + where +
        ' GROUP BY "plant_id", "due_date" IS NOT NULL, COALESCE("due_date", "date")', params)
    if not is_sqlite():
        db.execute_sql(f'ANALYZE "{_TABLE}"')


def open_between(plant_id, dated: bool, newest: datetime.date | None, oldest: datetime.date | None):
    """A select of the sum of open debits of days in [oldest, newest) (either end open when None), as stored."""
    condition = (DueDay.plant == plant_id) & (DueDay.dated == dated)
    if newest is not None:
        condition &= DueDay.day < newest
    if oldest is not None:
        condition &= DueDay.day >= oldest
    return DueDay.select(fn.SUM(DueDay.open_amount)).where(condition)


def open_total(plant_id, dated: bool, newest: datetime.date | None, oldest: datetime.date | None) -> Decimal:
    """`open_between` as money."""
    return DueDay.open_amount.python_value(open_between(plant_id, dated, newest, oldest).scalar()) or Decimal("0.00")
