from decimal import Decimal

from peewee import ForeignKeyField

from addons.master_data.models.product import Product
from core.db import BaseModel
from core.fields import FixedDecimalField
from core.models import Plant


class CostRatio(BaseModel):
    """How much a kilogram of a product is worth against the others from the same hogs (价值系数): the lot's
    live-hog cost is spread over its products by kg × this ratio. Products without a row count 1."""
    plant = ForeignKeyField(Plant, on_delete="RESTRICT", index=False)
    product = ForeignKeyField(Product, on_delete="CASCADE")
    ratio = FixedDecimalField(places=4, default=Decimal("1"))

    class Meta:
        table_name = "purchase_cost_ratio"
        indexes = ((("plant", "product"), True),)
