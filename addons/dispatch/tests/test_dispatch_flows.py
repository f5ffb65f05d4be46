"""Dispatch scenarios: split orders, batches, receipt and loss, self-pickup; the ledger to the fen."""
from decimal import Decimal as D

import pytest

from addons.dispatch import desk, inbound, planning, receipt, shipping
from addons.dispatch.analysis import board, loss, on_time
from addons.dispatch.models.line import DeliveryLine
from addons.dispatch.models.note import DeliveryNote
from addons.dispatch.models.settings import DispatchSettings
from addons.dispatch.models.trip import Trip
from addons.dispatch.planning import OverloadWarning
from addons.ledger.ageing import balance
from addons.ledger.exposure import exposure
from addons.ledger.models.entry import AccountEntry
from addons.sales_order.models.line import OrderLine
from addons.sales_order.models.order import Order
from core.clock import plant_today
from core.errors import UserError
from core.models import Notification, User
from tests.dispatch_helpers import approved_order, as_user, crate, days_ahead, line, vehicle
from tests.sales_helpers import customer


def _line_of(note):
    return DeliveryLine.get(DeliveryLine.note == note.id)


def _entries(note):
    return list(AccountEntry.select().where(AccountEntry.reference == note.number).order_by(AccountEntry.id))


def test_an_order_split_across_two_notes_on_two_trips(ctx, demo):
    p1 = demo["P1"]
    order = approved_order(p1, "P1C002", [line("P002", 10)])          # hind legs: 10 × 12.5 kg at 26.80/kg
    order_line = OrderLine.get(OrderLine.order == order.id)
    box = crate(p1)
    with as_user("scheduler", p1):
        first = planning.create_trip(p1, order.delivery_date, vehicle(p1).id)
        second = planning.create_trip(p1, order.delivery_date, vehicle(p1, "沪A·00002").id)
        (note_a,) = planning.assign(p1, first, [(order_line.id, "6")])
        with pytest.raises(UserError, match="only 4 left"):
            planning.assign(p1, second, [(order_line.id, "5")])
        (note_b,) = planning.assign(p1, second, [(order_line.id, "4")])
        assert planning.waiting_lines(p1, order.delivery_date) == []
    with as_user("shipper", p1):
        desk.add_batch(_line_of(note_a).id, "3", "41.30", box.id, 2)      # 41.30 − 3.60 = 37.70
        desk.add_batch(_line_of(note_a).id, "3", "40.15", box.id, 2)      # 36.55
        shipping.ship(note_a.id)
        assert Order.get_by_id(order.id).state == "approved"              # 4 legs still to go
    with as_user("scheduler", p1):      # six shipped and four on the second note: nothing left to plan
        assert planning.waiting_lines(p1, order.delivery_date) == []
        assert order.customer_id not in [c for _r, c, _n in planning.waiting_customers(p1, order.delivery_date)]
        with pytest.raises(UserError, match="only 0 left"):
            planning.assign(p1, second, [(order_line.id, "1")])
    with as_user("shipper", p1):
        desk.add_batch(_line_of(note_b).id, "4", "51.00")                 # no crates: 51.000 net
        shipping.ship(note_b.id)
    a, b = _entries(note_a), _entries(note_b)
    assert [e.amount for e in a] == [D("1989.90")]      # (37.70 + 36.55) kg × 26.80
    assert [e.amount for e in b] == [D("1366.80")]      # 51.000 × 26.80
    assert a[0].order_id == order.id and b[0].order_id == order.id
    assert OrderLine.get_by_id(order_line.id).delivered_quantity == D("10")
    assert OrderLine.get_by_id(order_line.id).delivered_weight == D("125.250")
    assert Order.get_by_id(order.id).state == "completed"
    assert exposure(customer("P1C002")).committed == D("0")


