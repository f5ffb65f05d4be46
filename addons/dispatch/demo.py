"""Demo dispatch: vehicles, containers, and today's first trip planned, one note shipped and signed for."""
import datetime
from decimal import Decimal

from addons.dispatch import desk, planning, receipt, shipping
from addons.dispatch.models.container import ContainerType
from addons.dispatch.models.line import DeliveryLine
from addons.dispatch.models.vehicle import Vehicle
from core import clock
from core.context import acting_as
from core.models import User

VEHICLES = [("沪A·12345", "12000", "张师傅 Zhang", "13900001111"), ("沪B·67890", "8000", "李师傅 Li", "13900002222"),
            ("苏E·24680", "5000", "王师傅 Wang", "13900003333")]
CONTAINERS = [("CRATE", "周转箱 Crate", "1.8"), ("HOOK", "挂钩 Hook", "0.35"), ("PALLET", "托盘 Pallet", "25")]


def load(plants):
    scheduler, shipper = User.get_or_none(User.login == "scheduler"), User.get_or_none(User.login == "shipper")
    for plant in plants:
        vehicles = [Vehicle.create(plant=plant, plate=plate if plant.code == "P1" else plate.replace("沪", "京"),
                                   capacity_kg=Decimal(cap), driver=driver, phone=phone)
                    for plate, cap, driver, phone in VEHICLES]
        crates = [ContainerType.create(plant=plant, code=c, name=n, tare_kg=Decimal(t)) for c, n, t in CONTAINERS][0]
        if scheduler is None or shipper is None or plant.code != "P1":
            continue
        today = clock.plant_today(plant)
        with acting_as(scheduler, plant):
            trip = planning.create_trip(plant, today, vehicles[0].id,
                                        departure=datetime.datetime.combine(today, datetime.time(6, 30)))
            waiting = planning.waiting_lines(plant, today)
            firsts = [r for r in waiting if r.order.delivery_date == today][:6]
            notes = planning.assign(plant, trip, [(r.line.id, r.left) for r in firsts])
        if not notes:
            continue
        with acting_as(shipper, plant):
            note = notes[0]
            for line in DeliveryLine.select().where(DeliveryLine.note == note.id):
                desk.record_step(line.id, "picked")
                kg = (line.weight * Decimal("0.99")).quantize(Decimal("0.1")) + crates.tare_kg * 2
                desk.add_batch(line.id, line.quantity, kg, crates.id, 2)
                desk.record_step(line.id, "loaded")
            shipping.ship(note.id)
            receipt.confirm_receipt(note.id, "店长 Shop manager", {})

