from peewee import ForeignKeyField, IntegerField

from core.db import BaseModel
from core.models import Plant


class LedgerSettings(BaseModel):
    """Credit by age as well as amount: a customer with a debt overdue by more than `block_overdue_days`, or
    with more than `block_overdue_count` overdue debts, gets no new firm order without a manager's override.
    0 turns a rule off."""
    plant = ForeignKeyField(Plant, unique=True, on_delete="CASCADE")
    block_overdue_days = IntegerField(default=0)
    block_overdue_count = IntegerField(default=0)

    class Meta:
        table_name = "ledger_settings"
