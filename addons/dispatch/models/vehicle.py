from decimal import Decimal

from peewee import BooleanField, CharField, ForeignKeyField

from core.db import BaseModel
from core.fields import FixedDecimalField
from core.models import Plant


class Vehicle(BaseModel):
    plant = ForeignKeyField(Plant, on_delete="RESTRICT")
    plate = CharField(max_length=20)
    capacity_kg = FixedDecimalField(places=3, default=Decimal("0"))
    driver = CharField(max_length=80, default="")
    phone = CharField(max_length=40, default="")
    carrier = CharField(max_length=120, default="")
    active = BooleanField(default=True)

    class Meta:
        table_name = "dispatch_vehicle"
        indexes = ((("plant", "plate"), True),)

    def __str__(self):
        return self.plate
