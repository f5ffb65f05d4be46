"""The demo's past: fifteen months of a plant's business written day by day through the real services, so
statistics, growth, year-on-year and ageing show real shapes on a newcomer's first visit.

Each past day, as of that day (core.clock.travel): yesterday's orders are taken and approved, the morning's
trip is planned, weighed (a little over or under the expected kg), shipped and signed for; customers pay
their older debts every week, the slower ones later; now and then goods arrive short. Volumes follow the
year (more before the Spring Festival, less in summer) and grow year on year.
"""
from __future__ import annotations

import datetime
import random
from decimal import Decimal

from addons.dispatch import desk, planning, receipt, shipping
from addons.dispatch.models.container import ContainerType
from addons.dispatch.models.line import DeliveryLine
from addons.dispatch.models.vehicle import Vehicle
from addons.ledger.models.entry import AccountEntry
from addons.ledger.receipts import record_receipt
from addons.master_data.models.customer import Customer
from addons.master_data.models.price_row import PriceRow
from addons.master_data.models.product import Product
from addons.sales_order.lines import LineInput
from addons.sales_order.orders import create_order
from core import clock
from core.context import acting_as
from core.models import User

SEASON = {1: 1.5, 2: 1.3, 3: 1.0, 4: 0.95, 5: 0.9, 6: 0.8, 7: 0.75, 8: 0.8, 9: 1.0, 10: 1.1, 11: 1.15, 12: 1.35}
BASKETS = [(("P001", 2), ("P002", 10)), (("P002", 8), ("P003", 15)), (("P004", 12), ("P005", 4)),
           (("P001", 1), ("P003", 10), ("P005", 2))]


def _at(plant, day, hour, minute=0):
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=clock.plant_zone(plant))


def load(plants, months=15):
    people = {login: User.get_or_none(User.login == login) for login in ("manager", "scheduler", "shipper")}
    if None in people.values():
        return
    for plant in plants:
        if plant.code == "P1":
            _plant_history(plant, people, months)


def _plant_history(plant, people, months):
    rng = random.Random(20261205)                 # the same past on every machine
    today = clock.plant_today(plant)
    first = today - datetime.timedelta(days=round(months * 30.4))
    customers = list(Customer.select().where(Customer.plant == plant).order_by(Customer.code))
    products = {p.code: p for p in Product.select().where(Product.plant == plant)}
    vehicle = Vehicle.select().where(Vehicle.plant == plant).order_by(Vehicle.id).first()
    crate = ContainerType.select().where(ContainerType.plant == plant).order_by(ContainerType.id).first()
    _earlier_prices(plant, first)
    day = first
    while day < today:
        growth = 0.8 + 0.2 * (day - first).days / 365       # about a fifth more than a year before
        orders = max(1, round(rng.uniform(2, 4) * SEASON[day.month] * growth))
        _take_orders(plant, people["manager"], rng, day, customers[:6], products, orders)
        _ship_the_day(plant, people, rng, day, vehicle, crate)
        if day.weekday() == 4:
            _customers_pay(plant, rng, day, customers)
        day += datetime.timedelta(days=1)


def _earlier_prices(plant, first):
    """Last year's prices, a little lower: the demo's price rows start this year."""
    for row in list(PriceRow.select().where((PriceRow.plant == plant) & (PriceRow.valid_from > first))):
        PriceRow.create(plant=plant, price_list=row.price_list_id, customer=row.customer_id, scope_key=row.scope_key,
                        product=row.product_id, price=(row.price * Decimal("0.94")).quantize(Decimal("0.01")),
                        floor_price=(row.floor_price * Decimal("0.94")).quantize(Decimal("0.01")), valid_from=first,
                        valid_to=row.valid_from - datetime.timedelta(days=1))


def _take_orders(plant, manager, rng, day, customers, products, count):
    with clock.travel(_at(plant, day - datetime.timedelta(days=1), 15)), acting_as(manager, plant):
        for customer in rng.sample(customers, min(count, len(customers))):
            basket = rng.choice(BASKETS)
            lines = [LineInput(products[code].id, str(max(1, round(qty * rng.uniform(0.6, 1.6)))))
                     for code, qty in basket]
            order = create_order(customer, day, lines)
            order.submit()
            if order.state == "submitted":
                order.approve()


def _ship_the_day(plant, people, rng, day, vehicle, crate):
    with clock.travel(_at(plant, day, 5)), acting_as(people["scheduler"], plant):
        waiting = [r for r in planning.waiting_lines(plant, day) if r.order.delivery_date == day]
        if not waiting:
            return
        trip = planning.create_trip(plant, day, vehicle.id, departure=datetime.datetime.combine(day, datetime.time(6)))
        notes = planning.assign(plant, trip, [(r.line.id, r.left) for r in waiting], allow_overload=True)
    with clock.travel(_at(plant, day, 5, 40)), acting_as(people["shipper"], plant):
        for note in notes:
            for line in DeliveryLine.select().where(DeliveryLine.note == note.id):
                kg = (line.weight * Decimal(str(rng.uniform(0.97, 1.03)))).quantize(Decimal("0.1"))
                desk.add_batch(line.id, line.quantity, kg + crate.tare_kg * 2, crate.id, 2)
            shipping.ship(note.id)
    with clock.travel(_at(plant, day, 10)), acting_as(people["shipper"], plant):
        for note in notes:
            short = {}
            if rng.random() < 0.08:                  # now and then a line arrives a little light
                line = DeliveryLine.select().where(DeliveryLine.note == note.id).first()
                short = {line.id: (line.quantity, (line.shipped_weight * Decimal("0.985")).quantize(Decimal("0.1")),
                                   "")}
            receipt.confirm_receipt(note.id, "收货人 Receiver", short)


def _customers_pay(plant, rng, day, customers):
    """Fridays: most customers pay what was shipped over a fortnight ago; the last two pay late or in part."""
    with clock.travel(_at(plant, day, 16)), acting_as(None, plant):
        for n, customer in enumerate(customers):
            lag = 14 if n < len(customers) - 2 else 60
            due = (AccountEntry.select().where((AccountEntry.customer == customer.id)
                                               & (AccountEntry.date <= day - datetime.timedelta(days=lag))
                                               & (AccountEntry.open_amount > 0)))
            owed = sum((e.open_amount for e in due), Decimal("0"))
            if owed > 0 and rng.random() < 0.9:
                share = Decimal("1") if n < len(customers) - 1 else Decimal("0.6")
                record_receipt(customer, (owed * share).quantize(Decimal("0.01")), plant=plant, date=day,
                               method="transfer", reference=f"BANK-{day:%Y%m%d}-{n}")
