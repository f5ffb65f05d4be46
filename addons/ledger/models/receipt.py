
from flask_babel import lazy_gettext as _l
from peewee import CharField, DateField, DateTimeField, ForeignKeyField, IntegerField

from addons.ledger.models.entry import AccountEntry
from addons.master_data.models.customer import Customer
from core import clock
from core.db import BaseModel
from core.fields import FixedDecimalField
from core.models import Plant, User

METHODS = {"transfer": _l("Bank transfer"), "cash": _l("Cash"), "draft": _l("Bank draft"),
           "cheque": _l("Cheque"), "other": _l("Other")}


class Receipt(BaseModel):
    """Money received from a customer (收款). Posting it writes a credit entry on the account."""
    plant = ForeignKeyField(Plant, on_delete="RESTRICT", index=False)
    number = CharField(max_length=32)
    customer = ForeignKeyField(Customer, on_delete="RESTRICT", backref="receipts")
    date = DateField()
    method = CharField(max_length=20, default="transfer")
    amount = FixedDecimalField(places=2)
    reference = CharField(max_length=80, default="")   # bank slip, draft number
    order_id = IntegerField(null=True, index=True)     # paid against this order (may not be approved yet)
    entry = ForeignKeyField(AccountEntry, null=True, on_delete="RESTRICT")
    created_by = ForeignKeyField(User, null=True, on_delete="SET NULL")
    created_at = DateTimeField(default=clock.utcnow)

    class Meta:
        table_name = "ledger_receipt"
        indexes = ((("plant", "number"), True), (("plant", "date"), False),
                   (("plant", "amount"), False))
