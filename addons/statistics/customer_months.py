"""Keeping the customers' months (models/customer_month.py) in step with their firm orders, beside the sales
summary: summary.py calls `refresh` for the customers of the days it computes again, inside its transaction
and under its lock, and `rebuild` when it builds the summary in full.

A customer's months are the months of their firm orders. Only the months of the stale days can have changed,
so only those rows are read again from the orders. Then, from the customers' own rows (one a month at most),
"bought the month after" of those months and the months before them, and the first month where it moved.
"""
from __future__ import annotations

import datetime

from peewee import SQL, Cast, Value, fn

from addons.sales_order.models.order import FIRM, Order
from addons.statistics.models.customer_month import CustomerMonth, month_number
from core.periods import month_in_year, period_of

CM = CustomerMonth
_CHUNK = 500       # customers a statement: within both databases' parameter limits


def _month_expr(column):
    """A date column's month number in SQL (year × 12 + month − 1), on both databases."""
    return Cast(period_of(column, 4), "integer") * SQL("12") + month_in_year(column) - SQL("1")


def _bounds(month: int) -> tuple[datetime.date, datetime.date]:
    first = datetime.date(month // 12, month % 12 + 1, 1)
    following = datetime.date((month + 1) // 12, (month + 1) % 12 + 1, 1)
    return first, following - datetime.timedelta(days=1)


def _bought(plant_id, months=None, customers=None):
    """(plant, customer, month, salesperson, month, false) of the firm orders, a row per customer and month: a
    row of the table with its own month as the first one and nothing bought after, until _next_bought and
    _first_months set them."""
    month = _month_expr(Order.delivery_date)
    where = (Order.plant == plant_id) & Order.state.in_(FIRM)
    if customers is not None:
        where &= Order.customer.in_(customers)
    if months is not None:
        spans = None
        for m in months:
            first, last = _bounds(m)
            span = Order.delivery_date.between(first, last)
            spans = span if spans is None else spans | span
        where &= spans
    return (Order.select(Value(plant_id), Order.customer, month, fn.COALESCE(fn.MIN(Order.salesperson), 0), month,
                         SQL("FALSE"))
            .where(where).group_by(Order.customer, month))


_TARGET = [CM.plant, CM.customer_id, CM.month, CM.salesperson_id, CM.first_month, CM.bought_next]


def _next_bought(plant_id, customers=None, months=None) -> None:
    """ "Bought the month after" of the rows, from the customer's row of the month after."""
    other = CM.alias("other")
    after = (other.plant == CM.plant) & (other.customer_id == CM.customer_id) & (other.month == CM.month + 1)
    where = CM.plant == plant_id
    if customers is not None:
        where &= CM.customer_id.in_(customers) & CM.month.in_(months)
    CM.update(bought_next=fn.EXISTS(other.select(SQL("1")).where(after))).where(where).execute()


def _first_months(plant_id, customers=None) -> None:
    """Every row of a customer holds the customer's first month: set where it differs (a row just written holds
    its own month, see _bought; the earliest month may have come or gone)."""
    other = CM.alias("other")
    first = other.select(fn.MIN(other.month)).where((other.plant == CM.plant) & (other.customer_id == CM.customer_id))
    where = (CM.plant == plant_id) & (CM.first_month != first)
    if customers is not None:
        where &= CM.customer_id.in_(customers)
    CM.update(first_month=first).where(where).execute()


def refresh(plant_id, customers, days) -> None:
    """The rows of `customers` in the months of `days`, read again from their firm orders."""
    months = sorted({month_number(d) for d in days})
    customers = sorted(set(customers))
    for start in range(0, len(customers), _CHUNK):
        chunk = customers[start:start + _CHUNK]
        CM.delete().where((CM.plant == plant_id) & CM.customer_id.in_(chunk) & CM.month.in_(months)).execute()
        CM.insert_from(_bought(plant_id, months, chunk), _TARGET).execute()
        # the months rewritten and the month before each are the only rows whose month after changed
        _next_bought(plant_id, chunk, sorted(set(months) | {m - 1 for m in months}))
        _first_months(plant_id, chunk)


def rebuild(plant_id) -> None:
    CM.delete().where(CM.plant == plant_id).execute()
    CM.insert_from(_bought(plant_id), _TARGET).execute()
    _next_bought(plant_id)
    _first_months(plant_id)
