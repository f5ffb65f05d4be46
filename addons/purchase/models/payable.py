from decimal import Decimal

from flask_babel import lazy_gettext as _l
from peewee import CharField, DateField, DateTimeField, ForeignKeyField, IntegerField, TextField

from addons.purchase.models.supplier import Supplier
from core import clock
from core.db import BaseModel
from core.fields import FixedDecimalField
from core.models import Plant, User

KINDS = {"receipt": _l("Goods received"), "payment": _l("Payment"), "return_credit": _l("Purchase return"),
         "adjustment": _l("Adjustment"), "invoice": _l("Supplier invoice")}
ZERO = Decimal("0.00")


class PayableEntry(BaseModel):
    """One line of what the plant owes a supplier (应付账款). Never edited or deleted.

    `amount` is signed: positive means the plant owes more (goods received), negative less (a payment, a
    purchase return). `open_amount` is what allocations have not matched yet; the balance is the sum of
    `amount`, and equally the sum of `open_amount`. An invoice received (收票) is recorded at zero."""
    plant = ForeignKeyField(Plant, on_delete="RESTRICT", index=False)
    supplier = ForeignKeyField(Supplier, on_delete="RESTRICT", backref="entries")
    date = DateField()
    due_date = DateField(null=True)
    kind = CharField(max_length=16)
    amount = FixedDecimalField(places=2)
    open_amount = FixedDecimalField(places=2, default=ZERO)
    reference = CharField(max_length=80, default="")
    source_model = CharField(max_length=80, default="")
    source_id = IntegerField(null=True)
    memo = TextField(default="")
    created_by = ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    created_at = DateTimeField(default=clock.utcnow)

    class Meta:
        table_name = "purchase_payable_entry"
        indexes = ((("plant", "supplier", "date"), False),)


class PayableAllocation(BaseModel):
    """Part of a credit (payment, return) applied to a debt (goods received)."""
    plant = ForeignKeyField(Plant, on_delete="RESTRICT", index=False)
    credit = ForeignKeyField(PayableEntry, on_delete="RESTRICT", backref="applied")
    debit = ForeignKeyField(PayableEntry, on_delete="RESTRICT", backref="settled_by")
    amount = FixedDecimalField(places=2)
    created_at = DateTimeField(default=clock.utcnow)

    class Meta:
        table_name = "purchase_payable_allocation"
