from flask_babel import lazy_gettext as _l
from peewee import CharField, DateTimeField, ForeignKeyField, TextField

from addons.master_data.models.customer import Customer
from addons.master_data.models.dictionary import DictionaryEntry
from core import clock
from core.db import BaseModel
from core.models import Plant, User
from core.workflow import transition


class Lead(BaseModel):
    """A potential customer (潜在客户): where it came from and how far it got; converted, it becomes a customer."""
    STATES = {"new": _l("New"), "contacted": _l("Contacted"), "qualified": _l("Qualified"),
              "converted": _l("Converted"), "dropped": _l("Dropped")}
    TRANSITIONS = {("new", "contacted"), ("new", "qualified"), ("contacted", "qualified"), ("new", "dropped"),
                   ("contacted", "dropped"), ("qualified", "dropped"), ("dropped", "new"),
                   ("new", "converted"), ("contacted", "converted"), ("qualified", "converted")}

    plant = ForeignKeyField(Plant, on_delete="RESTRICT", index=False)
    name = CharField(max_length=200)
    contact = CharField(max_length=60, default="")
    phone = CharField(max_length=40, default="")
    address = CharField(max_length=300, default="")
    source = ForeignKeyField(DictionaryEntry, null=True, on_delete="SET NULL", backref="+")
    salesperson = ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    notes = TextField(default="")
    state = CharField(max_length=12, default="new", index=True)
    customer = ForeignKeyField(Customer, null=True, on_delete="SET NULL", backref="+")
    created_at = DateTimeField(default=clock.utcnow)

    class Meta:
        table_name = "crm_lead"
        indexes = ((("plant", "state"), False), (("plant", "name"), True))

    def __str__(self):
        return self.name

    @transition("contacted", permission="crm.lead.write", label=_l("Contacted"), sources=["new"])
    def contact_made(self):
        pass

    @transition("qualified", permission="crm.lead.write", label=_l("Qualified"), sources=["new", "contacted"])
    def qualify(self):
        pass

    @transition("dropped", permission="crm.lead.write", label=_l("Drop"), sources=["new", "contacted", "qualified"],
                needs_comment=True, style="warning")
    def drop(self):
        pass

    @transition("new", permission="crm.lead.write", label=_l("Take up again"), sources=["dropped"], style="secondary")
    def revive(self):
        pass

    @transition("converted", permission="crm.lead.write", sources=["new", "contacted", "qualified"], internal=True)
    def convert(self, customer):
        self.customer = customer.id
