from peewee import BooleanField, CharField, ForeignKeyField

from core.db import BaseModel
from core.models import Plant


class PriceList(BaseModel):
    """A customer group's prices; the plant's default list applies to customers with none."""
    plant = ForeignKeyField(Plant, on_delete="RESTRICT")
    code = CharField(max_length=40)
    name = CharField(max_length=100)
    is_default = BooleanField(default=False)
    active = BooleanField(default=True)

    class Meta:
        table_name = "master_data_price_list"
        indexes = ((("plant", "code"), True),)

    def __str__(self):
        return self.name
