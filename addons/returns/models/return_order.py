from decimal import Decimal

from flask_babel import lazy_gettext as _l
from peewee import CharField, DateField, DateTimeField, ForeignKeyField, IntegerField, TextField

from addons.master_data.models.customer import Customer
from addons.returns.models.reason import ReturnReason
from core import clock
from core.db import BaseModel
from core.fields import FixedDecimalField
from core.models import Plant, User
from core.workflow import transition

KINDS = {"return": _l("Return or exchange"), "claim": _l("Refund without return (claim)")}


class ReturnOrder(BaseModel):
    """A return order (退货单). Lines coming back are negative, lines going out positive: an exchange is
    one document. A claim has no goods, only an amount."""
    STATES = {"draft": _l("Draft"), "submitted": _l("Submitted"), "approved": _l("Approved"),
              "rejected": _l("Rejected"), "received": _l("Goods received"), "refunded": _l("Refunded"),
              "credited": _l("Kept as credit"), "closed": _l("Closed")}
    TRANSITIONS = {("draft", "submitted"), ("submitted", "approved"), ("submitted", "received"),
                   ("submitted", "rejected"), ("approved", "received"), ("received", "refunded"),
                   ("received", "credited"), ("refunded", "closed"), ("credited", "closed"), ("rejected", "draft")}

    plant = ForeignKeyField(Plant, on_delete="RESTRICT", index=False)
    number = CharField(max_length=32)
    kind = CharField(max_length=8, default="return")
    customer = ForeignKeyField(Customer, on_delete="RESTRICT")
    reason = ForeignKeyField(ReturnReason, null=True, on_delete="SET NULL")
    order_id = IntegerField(null=True)            # the original sales order, if named
    note_id = IntegerField(null=True)             # the original delivery note, if named
    inbound_note_id = IntegerField(null=True)     # dispatch's note the goods come back on
    exchange_order_id = IntegerField(null=True)   # the order the replacement goes out on
    tracking = CharField(max_length=60, default="")   # vehicle or tracking number of the goods coming back
    claimed = FixedDecimalField(places=2, default=Decimal("0"))   # what the customer asks (claims: the amount)
    credit = FixedDecimalField(places=2, default=Decimal("0"))    # credited on the goods received back
    refunded = FixedDecimalField(places=2, default=Decimal("0"))
    refund_method = CharField(max_length=12, default="")
    remarks = TextField(default="")
    state = CharField(max_length=12, default="draft", index=True)
    created_by = ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    created_at = DateTimeField(default=clock.utcnow)
    date = DateField(null=True)     # the return's date in the plant (of created_at): what reports group by

    class Meta:
        table_name = "returns_order"
        indexes = ((("plant", "number"), True), (("customer", "created_at"), False), (("plant", "date"), False),
                   (("plant", "created_at"), False))

    def __str__(self):
        return self.number

    @transition("submitted", permission="returns.create", label=_l("Submit"), sources=["draft"])
    def submit(self):
        from addons.returns import review
        review.on_submit(self)

    @transition("approved", permission="returns.approve", label=_l("Approve"), sources=["submitted"], style="success")
    def approve(self):
        from addons.returns import review
        return review.on_approve(self)

    @transition("rejected", permission="returns.approve", label=_l("Reject"), sources=["submitted"],
                needs_comment=True, style="warning")
    def reject(self):
        from addons.returns import review
        review.tell(self, _l("Return %(number)s was rejected."))

    @transition("draft", permission="returns.create", label=_l("Back to draft"), sources=["rejected"],
                style="secondary")
    def redo(self):
        pass

    @transition("received", permission="returns.receive", label=_l("Goods received"), sources=["approved"],
                when=lambda r: False)
    def receive(self, inbound_note):
        from addons.returns import review
        review.on_received(self, inbound_note)

    @transition("refunded", permission="returns.refund", label=_l("Refund"), sources=["received"],
                when=lambda r: False)
    def refund(self, amount, method):
        from addons.returns import review
        review.on_refund(self, amount, method)

    @transition("credited", permission="returns.refund", label=_l("Keep as customer credit"), sources=["received"])
    def keep_credit(self):
        from addons.returns import review
        review.on_keep_credit(self)
        review.tell(self, _l("Return %(number)s: %(amount)s stays on your account as credit."), amount=self.credit)

    @transition("closed", permission="returns.refund", label=_l("Close"), style="secondary")
    def close(self):
        pass
