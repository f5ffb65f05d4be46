from decimal import Decimal

from peewee import BooleanField, CharField, DateTimeField, ForeignKeyField

from addons.weighing.models.station import Station
from core import clock
from core.db import BaseModel
from core.fields import FixedDecimalField


class LiveReading(BaseModel):
    """The latest reading of a station, written by its agent, read by every web worker.

    A row per station, in the database, so that several web workers on several machines and an agent
    running elsewhere agree on it without anything else to run.
    """
    station = ForeignKeyField(Station, unique=True, on_delete="CASCADE")
    weight = FixedDecimalField(places=6, default=Decimal("0"))   # kg, every decimal the scale sent
    unit = CharField(max_length=4, default="kg")
    stable = BooleanField(default=False)
    net = BooleanField(default=False)
    tare = FixedDecimalField(places=6, null=True)
    status = CharField(max_length=12, default="ok")
    read_at = DateTimeField(null=True)          # UTC, the last valid frame
    online = BooleanField(default=False)
    message = CharField(max_length=300, default="")
    agent = CharField(max_length=120, default="")
    # One load, one capture: a capture disarms the station and records the weight it took; the agent arms it
    # again when it sees a new load (below the minimum weight, or a change beyond the station's reload_change).
    armed = BooleanField(default=True)
    captured_weight = FixedDecimalField(places=6, null=True)

    class Meta:
        table_name = "weighing_live_reading"

    def age_seconds(self, now=None) -> float | None:
        if self.read_at is None:
            return None
        return ((now or clock.utcnow()) - self.read_at).total_seconds()
