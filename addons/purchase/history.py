"""The demo's past purchases, so profit has costs: twice a week for fifteen months a truck of live hogs from
the farms, received by weighbridge ticket as of its day (core.clock.travel), slaughtered into its lot's
products (the hog cost spread by value ratio), and the farms paid every month for what is a fortnight old.
It runs before the sales history (purchase comes before dispatch), so every shipment there has a cost."""
from __future__ import annotations

import datetime
import random
from decimal import Decimal

from addons.master_data.models.product import Product
from addons.purchase.contracts import ask_payment
from addons.purchase.models.cost_ratio import CostRatio
from addons.purchase.models.payable import PayableEntry
from addons.purchase.models.supplier import Supplier
from addons.purchase.receiving import Ticket, save_receipt
from addons.stock import moves
from addons.stock.models.warehouse import Warehouse
from core import clock
from core.context import acting_as
from core.models import User

# product code, pieces per head, kg per piece; and what a kg of it is worth against the carcass
YIELD = [("P001", "0.15", "88"), ("P002", "2", "12.5"), ("P003", "1.2", "20"), ("P004", "0.8", "15"),
         ("P005", "0.4", "10")]
RATIOS = {"P003": "1.3", "P004": "1.5", "P005": "0.6"}
PRICE = {1: "17.2", 2: "16.8", 3: "15.9", 4: "15.2", 5: "14.8", 6: "14.6", 7: "14.9", 8: "15.3", 9: "15.8",
         10: "16.2", 11: "16.6", 12: "17.0"}          # yuan per kg of live weight, by month


def _at(plant, day, hour):
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=clock.plant_zone(plant))


def load(plants, months=15):
    plant = next((p for p in plants if p.code == "P1"), None)
    people = {login: User.get_or_none(User.login == login) for login in ("buyer", "manager", "finance")}
    if plant is None or None in people.values():
        return
    products = {p.code: p for p in Product.select().where(Product.plant == plant.id)}
    for code, ratio in RATIOS.items():
        CostRatio.create(plant=plant, product=products[code].id, ratio=Decimal(ratio))
    farms = list(Supplier.select().where((Supplier.plant == plant.id) & (Supplier.category == "live_hogs"))
                 .order_by(Supplier.code))
    store = Warehouse.get((Warehouse.plant == plant.id) & (Warehouse.code == "CS"))
    rng = random.Random(1205)
    today = clock.plant_today(plant)
    day = today - datetime.timedelta(days=round(months * 30.4) + 7)
    while day < today:
        if day.weekday() in (0, 3):
            _truck(plant, people, rng, day, farms[day.day % len(farms)], store, products)
        if day.day == 28:
            _pay_the_farms(plant, people, day, farms)
        day += datetime.timedelta(days=1)


def _truck(plant, people, rng, day, farm, store, products):
    heads = rng.randint(38, 50)
    net = Decimal(heads * rng.randint(108, 118))
    tare = Decimal(rng.randint(11800, 12600))
    with clock.travel(_at(plant, day, 4)), acting_as(people["buyer"], plant):
        receipt = save_receipt(plant, farm.id, store.id, day, lot_number=f"LH{day:%y%m%d}",
                               ticket=Ticket(products["LH01"].id, heads=str(heads), gross_kg=str(net + tare),
                                             tare_kg=str(tare), price_per_kg=PRICE[day.month]),
                               quarantine_cert=f"32001{day:%y%m%d}", vehicle="苏J·66789")
        receipt.receive()
    lot_id = type(receipt).get_by_id(receipt.id).lot_id
    with clock.travel(_at(plant, day, 8)), acting_as(people["manager"], plant):
        moves.post(plant.id, "production", [
            moves.Item(store.id, products[code].id, lot_id, Decimal(per_head) * heads,
                       (Decimal(per_head) * heads * Decimal(kg)).quantize(Decimal("0.001")))
            for code, per_head, kg in YIELD], reference=f"SL{day:%y%m%d}", day=day)


def _pay_the_farms(plant, people, day, farms):
    """What each farm is owed for hogs a fortnight old or more, asked by the buyer and paid by finance."""
    for farm in farms:
        owed = sum((e.open_amount for e in PayableEntry.select().where(
            (PayableEntry.supplier == farm.id) & (PayableEntry.open_amount > 0)
            & (PayableEntry.due_date <= day - datetime.timedelta(days=7)))), Decimal("0"))
        if owed <= 0:
            continue
        with clock.travel(_at(plant, day, 10)), acting_as(people["buyer"], plant):
            payment = ask_payment(plant, farm.id, str(owed), day, reference=f"BANK-{farm.code}-{day:%y%m}")
            payment.submit()
        with clock.travel(_at(plant, day, 15)), acting_as(people["finance"], plant):
            payment.pay()
