"""The live weight and the capture form on the shipping desk, through the hook dispatch declares."""
from addons.dispatch.models.container import ContainerType
from addons.weighing.models.station import Station
from core.hooks import hookimpl


def _scales(plant_id):
    return Station.select().where((Station.plant == plant_id) & (Station.active == True)  # noqa: E712
                                  & (Station.is_weighbridge == False))  # noqa: E712


@hookimpl
def keyed_weight_refused(note):
    """Where a scale serves the desk, weights come from it; typing one in is the manual weight, with its right."""
    if _scales(note.plant_id).exists():
        from flask_babel import gettext as _
        return _("A scale serves this desk: capture the weight from it, or record a weight by hand with a reason.")
    return None


@hookimpl
def desk_panels(note):
    stations = list(_scales(note.plant_id).order_by(Station.code))
    if not stations or note.kind not in ("delivery", "pickup", "inbound") or note.state not in ("planned", "loading"):
        return []
    containers = list(ContainerType.select().where((ContainerType.plant == note.plant_id)
                                                   & (ContainerType.active == True)).order_by(ContainerType.code))  # noqa: E712
    return [("weighing/desk_panel.html", {"stations": stations, "containers": containers})]
