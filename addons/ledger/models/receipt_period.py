from peewee import CharField, ForeignKeyField, IntegerField

from addons.ledger.models.entry import ZERO
from core.db import BaseModel
from core.fields import FixedDecimalField
from core.models import Plant


class ReceiptPeriod(BaseModel):
    """What a plant received by month ("2026-03") and by year ("2026"), per customer and in all (customer 0),
    kept as receipts are posted (addons/ledger/receipt_periods.py): the collections page sums a row a month, and
    ranks a year's payers over a row per customer, instead of reading every receipt. `amount` as the entries
    hold it: a receipt is a credit, so below zero."""
    plant = ForeignKeyField(Plant, on_delete="RESTRICT", index=False)
    period = CharField(max_length=7)
    customer_id = IntegerField(default=0)      # 0: every customer of the plant
    amount = FixedDecimalField(places=2, default=ZERO)
    count = IntegerField(default=0)

    class Meta:
        table_name = "ledger_receipt_period"
        indexes = ((("plant", "period", "customer_id"), True),)
