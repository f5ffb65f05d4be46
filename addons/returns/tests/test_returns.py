"""Returns: weighed back lighter than claimed, an exchange on one document, a refund without return,
a rejected return; the ledger after each scenario equals the hand computation to the fen."""
from decimal import Decimal as D

import pytest

from addons.dispatch import desk, inbound, planning, receipt, shipping
from addons.dispatch.models.line import DeliveryLine
from addons.dispatch.models.note import DeliveryNote
from addons.ledger.ageing import balance
from addons.ledger.receipts import record_receipt
from addons.returns.analysis import returns_by
from addons.returns.models.reason import ReturnReason
from addons.returns.models.return_order import ReturnOrder
from addons.returns.returns import ReturnInput, save_return
from addons.sales_order.models.line import OrderLine
from addons.sales_order.models.order import Order
from core.errors import PermissionDenied, UserError, WorkflowError
from core.models import Notification, User
from tests.dispatch_helpers import approved_order, as_user, line, vehicle
from tests.sales_helpers import customer, days_ahead, product


def _shipped_and_signed(p1, code, lines, weights):
    order = approved_order(p1, code, lines)
    with as_user("scheduler", p1):
        (note,) = planning.assign(p1, planning.create_trip(p1, order.delivery_date, vehicle(p1, f"V{order.id}").id),
                                  [(ol.id, ol.quantity) for ol in OrderLine.select().where(OrderLine.order == order.id)])
    with as_user("shipper", p1):
        for dl, kg in zip(DeliveryLine.select().where(DeliveryLine.note == note.id).order_by(DeliveryLine.seq), weights):
            desk.add_batch(dl.id, dl.quantity, kg)
        shipping.ship(note.id)
    with as_user("sales", p1):
        receipt.confirm_receipt(note.id, "店长", {})
    return order, DeliveryNote.get_by_id(note.id)


def _weigh_back(p1, ret, weights):
    ret = ReturnOrder.get_by_id(ret.id)
    with as_user("shipper", p1):
        for dl, (qty, kg) in zip(DeliveryLine.select().where(DeliveryLine.note == ret.inbound_note_id)
                                 .order_by(DeliveryLine.seq), weights):
            desk.add_batch(dl.id, qty, kg)
        inbound.receive_inbound(ret.inbound_note_id)
    return ReturnOrder.get_by_id(ret.id)


@pytest.fixture
def reason(ctx, demo):
    return ReturnReason.create(plant=demo["P1"], code="quality", name="Quality")


def test_a_linked_return_weighed_back_lighter_is_credited_on_the_weight_received(ctx, demo, reason):
    p1 = demo["P1"]
    zhou = customer("P1C001")
    order, note = _shipped_and_signed(p1, "P1C001", [line("P002", 10)], ["125.000"])     # 125 kg × 26.80
    record_receipt(zhou, "3350.00", plant=p1)
    assert balance(zhou.id) == D("0.00")
    with as_user("sales", p1):
        with pytest.raises(UserError, match="only 10 were shipped"):
            save_return(zhou, [ReturnInput(product("P002").id, "-11")], note_id=note.id)
        ret = save_return(zhou, [ReturnInput(product("P002").id, "-2", "25")], note_id=note.id, reason_id=reason.id,
                          tracking="沪A·12345")
        assert ret.claimed == D("670.00") and ret.order_id is None
        ret.submit()
        with pytest.raises(PermissionDenied):
            ret.approve()
    with as_user("manager", p1):
        ret.approve()
    assert ret.state == "approved" and DeliveryNote.get_by_id(ret.inbound_note_id).kind == "inbound"
    ret = _weigh_back(p1, ret, [("2", "24.4")])
    assert ret.state == "received" and ret.credit == D("653.92")                      # 24.4 kg × 26.80
    assert balance(zhou.id) == D("-653.92")
    with as_user("finance", p1):
        with pytest.raises(UserError, match="more than the credit"):
            ret.refund(D("700"), "cash")
        ret.refund(D("653.92"), "cash")
    assert ret.state == "refunded" and balance(zhou.id) == D("0.00")
    portal = User.get(User.login == "customer")
    assert Notification.select().where(Notification.user == portal.id).count() == 5   # shipped, submitted, approved, back, refunded
    rows = returns_by(p1, note.day, note.day, "customer")
    assert rows == []                                 # the return was entered today, the delivery days ahead
    rows = returns_by(p1, ret.created_at.date(), note.day, "customer")
    assert rows[0]["returned"] == D("653.92") and rows[0]["shipped"] == D("3350.00") and rows[0]["rate"] == D("19.52")


def _exchange_one_leg(p1, buyer, note, reason):
    """One leg back and one out on the same return, submitted and approved: (return, replacement order)."""
    with as_user("sales", p1):
        ret = save_return(buyer, [ReturnInput(product("P002").id, "-1", "12.5"), ReturnInput(product("P002").id, "1")],
                          note_id=note.id, reason_id=reason.id)
        ret.submit()
    with as_user("manager", p1):
        ret.approve()
    return ret, Order.get_by_id(ReturnOrder.get_by_id(ret.id).exchange_order_id)


