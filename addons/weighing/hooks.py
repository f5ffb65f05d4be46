"""The live weight and the capture form on the shipping desk, through the hook dispatch declares."""
from addons.dispatch.models.container import ContainerType
from addons.weighing.models.station import Station
from core.hooks import hookimpl


@hookimpl
def desk_panels(note):
    stations = list(Station.select().where((Station.plant == note.plant_id) & (Station.active == True)  # noqa: E712
                                           & (Station.is_weighbridge == False)).order_by(Station.code))  # noqa: E712
    if not stations or note.kind not in ("delivery", "pickup", "inbound") or note.state not in ("planned", "loading"):
        return []
    containers = list(ContainerType.select().where((ContainerType.plant == note.plant_id)
                                                   & (ContainerType.active == True)).order_by(ContainerType.code))  # noqa: E712
    return [("weighing/desk_panel.html", {"stations": stations, "containers": containers})]
