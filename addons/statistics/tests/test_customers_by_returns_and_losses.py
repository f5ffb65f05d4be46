"""Customer analysis: the customers ranked by what they sent back and by what was lost on the way to them,
from real deliveries, receipts and returns."""
from decimal import Decimal as D

from addons.dispatch import desk, inbound, planning, receipt, shipping
from addons.dispatch.models.line import DeliveryLine
from addons.returns.models.return_order import ReturnOrder
from addons.returns.returns import ReturnInput, save_return
from addons.sales_order.models.line import OrderLine
from addons.statistics.customers import by_returns_and_losses
from core.clock import plant_today
from tests.dispatch_helpers import approved_order, as_user, line, vehicle
from tests.sales_helpers import customer, product


def _delivered(p1, code, kg_received):
    """Ten hind legs (125 kg) shipped to `code` and signed for as `kg_received`: the note."""
    order = approved_order(p1, code, [line("P002", 10)])
    with as_user("scheduler", p1):
        (note,) = planning.assign(p1, planning.create_trip(p1, order.delivery_date, vehicle(p1, f"V{order.id}").id),
                                  [(OrderLine.get(OrderLine.order == order.id).id, "10")])
    (dl,) = DeliveryLine.select().where(DeliveryLine.note == note.id)
    with as_user("shipper", p1):
        desk.add_batch(dl.id, "10", "125.000")
        shipping.ship(note.id)
    with as_user("sales", p1):
        receipt.confirm_receipt(note.id, "店长", {dl.id: ("10", kg_received, "")})
    return note


def _returned(p1, code, note, legs, kg):
    """`legs` of the note sent back by `code`, approved and weighed in as `kg`."""
    with as_user("sales", p1):
        ret = save_return(customer(code), [ReturnInput(product("P002").id, f"-{legs}", kg)], note_id=note.id)
        ret.submit()
    with as_user("manager", p1):
        ret.approve()
    ret = ReturnOrder.get_by_id(ret.id)
    (dl,) = DeliveryLine.select().where(DeliveryLine.note == ret.inbound_note_id)
    with as_user("shipper", p1):
        desk.add_batch(dl.id, str(legs), kg)
        inbound.receive_inbound(ret.inbound_note_id)
    return ReturnOrder.get_by_id(ret.id)


def test_customers_ranked_by_returns_and_by_transit_loss(ctx, demo):
    p1 = demo["P1"]
    zhou, wu, zheng = customer("P1C001"), customer("P1C002"), customer("P1C003")
    _delivered(p1, "P1C001", "123.000")              # 2 kg lost on the way
    little = _delivered(p1, "P1C002", "124.500")     # half a kilo
    whole = _delivered(p1, "P1C003", "125.000")      # nothing
    one, three = _returned(p1, "P1C002", little, 1, "12.5"), _returned(p1, "P1C003", whole, 3, "37.5")
    today = plant_today(p1)
    by_returns, by_losses = by_returns_and_losses(p1.id, today, today)
    # the most sent back first, as the value of what came back (returned lines have negative quantities)
    assert by_returns == [{"customer": f"{zheng.code} {zheng.name}", "amount": three.lines[0].amount},
                          {"customer": f"{wu.code} {wu.name}", "amount": one.lines[0].amount}]
    assert by_losses == [{"customer": f"{zhou.code} {zhou.name}", "kg": D("2.000")},
                         {"customer": f"{wu.code} {wu.name}", "kg": D("0.500")}]
    assert by_returns_and_losses(p1.id, today.replace(year=today.year - 1), today.replace(year=today.year - 1)) == (
        [], [])
