from decimal import Decimal

from peewee import BooleanField, CharField, ForeignKeyField, IntegerField

from core.db import BaseModel
from core.fields import FixedDecimalField
from core.models import Plant


class Station(BaseModel):
    """A weighing station: a scale on a port (any pyserial URL), its protocol and the desk it serves."""
    plant = ForeignKeyField(Plant, on_delete="RESTRICT")
    code = CharField(max_length=40)
    name = CharField(max_length=120)
    port_url = CharField(max_length=200)        # /dev/ttyUSB0, COM3, socket://host:port, rfc2217://...
    protocol = CharField(max_length=40, default="mt_sics")
    baudrate = IntegerField(default=9600)
    bytesize = IntegerField(default=8)
    parity = CharField(max_length=1, default="N")
    stopbits = CharField(max_length=3, default="1")
    unit = CharField(max_length=4, default="kg")          # for protocols that send no unit
    address = CharField(max_length=1, default="A")        # XK3190 command mode
    # where the scale sends no stability flag: stable when every reading of the last stable_window_ms is within
    # ±1 division of the newest, and there were at least stable_count of them
    stable_count = IntegerField(default=3)
    stable_window_ms = IntegerField(default=1000)
    capacity = FixedDecimalField(places=3, default=Decimal("0"))     # Max, kg (0: not given)
    division = FixedDecimalField(places=6, default=Decimal("0.01"))  # e, kg
    unit_letters = CharField(max_length=60, default="")    # what a unit letter means here, e.g. "t=tola"
    # one load, one capture: after a capture the next needs the platform below min_weight, or the weight
    # changed by more than this (kg), then stable again
    reload_change = FixedDecimalField(places=3, default=Decimal("0.500"))
    poll_ms = IntegerField(default=200)                    # request/response protocols
    offline_after_ms = IntegerField(default=3000)          # no valid frame this long: offline
    min_weight = FixedDecimalField(places=3, default=Decimal("0.020"))
    desk = CharField(max_length=60, default="")            # the shipping desk it stands at
    is_weighbridge = BooleanField(default=False)
    active = BooleanField(default=True)

    class Meta:
        table_name = "weighing_station"
        indexes = ((("plant", "code"), True),)

    def __str__(self):
        return f"{self.code} {self.name}"