def test_a_note_shipped_in_three_batches_is_billed_on_the_weighed_kilograms(ctx, demo):
    p1 = demo["P1"]
    order = approved_order(p1, "P1C002", [line("P002", 10), line("P005", 2)])
    legs, trotters = OrderLine.select().where(OrderLine.order == order.id).order_by(OrderLine.seq)
    box = crate(p1)
    with as_user("scheduler", p1):
        (note,) = planning.assign(p1, planning.create_trip(p1, order.delivery_date, vehicle(p1).id),
                                  [(legs.id, "10"), (trotters.id, "2")])
    leg_line, trotter_line = DeliveryLine.select().where(DeliveryLine.note == note.id).order_by(DeliveryLine.seq)
    with as_user("shipper", p1):
        desk.record_step(leg_line.id, "picked")
        assert Trip.get().state == "loading"
        for qty, gross in [("3", "39.855"), ("3", "41.003"), ("4", "53.219")]:
            desk.add_batch(leg_line.id, qty, gross, box.id, 1)            # each less one crate of 1.800
        desk.add_batch(trotter_line.id, "2", "20.4")                      # priced per box: 2 × 210.00
        desk.record_step(leg_line.id, "loaded")
        shipping.ship(note.id)
    leg_line = DeliveryLine.get_by_id(leg_line.id)
    net = D("39.855") + D("41.003") + D("53.219") - 3 * D("1.8")
    assert leg_line.shipped_weight == net == D("128.677")
    assert leg_line.amount == (net * D("26.80")).quantize(D("0.01")) == D("3448.54")
    assert [e.amount for e in _entries(note)] == [D("3448.54") + D("420.00")]
    assert leg_line.picked_at and leg_line.loaded_at and leg_line.weighed_by.login == "shipper"
    with as_user("shipper", p1), pytest.raises(UserError, match="can no longer change"):
        desk.add_batch(leg_line.id, "1", "10")                            # a shipped note is closed
    assert balance(customer("P1C002").id) == D("3868.54")
    trip = Trip.get()
    trip.depart()
    assert Trip.get().state == "on_road" and Trip.get().departed_at is not None
    with as_user("sales", p1):
        receipt.confirm_receipt(note.id, "店长", {})
    assert Trip.get().state == "delivered"
    (today,) = board(p1, order.delivery_date)
    assert (today["planned"], today["shipped"], today["notes"], today["signed"]) == (
        D("145.000"), net + D("20.4"), 1, 1)


def _shipped_note(p1, code="P1C002", qty="10", gross="125.000"):
    order = approved_order(p1, code, [line("P002", qty)])
    with as_user("scheduler", p1):
        (note,) = planning.assign(p1, planning.create_trip(p1, order.delivery_date, vehicle(p1, f"V{order.id}").id),
                                  [(OrderLine.get(OrderLine.order == order.id).id, qty)])
    with as_user("shipper", p1):
        desk.add_batch(_line_of(note).id, qty, gross)
        shipping.ship(note.id)
    return note


def test_receipt_within_tolerance_is_normal_loss_and_beyond_is_flagged(ctx, demo):
    p1 = demo["P1"]
    fine, short = _shipped_note(p1), _shipped_note(p1)     # hind legs tolerate 0.5 % loss: 0.625 kg of 125
    with as_user("sales", p1):
        receipt.confirm_receipt(fine.id, "店长", {_line_of(fine).id: ("10", "124.400", "")})
        with pytest.raises(UserError, match="more than shipped"):
            receipt.confirm_receipt(short.id, "店长", {_line_of(short).id: ("10", "125.001", "")})
        receipt.confirm_receipt(short.id, "店长", {_line_of(short).id: ("10", "123.000", "two legs bruised")})
    good, bad = _line_of(fine), _line_of(short)
    assert (good.loss_weight, good.loss_status) == (D("0.600"), "normal")
    assert (bad.loss_weight, bad.loss_status, bad.quality_remarks) == (D("2.000"), "flagged", "two legs bruised")
    assert DeliveryNote.get_by_id(short.id).loss_flagged and not DeliveryNote.get_by_id(fine.id).loss_flagged
    manager = User.get(User.login == "manager")
    assert Notification.select().where(Notification.user == manager.id).count() == 1
    # the plant bills what was shipped: no adjustment
    assert AccountEntry.select().where(AccountEntry.kind == "adjustment").count() == 0
    # reported on the day the goods arrived (the plant's date), not on the planned delivery day
    arrived = DeliveryNote.get_by_id(short.id).received_on
    assert arrived == plant_today(p1) != short.day and loss(p1, short.day, short.day, "product") == []
    by_product = loss(p1, arrived, arrived, "product")
    assert by_product[0]["loss"] == D("2.600") and by_product[0]["flagged"] == 1 and by_product[0]["notes"] == 2
    assert by_product[0]["rate"] == D("1.04")                   # 2.6 of 250 kg
    assert {r["key"] for r in loss(p1, arrived, arrived, "vehicle")} == {f"V{Order.select().first().id}",
                                                                             f"V{Order.select().order_by(Order.id.desc()).first().id}"}
    assert on_time(p1, short.day, short.day) == {"received": 2, "late": 0, "rate": D("100.0")}   # early


def test_billing_the_received_weight_credits_the_loss(ctx, demo):
    p1 = demo["P1"]
    DispatchSettings.create(plant=p1, bill_received=True)
    note = _shipped_note(p1)                                     # 125.000 kg × 26.80 = 3350.00
    with as_user("sales", p1):
        receipt.confirm_receipt(note.id, "店长", {_line_of(note).id: ("10", "124.000", "")})
    adjustment = AccountEntry.get(AccountEntry.kind == "adjustment")
    assert adjustment.amount == D("-26.80") and balance(customer("P1C002").id) == D("3323.20")


