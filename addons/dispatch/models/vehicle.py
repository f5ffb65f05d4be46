from decimal import Decimal

from peewee import BooleanField, CharField, ForeignKeyField

from core.db import BaseModel, instances, run_composed
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

    @classmethod
    def active_of(cls, plant_id) -> list:
        """The plant's vehicles in use, by plate (planning offers them beside every page of lines): composed once."""
        return instances(cls, run_composed("dispatch.active_vehicles", lambda plant: cls.select().where(
            (cls.plant == plant) & (cls.active == True)).order_by(cls.plate), plant_id))  # noqa: E712
