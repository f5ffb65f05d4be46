
from flask_babel import lazy_gettext as _l
from peewee import CharField, DateField, DateTimeField, ForeignKeyField

from addons.dispatch.models.vehicle import Vehicle
from core import clock
from core.db import BaseModel
from core.models import Plant
from core.workflow import transition


class Trip(BaseModel):
    """A vehicle's run on a day (车次): its delivery notes in stop order."""
    STATES = {"planned": _l("Planned"), "loading": _l("Loading"), "on_road": _l("On the road"),
              "delivered": _l("Delivered"), "cancelled": _l("Cancelled")}
    TRANSITIONS = {("planned", "loading"), ("planned", "on_road"), ("loading", "on_road"),
                   ("on_road", "delivered"), ("planned", "cancelled"), ("loading", "cancelled")}

    plant = ForeignKeyField(Plant, on_delete="RESTRICT", index=False)
    number = CharField(max_length=32)
    day = DateField()
    vehicle = ForeignKeyField(Vehicle, on_delete="RESTRICT")
    driver = CharField(max_length=80, default="")
    departure = DateTimeField(null=True)        # planned departure, an instant (UTC) like every *_at
    state = CharField(max_length=20, default="planned", index=True)
    departed_at = DateTimeField(null=True)
    created_at = DateTimeField(default=clock.utcnow)

    class Meta:
        table_name = "dispatch_trip"
        only_save_dirty = True   # a move or a step writes what it changed, not the whole row
        indexes = ((("plant", "number"), True), (("plant", "day"), False))

    def __str__(self):
        return f"{self.number} {self.vehicle.plate}"

    @transition("on_road", permission="dispatch.ship", label=_l("Depart"), sources=["planned", "loading"],
                style="success")
    def depart(self):
        from addons.dispatch.trips import on_depart
        on_depart(self)

    @transition("delivered", permission="dispatch.ship", label=_l("Mark delivered"), style="secondary")
    def arrive(self):
        pass

    @transition("loading", label=_l("Start loading"), sources=["planned"], internal=True)
    def start_loading(self):
        pass

    @transition("delivered", label=_l("Every note signed for"), sources=["on_road"], internal=True)
    def close(self):
        pass

    @transition("cancelled", permission="dispatch.plan", label=_l("Cancel the trip"), needs_comment=True,
                style="danger")
    def cancel(self):
        from addons.dispatch.trips import on_cancel
        on_cancel(self)
