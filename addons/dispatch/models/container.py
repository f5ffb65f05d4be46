from decimal import Decimal

from peewee import BooleanField, CharField, ForeignKeyField

from core.db import BaseModel, instances, run_composed
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

    @classmethod
    def active_of(cls, plant_id) -> list:
        """The plant's containers in use, by code (the desk offers them with every line): composed once."""
        return instances(cls, run_composed("dispatch.active_containers", lambda plant: cls.select().where(
            (cls.plant == plant) & (cls.active == True)).order_by(cls.code), plant_id))  # noqa: E712
