"""A day of stock, end to end: lots produced, orders reviewed against them, a note shipped from two lots
(one picked first-expiring-first, one scanned), the exit record and recall list, goods returned into their
lot. Levels are checked to the gram and the piece after every step, on SQLite and PostgreSQL alike."""
import datetime
from decimal import Decimal as D

import pytest

from addons.dispatch import desk, inbound, shipping
from addons.dispatch.models.batch import ShipmentBatch
from addons.dispatch.models.line import DeliveryLine
from addons.sales_order import balancing
from addons.sales_order.models.line import OrderLine
from addons.sales_order.orders import create_order
from addons.stock.models.level import StockLevel
from addons.stock.models.move import StockMove
from addons.stock_dispatch import trace
from addons.stock_dispatch.models.exit_record import ExitRecord
from core.clock import plant_today
from core.errors import UserError
from tests.dispatch_helpers import as_user, line, planned_note
from tests.sales_helpers import customer, days_ahead, product
from tests.stock_helpers import produced_lot, stores


def level(lot, code="P002", warehouse=None):
    """(pieces, kg) of a product of a lot, in one warehouse or all."""
    query = StockLevel.select().where((StockLevel.lot == lot.id) & (StockLevel.product == product(code).id))
    if warehouse is not None:
        query = query.where(StockLevel.warehouse == warehouse.id)
    found = list(query)
    return sum((x.quantity for x in found), D("0")), sum((x.weight for x in found), D("0"))


@pytest.fixture
def day_of_lots(ctx, demo):
    p1 = demo["P1"]
    where = stores(p1)
    today = plant_today(p1)
    older = produced_lot(p1, "LA", today - datetime.timedelta(days=2), where["CS"], [("P002", 6, "75.000")])
    newer = produced_lot(p1, "LB", today, where["CS"], [("P002", 20, "250.000"), ("P003", 5, "100.500")])
    return p1, where, older, newer


def test_orders_reviewed_against_stock(day_of_lots):
    p1, _where, _older, _newer = day_of_lots
    day = days_ahead(3)                         # inside the ordering window
    with as_user("sales", p1):
        first = create_order(customer("P1C001"), day, [line("P002", 10)])
        first.submit()
    lines = list(OrderLine.select().where(OrderLine.order == first.id))
    assert balancing.stock_check(first, lines)[product("P002").id] == (D("26"), D("0"), D("26"))
    with as_user("manager", p1):
        first.approve()
    with as_user("sales", p1):
        second = create_order(customer("P1C002"), day, [line("P002", 20)])
        second.submit()
    lines = list(OrderLine.select().where(OrderLine.order == second.id))
    assert balancing.stock_check(second, lines)[product("P002").id] == (D("26"), D("10"), D("16"))   # short by 4
    (row,) = [r for r in balancing.demand(p1, day) if r["product"].code == "P002"]
    assert (row["demand"], row["available"], row["short"]) == (D("10"), D("26"), D("0"))


def test_shipping_from_two_lots_then_a_return_into_stock(day_of_lots):
    p1, where, older, newer = day_of_lots
    note = planned_note(p1, "P1C002", "P002", 10)
    (dl,) = DeliveryLine.select().where(DeliveryLine.note == note.id)
    with as_user("shipper", p1):
        first = desk.add_batch(dl.id, "6", "74.800")                      # no lot named: the first to expire
        second = desk.add_batch(dl.id, "4", "50.200", lot_code="LB")      # scanned
    assert [ShipmentBatch.get_by_id(b.id).lot_code for b in (first, second)] == ["LA", "LB"]
    assert level(older) == (D("6"), D("75.000"))                        # nothing moves before the note ships
    with as_user("shipper", p1):
        shipping.ship(note.id)
    assert level(older) == (D("0"), D("0.200"))                          # 200 g of drip left in the books
    assert level(newer) == (D("16"), D("199.800"))
    assert level(newer, "P003") == (D("5"), D("100.500"))
    sales = list(StockMove.select().where((StockMove.kind == "sale") & (StockMove.reference == note.number)))
    assert sorted((m.lot_id, m.quantity, m.weight, m.warehouse_id) for m in sales) == sorted([
        (older.id, D("-6"), D("-74.800"), where["CS"].id), (newer.id, D("-4"), D("-50.200"), where["CS"].id)])
    records = list(ExitRecord.select().order_by(ExitRecord.id))
    assert [(r.lot_number, r.quarantine_cert, r.customer_code, r.quantity, r.weight) for r in records] == [
        ("LA", "Q-LA", "P1C002", D("6"), D("74.800")), ("LB", "Q-LB", "P1C002", D("4"), D("50.200"))]
    (recall,) = trace.recall_list(p1.id, older.id)
    assert (recall["customer_code"], recall["quantity"], recall["weight"], recall["notes"]) == (
        "P1C002", D("6"), D("74.800"), [note.number])
    day_row = records[0].day
    assert trace.totals(trace.exit_record(p1.id, day_row, day_row)) == (D("10"), D("125.000"))
    assert [r["lot_number"] for r in trace.lots_of_customer(p1.id, customer("P1C002").id, day_row, day_row)] == [
        "LA", "LB"]

    # two pieces come back: weighed in without a lot, they go into the lot the customer last received
    back = inbound.create_inbound(customer("P1C002"), plant_today(p1), [(product("P002"), D("2"), D("25"), D("26.80"))],
                                  source="test")
    (back_line,) = DeliveryLine.select().where(DeliveryLine.note == back.id)
    with as_user("shipper", p1):
        desk.add_batch(back_line.id, "2", "24.900")
        inbound.receive_inbound(back.id)
    assert level(newer, warehouse=where["RT"]) == (D("2"), D("24.900"))
    assert level(newer) == (D("18"), D("224.700"))


