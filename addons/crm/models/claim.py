from flask_babel import lazy_gettext as _l
from peewee import CharField, DateTimeField, ForeignKeyField

from addons.master_data.models.customer import Customer
from core import clock
from core.db import BaseModel
from core.models import Plant, User
from core.workflow import transition


class PoolClaim(BaseModel):
    """A salesperson asks to take a customer from the public pool (捞取); an administrator approves it."""
    STATES = {"submitted": _l("Waiting for approval"), "approved": _l("Approved"), "refused": _l("Refused"),
              "withdrawn": _l("Withdrawn")}
    TRANSITIONS = {("submitted", "approved"), ("submitted", "refused"), ("submitted", "withdrawn")}

    plant = ForeignKeyField(Plant, on_delete="RESTRICT", index=False)
    customer = ForeignKeyField(Customer, on_delete="CASCADE", backref="+")
    salesperson = ForeignKeyField(User, on_delete="CASCADE", backref="+")
    note = CharField(max_length=300, default="")
    state = CharField(max_length=12, default="submitted", index=True)
    created_at = DateTimeField(default=clock.utcnow)

    class Meta:
        table_name = "crm_pool_claim"
        indexes = ((("plant", "customer"), False),)

    def __str__(self):
        return str(self.customer)

    @transition("approved", permission="crm.pool_approve", label=_l("Approve"), sources=["submitted"],
                style="success")
    def approve(self):
        from addons.crm import owners
        owners.claim_approved(self)

    @transition("refused", permission="crm.pool_approve", label=_l("Refuse"), sources=["submitted"],
                needs_comment=True, style="warning")
    def refuse(self):
        pass

    @transition("withdrawn", permission="crm.claim", label=_l("Withdraw"), sources=["submitted"],
                style="secondary", when=lambda c: _own(c))
    def withdraw(self):
        from flask_babel import gettext as _

        from core.errors import PermissionDenied
        if not _own(self):
            raise PermissionDenied(_("Only who asked may withdraw the claim."))


def _own(claim) -> bool:
    from core import context
    user = context.current().user
    return user is None or user.id == claim.salesperson_id
