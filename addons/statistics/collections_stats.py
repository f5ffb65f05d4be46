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


def top_payers(plant_id, first, last, top=TOP) -> list[dict]:
    return _named(receipt_periods.top_payers(plant_id, first, last, top), -1)


def outstanding(plant_id, top=TOP) -> tuple[list[dict], Decimal, int]:
    """The customers who owe most, the total owed and how many customers owe: read off each customer's position
    (the ledger keeps its balance as entries are posted), one row per customer."""
    scope = (CustomerPosition.plant == plant_id) & (CustomerPosition.balance > 0)
    rows = list(CustomerPosition.select(CustomerPosition.customer, CustomerPosition.balance).where(scope)
                .order_by(CustomerPosition.balance.desc(), CustomerPosition.customer).limit(top).tuples())
    count, owed = CustomerPosition.select(fn.COUNT(SQL("*")), fn.SUM(CustomerPosition.balance)).where(scope) \
        .tuples().get()
    return _named(rows, 1, stored=False), CustomerPosition.balance.python_value(owed) or ZERO, count


def _named(rows, sign, stored=True) -> list[dict]:
    """Rows of (customer id, amount) with the customer's code and name; `stored`: amounts as the database keeps
    them (a sum), else already read as money."""
    rows = list(rows)
    names = {c.id: c for c in Customer.select(Customer.id, Customer.code, Customer.name).where(
        Customer.id.in_([r[0] for r in rows]))} if rows else {}
    value = AccountEntry.amount.python_value if stored else (lambda a: a)
    return [{"customer": f"{names[c].code} {names[c].name}", "customer_id": c, "amount": sign * value(a or 0)}
            for c, a in rows if c in names]
