
from flask_babel import lazy_gettext as _l
from peewee import CharField, DateField, DateTimeField, ForeignKeyField, TextField

from addons.ledger.models.entry import AccountEntry
from addons.master_data.models.customer import Customer
from core import clock
from core.db import BaseModel
from core.fields import FixedDecimalField
from core.models import Plant, User
from core.workflow import transition

STATES = {"issued": _l("Issued"), "cancelled": _l("Cancelled")}


class Invoice(BaseModel):
    """An invoice for shipped goods (发票). It does not change what is owed: the shipments did."""
    STATES = STATES
    TRANSITIONS = {("issued", "cancelled")}

    plant = ForeignKeyField(Plant, on_delete="RESTRICT", index=False)
    number = CharField(max_length=32)
    customer = ForeignKeyField(Customer, on_delete="RESTRICT", backref="invoices")
    date = DateField()
    vat_number = CharField(max_length=40, default="")    # the official VAT invoice number, once known
    amount = FixedDecimalField(places=2)
    state = CharField(max_length=12, default="issued")
    cancel_reason = TextField(default="")
    created_by = ForeignKeyField(User, null=True, on_delete="SET NULL")
    created_at = DateTimeField(default=clock.utcnow)

    class Meta:
        table_name = "ledger_invoice"
        indexes = ((("plant", "number"), True),
                   (("plant", "date"), False), (("plant", "amount"), False))

    def __str__(self):
        return self.number

    @transition("cancelled", label=_l("Cancel"), sources=["issued"], needs_comment=True, internal=True)
    def cancel(self):
        """ledger.invoicing.cancel gives the shipments back to invoicing first."""


class InvoiceLine(BaseModel):
    invoice = ForeignKeyField(Invoice, backref="lines", on_delete="CASCADE")
    entry = ForeignKeyField(AccountEntry, backref="invoice_lines", on_delete="RESTRICT")
    amount = FixedDecimalField(places=2)

    class Meta:
        table_name = "ledger_invoice_line"


class InvoiceMilestone(BaseModel):
    """A planned invoice of a large contract: amount and date planned, then the invoice actually issued."""
    plant = ForeignKeyField(Plant, on_delete="RESTRICT", index=False)
    customer = ForeignKeyField(Customer, on_delete="RESTRICT", backref="milestones")
    contract = CharField(max_length=80)
    planned_date = DateField()
    planned_amount = FixedDecimalField(places=2)
    invoice = ForeignKeyField(Invoice, null=True, on_delete="SET NULL", backref="milestones")
    note = CharField(max_length=200, default="")

    class Meta:
        table_name = "ledger_invoice_milestone"
        indexes = ((("plant", "planned_date"), False),
                   (("plant", "contract"), False))
