from decimal import Decimal

from flask_babel import lazy_gettext as _l
from peewee import BooleanField, CharField, ForeignKeyField, IntegerField

from core.db import BaseModel
from core.fields import FixedDecimalField
from core.models import Plant

KINDS = {"channel": _l("Channel customer"), "end": _l("End customer")}


class Customer(BaseModel):
    plant = ForeignKeyField(Plant, on_delete="RESTRICT")
    code = CharField(max_length=40)
    name = CharField(max_length=200)
    kind = CharField(max_length=20, default="end")
    credit_limit = FixedDecimalField(places=2, default=Decimal("0"))
    payment_days = IntegerField(default=0)
    active = BooleanField(default=True)

    class Meta:
        table_name = "master_data_customer"
        indexes = ((("plant", "code"), True),)

    def __str__(self):
        return f"{self.code} {self.name}"
