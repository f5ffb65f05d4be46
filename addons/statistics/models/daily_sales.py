"""The daily sales summary: per plant, day and one dimension, on two bases: firm order lines at their estimate
by delivery day ("ordered"), and delivery lines billed on what was weighed by ship date ("shipped").

Derived data, never entered: it can be dropped and rebuilt from the order lines at any time
(`statistics.summary.rebuild`). It exists because a GROUP BY over a million joined lines takes seconds on
SQLite, while the summary holds a few hundred rows a day.
"""
from decimal import Decimal

from peewee import CharField, DateField, DateTimeField, ForeignKeyField, IntegerField

from core.db import BaseModel
from core.fields import FixedDecimalField
from core.models import Plant

# The dimensions the summary is kept by; category, region and customer type are read through the
# product or customer rows, so a customer moving region moves its history too, as it did before.
SOURCES = ("salesperson", "customer", "product", "channel")
BASES = ("ordered", "shipped")


class DailySales(BaseModel):
    plant = ForeignKeyField(Plant, on_delete="CASCADE", index=False)
    day = DateField()
    basis = CharField(max_length=8, default="ordered")
    dimension = CharField(max_length=12)
    key_id = IntegerField(null=True)              # salesperson, customer or product id
    key_text = CharField(max_length=20, null=True)   # the channel
    amount = FixedDecimalField(places=2, default=Decimal("0"))
    weight = FixedDecimalField(places=3, default=Decimal("0"))
    quantity = FixedDecimalField(places=3, default=Decimal("0"))
    orders = IntegerField(default=0)              # the orders (shipped: the notes) behind the row

    class Meta:
        table_name = "statistics_daily_sales"
        indexes = ((("plant", "basis", "dimension", "day"), False),)


class PeriodSales(BaseModel):
    """The daily summary added up by month ("2026-03") and by year ("2026"), per key (periods.py keeps it as the
    days are computed). A missing key is 0 (key_id) or "" (key_text), so that a row can be found and added to."""
    plant = ForeignKeyField(Plant, on_delete="CASCADE", index=False)
    period = CharField(max_length=7)
    basis = CharField(max_length=8)
    dimension = CharField(max_length=12)
    key_id = IntegerField(default=0)
    key_text = CharField(max_length=20, default="")
    amount = FixedDecimalField(places=2, default=Decimal("0"))
    weight = FixedDecimalField(places=3, default=Decimal("0"))
    quantity = FixedDecimalField(places=3, default=Decimal("0"))
    orders = IntegerField(default=0)

    class Meta:
        table_name = "statistics_period_sales"
        indexes = ((("plant", "basis", "dimension", "period", "key_id", "key_text"), True),)


class StaleDay(BaseModel):
    """A plant's day whose firm orders (by delivery day) or shipments (by ship date) changed since the summary
    was computed: both bases of that day are computed again."""
    plant = ForeignKeyField(Plant, on_delete="CASCADE", index=False)
    day = DateField()
    marked_at = DateTimeField()

    class Meta:
        table_name = "statistics_stale_day"
        indexes = ((("plant", "day"), True),)


class SummaryState(BaseModel):
    """Present once a plant's summary has been built in full; dropped when statistics is enabled again."""
    plant = ForeignKeyField(Plant, on_delete="CASCADE", unique=True)
    built_at = DateTimeField()

    class Meta:
        table_name = "statistics_summary_state"
