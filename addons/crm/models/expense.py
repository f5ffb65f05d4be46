from flask_babel import lazy_gettext as _l
from peewee import CharField, DateField, DateTimeField, ForeignKeyField

from addons.master_data.models.customer import Customer
from addons.master_data.models.dictionary import DictionaryEntry
from core import clock
from core.db import BaseModel
from core.fields import FixedDecimalField
from core.models import Plant, User
from core.workflow import transition


class Reimbursement(BaseModel):
    """An expense a salesperson paid and asks back (报销), for a customer or not; a manager approves it.
    Approved, it counts in the customer's and the salesperson's accumulated cost with the commissions."""
    STATES = {"submitted": _l("Waiting for approval"), "approved": _l("Approved"), "refused": _l("Refused"),
              "withdrawn": _l("Withdrawn")}
    TRANSITIONS = {("submitted", "approved"), ("submitted", "refused"), ("submitted", "withdrawn")}

    plant = ForeignKeyField(Plant, on_delete="RESTRICT", index=False)
    number = CharField(max_length=32)
    salesperson = ForeignKeyField(User, on_delete="RESTRICT", backref="+")
    customer = ForeignKeyField(Customer, null=True, on_delete="RESTRICT", backref="+")
    expense_type = ForeignKeyField(DictionaryEntry, on_delete="RESTRICT", backref="+")
    day = DateField()
    amount = FixedDecimalField(places=2)
    description = CharField(max_length=300, default="")
    state = CharField(max_length=12, default="submitted", index=True)
    created_at = DateTimeField(default=clock.utcnow)

    class Meta:
        table_name = "crm_reimbursement"
        indexes = ((("plant", "number"), True), (("plant", "day"), False),
                   (("plant", "amount"), False))

    def __str__(self):
        return self.number

    @transition("approved", permission="crm.expense_approve", label=_l("Approve"), sources=["submitted"],
                style="success")
    def approve(self):
        pass

    @transition("refused", permission="crm.expense_approve", label=_l("Refuse"), sources=["submitted"],
                needs_comment=True, style="warning")
    def refuse(self):
        pass

    @transition("withdrawn", permission="crm.reimbursement.create", label=_l("Withdraw"), sources=["submitted"],
                style="secondary", when=lambda r: _own(r))
    def withdraw(self):
        from flask_babel import gettext as _

        from core.errors import PermissionDenied
        if not _own(self):
            raise PermissionDenied(_("Only who asked may withdraw it."))


def _own(record) -> bool:
    from core import context
    user = context.current().user
    return user is None or user.id == record.salesperson_id
