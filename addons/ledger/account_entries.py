"""A customer's account as the sales desk reads it: the entries newest first, a page at a time, each with the
balance after it."""
from __future__ import annotations

from peewee import fn

from addons.ledger.models.entry import AccountEntry
from core.db import model_rows, run_composed

E = AccountEntry


def entries_page(customer_id, page: int, size: int) -> list:
    """The entries of page `page` (and one more, to tell whether another page follows), each with `running`: the
    balance after it. Read straight into instances (peewee's per-row conversion of every column was a third of
    the page)."""
    fields = E._meta.sorted_fields
    running = fn.SUM(E.amount).over(order_by=[E.date, E.id])
    make = model_rows(E, fields)
    rows = []
    cursor = run_composed("ledger.entries_page", lambda customer, limit, offset: E.select(*fields, running).where(
        E.customer == customer).order_by(E.date.desc(), E.id.desc()).limit(limit).offset(offset),
        customer_id, size + 1, (page - 1) * size)
    for values in cursor.fetchall():
        entry = make(values[:-1])
        entry.running = E.amount.python_value(values[-1])
        rows.append(entry)
    return rows
