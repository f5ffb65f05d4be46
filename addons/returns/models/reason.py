from peewee import BooleanField, CharField, ForeignKeyField

from core.db import BaseModel
from core.models import Plant


class ReturnReason(BaseModel):
    """The dictionary of return reasons (quality, wrong goods, damaged in transit, ...)."""
    plant = ForeignKeyField(Plant, on_delete="RESTRICT")
    code = CharField(max_length=40)
    name = CharField(max_length=120)
    active = BooleanField(default=True)

    class Meta:
        table_name = "returns_reason"
        indexes = ((("plant", "code"), True),)
