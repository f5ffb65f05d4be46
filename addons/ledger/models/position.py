from peewee import DateField, ForeignKeyField, IntegerField

from addons.ledger.models.entry import ZERO
from addons.master_data.models.customer import Customer
from core.db import BaseModel
from core.fields import FixedDecimalField
from core.models import Plant


class CustomerPosition(BaseModel):
    """Where a customer's account stands, kept by every posting and allocation in their transaction
    (addons/ledger/positions.py), so that the plant-wide pages (the ageing's ranking, the home page's overdue
    customers, the totals owed) read one row per customer instead of summing every open item.

    Each figure is what its entries say, exactly: `rebuild` writes them from the entries, and the tests hold
    the kept figures to it."""
    plant = ForeignKeyField(Plant, on_delete="RESTRICT", index=False)
    customer = ForeignKeyField(Customer, on_delete="RESTRICT", unique=True)
    balance = FixedDecimalField(places=2, default=ZERO)        # the sum of the entries' amounts (and open amounts)
    open_items = IntegerField(default=0)                       # entries with something still open
    oldest_due = DateField(null=True)                          # the earliest due date of an open debit
    owed_on_orders = FixedDecimalField(places=2, default=ZERO)  # what is open of debits that name an order

    class Meta:
        table_name = "ledger_customer_position"
        indexes = ((("plant", "balance"), False), (("plant", "oldest_due"), False))
