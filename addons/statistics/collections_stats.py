"""Collections: receipts per customer and month, and what each customer still owes (from the ledger)."""
from __future__ import annotations

from peewee import SQL, Cast, fn

from addons.ledger.models.entry import AccountEntry
from addons.master_data.models.customer import Customer


def receipts(plant_id, first, last) -> list[dict]:
    month = fn.SUBSTR(Cast(AccountEntry.date, "text"), SQL("1"), SQL("7")).coerce(False)
    rows = (AccountEntry.select(Customer.code, Customer.name, month, fn.SUM(AccountEntry.amount))
            .join(Customer).where((AccountEntry.plant == plant_id) & (AccountEntry.kind == "receipt")
                                  & AccountEntry.date.between(first, last))
            .group_by(Customer.code, Customer.name, month).order_by(month, Customer.code).tuples())
    value = AccountEntry.amount.python_value
    return [{"customer": f"{c} {n}", "month": m, "amount": -value(a or 0)} for c, n, m, a in rows]


def outstanding(plant_id) -> list[dict]:
    rows = (AccountEntry.select(Customer.code, Customer.name, fn.SUM(AccountEntry.amount))
            .join(Customer).where(AccountEntry.plant == plant_id)
            .group_by(Customer.code, Customer.name).having(fn.SUM(AccountEntry.amount) != 0)
            .order_by(fn.SUM(AccountEntry.amount).desc()).tuples())
    value = AccountEntry.amount.python_value
    return [{"customer": f"{c} {n}", "balance": value(b or 0)} for c, n, b in rows]
