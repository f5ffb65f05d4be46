from decimal import Decimal

from flask_babel import lazy_gettext as _l
from peewee import BooleanField, CharField, DateField, DateTimeField, ForeignKeyField, IntegerField, TextField

from addons.dispatch.models.trip import Trip
from addons.master_data.models.customer import Customer
from core import clock
from core.db import BaseModel
from core.fields import FixedDecimalField
from core.models import Plant, User
from core.workflow import transition

KINDS = {"delivery": _l("Delivery"), "pickup": _l("Self-pickup"), "inbound": _l("Goods back in")}
OPEN = ("planned", "loading")     # not yet shipped: what its lines plan may still change
STATES = {"planned": _l("Planned"), "loading": _l("Loading"), "shipped": _l("Shipped"),
          "received": _l("Received"), "cancelled": _l("Cancelled")}


class DeliveryNote(BaseModel):
    """A delivery note (发货单): what goes to one customer on one trip, or is picked up, or comes back.
    Every move is a step of a dispatch service (desk, shipping, receipt, cancelling), which checks the goods
    and writes the figures first; the moves themselves are internal: no generic button runs them."""
    STATES = STATES
    TRANSITIONS = {("planned", "loading"), ("loading", "shipped"), ("shipped", "received"),
                   ("loading", "received"),       # goods coming back: weighed in, received at once
                   ("planned", "cancelled"), ("loading", "cancelled")}

    plant = ForeignKeyField(Plant, on_delete="RESTRICT", index=False)
    number = CharField(max_length=32)
    kind = CharField(max_length=10, default="delivery")
    customer = ForeignKeyField(Customer, on_delete="RESTRICT")
    trip = ForeignKeyField(Trip, null=True, on_delete="RESTRICT", backref="notes")
    stop_seq = IntegerField(default=1)
    day = DateField()
    address = CharField(max_length=300, default="")
    state = CharField(max_length=12, default="planned", index=True)
    amount = FixedDecimalField(places=2, default=Decimal("0"))      # billed when shipped
    shipped_at = DateTimeField(null=True)
    shipped_by = ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    received_at = DateTimeField(null=True)
    shipped_on = DateField(null=True)     # the plant's dates of shipped_at and received_at: what reports group by
    received_on = DateField(null=True)
    signed_by = CharField(max_length=80, default="")
    receipt_remarks = TextField(default="")
    loss_flagged = BooleanField(default=False)
    source = CharField(max_length=40, default="")     # e.g. the return order an inbound note is for
    created_at = DateTimeField(default=clock.utcnow)

    class Meta:
        table_name = "dispatch_delivery_note"
        only_save_dirty = True   # a move or a step writes what it changed, not the whole row
        indexes = ((("plant", "number"), True), (("plant", "day"), False), (("plant", "shipped_on"), False),
                   (("plant", "received_on"), False))

    def __str__(self):
        return self.number

    @transition("loading", label=_l("Start loading"), sources=["planned"], internal=True)
    def start_loading(self):
        pass

    @transition("shipped", label=_l("Ship"), sources=["loading"], internal=True)
    def mark_shipped(self):
        pass

    @transition("received", label=_l("Received"), internal=True)
    def mark_received(self):
        pass

    @transition("cancelled", label=_l("Cancel"), internal=True)
    def cancel(self):
        pass
