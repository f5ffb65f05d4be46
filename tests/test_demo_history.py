"""The demo's past: months of orders shipped by weight, signed for and paid, dated on their own days."""
import datetime

from peewee import fn

from addons.dispatch.models.line import DeliveryLine
from addons.dispatch.models.note import DeliveryNote
from addons.ledger.models.entry import AccountEntry
from addons.sales_order.models.order import Order
from core import clock
from core.demo import load_demo
from core.models import Plant


def test_two_months_of_history_through_the_real_chain(ctx):
    assert load_demo(ctx.extensions["erp"].registry, history_months=2)
    plant = Plant.get(Plant.code == "P1")
    today = clock.plant_today(plant)
    past = DeliveryNote.select().where((DeliveryNote.plant == plant) & (DeliveryNote.day < today))
    assert past.count() > 40 and {n.state for n in past} == {"received"}
    months = {(n.day.year, n.day.month) for n in past}
    assert len(months) >= 2 and min(n.day for n in past) <= today - datetime.timedelta(days=55)
    lines = DeliveryLine.select().join(DeliveryNote).where(DeliveryNote.id.in_(past.select(DeliveryNote.id)))
    weighed = [(x.weight, x.shipped_weight) for x in lines]
    assert all(kg > 0 for _w, kg in weighed) and any(kg != w for w, kg in weighed)     # weighed, not nominal
    shipments = AccountEntry.select().where((AccountEntry.plant == plant) & (AccountEntry.kind == "shipment"))
    assert shipments.where(AccountEntry.date < today - datetime.timedelta(days=30)).count() > 10
    receipts = AccountEntry.select().where((AccountEntry.plant == plant) & (AccountEntry.kind == "receipt"))
    assert receipts.count() > 5
    # every shipment is dated on its note's day, as the desk would have dated it then
    assert all(e.date <= today for e in shipments)
    assert Order.select(fn.MIN(Order.delivery_date)).where(Order.plant == plant).scalar() < today - datetime.timedelta(days=50)


def test_the_past_shipments_have_costs_from_the_hogs_bought(ctx):
    from addons.purchase.models.receipt import GoodsReceipt
    from addons.stock_dispatch.profit import report
    assert load_demo(ctx.extensions["erp"].registry, history_months=2)
    plant = Plant.get(Plant.code == "P1")
    today = clock.plant_today(plant)
    hogs = GoodsReceipt.select().where((GoodsReceipt.kind == "live_hogs") & (GoodsReceipt.state == "received"))
    assert hogs.count() >= 16                                   # two trucks a week
    _rows, total = report(plant.id, "month", today - datetime.timedelta(days=60), today)
    assert total.cost > 0 and 5 < total.margin < 60            # a plausible margin, not sales at no cost
