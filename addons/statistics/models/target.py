from decimal import Decimal

from peewee import CharField, ForeignKeyField

from core.db import BaseModel
from core.fields import FixedDecimalField
from core.models import Plant, User


class SalesTarget(BaseModel):
    """A salesperson's sales target for a month ("2026-03"), in yuan."""
    plant = ForeignKeyField(Plant, on_delete="CASCADE", index=False)
    salesperson = ForeignKeyField(User, on_delete="CASCADE", backref="+")
    period = CharField(max_length=7)
    amount = FixedDecimalField(places=2, default=Decimal("0"))

    class Meta:
        table_name = "statistics_target"
        indexes = ((("plant", "period", "salesperson"), True),)
