"""Setting the stage for dispatch tests: approved orders, a vehicle or two, crates."""
from decimal import Decimal as D

from addons.dispatch.models.container import ContainerType
from addons.dispatch.models.vehicle import Vehicle
from addons.sales_order.orders import create_order
from tests.sales_helpers import as_user, customer, days_ahead, line


def approved_order(plant, code, lines, day=None, **extra):
    with as_user("manager", plant):
        order = create_order(customer(code), day or days_ahead(2), lines, **extra)
        order.submit()
        order.approve()
    assert order.state == "approved"
    return order


def planned_note(plant, code="P1C002", product="P002", quantity=10):
    """An approved order of `quantity` of `product`, all of it planned on a new trip: its delivery note."""
    from addons.dispatch import planning
    from addons.sales_order.models.line import OrderLine
    order = approved_order(plant, code, [line(product, quantity)])
    with as_user("scheduler", plant):
        (note,) = planning.assign(plant, planning.create_trip(plant, order.delivery_date,
                                                                    vehicle(plant, f"沪A·{order.id:05d}").id),
                                  [(OrderLine.get(OrderLine.order == order.id).id, str(quantity))])
    return note


def vehicle(plant, plate="沪A·00001", capacity="5000"):
    return Vehicle.create(plant=plant, plate=plate, capacity_kg=D(capacity), driver="张师傅 Zhang")


def crate(plant):
    return ContainerType.create(plant=plant, code="CRATE", name="Crate", tare_kg=D("1.8"))


__all__ = ["approved_order", "planned_note", "vehicle", "crate", "line", "days_ahead", "as_user"]