def test_self_pickup_is_received_at_the_gate(ctx, demo):
    p1 = demo["P1"]
    order = approved_order(p1, "P1C004", [line("P005", 3)], self_pickup=True)
    with as_user("scheduler", p1):
        with pytest.raises(UserError, match="Choose at least one"):
            planning.assign(p1, None, [])
        (note,) = planning.assign(p1, None, [(OrderLine.get(OrderLine.order == order.id).id, "3")])
    assert (note.kind, note.trip_id) == ("pickup", None)
    with as_user("shipper", p1):
        desk.add_batch(_line_of(note).id, "3", "30.2")
        shipping.ship(note.id)
    note = DeliveryNote.get_by_id(note.id)
    assert note.state == "received" and note.received_at is not None and _line_of(note).received_weight == D("30.200")
    assert _entries(note)[0].amount == D("630.00") and Order.get_by_id(order.id).state == "completed"


def test_planning_refuses_bad_lines_and_overloads(ctx, demo):
    p1 = demo["P1"]
    with as_user("sales", p1):
        from addons.sales_order.orders import create_order
        draft = create_order(customer("P1C002"), days_ahead(5), [line("P005", 1)])
    big = approved_order(p1, "P1C003", [line("P001", 50)])                  # 50 carcasses × 90 kg = 4,500 kg
    small_truck = vehicle(p1, "沪A·SMALL", "4000")
    with as_user("scheduler", p1):
        trip = planning.create_trip(p1, big.delivery_date, small_truck.id)
        with pytest.raises(UserError, match="not approved"):
            planning.assign(p1, trip, [(OrderLine.get(OrderLine.order == draft.id).id, "1")])
        with pytest.raises(UserError, match="whole"):
            planning.assign(p1, trip, [(OrderLine.get(OrderLine.order == big.id).id, "1.5")])
        with pytest.raises(OverloadWarning, match="over its 4,000 kg"):
            planning.assign(p1, trip, [(OrderLine.get(OrderLine.order == big.id).id, "50")])
        with pytest.raises(OverloadWarning):                    # the scheduler may not allow it himself
            planning.assign(p1, trip, [(OrderLine.get(OrderLine.order == big.id).id, "50")], allow_overload=True)
    assert DeliveryNote.select().count() == 0 and DeliveryLine.select().count() == 0
    with as_user("manager", p1):
        (note,) = planning.assign(p1, trip, [(OrderLine.get(OrderLine.order == big.id).id, "50")],
                                  allow_overload=True)
    assert note.trip_id == trip.id


def test_another_plants_order_line_cannot_be_planned(ctx, demo):
    p1, p2 = demo["P1"], demo["P2"]
    from core.plants import enable
    enable(ctx.extensions["erp"].registry, p2, "dispatch")
    north = approved_order(p2, "P2C002", [line("P005", 1, plant="P2")])
    with as_user("scheduler", p1):
        trip = planning.create_trip(p1, north.delivery_date, vehicle(p1).id)
        with pytest.raises(UserError, match="not of this plant"):
            planning.assign(p1, trip, [(OrderLine.get(OrderLine.order == north.id).id, "1")])


def test_shipping_over_the_order_needs_a_manager(ctx, demo):
    p1 = demo["P1"]
    order = approved_order(p1, "P1C002", [line("P002", 100)])              # tolerance 2 %: up to 102
    with as_user("scheduler", p1):
        (note,) = planning.assign(p1, planning.create_trip(p1, order.delivery_date, vehicle(p1, "V", "0").id),
                                  [(OrderLine.get(OrderLine.order == order.id).id, "100")])
    with as_user("shipper", p1):
        desk.add_batch(_line_of(note).id, "100", "1250")
        desk.add_batch(_line_of(note).id, "2", "25")
        with pytest.raises(UserError, match="a manager must allow it"):
            desk.add_batch(_line_of(note).id, "1", "12.5")
        with pytest.raises(UserError, match="a manager must allow it"):
            desk.add_batch(_line_of(note).id, "1", "12.5", override=True)
        with pytest.raises(UserError, match="not less than the gross"):
            desk.add_batch(_line_of(note).id, "1", "1", tare=D("1"))
    with as_user("manager", p1):
        desk.add_batch(_line_of(note).id, "1", "12.5", override=True)
    assert _line_of(note).shipped_quantity == D("103")


