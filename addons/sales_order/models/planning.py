from decimal import Decimal

from peewee import DateField, ForeignKeyField, IntegerField

from addons.master_data.models.product import Product
from core.db import BaseModel
from core.fields import FixedDecimalField
from core.models import Plant


class SalesSettings(BaseModel):
    """A plant's ordering windows. A plant without a row uses the defaults (72 h and 48 h)."""
    plant = ForeignKeyField(Plant, unique=True, on_delete="CASCADE")
    reserve_open_hours = IntegerField(default=72)   # reservations for day D open this long before D 00:00
    cutoff_hours = IntegerField(default=48)         # firm ordering for day D closes this long before

    class Meta:
        table_name = "sales_order_settings"


class Availability(BaseModel):
    """What the plant can supply of a product on a day (production or stock), as the plant enters it."""
    plant = ForeignKeyField(Plant, on_delete="CASCADE", index=False)
    product = ForeignKeyField(Product, on_delete="CASCADE")
    day = DateField()
    quantity = FixedDecimalField(places=3, default=Decimal("0"))

    class Meta:
        table_name = "sales_order_availability"
        indexes = ((("plant", "day", "product"), True),)


class ProductYield(BaseModel):
    """Selling units of a product one slaughtered head gives (two hind legs, one carcass, 0.8 box...)."""
    plant = ForeignKeyField(Plant, on_delete="CASCADE", index=False)
    product = ForeignKeyField(Product, on_delete="CASCADE")
    per_head = FixedDecimalField(places=4)

    class Meta:
        table_name = "sales_order_product_yield"
        indexes = ((("plant", "product"), True),)
