from decimal import Decimal

from flask_babel import lazy_gettext as _l
from peewee import BooleanField, CharField, DateTimeField, ForeignKeyField, IntegerField

from addons.dispatch.models.container import ContainerType
from addons.dispatch.models.line import DeliveryLine
from core import clock
from core.db import BaseModel
from core.fields import FixedDecimalField
from core.models import User

SOURCES = {"keyed": _l("Keyed in"), "scale": _l("Scale"), "manual": _l("Manual weight")}


class ShipmentBatch(BaseModel):
    """One weighing of part of a line: pieces, gross, tare of the containers, net. Never edited."""
    line = ForeignKeyField(DeliveryLine, backref="batches", on_delete="CASCADE", index=False)
    seq = IntegerField(default=1)
    quantity = FixedDecimalField(places=3)
    gross = FixedDecimalField(places=3, default=Decimal("0"))
    tare = FixedDecimalField(places=3, default=Decimal("0"))
    net = FixedDecimalField(places=3, default=Decimal("0"))
    container = ForeignKeyField(ContainerType, null=True, on_delete="SET NULL")
    container_count = IntegerField(default=0)
    source = CharField(max_length=10, default="keyed")
    # the lot the goods came from, as scanned or picked at the desk (a stock addon checks and links it)
    lot_code = CharField(max_length=40, default="")
    weighing_id = IntegerField(null=True)     # the weighing addon's record, when the scale gave the weight
    operator = ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    at = DateTimeField(default=clock.utcnow)
    voided = BooleanField(default=False)      # taken back before shipping: its pieces and kilograms no longer count

    class Meta:
        table_name = "dispatch_shipment_batch"
        indexes = ((("line", "seq"), True),)