def test_an_exchange_on_one_document(ctx, demo, reason):
    p1 = demo["P1"]
    buyer = customer("P1C002")
    order, note = _shipped_and_signed(p1, "P1C002", [line("P002", 4)], ["50.000"])       # 1,340.00
    ret, replacement = _exchange_one_leg(p1, buyer, note, reason)
    assert replacement.channel == "exchange" and replacement.state == "approved"
    assert OrderLine.get(OrderLine.order == replacement.id).unit_price == D("26.8000")
    ret = _weigh_back(p1, ret, [("1", "12.1")])                                          # 12.1 × 26.80 = 324.28
    with as_user("scheduler", p1):
        (out,) = planning.assign(p1, None if replacement.self_pickup else planning.create_trip(
            p1, replacement.delivery_date, vehicle(p1, "EX").id), [(OrderLine.get(OrderLine.order == replacement.id).id, "1")])
    with as_user("shipper", p1):
        desk.add_batch(DeliveryLine.get(DeliveryLine.note == out.id).id, "1", "12.6")     # 12.6 × 26.80 = 337.68
        shipping.ship(out.id)
    assert ret.credit == D("324.28")
    assert balance(buyer.id) == D("1340.00") - D("324.28") + D("337.68") == D("1353.40")


def test_a_refund_without_return(ctx, demo):
    p1 = demo["P1"]
    buyer = customer("P1C002")
    with as_user("sales", p1), pytest.raises(PermissionDenied):
        save_return(buyer, [], kind="claim", claimed="200")
    with as_user("manager", p1):
        claim = save_return(buyer, [], kind="claim", claimed="200.00")
        claim.submit()
        claim.approve()
    assert claim.state == "received" and claim.credit == D("200.00") and balance(buyer.id) == D("-200.00")
    with as_user("finance", p1):
        with pytest.raises(UserError, match="more than the credit"):
            claim.refund(D("250"), "transfer")
        with pytest.raises(UserError, match="paid out"):
            claim.refund(D("200"), "gold")
        claim.refund(D("200"), "transfer")
        claim.close()
    assert claim.state == "closed" and balance(buyer.id) == D("0.00")


def test_a_rejected_return_posts_nothing_and_cannot_receive_goods(ctx, demo, reason):
    p1 = demo["P1"]
    buyer = customer("P1C002")
    with as_user("sales", p1):
        ret = save_return(buyer, [ReturnInput(product("P005").id, "-1")], reason_id=reason.id)   # unlinked
        ret.submit()
    with as_user("shipper", p1), pytest.raises((WorkflowError, PermissionDenied, UserError)):
        ret.receive(DeliveryNote(id=0))
    with as_user("manager", p1):
        with pytest.raises(UserError, match="reason"):
            ret.reject()
        ret.reject(comment="not our goods")
    assert ret.state == "rejected" and ret.inbound_note_id is None and balance(buyer.id) == D("0.00")


def test_approval_limit_by_role(ctx, demo, reason):
    p1 = demo["P1"]
    buyer = customer("P1C002")
    with as_user("sales", p1):
        big = save_return(buyer, [ReturnInput(product("P005").id, "-30")], reason_id=reason.id)   # 6,300.00
        big.submit()
    with as_user("manager", p1), pytest.raises(PermissionDenied, match="approval limit"):
        big.approve()
    from core.models import UserPlant
    leader = User.get(User.login == "leader")
    UserPlant.get_or_create(user=leader, plant=p1)
    with as_user("leader", p1):
        big.approve()
    assert big.state == "approved"


def test_a_refund_settles_the_credit_it_pays_out_and_the_rest_pays_debts(ctx, demo, reason):
    from addons.ledger.models.entry import AccountEntry
    p1 = demo["P1"]
    zhou = customer("P1C001")
    order, note = _shipped_and_signed(p1, "P1C001", [line("P002", 10)], ["125.000"])     # 3,350.00 owed, unpaid
    with as_user("sales", p1):
        ret = save_return(zhou, [ReturnInput(product("P002").id, "-2", "25")], note_id=note.id, reason_id=reason.id)
        ret.submit()
    with as_user("manager", p1):
        ret.approve()
    ret = _weigh_back(p1, ret, [("2", "25.0")])                                          # 670.00 credit
    credit = AccountEntry.get(AccountEntry.kind == "return_credit")
    shipment = AccountEntry.get(AccountEntry.kind == "shipment")
    assert credit.open_amount == D("-670.00") and shipment.open_amount == D("3350.00")    # waiting for finance
    with as_user("finance", p1):
        ret.refund(D("300.00"), "transfer")
    refund = AccountEntry.get(AccountEntry.kind == "refund")
    assert (refund.open_amount, refund.due_date) == (D("0.00"), None)                   # no new debt falling due
    credit, shipment = AccountEntry.get_by_id(credit.id), AccountEntry.get_by_id(shipment.id)
    assert credit.open_amount == D("0.00") and shipment.open_amount == D("2980.00")      # 370.00 of it paid a debt
    assert balance(zhou.id) == D("2980.00")


def test_a_replacement_goes_where_the_goods_went(ctx, demo, reason):
    from addons.sales_order.orders import create_order
    p1 = demo["P1"]
    buyer = customer("P1C002")
    with as_user("manager", p1):
        order = create_order(buyer, days_ahead(2), [line("P002", 4)], delivery_address="二号仓库 Warehouse 2, 东门")
        order.submit()
        order.approve()
    with as_user("scheduler", p1):
        (note,) = planning.assign(p1, planning.create_trip(p1, order.delivery_date, vehicle(p1).id),
                                  [(OrderLine.get(OrderLine.order == order.id).id, "4")])
    with as_user("shipper", p1):
        desk.add_batch(DeliveryLine.get(DeliveryLine.note == note.id).id, "4", "50.000")
        shipping.ship(note.id)
    ret, replacement = _exchange_one_leg(p1, buyer, note, reason)
    assert replacement.delivery_address == "二号仓库 Warehouse 2, 东门" != buyer.address
