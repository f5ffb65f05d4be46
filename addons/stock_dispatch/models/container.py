from decimal import Decimal

from flask_babel import lazy_gettext as _l
from peewee import BooleanField, CharField, DateField, DateTimeField, ForeignKeyField, IntegerField

from addons.dispatch.models.container import ContainerType
from addons.master_data.models.customer import Customer
from core import clock
from core.db import BaseModel
from core.fields import FixedDecimalField
from core.models import Plant, User

KINDS = {"out": _l("Out with the goods"), "back": _l("Back empty"), "adjustment": _l("Adjustment")}


class ContainerRule(BaseModel):
    """Whether a container type goes out to customers and must come back (周转筐, hooks), and its deposit."""
    plant = ForeignKeyField(Plant, on_delete="RESTRICT", index=False)
    container = ForeignKeyField(ContainerType, unique=True, on_delete="CASCADE")
    returnable = BooleanField(default=True)
    deposit = FixedDecimalField(places=2, default=Decimal("0"))     # charged per container out, refunded back

    class Meta:
        table_name = "stock_dispatch_container_rule"


class ContainerMove(BaseModel):
    """Containers out to a customer (positive) or back from them (negative); the balance is their sum."""
    plant = ForeignKeyField(Plant, on_delete="RESTRICT", index=False)
    customer = ForeignKeyField(Customer, on_delete="RESTRICT", index=False)
    container = ForeignKeyField(ContainerType, on_delete="RESTRICT")
    day = DateField()
    at = DateTimeField(default=clock.utcnow)
    kind = CharField(max_length=10)
    quantity = IntegerField()
    deposit = FixedDecimalField(places=2, default=Decimal("0"))     # charged (+) or refunded (−) with it
    reference = CharField(max_length=40, default="")
    note_id = IntegerField(null=True)
    user = ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")

    class Meta:
        table_name = "stock_dispatch_container_move"
        indexes = ((("plant", "customer", "container"), False), (("note_id",), False))
