from decimal import Decimal

from peewee import ForeignKeyField, IntegerField

from addons.master_data.models.product import Product
from addons.stock.models.lot import Lot
from addons.stock.models.warehouse import Warehouse
from core.db import BaseModel
from core.fields import FixedDecimalField
from core.models import Plant


class StockLevel(BaseModel):
    """What one warehouse holds of one product from one lot: the sum of its moves, kept beside them in the
    same transaction so that reading a level never sums a million moves."""
    plant = ForeignKeyField(Plant, on_delete="RESTRICT", index=False)
    warehouse = ForeignKeyField(Warehouse, on_delete="RESTRICT", index=False)
    product = ForeignKeyField(Product, on_delete="RESTRICT")
    lot = ForeignKeyField(Lot, null=True, on_delete="RESTRICT")
    lot_key = IntegerField(default=0)        # the lot's id or 0: a unique key needs a value, not NULL
    quantity = FixedDecimalField(places=3, default=Decimal("0"))
    weight = FixedDecimalField(places=3, default=Decimal("0"))

    class Meta:
        table_name = "stock_level"
        indexes = ((("warehouse", "product", "lot_key"), True), (("plant", "product"), False))
