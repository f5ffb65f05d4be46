"""Which customers bought in which month, with what customer analysis needs to count them without reading
their orders: the month's salesperson, the customer's first month, and whether they bought the month after.

Derived data like the sales summary (statistics/customer_months.py keeps it as stale days are computed, and
builds it again with the summary). A month is a number, year × 12 + month − 1, so that the month after is + 1
on both databases.
"""
from peewee import BooleanField, ForeignKeyField, IntegerField

from core.db import BaseModel
from core.models import Plant


class CustomerMonth(BaseModel):
    plant = ForeignKeyField(Plant, on_delete="CASCADE", index=False)
    customer_id = IntegerField()
    month = IntegerField()
    salesperson_id = IntegerField(default=0)   # of the month's firm orders (the lowest id of them); 0 for none
    first_month = IntegerField()               # the customer's first month with a firm order
    bought_next = BooleanField(default=False)  # a firm order in the month after too

    class Meta:
        table_name = "statistics_customer_month"
        # the key, and what a month's counts read (index only: the month, its salespeople and the two facts)
        indexes = ((("plant", "customer_id", "month"), True),
                   (("plant", "month", "salesperson_id", "first_month", "bought_next"), False))


def month_number(day) -> int:
    return day.year * 12 + day.month - 1


def month_of(text: str) -> int:
    """ "2026-03" → its number."""
    return int(text[:4]) * 12 + int(text[5:7]) - 1
