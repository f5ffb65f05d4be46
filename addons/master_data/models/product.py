from decimal import Decimal

from peewee import BooleanField, CharField, ForeignKeyField

from core.db import BaseModel
from core.fields import FixedDecimalField
from core.models import Plant


class Product(BaseModel):
    plant = ForeignKeyField(Plant, on_delete="RESTRICT")
    code = CharField(max_length=40)
    name = CharField(max_length=200)
    selling_unit = CharField(max_length=20, default="piece")   # what is ordered: head, piece, box
    pricing_unit = CharField(max_length=20, default="kg")      # what is invoiced
    nominal_weight = FixedDecimalField(places=6, default=Decimal("0"))  # kg per selling unit
    catch_weight = BooleanField(default=True)
    active = BooleanField(default=True)

    class Meta:
        table_name = "master_data_product"
        indexes = ((("plant", "code"), True),)

    def __str__(self):
        return f"{self.code} {self.name}"
