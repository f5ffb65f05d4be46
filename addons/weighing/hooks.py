"""The live weight and the capture form on the shipping desk, through the hook dispatch declares."""
from addons.dispatch.models.container import ContainerType
from addons.weighing.models.station import Station
from core.db import instances, run_composed
from core.hooks import hookimpl


def _scales(plant_id) -> list:
    """The plant's scales that serve the desk, by code (the desk asks twice a page, a weight once): composed once."""
    return instances(Station, run_composed("weighing.desk_scales", lambda plant: Station.select().where(
        (Station.plant == plant) & (Station.active == True) & (Station.is_weighbridge == False))  # noqa: E712
        .order_by(Station.code), plant_id))


@hookimpl
def keyed_weight_refused(note):
    """Where a scale serves the desk, weights come from it; typing one in is the manual weight, with its right."""
    if _scales(note.plant_id):
        from flask_babel import gettext as _
        return _("A scale serves this desk: capture the weight from it, or record a weight by hand with a reason.")
    return None


@hookimpl
def desk_panels(note):
    stations = _scales(note.plant_id)
    if not stations or note.kind not in ("delivery", "pickup", "inbound") or note.state not in ("planned", "loading"):
        return []
    containers = ContainerType.active_of(note.plant_id)
    return [("weighing/desk_panel.html", {"stations": stations, "containers": containers})]
