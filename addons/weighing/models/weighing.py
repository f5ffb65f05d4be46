from decimal import Decimal

from flask_babel import lazy_gettext as _l
from peewee import BooleanField, CharField, DateTimeField, ForeignKeyField, IntegerField, TextField

from addons.weighing.models.station import Station
from core import clock
from core.db import BaseModel
from core.fields import FixedDecimalField
from core.models import Plant, User
from core.workflow import transition


class Weighing(BaseModel):
    """One captured weight. Never edited: a wrong one is voided with a reason."""
    plant = ForeignKeyField(Plant, on_delete="RESTRICT", index=False)
    station = ForeignKeyField(Station, null=True, on_delete="RESTRICT")
    gross = FixedDecimalField(places=3)
    tare = FixedDecimalField(places=3, default=Decimal("0"))
    net = FixedDecimalField(places=3)
    unit = CharField(max_length=4, default="kg")
    manual = BooleanField(default=False)
    reason = TextField(default="")
    operator = ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    at = DateTimeField(default=clock.utcnow)
    delivery_line_id = IntegerField(null=True)     # dispatch's line and batch, when weighed at the desk
    batch_id = IntegerField(null=True)
    ticket_id = IntegerField(null=True)
    voided = BooleanField(default=False)
    void_reason = TextField(default="")
    voided_by = ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    voided_at = DateTimeField(null=True)

    class Meta:
        table_name = "weighing_weighing"
        indexes = ((("plant", "at"), False),)


class WeighbridgeTicket(BaseModel):
    """A truck weighed twice: loaded and empty (either order); the net is the difference."""
    STATES = {"open": _l("Open"), "closed": _l("Closed")}
    TRANSITIONS = {("open", "closed")}
    plant = ForeignKeyField(Plant, on_delete="RESTRICT", index=False)
    number = CharField(max_length=32)
    plate = CharField(max_length=20)
    trip_id = IntegerField(null=True)
    direction = CharField(max_length=3, default="out")    # out: empty in, loaded out; in: loaded in, empty out
    first_kg = FixedDecimalField(places=3, null=True)
    second_kg = FixedDecimalField(places=3, null=True)
    net = FixedDecimalField(places=3, null=True)
    state = CharField(max_length=10, default="open")
    created_at = DateTimeField(default=clock.utcnow)
    closed_at = DateTimeField(null=True)

    class Meta:
        table_name = "weighing_ticket"
        indexes = ((("plant", "number"), True),)

    @transition("closed", label=_l("Weighed twice"), sources=["open"], internal=True)
    def close(self):
        pass
