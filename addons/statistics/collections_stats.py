"""Collections: what was received per month and from whom, and who still owes (from the ledger).

The page shows sums and the customers at the top; the customer-by-month detail goes to Excel. At a plant group
(a million entries, thousands of customers) the detail is tens of thousands of rows: a file, not a page."""
from __future__ import annotations

from decimal import Decimal

from peewee import SQL, fn

from addons.ledger import receipt_periods
from addons.ledger.models.position import CustomerPosition
from addons.ledger.models.entry import AccountEntry, is_receipt
from addons.master_data.models.customer import Customer
from core.db import run_composed, run_composed_ids
from core.periods import period_of

TOP = 20
ZERO = Decimal("0.00")


def _month():
    return period_of(AccountEntry.date, 7)


def _received(plant_id, first, last):
    # along ledger_account_entry_receipts: the receipts in date order, with what these sums read
    return ((AccountEntry.plant == plant_id) & is_receipt()
            & AccountEntry.date.between(first, last))


def receipts(plant_id, first, last) -> list[dict]:
    """Every customer's receipts per month (the Excel export)."""
    month = _month()
    rows = (AccountEntry.select(Customer.code, Customer.name, month, fn.SUM(AccountEntry.amount))
            .join(Customer).where(_received(plant_id, first, last))
            .group_by(Customer.code, Customer.name, month).order_by(month, Customer.code).tuples())
    value = AccountEntry.amount.python_value
    return [{"customer": f"{c} {n}", "month": m, "amount": -value(a or 0)} for c, n, m, a in rows]


def by_month(plant_id, first, last) -> list[dict]:
    """What was received each month of the range: a row a month the ledger keeps (receipt_periods.py), and the
    receipts themselves for a month the range takes only part of."""
    value = AccountEntry.amount.python_value
    return [{"month": m, "amount": -value(a or 0), "count": int(n)}
            for m, a, n in receipt_periods.by_month(plant_id, first, last)]


def top_payers(plant_id, first, last, top=TOP, today=None) -> list[dict]:
    return _named(receipt_periods.top_payers(plant_id, first, last, top, today), -1)


def outstanding(plant_id, top=TOP) -> tuple[list[dict], Decimal, int]:
    """The customers who owe most, the total owed and how many customers owe: read off each customer's position
    (the ledger keeps its balance as entries are posted), one row per customer."""
    P = CustomerPosition

    def owing(p):
        return (P.plant == p) & (P.balance > 0)
    rows = run_composed(("statistics.most_owed", top), lambda p: P.select(P.customer, P.balance).where(owing(p))
                        .order_by(P.balance.desc(), P.customer).limit(top), plant_id).fetchall()
    count, owed = run_composed("statistics.owed", lambda p: P.select(fn.COUNT(SQL("*")), fn.SUM(P.balance))
                               .where(owing(p)), plant_id).fetchone()
    return _named(rows, 1), P.balance.python_value(owed) or ZERO, count


def _named(rows, sign) -> list[dict]:
    """Rows of (customer id, amount as the database keeps it) with the customer's code and name."""
    rows = list(rows)
    names = {i: (code, name) for i, code, name in run_composed_ids("statistics.customer_names", lambda ids: (
        Customer.select(Customer.id, Customer.code, Customer.name).where(Customer.id.in_(ids))),
        [r[0] for r in rows]).fetchall()} if rows else {}
    value = AccountEntry.amount.python_value
    return [{"customer": f"{names[c][0]} {names[c][1]}", "customer_id": c, "amount": sign * value(a or 0)}
            for c, a in rows if c in names]