def test_a_lot_without_certificates_is_refused_where_the_plant_requires_them(day_of_lots):
    from addons.stock.models.settings import StockSettings
    from core import plant_settings
    p1, where, _older, _newer = day_of_lots
    bare = produced_lot(p1, "LX", plant_today(p1) - datetime.timedelta(days=5), where["CS"], [("P002", 5, "60")],
                        certificates=False)
    note = planned_note(p1, "P1C002", "P002", 10)
    (dl,) = DeliveryLine.select().where(DeliveryLine.note == note.id)
    with as_user("manager", p1):
        plant_settings.save(StockSettings, p1, {"require_certificates": True}, cache_key=("stock.settings", p1.id))
    with as_user("shipper", p1):
        with pytest.raises(UserError, match="LX cannot be shipped: .*quarantine.*missing"):
            desk.add_batch(dl.id, "5", "60", lot_code=bare.number)
        with pytest.raises(UserError, match="LX cannot be shipped"):
            desk.add_batch(dl.id, "5", "60")        # left out, the first to expire is LX: refused as well
        batch = desk.add_batch(dl.id, "5", "60", lot_code="LB")
    assert batch.lot_code == "LB" and ShipmentBatch.select().count() == 1      # nothing half-written


def test_negative_stock_refused_where_forbidden(day_of_lots):
    from addons.stock.models.settings import StockSettings
    from core import plant_settings
    p1, _where, older, _newer = day_of_lots
    with as_user("manager", p1):
        plant_settings.save(StockSettings, p1, {"allow_negative": False}, cache_key=("stock.settings", p1.id))
    first = planned_note(p1, "P1C001", "P002", 5)
    second = planned_note(p1, "P1C002", "P002", 5)
    (a,) = DeliveryLine.select().where(DeliveryLine.note == first.id)
    (b,) = DeliveryLine.select().where(DeliveryLine.note == second.id)
    with as_user("shipper", p1):
        desk.add_batch(a.id, "4", "50.000", lot_code="LA")
        with pytest.raises(UserError, match="Lot LA has 75.000 kg of .* left"):
            desk.add_batch(b.id, "2", "25.100", lot_code="LA")            # 75.1 kg of 75 asked in all
        desk.add_batch(b.id, "2", "25.000", lot_code="LA")
        shipping.ship(first.id)
        shipping.ship(second.id)
    assert level(older) == (D("0"), D("0.000"))


def test_approved_orders_reserve_the_stock_of_their_day_where_the_plant_says_so(day_of_lots):
    from addons.stock.models.settings import StockSettings
    from core import plant_settings
    p1, _where, _older, _newer = day_of_lots
    with as_user("manager", p1):
        plant_settings.save(StockSettings, p1, {"reserve_at_approval": True}, cache_key=("stock.settings", p1.id))
    day = days_ahead(3)
    with as_user("sales", p1):
        first = create_order(customer("P1C001"), day, [line("P002", 10)])
        second = create_order(customer("P1C002"), day, [line("P002", 20)])
        first.submit()
        second.submit()
    with as_user("manager", p1):
        first.approve()
        with pytest.raises(UserError, match="Not enough stock for .*: 猪后腿 Hind leg 20 wanted, 16 left"):
            second.approve()
    assert second.__class__.get_by_id(second.id).state == "submitted"
