from decimal import Decimal

from peewee import ForeignKeyField

from core.db import BaseModel
from core.fields import FixedDecimalField
from core.models import Plant


class ReturnSettings(BaseModel):
    """Approval limit: `returns.approve` approves returns up to this amount; above needs `returns.approve_any`."""
    plant = ForeignKeyField(Plant, unique=True, on_delete="CASCADE")
    approve_limit = FixedDecimalField(places=2, default=Decimal("5000"))

    class Meta:
        table_name = "returns_settings"
