from decimal import Decimal

from peewee import ForeignKeyField

from addons.master_data.models.product import Product
from addons.stock.models.warehouse import Warehouse
from core.db import BaseModel
from core.fields import FixedDecimalField
from core.models import Plant


class StockMinimum(BaseModel):
    """The least a warehouse should hold of a product; below it the storekeepers and managers are told."""
    plant = ForeignKeyField(Plant, on_delete="RESTRICT", index=False)
    product = ForeignKeyField(Product, on_delete="CASCADE")
    warehouse = ForeignKeyField(Warehouse, on_delete="CASCADE", index=False)
    min_quantity = FixedDecimalField(places=3, default=Decimal("0"))
    min_weight = FixedDecimalField(places=3, default=Decimal("0"))

    class Meta:
        table_name = "stock_minimum"
        indexes = ((("warehouse", "product"), True), (("plant", "product"), False))
