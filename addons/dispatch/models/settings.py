from decimal import Decimal

from peewee import BooleanField, ForeignKeyField

from core.db import BaseModel
from core.fields import FixedDecimalField
from core.models import Plant


class DispatchSettings(BaseModel):
    """A plant's shipping rules; a plant without a row uses the defaults."""
    plant = ForeignKeyField(Plant, unique=True, on_delete="CASCADE")
    over_ship_pct = FixedDecimalField(places=2, default=Decimal("2"))   # ship up to this % over the order
    bill_received = BooleanField(default=False)   # bill what the customer received, not what was shipped

    class Meta:
        table_name = "dispatch_settings"
