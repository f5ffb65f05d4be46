from decimal import Decimal

from flask_babel import lazy_gettext as _l
from peewee import CharField, DateField, DateTimeField, ForeignKeyField, IntegerField, TextField

from addons.master_data.models.product import Product
from addons.purchase.models.supplier import Supplier
from core import clock
from core.db import BaseModel
from core.fields import FixedDecimalField
from core.models import Plant, User
from core.workflow import transition


class PurchaseContract(BaseModel):
    """A purchase contract (采购合同): what is bought from a supplier, at what price, delivered when.
    A manager approves it before goods are received against it; a refusal keeps its reason."""
    STATES = {"draft": _l("Draft"), "submitted": _l("Submitted"), "approved": _l("Approved"),
              "refused": _l("Refused"), "closed": _l("Closed")}
    TRANSITIONS = {("draft", "submitted"), ("submitted", "approved"), ("submitted", "refused"),
                   ("refused", "draft"), ("approved", "closed")}

    plant = ForeignKeyField(Plant, on_delete="RESTRICT", index=False)
    number = CharField(max_length=32)
    supplier = ForeignKeyField(Supplier, on_delete="RESTRICT")
    date = DateField()
    delivery_from = DateField(null=True)
    delivery_to = DateField(null=True)
    amount = FixedDecimalField(places=2, default=Decimal("0"))
    remarks = TextField(default="")
    state = CharField(max_length=12, default="draft", index=True)
    created_by = ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    created_at = DateTimeField(default=clock.utcnow)

    class Meta:
        table_name = "purchase_contract"
        indexes = ((("plant", "number"), True), (("plant", "date"), False),
                   (("plant", "amount"), False))

    def __str__(self):
        return self.number

    @transition("submitted", permission="purchase.contract.create", label=_l("Submit"), sources=["draft"])
    def submit(self):
        pass

    @transition("approved", permission="purchase.approve", label=_l("Approve"), sources=["submitted"],
                style="success")
    def approve(self):
        pass

    @transition("refused", permission="purchase.approve", label=_l("Refuse"), sources=["submitted"],
                needs_comment=True, style="warning")
    def refuse(self):
        pass

    @transition("draft", permission="purchase.contract.create", label=_l("Back to draft"), sources=["refused"],
                style="secondary")
    def redo(self):
        pass

    @transition("closed", permission="purchase.approve", label=_l("Close"), sources=["approved"],
                style="secondary")
    def close(self):
        pass


class PurchaseContractLine(BaseModel):
    contract = ForeignKeyField(PurchaseContract, backref="lines", on_delete="CASCADE")
    seq = IntegerField(default=1)
    product = ForeignKeyField(Product, on_delete="RESTRICT")
    quantity = FixedDecimalField(places=3)              # in the product's pricing unit (kg for live hogs)
    unit_price = FixedDecimalField(places=4)            # per pricing unit
    amount = FixedDecimalField(places=2)
    delivery_date = DateField(null=True)
    received = FixedDecimalField(places=3, default=Decimal("0"))    # pricing units received so far

    class Meta:
        table_name = "purchase_contract_line"
