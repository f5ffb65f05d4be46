from flask_babel import lazy_gettext as _l
from peewee import BooleanField, CharField, IntegerField

from core.db import BaseModel

# The lists an administrator edits; customers refer to their entries by code.
KINDS = {
    "customer_nature": _l("Customer nature"),
    "customer_type": _l("Customer type"),
    "customer_source": _l("Customer source"),
    "followup_method": _l("Follow-up method"),
    "channel_type": _l("Channel type"),
    "expense_type": _l("Expense type"),
}


class DictionaryEntry(BaseModel):
    kind = CharField(max_length=40)
    code = CharField(max_length=40)
    name = CharField(max_length=100)
    sequence = IntegerField(default=10)
    active = BooleanField(default=True)

    class Meta:
        table_name = "master_data_dictionary_entry"
        indexes = ((("kind", "code"), True),)

    def __str__(self):
        return self.name
