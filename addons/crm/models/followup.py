from peewee import CharField, DateField, DateTimeField, ForeignKeyField, TextField

from addons.master_data.models.customer import Customer
from addons.master_data.models.dictionary import DictionaryEntry
from core import clock
from core.db import BaseModel
from core.models import Plant, User


class FollowUp(BaseModel):
    """A follow-up (跟单): what was done with a customer on a day, and what comes next and when. The
    customer's latest follow-up carries its reminder: due as its next day nears, overdue once it passed."""
    plant = ForeignKeyField(Plant, on_delete="RESTRICT", index=False)
    customer = ForeignKeyField(Customer, on_delete="CASCADE", backref="+")
    user = ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    day = DateField()
    method = ForeignKeyField(DictionaryEntry, null=True, on_delete="SET NULL", backref="+")
    content = TextField(default="")
    next_day = DateField(null=True)
    next_step = CharField(max_length=300, default="")
    created_at = DateTimeField(default=clock.utcnow)

    class Meta:
        table_name = "crm_follow_up"
        indexes = ((("plant", "customer", "day"), False),
                   (("plant", "next_day"), False), (("plant", "day"), False))

    def __str__(self):
        return f"{self.customer} {self.day}"
