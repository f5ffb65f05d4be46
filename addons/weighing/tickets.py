"""Weighbridge tickets: a truck weighed loaded and empty; the net is the difference."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from flask_babel import gettext as _

from addons.weighing.capture import station_of, usable_reading
from addons.weighing.models.weighing import WeighbridgeTicket, Weighing
from core import audit, clock, context, numbering
from core.db import lock_get, transaction
from core.errors import UserError

GRAM = Decimal("0.001")


def open_ticket(plant, plate, direction="out", trip_id=None) -> WeighbridgeTicket:
    if not (plate or "").strip():
        raise UserError(_("Give the plate number."), field="plate")
    if direction not in ("in", "out"):
        raise UserError(_("Unknown direction."), field="direction")
    with transaction():
        ticket = WeighbridgeTicket.create(plant=plant.id, number=numbering.next_number(plant, "WB"),
                                          plate=plate.strip()[:20], direction=direction, trip_id=trip_id)
        audit.log("create", WeighbridgeTicket._meta.table_name, ticket.id, plant=plant.id,
                  new={"number": ticket.number, "plate": ticket.plate})
    return ticket


def weigh(plant, ticket_id, station_id) -> WeighbridgeTicket:
    """The next weighing of the truck from the station's stable reading: first, then second (closes it)."""
    with transaction():
        ticket = lock_get(WeighbridgeTicket, ticket_id)
        if ticket.plant_id != plant.id or ticket.state != "open":
            raise UserError(_("Ticket %(number)s is closed.", number=ticket.number))
        station = station_of(plant.id, station_id)
        live = usable_reading(station)
        weight = live.weight.quantize(GRAM, rounding=ROUND_HALF_UP)
        weighing = Weighing.create(plant=plant.id, station=station, gross=weight, net=weight,
                                   operator=context.current().user, ticket_id=ticket.id)
        if ticket.first_kg is None:
            ticket.first_kg = weight
        else:
            ticket.second_kg = weight
            loaded, empty = (ticket.second_kg, ticket.first_kg) if ticket.direction == "out" else (
                ticket.first_kg, ticket.second_kg)
            if loaded < empty:
                raise UserError(_("The loaded weight (%(loaded)s kg) is less than the empty weight (%(empty)s kg).",
                                  loaded=loaded, empty=empty))
            ticket.net, ticket.closed_at = loaded - empty, clock.utcnow()
        ticket.save()
        if ticket.second_kg is not None:
            ticket.close()
        audit.log("weigh", WeighbridgeTicket._meta.table_name, ticket.id, plant=plant.id,
                  new={"kg": weight, "weighing": weighing.id, "state": ticket.state})
    return ticket
