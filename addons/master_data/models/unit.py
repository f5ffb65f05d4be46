from decimal import Decimal

from flask_babel import lazy_gettext as _l
from peewee import BooleanField, CharField

from core.db import BaseModel
from core.fields import FixedDecimalField

KINDS = {"count": _l("Counted (head, piece, box)"), "weight": _l("Weight")}


class Unit(BaseModel):
    """A unit of measure, company-wide. Weight units carry their factor to kilograms."""
    code = CharField(max_length=20, unique=True)
    name = CharField(max_length=60)
    kind = CharField(max_length=10, default="count")
    kg_factor = FixedDecimalField(places=6, default=Decimal("0"))   # 1 unit = kg_factor kg (weight units)
    active = BooleanField(default=True)

    class Meta:
        table_name = "master_data_unit"

    def __str__(self):
        return self.name
