"""The receivables list (应收目录): per order, what was contracted, charged, received and is still open.

A page at a time, newest order first, read along `ledger_account_entry_order` (the debits that belong to an
order, in order id): the page's groups come straight off the index, so a page costs the same at a million
entries as at a hundred. The outstanding total is one sum along the open debits' index."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from peewee import fn

from addons.ledger.models.entry import AccountEntry, is_debit
from addons.ledger.models.position import CustomerPosition
from core.db import run_composed
from core.kernel import current_kernel

ZERO = Decimal("0.00")


@dataclass
class ReceivablesPage:
    rows: list[dict]
    more: bool
    outstanding: Decimal


def by_order(plant_id, customer_ids=None, only_open=True, page=1, size=100) -> ReceivablesPage:
    """`customer_ids`: a subquery or list restricting the customers, or None for all of the plant's."""
    def debits(plant, most, skip):
        debit = (AccountEntry.plant == plant) & AccountEntry.order_id.is_null(False) & is_debit()
        if customer_ids is not None:
            debit &= AccountEntry.customer.in_(customer_ids)
        charged, open_ = fn.SUM(AccountEntry.amount), fn.SUM(AccountEntry.open_amount)
        query = (AccountEntry.select(AccountEntry.order_id, AccountEntry.customer, charged.alias("charged"),
                                     open_.alias("open"))
                 .where(debit).group_by(AccountEntry.order_id, AccountEntry.customer)
                 .order_by(AccountEntry.order_id.desc(), AccountEntry.customer.desc()))   # the index's order, both ways
        if only_open:
            query = query.having(open_ != 0)
        return query.limit(most).offset(skip)

    def owed(plant):
        outstanding = CustomerPosition.plant == plant
        if customer_ids is not None:
            outstanding &= CustomerPosition.customer.in_(customer_ids)
        return CustomerPosition.select(fn.SUM(CustomerPosition.owed_on_orders)).where(outstanding)
    keys = ("order_id", "customer", "charged", "open")
    if customer_ids is None:     # every customer of the plant, the usual page: composed once
        found = [dict(zip(keys, row)) for row in run_composed(("ledger.receivables", only_open), debits, plant_id,
                                                              size + 1, (page - 1) * size).fetchall()]
        total = run_composed("ledger.owed_on_orders", owed, plant_id).fetchone()[0]
    else:
        found = list(debits(plant_id, size + 1, (page - 1) * size).dicts())
        total = owed(plant_id).scalar()
    contracts = {}
    for answer in current_kernel().hooks.call("order_contracts", plant_id,
                                              order_ids=[r["order_id"] for r in found[:size]]):
        contracts.update(answer or {})
    convert = AccountEntry.amount.python_value
    rows = []
    for row in found[:size]:
        charged_, open__ = convert(row["charged"]) or ZERO, convert(row["open"]) or ZERO
        number, contract = contracts.get(row["order_id"], (str(row["order_id"]), None))
        rows.append({"order_id": row["order_id"], "number": number, "customer_id": row["customer"],
                     "contract": contract, "charged": charged_, "received": charged_ - open__, "open": open__})
    # `total`: what is open of debits that name an order, as each customer's position keeps it (a row per customer)
    return ReceivablesPage(rows, len(found) > size, convert(total) or ZERO)
