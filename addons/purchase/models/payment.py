from decimal import Decimal

from flask_babel import lazy_gettext as _l
from peewee import CharField, DateField, DateTimeField, ForeignKeyField, TextField

from addons.purchase.models.contract import PurchaseContract
from addons.purchase.models.supplier import Supplier
from core import clock
from core.db import BaseModel
from core.fields import FixedDecimalField
from core.models import Plant, User
from core.workflow import transition

METHODS = {"transfer": _l("Bank transfer"), "draft": _l("Bank draft"), "cash": _l("Cash")}


class SupplierPayment(BaseModel):
    """A payment to a supplier (付款): asked for, reviewed by finance, then paid; only a paid one lowers
    what the plant owes."""
    STATES = {"draft": _l("Draft"), "submitted": _l("Waiting for finance"), "paid": _l("Paid"),
              "refused": _l("Refused")}
    TRANSITIONS = {("draft", "submitted"), ("submitted", "paid"), ("submitted", "refused"), ("refused", "draft")}

    plant = ForeignKeyField(Plant, on_delete="RESTRICT", index=False)
    number = CharField(max_length=32)
    supplier = ForeignKeyField(Supplier, on_delete="RESTRICT")
    contract = ForeignKeyField(PurchaseContract, null=True, on_delete="RESTRICT", backref="payments")
    date = DateField()
    amount = FixedDecimalField(places=2)
    method = CharField(max_length=12, default="transfer")
    reference = CharField(max_length=80, default="")
    remarks = TextField(default="")
    state = CharField(max_length=12, default="draft", index=True)
    created_by = ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    created_at = DateTimeField(default=clock.utcnow)

    class Meta:
        table_name = "purchase_payment"
        indexes = ((("plant", "number"), True),
                   (("plant", "date"), False))

    def __str__(self):
        return self.number

    @transition("submitted", permission="purchase.payment.create", label=_l("Ask finance to pay"),
                sources=["draft"])
    def submit(self):
        pass

    @transition("paid", permission="purchase.pay", label=_l("Pay"), sources=["submitted"], style="success")
    def pay(self):
        from addons.purchase import payables
        payables.post(self.supplier, "payment", self.amount, date=self.date, reference=self.number, source=self)

    @transition("refused", permission="purchase.pay", label=_l("Refuse"), sources=["submitted"],
                needs_comment=True, style="warning")
    def refuse(self):
        pass

    @transition("draft", permission="purchase.payment.create", label=_l("Back to draft"), sources=["refused"],
                style="secondary")
    def redo(self):
        pass


class SupplierInvoice(BaseModel):
    """An invoice received from a supplier (收票): its number, amount and tax, for the receipts it bills."""
    plant = ForeignKeyField(Plant, on_delete="RESTRICT", index=False)
    supplier = ForeignKeyField(Supplier, on_delete="RESTRICT")
    contract = ForeignKeyField(PurchaseContract, null=True, on_delete="RESTRICT", backref="invoices")
    invoice_number = CharField(max_length=40)
    date = DateField()
    amount = FixedDecimalField(places=2, default=Decimal("0"))       # with tax
    tax_amount = FixedDecimalField(places=2, default=Decimal("0"))
    receipts = TextField(default="")                                 # the receipts' numbers it bills
    created_by = ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    created_at = DateTimeField(default=clock.utcnow)

    class Meta:
        table_name = "purchase_supplier_invoice"
        indexes = ((("supplier", "invoice_number"), True),
                   (("plant", "date"), False))
