from decimal import Decimal

from flask_babel import lazy_gettext as _l
from peewee import BooleanField, CharField, DateField, DateTimeField, ForeignKeyField

from addons.master_data.models.customer import Customer
from addons.sales_order.models.order import Order
from core import clock
from core.db import BaseModel
from core.fields import FixedDecimalField
from core.models import Plant, User
from core.workflow import transition


class CommissionRule(BaseModel):
    """The commission rate (percent of the money received) for orders of a type (how the order came:
    portal, phone, salesperson…) and a channel grade; a blank type or grade matches any, the most
    specific rule wins."""
    plant = ForeignKeyField(Plant, on_delete="RESTRICT", index=False)
    order_channel = CharField(max_length=12, default="")
    grade = CharField(max_length=1, default="")
    rate = FixedDecimalField(places=2)
    active = BooleanField(default=True)

    class Meta:
        table_name = "crm_commission_rule"
        indexes = ((("plant", "order_channel", "grade"), True),)

    def __str__(self):
        return f"{self.order_channel or '*'} {self.grade or '*'} {self.rate}%"


class CommissionApplication(BaseModel):
    """A commission asked for on one order (佣金申请): the money received on it not yet commissioned, times
    the rate of its rule; approved by a manager, paid by finance (in parts if need be)."""
    STATES = {"submitted": _l("Waiting for approval"), "approved": _l("Approved"), "refused": _l("Refused"),
              "paid": _l("Paid")}
    TRANSITIONS = {("submitted", "approved"), ("submitted", "refused"), ("approved", "paid")}

    plant = ForeignKeyField(Plant, on_delete="RESTRICT", index=False)
    number = CharField(max_length=32)
    order = ForeignKeyField(Order, on_delete="RESTRICT", backref="+")
    customer = ForeignKeyField(Customer, on_delete="RESTRICT", backref="+")    # the channel that earns it
    salesperson = ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    day = DateField()
    received = FixedDecimalField(places=2)          # the money this application covers
    rate = FixedDecimalField(places=2)
    amount = FixedDecimalField(places=2)
    paid = FixedDecimalField(places=2, default=Decimal("0"))
    state = CharField(max_length=12, default="submitted", index=True)
    created_by = ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    created_at = DateTimeField(default=clock.utcnow)

    class Meta:
        table_name = "crm_commission_application"
        indexes = ((("plant", "number"), True), (("plant", "order"), False),
                   (("plant", "amount"), False), (("plant", "day"), False))

    def __str__(self):
        return self.number

    @transition("approved", permission="crm.commission_approve", label=_l("Approve"), sources=["submitted"],
                style="success")
    def approve(self):
        pass

    @transition("refused", permission="crm.commission_approve", label=_l("Refuse"), sources=["submitted"],
                needs_comment=True, style="warning")
    def refuse(self):
        pass

    @transition("paid", permission="crm.commission_pay", sources=["approved"], internal=True)
    def settle(self):
        """Reached when payments add up to the amount (commissions.pay)."""
