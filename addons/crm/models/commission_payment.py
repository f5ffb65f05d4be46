from peewee import CharField, DateField, DateTimeField, ForeignKeyField

from addons.crm.models.commission import CommissionApplication
from core import clock
from core.db import BaseModel
from core.fields import FixedDecimalField
from core.models import Plant, User


class CommissionPayment(BaseModel):
    """A payment of an approved commission, whole or a part."""
    plant = ForeignKeyField(Plant, on_delete="RESTRICT", index=False)
    application = ForeignKeyField(CommissionApplication, on_delete="RESTRICT", backref="payments")
    day = DateField()
    amount = FixedDecimalField(places=2)
    reference = CharField(max_length=80, default="")
    by = ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    at = DateTimeField(default=clock.utcnow)

    class Meta:
        table_name = "crm_commission_payment"
