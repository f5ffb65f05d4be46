from decimal import Decimal

from peewee import BooleanField, CharField, ForeignKeyField

from core.db import BaseModel
from core.fields import FixedDecimalField
from core.models import Plant


class ContainerType(BaseModel):
    """A crate, hook or pallet: its weight is taken off the scale's gross for every one on the load."""
    plant = ForeignKeyField(Plant, on_delete="RESTRICT", index=False)
    code = CharField(max_length=20)
    name = CharField(max_length=60)
    tare_kg = FixedDecimalField(places=3, default=Decimal("0"))
    active = BooleanField(default=True)

    class Meta:
        table_name = "dispatch_container_type"
        indexes = ((("plant", "code"), True),)

    def __str__(self):
        return self.name
