"""The daily sales summary: firm order lines summed per plant, delivery day and one dimension.

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


class DailySales(BaseModel):
    plant = ForeignKeyField(Plant, on_delete="CASCADE", index=False)
    day = DateField()
    dimension = CharField(max_length=12)
    key_id = IntegerField(null=True)              # salesperson, customer or product id
    key_text = CharField(max_length=20, null=True)   # the channel
    amount = FixedDecimalField(places=2, default=Decimal("0"))
    weight = FixedDecimalField(places=3, default=Decimal("0"))
    quantity = FixedDecimalField(places=3, default=Decimal("0"))

    class Meta:
        table_name = "statistics_daily_sales"
        indexes = ((("plant", "dimension", "day"), False),)


class StaleDay(BaseModel):
    """A plant's delivery day whose firm orders changed since the summary was computed."""
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
