from peewee import BooleanField, DateField, ForeignKeyField

from addons.ledger.models.entry import ZERO
from core.db import BaseModel
from core.fields import FixedDecimalField
from core.models import Plant


class DueDay(BaseModel):
    """What is open of a plant's debits falling due on one day, kept as entries are posted and matched
    (addons/ledger/due_days.py): the ageing's bucket totals and the live board's overdue figure sum a row per
    day instead of every open debit. `dated`: the debits' due date is `day`; else they have no terms (a refund)
    and `day` is their date, which the ageing counts from."""
    plant = ForeignKeyField(Plant, on_delete="RESTRICT", index=False)
    day = DateField()
    dated = BooleanField(default=True)
    open_amount = FixedDecimalField(places=2, default=ZERO)

    class Meta:
        table_name = "ledger_due_day"
        indexes = ((("plant", "dated", "day"), True),)