def test_goods_coming_back_are_weighed_in_on_an_inbound_note(ctx, demo):
    from tests.sales_helpers import product
    p1 = demo["P1"]
    with as_user("shipper", p1):
        note = inbound.create_inbound(customer("P1C002"), days_ahead(0), [(product("P002"), D("2"), D("25"), D("26.8"))],
                                      source="RT-1")
        with pytest.raises(UserError, match="weighed in"):
            inbound.receive_inbound(note.id)
        desk.add_batch(_line_of(note).id, "2", "24.6")
        with pytest.raises(UserError, match="expects"):
            desk.add_batch(_line_of(note).id, "1", "12")
        inbound.receive_inbound(note.id)
    note = DeliveryNote.get_by_id(note.id)
    assert (note.kind, note.state, _line_of(note).received_weight) == ("inbound", "received", D("24.600"))
    assert AccountEntry.select().count() == 0        # the returns addon credits the customer, not dispatch


def test_a_batch_outside_the_products_weight_per_piece_needs_a_manager(ctx, demo):
    from addons.master_data.models.product import Product
    from core.models import AuditLog
    from tests.sales_helpers import product
    p1 = demo["P1"]
    Product.update(min_piece_kg=D("10"), max_piece_kg=D("15")).where(Product.id == product("P002").id).execute()
    order = approved_order(p1, "P1C002", [line("P002", "10")])
    with as_user("scheduler", p1):
        (note,) = planning.assign(p1, planning.create_trip(p1, order.delivery_date, vehicle(p1).id),
                                  [(OrderLine.get(OrderLine.order == order.id).id, "10")])
    with as_user("shipper", p1):
        desk.add_batch(_line_of(note).id, "2", "25.000")                  # 12.5 kg a piece: fine
        with pytest.raises(UserError, match="outside 10–15 kg"):
            desk.add_batch(_line_of(note).id, "2", "50.000")              # 25 kg a piece: a wrong count?
        with pytest.raises(UserError, match="outside"):
            desk.add_batch(_line_of(note).id, "2", "50.000", override=True)   # a shipper cannot allow it
    with as_user("manager", p1):
        desk.add_batch(_line_of(note).id, "1", "15.500", override=True)  # the manager looked: a big one
    assert _line_of(note).shipped_quantity == D("3")
    assert AuditLog.select().where(AuditLog.action == "piece_weight").count() == 1


def test_a_short_shipment_returns_its_remainder_to_planning_or_is_closed_short(ctx, demo, browser):
    from addons.sales_order.models.order import Order
    from core.errors import PermissionDenied
    from core.workflow import available
    p1 = demo["P1"]
    order = approved_order(p1, "P1C002", [line("P005", "10")])              # 10 boxes of trotters
    order_line = OrderLine.get(OrderLine.order == order.id)
    with as_user("scheduler", p1):
        trip = planning.create_trip(p1, order.delivery_date, vehicle(p1).id)
        (note,) = planning.assign(p1, trip, [(order_line.id, "10")])
        assert planning.waiting_lines(p1, order.delivery_date) == []       # all of it planned
    with as_user("shipper", p1):
        desk.add_batch(_line_of(note).id, "6", "60.000")                    # only six boxes were there
        shipping.ship(note.id)
    order = Order.get_by_id(order.id)
    assert order.state == "approved"                                        # still open
    with as_user("scheduler", p1):
        (waiting,) = planning.waiting_lines(p1, order.delivery_date)
    assert waiting.line.id == order_line.id and waiting.left == D("4")
    manager = browser("manager")
    page = manager.get(f"/sales/orders/{order.id}").get_data(as_text=True)
    assert 'data-field="open">4<' in page and 'value="close_short"' in page and 'value="complete"' not in page
    # the account and the order show one exposure: the balance plus the four boxes not yet shipped
    credit = exposure(customer_of(order))
    assert credit.committed == D("840.00") and credit.balance == D("1260.00")
    account = manager.get(f"/ledger/customers/{order.customer_id}").get_data(as_text=True)
    for html in (page, account):
        assert 'data-field="exposure">¥2,100.00<' in html
    # a salesperson cannot close it short; a manager can, with a reason
    with as_user("sales", p1), pytest.raises(PermissionDenied):
        order.close_short(comment="customer does not want the rest")
    with as_user("manager", p1):
        assert {s.name for s in available(order)} >= {"close_short"} and "complete" not in {
            s.name for s in available(order)}
        with pytest.raises(UserError, match="reason"):
            order.close_short(comment=" ")
        order.close_short(comment="no more trotters this week")
    assert Order.get_by_id(order.id).state == "completed" and exposure(customer_of(order)).committed == D("0.00")
    with as_user("scheduler", p1):
        assert planning.waiting_lines(p1, order.delivery_date) == []


def customer_of(order):
    from addons.master_data.models.customer import Customer
    return Customer.get_by_id(order.customer_id)
