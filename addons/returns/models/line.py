from decimal import Decimal

from peewee import ForeignKeyField, IntegerField

from addons.master_data.models.product import Product
from addons.returns.models.return_order import ReturnOrder
from core.db import BaseModel
from core.fields import FixedDecimalField


class ReturnLine(BaseModel):
    """Negative quantity: coming back; positive: a replacement going out."""
    order = ForeignKeyField(ReturnOrder, backref="lines", on_delete="CASCADE", index=False)
    seq = IntegerField(default=1)
    product = ForeignKeyField(Product, on_delete="RESTRICT")
    quantity = FixedDecimalField(places=3)
    weight = FixedDecimalField(places=3, default=Decimal("0"))     # claimed or expected kg (positive)
    unit_price = FixedDecimalField(places=4, default=Decimal("0"))  # the original price
    received_quantity = FixedDecimalField(places=3, null=True)
    received_weight = FixedDecimalField(places=3, null=True)
    amount = FixedDecimalField(places=2, default=Decimal("0"))     # credited (back) or charged (out), as known
    inbound_line_id = IntegerField(null=True)

    class Meta:
        table_name = "returns_line"
        indexes = ((("order", "seq"), False),)
