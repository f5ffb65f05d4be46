import datetime
from decimal import Decimal

from flask_babel import lazy_gettext as _l
from peewee import CharField, DateField, DateTimeField, ForeignKeyField, TextField

from addons.master_data.models.customer import Customer
from core.db import BaseModel
from core.fields import FixedDecimalField
from core.models import Plant
from core.workflow import transition


class Order(BaseModel):
    """A sales order (销售订单). Lines, prices and credit control come with the sales order issue."""
    STATES = {"draft": _l("Draft"), "submitted": _l("Submitted"), "approved": _l("Approved"),
              "completed": _l("Completed"), "cancelled": _l("Cancelled")}
    TRANSITIONS = {("draft", "submitted"), ("submitted", "approved"), ("submitted", "draft"),
                   ("draft", "cancelled"), ("submitted", "cancelled"), ("approved", "cancelled"),
                   ("approved", "completed")}

    plant = ForeignKeyField(Plant, on_delete="RESTRICT")
    number = CharField(max_length=32)
    customer = ForeignKeyField(Customer, on_delete="RESTRICT")
    delivery_date = DateField()
    state = CharField(max_length=20, default="draft", index=True)
    amount = FixedDecimalField(places=2, default=Decimal("0"))
    remarks = TextField(default="")
    created_at = DateTimeField(default=datetime.datetime.utcnow)

    class Meta:
        table_name = "sales_order_order"
        indexes = ((("plant", "number"), True), (("plant", "delivery_date"), False))

    @transition("submitted", permission="sales_order.submit", label=_l("Submit"), sources=["draft"])
    def submit(self):
        pass

    @transition("approved", permission="sales_order.approve", label=_l("Approve"), style="success")
    def approve(self):
        pass

    @transition("draft", permission="sales_order.approve", label=_l("Reject"), sources=["submitted"],
                needs_comment=True, style="warning")
    def reject(self):
        pass

    @transition("cancelled", permission="sales_order.cancel", label=_l("Cancel"), needs_comment=True,
                style="danger")
    def cancel(self):
        pass
