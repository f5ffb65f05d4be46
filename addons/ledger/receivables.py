"""The receivables list (应收目录): per order, what was contracted, charged, received and is still open."""
from __future__ import annotations

from decimal import Decimal

from peewee import Case, fn

from addons.ledger.models.entry import AccountEntry
from core.kernel import current_kernel

ZERO = Decimal("0.00")


def by_order(plant_id, customer_ids) -> list[dict]:
    debit = AccountEntry.amount > 0
    convert = AccountEntry.amount.python_value
    rows = list(AccountEntry.select(
        AccountEntry.order_id, AccountEntry.customer,
        fn.SUM(Case(None, [(debit, AccountEntry.amount)], 0)).alias("charged"),
        fn.SUM(Case(None, [(debit, AccountEntry.open_amount)], 0)).alias("open"),
        fn.MIN(AccountEntry.date).alias("first"))
        .where((AccountEntry.plant == plant_id) & AccountEntry.order_id.is_null(False)
               & AccountEntry.customer.in_(customer_ids))
        .group_by(AccountEntry.order_id, AccountEntry.customer).dicts())
    contracts = {}
    for answer in current_kernel().hooks.call("order_contracts", plant_id, order_ids=[r["order_id"] for r in rows]):
        contracts.update(answer or {})
    out = []
    for row in rows:
        charged, open_ = convert(row["charged"]) or ZERO, convert(row["open"]) or ZERO
        number, contract = contracts.get(row["order_id"], (str(row["order_id"]), None))
        out.append({"order_id": row["order_id"], "number": number, "customer_id": row["customer"],
                    "contract": contract, "charged": charged, "received": charged - open_, "open": open_,
                    "first": row["first"]})
    return sorted(out, key=lambda r: (-r["open"], r["number"]))
