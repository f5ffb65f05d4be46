"""Where purchasing meets the weighbridge: a live-hog receipt takes its gross and tare from the truck's closed
ticket (weighed loaded in, then empty out), and a plant with a weighbridge takes no typed weights for hogs."""
from __future__ import annotations

from flask_babel import gettext as _

from addons.weighing.models.station import Station
from addons.weighing.models.weighing import WeighbridgeTicket
from core.errors import UserError
from core.hooks import hookimpl


@hookimpl
def weighbridge_weights(plant_id, number):
    ticket = WeighbridgeTicket.get_or_none((WeighbridgeTicket.plant == plant_id) & (WeighbridgeTicket.number == number))
    if ticket is None:
        return None
    if ticket.state != "closed":
        raise UserError(_("Weighbridge ticket %(number)s is still open: weigh the truck empty first.", number=number),
                        field="weighbridge")
    if ticket.direction != "in":
        raise UserError(_("Weighbridge ticket %(number)s is of a truck loaded going out, not of goods coming in.",
                          number=number), field="weighbridge")
    return {"gross": ticket.first_kg, "tare": ticket.second_kg, "plate": ticket.plate}


@hookimpl
def weighbridge_required(plant_id):
    if Station.select().where((Station.plant == plant_id) & (Station.active == True)  # noqa: E712
                              & (Station.is_weighbridge == True)).exists():  # noqa: E712
        return _("A weighbridge serves this plant: give the ticket of the truck weighed loaded in and empty out.")
    return None
