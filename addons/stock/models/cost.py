from decimal import Decimal

from peewee import ForeignKeyField

from addons.master_data.models.product import Product
from core.db import BaseModel
from core.fields import FixedDecimalField
from core.models import Plant


class StockCost(BaseModel):
    """What a plant's stock of one product is worth, for its moving average cost: the quantity and weight
    on hand (all warehouses and lots) and their value. Kept by every posting, in its transaction."""
    plant = ForeignKeyField(Plant, on_delete="RESTRICT", index=False)
    product = ForeignKeyField(Product, on_delete="RESTRICT")
    quantity = FixedDecimalField(places=3, default=Decimal("0"))
    weight = FixedDecimalField(places=3, default=Decimal("0"))
    value = FixedDecimalField(places=2, default=Decimal("0"))
    unit_cost = FixedDecimalField(places=6, default=Decimal("0"))   # per pricing unit, the last average known

    class Meta:
        table_name = "stock_cost"
        indexes = ((("plant", "product"), True),)
