from decimal import Decimal

from flask_babel import lazy_gettext as _l
from peewee import CharField, DateField, DateTimeField, ForeignKeyField, IntegerField, TextField

from addons.purchase.models.receipt import GoodsReceipt, ReceiptLine
from addons.purchase.models.supplier import Supplier
from core import clock
from core.db import BaseModel
from core.fields import FixedDecimalField
from core.models import Plant, User
from core.workflow import transition


class PurchaseReturn(BaseModel):
    """Goods sent back to a supplier (采购退货) from what a receipt brought in: they leave stock from the
    receipt's lot and warehouse, and what the plant owes falls by their price."""
    STATES = {"draft": _l("Draft"), "returned": _l("Returned")}
    TRANSITIONS = {("draft", "returned")}

    plant = ForeignKeyField(Plant, on_delete="RESTRICT", index=False)
    number = CharField(max_length=32)
    supplier = ForeignKeyField(Supplier, on_delete="RESTRICT")
    receipt = ForeignKeyField(GoodsReceipt, on_delete="RESTRICT", backref="returns")
    date = DateField()
    amount = FixedDecimalField(places=2, default=Decimal("0"))
    reason = TextField(default="")
    state = CharField(max_length=12, default="draft", index=True)
    created_by = ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    created_at = DateTimeField(default=clock.utcnow)

    class Meta:
        table_name = "purchase_return"
        indexes = ((("plant", "number"), True),
                   (("plant", "date"), False))

    def __str__(self):
        return self.number

    @transition("returned", permission="purchase.receive", label=_l("Send back"), sources=["draft"],
                style="success")
    def send_back(self):
        from addons.purchase import returning
        returning.on_send_back(self)


class PurchaseReturnLine(BaseModel):
    purchase_return = ForeignKeyField(PurchaseReturn, backref="lines", on_delete="CASCADE")
    receipt_line = ForeignKeyField(ReceiptLine, on_delete="RESTRICT")
    seq = IntegerField(default=1)
    quantity = FixedDecimalField(places=3, default=Decimal("0"))
    weight = FixedDecimalField(places=3, default=Decimal("0"))
    amount = FixedDecimalField(places=2, default=Decimal("0"))

    class Meta:
        table_name = "purchase_return_line"
