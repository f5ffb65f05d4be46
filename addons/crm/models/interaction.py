from flask_babel import lazy_gettext as _l
from peewee import CharField, DateField, ForeignKeyField, IntegerField, TextField

from addons.master_data.models.customer import Customer
from core.db import BaseModel
from core.models import Plant, User

KINDS = {"call": _l("Call"), "visit": _l("Visit"), "complaint": _l("Complaint"), "message": _l("Message"),
         "other": _l("Other")}
RATINGS = {1: "★", 2: "★★", 3: "★★★", 4: "★★★★", 5: "★★★★★"}


class Interaction(BaseModel):
    """A call, a visit or a complaint, with what came of it (客户互动)."""
    plant = ForeignKeyField(Plant, on_delete="RESTRICT", index=False)
    customer = ForeignKeyField(Customer, on_delete="CASCADE", backref="+")
    user = ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    day = DateField()
    kind = CharField(max_length=12, default="call")
    content = TextField(default="")
    outcome = CharField(max_length=300, default="")

    class Meta:
        table_name = "crm_interaction"
        indexes = ((("plant", "customer", "day"), False),)


class Evaluation(BaseModel):
    """A customer rated from one to five stars, with a note (客户评价)."""
    plant = ForeignKeyField(Plant, on_delete="RESTRICT", index=False)
    customer = ForeignKeyField(Customer, on_delete="CASCADE", backref="+")
    user = ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    day = DateField()
    rating = IntegerField()
    note = CharField(max_length=300, default="")

    class Meta:
        table_name = "crm_evaluation"
        indexes = ((("plant", "customer"), False),)
