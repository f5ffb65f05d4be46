from decimal import Decimal

from flask_babel import lazy_gettext as _l
from peewee import CharField, DateTimeField, ForeignKeyField, IntegerField

from addons.dispatch.models.note import DeliveryNote
from addons.master_data.models.product import Product
from addons.sales_order.models.line import OrderLine
from core.db import BaseModel
from core.fields import FixedDecimalField
from core.models import User

RATE = Decimal("0.001")   # loss rates are shown in per cent with three decimals: 0.385 %
LOSS = {"": _l("Not received yet"), "none": _l("No loss"), "normal": _l("Normal loss"),
        "flagged": _l("Loss beyond tolerance")}


class DeliveryLine(BaseModel):
    """One product on a delivery note: planned, shipped in batches, received by the customer."""
    note = ForeignKeyField(DeliveryNote, backref="lines", on_delete="CASCADE", index=False)
    seq = IntegerField(default=1)
    order_line = ForeignKeyField(OrderLine, null=True, on_delete="RESTRICT", backref="deliveries")
    product = ForeignKeyField(Product, on_delete="RESTRICT")
    quantity = FixedDecimalField(places=3)                      # planned, in the selling unit
    weight = FixedDecimalField(places=3, default=Decimal("0"))  # planned kg
    unit_price = FixedDecimalField(places=4, default=Decimal("0"))
    shipped_quantity = FixedDecimalField(places=3, default=Decimal("0"))
    shipped_weight = FixedDecimalField(places=3, default=Decimal("0"))   # net kg, the sum of the batches
    received_quantity = FixedDecimalField(places=3, null=True)
    received_weight = FixedDecimalField(places=3, null=True)
    loss_weight = FixedDecimalField(places=3, default=Decimal("0"))
    loss_status = CharField(max_length=10, default="")
    quality_remarks = CharField(max_length=300, default="")
    amount = FixedDecimalField(places=2, default=Decimal("0"))           # billed
    picked_at = DateTimeField(null=True)
    picked_by = ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    weighed_at = DateTimeField(null=True)
    weighed_by = ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    loaded_at = DateTimeField(null=True)
    loaded_by = ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    batch_count = IntegerField(default=0)      # numbers the next batch without a MAX() under the lock

    class Meta:
        table_name = "dispatch_delivery_line"
        only_save_dirty = True
        indexes = ((("note", "seq"), False),)

    @property
    def loss_rate(self) -> Decimal | None:
        """The loss as a per cent of the shipped kilograms (0.385), once received."""
        if self.received_weight is None or not self.shipped_weight:
            return None
        return (self.loss_weight * 100 / self.shipped_weight).quantize(RATE)
