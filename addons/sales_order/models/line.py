from decimal import Decimal

from flask_babel import lazy_gettext as _l
from peewee import CharField, ForeignKeyField, IntegerField

from addons.master_data.models.product import Product
from addons.sales_order.models.order import Order
from core.db import BaseModel
from core.fields import FixedDecimalField

PRICE_STATES = {"ok": _l("List or above floor"), "pending": _l("Below floor: awaiting approval"),
                "approved": _l("Below floor: approved")}


class OrderLine(BaseModel):
    """What a customer asks for: pieces in the selling unit, the weight expected, the price per pricing unit.

    For catch-weight products the amount is an estimate from the expected weight; the shipment is
    billed on the weighed kilograms. `list_price` and `floor_price` are read from the price list when
    the line is saved, never taken from the form.
    """
    order = ForeignKeyField(Order, backref="lines", on_delete="CASCADE", index=False)
    seq = IntegerField(default=0)
    product = ForeignKeyField(Product, on_delete="RESTRICT")
    quantity = FixedDecimalField(places=3)
    expected_weight = FixedDecimalField(places=3, default=Decimal("0"))
    unit_price = FixedDecimalField(places=4)
    list_price = FixedDecimalField(places=4, default=Decimal("0"))
    floor_price = FixedDecimalField(places=4, default=Decimal("0"))
    amount = FixedDecimalField(places=2, default=Decimal("0"))
    price_status = CharField(max_length=10, default="ok")
    original_quantity = FixedDecimalField(places=3, null=True)   # before balancing cut it
    delivered_quantity = FixedDecimalField(places=3, default=Decimal("0"))
    delivered_weight = FixedDecimalField(places=3, default=Decimal("0"))
    remarks = CharField(max_length=200, default="")

    class Meta:
        table_name = "sales_order_line"
        indexes = ((("order", "seq"), False),)
