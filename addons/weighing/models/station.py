from peewee import BooleanField, CharField, ForeignKeyField

from core.db import BaseModel
from core.models import Plant


class Station(BaseModel):
    """A weighing station: a scale on a port. Drivers and the station agent come with the weighing issue."""
    plant = ForeignKeyField(Plant, on_delete="RESTRICT")
    code = CharField(max_length=40)
    name = CharField(max_length=120)
    port_url = CharField(max_length=200)        # any pyserial URL: /dev/ttyUSB0, socket://host:port, rfc2217://...
    protocol = CharField(max_length=40, default="mt_sics")
    active = BooleanField(default=True)

    class Meta:
        table_name = "weighing_station"
        indexes = ((("plant", "code"), True),)
