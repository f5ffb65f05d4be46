from flask_babel import lazy_gettext as _l
from peewee import CharField, DateField, DateTimeField, ForeignKeyField, IntegerField

from addons.master_data.models.customer import Customer
from core import clock
from core.db import BaseModel
from core.models import Plant, User

# What happened to a customer's ownership or grade. "released" (handed back to the pool by its salesperson)
# is not "lost" (dropped by the churn rules): the statistics count only the second.
KINDS = {"assigned": _l("Assigned"), "transferred": _l("Transferred"), "claimed": _l("Claimed from the pool"),
         "released": _l("Released to the pool"), "lost": _l("Lost"), "graded": _l("Grade changed"),
         "upgraded": _l("Upgraded")}


class CustomerEvent(BaseModel):
    """The trace of a customer's relationship: who had it, who has it, which grade, and why. Never edited."""
    plant = ForeignKeyField(Plant, on_delete="RESTRICT", index=False)
    customer = ForeignKeyField(Customer, on_delete="CASCADE", backref="crm_events")
    kind = CharField(max_length=12)
    day = DateField()                            # the plant's day
    from_user = ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    to_user = ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    old_grade = CharField(max_length=1, default="")
    new_grade = CharField(max_length=1, default="")
    note = CharField(max_length=300, default="")
    rule = CharField(max_length=4, default="")      # lost: "low" (not converted) or "high" (no deal in the period)
    count = IntegerField(default=0)                 # lost: the rule's days; upgraded: referred customers with a deal
    by = ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    at = DateTimeField(default=clock.utcnow)

    class Meta:
        table_name = "crm_customer_event"
        indexes = ((("plant", "kind", "day"), False),)
