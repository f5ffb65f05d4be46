from decimal import Decimal

from flask_babel import lazy_gettext as _l
from peewee import SQL, BooleanField, CharField, DateField, DateTimeField, ForeignKeyField, IntegerField, TextField

from addons.master_data.models.customer import Customer
from core import clock
from core.db import BaseModel
from core.fields import FixedDecimalField
from core.models import Plant, User

KINDS = {"shipment": _l("Shipment"), "invoice": _l("Invoice"), "receipt": _l("Receipt"),
         "return_credit": _l("Return credit"), "refund": _l("Refund"), "adjustment": _l("Adjustment"),
         "reversal": _l("Reversal"), "deposit": _l("Container deposit"),
         "deposit_refund": _l("Container deposit refunded")}
ZERO = Decimal("0.00")


class AccountEntry(BaseModel):
    """One line on a customer's account (销售台账). Never edited or deleted; a mistake is reversed.

    `amount` is signed: positive means the customer owes more (shipment, refund paid out), negative
    less (receipt, return credit). `open_amount` is what is not yet matched by allocations: for a debit
    the part still unpaid, for a credit the part not yet applied (an advance). The customer's balance is
    the sum of `amount`, and equally the sum of `open_amount`.
    """
    plant = ForeignKeyField(Plant, on_delete="RESTRICT", index=False)
    customer = ForeignKeyField(Customer, on_delete="RESTRICT", backref="entries")
    date = DateField()
    due_date = DateField(null=True)                   # debits: date + the customer's payment days
    kind = CharField(max_length=20)
    amount = FixedDecimalField(places=2)
    open_amount = FixedDecimalField(places=2, default=ZERO)
    invoiced_amount = FixedDecimalField(places=2, default=ZERO)   # shipments: how much is invoiced
    reference = CharField(max_length=80, default="")  # the source document's number
    source_model = CharField(max_length=80, default="")
    source_id = IntegerField(null=True)
    order_id = IntegerField(null=True, index=True)    # the sales order it belongs to, if any
    memo = TextField(default="")
    reverses = ForeignKeyField("self", null=True, on_delete="RESTRICT", backref="reversals")
    # False for a receipt finance applies by hand: automatic matching leaves it open until then.
    auto_match = BooleanField(default=True)
    created_by = ForeignKeyField(User, null=True, on_delete="SET NULL")
    created_at = DateTimeField(default=clock.utcnow)

    class Meta:
        table_name = "ledger_account_entry"
        indexes = ((("plant", "customer", "date"), False),)

    @property
    def is_debit(self) -> bool:
        return self.amount > 0


# Ageing reads only open items, grouped by customer: this partial index holds exactly those, in that
# order, with every column the report needs, so the report never touches the table itself.
AccountEntry.add_index(AccountEntry.index(AccountEntry.plant, AccountEntry.customer, AccountEntry.due_date,
                                          AccountEntry.open_amount, name="ledger_account_entry_open",
                                          where=(AccountEntry.open_amount != 0)))
# The ageing's bucket totals are range sums over the open debits' due dates, and the receivables' outstanding
# total a sum of those with an order: this one holds exactly the open debits, with what both read.
AccountEntry.add_index(AccountEntry.index(AccountEntry.plant, AccountEntry.due_date, AccountEntry.date,
                                          AccountEntry.open_amount, AccountEntry.order_id, AccountEntry.customer,
                                          name="ledger_account_entry_open_due",
                                          where=(AccountEntry.open_amount > 0)))
# The receivables list reads an order's debits in order id: the page's groups come straight off this index.
AccountEntry.add_index(AccountEntry.index(AccountEntry.plant, AccountEntry.order_id, AccountEntry.customer,
                                          AccountEntry.amount, AccountEntry.open_amount,
                                          name="ledger_account_entry_order",
                                          where=(AccountEntry.order_id.is_null(False) & (AccountEntry.amount > 0))))
# Collections read the receipts by date (per month, and who paid most): this one holds exactly those (and their
# kind, so that a query naming it as a parameter needs nothing from the table).
AccountEntry.add_index(AccountEntry.index(AccountEntry.plant, AccountEntry.date, AccountEntry.customer,
                                          AccountEntry.amount, AccountEntry.kind, name="ledger_account_entry_receipts",
                                          where=(AccountEntry.kind == "receipt")))


# The partial indexes' conditions, written as SQL literals rather than parameters: PostgreSQL plans a statement
# psycopg has prepared once for every value a parameter may take, and such a plan cannot use a partial index
# whose WHERE only the parameter's value would prove (a report then read the whole table).
def is_open():
    return AccountEntry.open_amount != SQL("0")


def is_open_debit():
    return AccountEntry.open_amount > SQL("0")


def is_debit():
    return AccountEntry.amount > SQL("0")


def is_receipt():
    return AccountEntry.kind == SQL("'receipt'")
