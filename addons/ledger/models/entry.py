import datetime

from flask_babel import lazy_gettext as _l
from peewee import CharField, DateField, DateTimeField, ForeignKeyField

from addons.master_data.models.customer import Customer
from core.db import BaseModel
from core.fields import FixedDecimalField
from core.models import Plant

KINDS = {"shipment": _l("Shipment"), "invoice": _l("Invoice"), "receipt": _l("Receipt"),
         "return_credit": _l("Return credit"), "refund": _l("Refund"), "adjustment": _l("Adjustment")}


class AccountEntry(BaseModel):
    """One line on a customer's account. Positive amounts are owed by the customer (debit)."""
    plant = ForeignKeyField(Plant, on_delete="RESTRICT")
    customer = ForeignKeyField(Customer, on_delete="RESTRICT")
    date = DateField(default=datetime.date.today)
    kind = CharField(max_length=20)
    amount = FixedDecimalField(places=2)
    reference = CharField(max_length=80, default="")
    created_at = DateTimeField(default=datetime.datetime.utcnow)

    class Meta:
        table_name = "ledger_account_entry"
        indexes = ((("plant", "customer", "date"), False),)
