from decimal import Decimal

from flask_babel import lazy_gettext as _l
from peewee import CharField, DateField, DateTimeField, ForeignKeyField, IntegerField, TextField

from addons.master_data.models.customer import Customer
from addons.master_data.models.product import Product
from addons.sales_order.models.order import Order
from core import clock
from core.db import BaseModel
from core.fields import FixedDecimalField
from core.models import Plant, User
from core.workflow import transition


class Quotation(BaseModel):
    """A quotation (报价单): prices offered until a date; accepted, it becomes a draft order."""
    STATES = {"draft": _l("Draft"), "sent": _l("Sent"), "accepted": _l("Accepted"), "expired": _l("Expired"),
              "cancelled": _l("Cancelled")}
    TRANSITIONS = {("draft", "sent"), ("draft", "accepted"), ("sent", "accepted"), ("draft", "cancelled"),
                   ("sent", "cancelled"), ("draft", "expired"), ("sent", "expired")}

    plant = ForeignKeyField(Plant, on_delete="RESTRICT")
    number = CharField(max_length=32)
    customer = ForeignKeyField(Customer, on_delete="RESTRICT")
    salesperson = ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    valid_until = DateField()
    delivery_date = DateField(null=True)
    state = CharField(max_length=20, default="draft", index=True)
    amount = FixedDecimalField(places=2, default=Decimal("0"))
    remarks = TextField(default="")
    order = ForeignKeyField(Order, null=True, on_delete="SET NULL", backref="+")
    created_at = DateTimeField(default=clock.utcnow)

    class Meta:
        table_name = "sales_order_quotation"
        indexes = ((("plant", "number"), True), (("customer", "created_at"), False),
                   (("plant", "valid_until"), False))

    def __str__(self):
        return self.number

    @transition("sent", permission="sales_order.submit", label=_l("Mark as sent"), sources=["draft"])
    def send(self):
        pass

    @transition("accepted", permission="sales_order.submit", label=_l("Accept: make an order"), style="success")
    def accept(self):
        from addons.sales_order.quotations import on_accept
        on_accept(self)

    @transition("cancelled", permission="sales_order.submit", label=_l("Cancel"), needs_comment=True,
                style="danger")
    def cancel(self):
        pass

    @transition("expired", permission="sales_order.cutoff", label=_l("Expire"), style="secondary")
    def expire(self):
        pass


class QuotationLine(BaseModel):
    quotation = ForeignKeyField(Quotation, backref="lines", on_delete="CASCADE", index=False)
    seq = IntegerField(default=0)
    product = ForeignKeyField(Product, on_delete="RESTRICT")
    quantity = FixedDecimalField(places=3)
    expected_weight = FixedDecimalField(places=3, default=Decimal("0"))
    unit_price = FixedDecimalField(places=4)
    amount = FixedDecimalField(places=2, default=Decimal("0"))

    class Meta:
        table_name = "sales_order_quotation_line"
        indexes = ((("quotation", "seq"), False),)
