from flask_babel import lazy_gettext as _l
from peewee import BooleanField, CharField, ForeignKeyField

from core.db import BaseModel
from core.models import Plant

KINDS = {"cold": _l("Cold store"), "freezer": _l("Freezer"), "dispatch": _l("Dispatch area"),
         "returns": _l("Returns area"), "other": _l("Other")}


class Warehouse(BaseModel):
    """A place in the plant that holds goods: a cold store, a freezer, the dispatch area."""
    plant = ForeignKeyField(Plant, on_delete="RESTRICT", index=False)
    code = CharField(max_length=20)
    name = CharField(max_length=60)
    kind = CharField(max_length=10, default="cold")
    active = BooleanField(default=True)

    class Meta:
        table_name = "stock_warehouse"
        indexes = ((("plant", "code"), True),)

    def __str__(self):
        return self.name
