
from peewee import DateTimeField, ForeignKeyField

from addons.ledger.models.entry import AccountEntry
from core import clock
from core.db import BaseModel
from core.fields import FixedDecimalField
from core.models import Plant, User


class Allocation(BaseModel):
    """Part of a credit (receipt, return credit) applied to a debit (shipment, refund)."""
    plant = ForeignKeyField(Plant, on_delete="RESTRICT", index=False)
    credit = ForeignKeyField(AccountEntry, on_delete="RESTRICT", backref="applied")
    debit = ForeignKeyField(AccountEntry, on_delete="RESTRICT", backref="settled_by")
    amount = FixedDecimalField(places=2)
    created_by = ForeignKeyField(User, null=True, on_delete="SET NULL")
    created_at = DateTimeField(default=clock.utcnow)

    class Meta:
        table_name = "ledger_allocation"
