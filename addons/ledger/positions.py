"""Keeping each customer's position (models/position.py) as entries are posted and matched.

Both happen only in addons/ledger/posting.py, with the customer's row locked: `posted` after an entry is
written, `applied` after an allocation moved two open amounts. Each is one statement on the customer's own
row, so concurrent postings for different customers never wait on each other here. `rebuild` writes every
position from the entries (the migration, a bulk load), and is what the kept figures are tested against."""
from __future__ import annotations

from addons.ledger.models.entry import AccountEntry
from addons.ledger.models.position import CustomerPosition
from core.db import db, is_sqlite

_TABLE = CustomerPosition._meta.table_name
_ENTRIES = AccountEntry._meta.table_name


def _money(value):
    return CustomerPosition.balance.db_value(value)


def posted(entry) -> None:
    """`entry` was just written (its open amount is its amount)."""
    amount = entry.amount
    debit = amount > 0
    p = db.obj.param
    db.execute_sql(
        f'INSERT INTO "{_TABLE}" ("plant_id", "customer_id", "balance", "open_items", "oldest_due", "owed_on_orders") '
        f'VALUES ({p}, {p}, {p}, {p}, {p}, {p}) ON CONFLICT ("customer_id") DO UPDATE SET '
        f'"balance" = "{_TABLE}"."balance" + EXCLUDED."balance", '
        f'"open_items" = "{_TABLE}"."open_items" + EXCLUDED."open_items", '
        f'"owed_on_orders" = "{_TABLE}"."owed_on_orders" + EXCLUDED."owed_on_orders", '
        f'"oldest_due" = CASE WHEN EXCLUDED."oldest_due" IS NULL THEN "{_TABLE}"."oldest_due" '
        f'WHEN "{_TABLE}"."oldest_due" IS NULL OR EXCLUDED."oldest_due" < "{_TABLE}"."oldest_due" '
        f'THEN EXCLUDED."oldest_due" ELSE "{_TABLE}"."oldest_due" END',
        (entry.plant_id, entry.customer_id, _money(amount), 1 if amount != 0 else 0,
         CustomerPosition.oldest_due.db_value(entry.due_date) if debit else None,
         _money(amount if debit and entry.order_id is not None else 0)))


def applied(credit, debit, amount) -> None:
    """`amount` of `credit` was applied to `debit` (their open amounts already moved): the items that closed
    leave the count, and a debit that closed may have been the oldest one due."""
    closed = (credit.open_amount == 0) + (debit.open_amount == 0)
    p = db.obj.param
    sql = (f'UPDATE "{_TABLE}" SET "open_items" = "open_items" - {p}, '
           f'"owed_on_orders" = "owed_on_orders" - {p}')
    params = [closed, _money(amount if debit.order_id is not None else 0)]
    if debit.open_amount == 0 and debit.due_date is not None:
        sql += (f', "oldest_due" = (SELECT MIN(e."due_date") FROM "{_ENTRIES}" AS e WHERE e."customer_id" = {p} '
                f'AND e."open_amount" > 0 AND e."due_date" IS NOT NULL)')
        params.append(debit.customer_id)
    db.execute_sql(sql + f' WHERE "customer_id" = {p}', params + [debit.customer_id])


def rebuild(plant_id=None) -> None:
    """Write every position (of one plant, or all) from the entries."""
    p = db.obj.param
    where, params = (f' WHERE "plant_id" = {p}', [plant_id]) if plant_id is not None else ("", [])
    db.execute_sql(f'DELETE FROM "{_TABLE}"' + where, params)
    debit_order = '"open_amount" > 0 AND "order_id" IS NOT NULL'
    db.execute_sql(
        f'INSERT INTO "{_TABLE}" ("plant_id", "customer_id", "balance", "open_items", "oldest_due", "owed_on_orders") '
        f'SELECT "plant_id", "customer_id", SUM("amount"), '
        f'SUM(CASE WHEN "open_amount" <> 0 THEN 1 ELSE 0 END), '
        f'MIN(CASE WHEN "open_amount" > 0 THEN "due_date" END), '
        f'SUM(CASE WHEN {debit_order} THEN "open_amount" ELSE 0 END) '
        f'FROM "{_ENTRIES}"' + where + ' GROUP BY "plant_id", "customer_id"', params)
    if not is_sqlite():
        db.execute_sql(f'ANALYZE "{_TABLE}"')
