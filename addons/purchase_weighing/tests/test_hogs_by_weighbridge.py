"""Live hogs at a plant with a weighbridge: the receipt takes the weights of the truck's closed inbound ticket,
captured from the scale, never typed ones; one ticket makes one receipt."""
from decimal import Decimal as D

import pytest

from addons.purchase.receiving import Ticket, save_receipt
from addons.purchase.tests.helpers import DAY
from addons.weighing import tickets
from addons.weighing.agent import publish
from addons.weighing.drivers.base import Reading
from addons.weighing.models.station import Station
from core.errors import UserError
from tests.sales_helpers import as_user


def _truck(plant, station, loaded, empty, direction="in"):
    """A truck weighed on the weighbridge: its first weight, then its second, each from the scale."""
    with as_user("buyer", plant):
        ticket = tickets.open_ticket(plant, "苏J·12345", direction=direction)
    for kg in (loaded, empty) if direction == "in" else (empty, loaded):
        publish(station.id, Reading(weight=D(kg), stable=True), seen=(D(kg), D(kg)), station=station)
        with as_user("admin", plant):
            ticket = tickets.weigh(plant, ticket.id, station.id)
        publish(station.id, Reading(weight=D("0"), stable=True), seen=(D("0"), D("0")), station=station)
    return ticket


@pytest.fixture
def bridge(stage):
    plant = stage["plant"]
    return Station.create(plant=plant, code="WB", name="地磅 Weighbridge", port_url="loop://", protocol="st_gs",
                          is_weighbridge=True, min_weight=D("20"), capacity=D("60000"), division=D("10"))


def _receipt(stage, **ticket):
    with as_user("buyer", stage["plant"]):
        return save_receipt(stage["plant"], stage["farm"].id, stage["stores"]["CS"].id, DAY,
                            ticket=Ticket(stage["hog"].id, heads="40", price_per_kg="15.60", **ticket))


def test_the_receipt_takes_the_trucks_weights_from_the_weighbridge(stage, bridge):
    truck = _truck(stage["plant"], bridge, "16230", "12220")
    with pytest.raises(UserError) as typed:
        _receipt(stage, gross_kg="5230", tare_kg="1210")
    assert typed.value.field == "weighbridge"                       # a weighbridge serves: no typed weights
    receipt = _receipt(stage, weighbridge=truck.number, gross_kg="99999", tare_kg="1")   # typed ones are ignored
    assert (receipt.gross_kg, receipt.tare_kg, receipt.net_kg) == (D("16230.000"), D("12220.000"), D("4010.000"))
    assert receipt.amount == D("62556.00") and receipt.weighbridge_ticket == truck.number
    with pytest.raises(UserError) as again:
        _receipt(stage, weighbridge=truck.number)
    assert "already on receipt" in str(again.value)


def test_an_open_or_outgoing_ticket_is_refused(stage, bridge):
    plant = stage["plant"]
    with as_user("buyer", plant):
        open_one = tickets.open_ticket(plant, "苏J·1", direction="in")
    with pytest.raises(UserError) as still_open:
        _receipt(stage, weighbridge=open_one.number)
    assert "still open" in str(still_open.value)
    outgoing = _truck(plant, bridge, "9000", "8000", direction="out")
    with pytest.raises(UserError) as wrong_way:
        _receipt(stage, weighbridge=outgoing.number)
    assert "going out" in str(wrong_way.value)
