"""Buying live hogs and goods: a contract approved, a weighbridge receipt into a lot with its cost, payables
paid in part, a purchase return, ageing, and every move costed; exact to the fen on both databases."""
import datetime
from decimal import Decimal as D

import pytest

from addons.purchase import payables
from addons.purchase.ageing import ageing
from addons.purchase.contracts import ask_payment
from addons.purchase.models.payable import PayableEntry
from addons.purchase.receiving import LineInput, Ticket, save_receipt
from addons.purchase.returning import ReturnInput, save_return
from addons.stock import moves
from addons.stock.models.cost import StockCost
from addons.stock.models.move import StockMove
from core.errors import PermissionDenied, UserError
from addons.purchase.tests.helpers import DAY, hog_contract
from tests.sales_helpers import as_user, product



def test_a_live_hog_contract_received_at_the_weighbridge_into_a_costed_lot(stage):
    plant, hog = stage["plant"], stage["hog"]
    contract = hog_contract(stage)
    assert contract.amount == D("124800.00")
    with as_user("buyer", plant):
        receipt = save_receipt(plant, stage["farm"].id, stage["stores"]["CS"].id, DAY, contract_id=contract.id,
                               ticket=Ticket(hog.id, heads="40", gross_kg="5230.5", tare_kg="1210", deduct_kg="20.5",
                                             price_per_kg="15.60", deduct_amount="150"),
                               quarantine_cert="3200120001", lot_number="LH-1102", vehicle="苏J·12345")
        assert receipt.net_kg == D("4000.000") and receipt.amount == D("62250.00")      # 4,000 × 15.60 − 150
        receipt.receive()
    receipt = type(receipt).get_by_id(receipt.id)
    lot = receipt.lot
    assert (lot.number, lot.heads, lot.origin, lot.quarantine_cert) == ("LH-1102", 40, "东台养殖场 Dongtai farm",
                                                                        "3200120001")
    move = StockMove.get((StockMove.lot == lot.id) & (StockMove.kind == "receipt"))
    assert (move.quantity, move.weight, move.cost) == (D("40"), D("4000.000"), D("62250.00"))
    assert contract.lines.get().received == D("4000.000")
    entry = PayableEntry.get(PayableEntry.source_id == receipt.id)
    assert (entry.amount, entry.due_date) == (D("62250.00"), DAY + datetime.timedelta(days=7))


def test_every_move_out_is_costed_at_the_moving_average(stage):
    plant = stage["plant"]
    cs = stage["stores"]["CS"]
    pork = product("P002")                          # hind legs, priced per kg
    with as_user("buyer", plant):
        first = save_receipt(plant, stage["farm"].id, cs.id, DAY, lines=[LineInput(pork.id, "10", "100", "20")])
        first.receive()
        second = save_receipt(plant, stage["farm"].id, cs.id, DAY, lines=[LineInput(pork.id, "10", "200", "23")])
        second.receive()
    assert StockCost.get(StockCost.product == pork.id).value == D("6600.00")        # 2,000 + 4,600 for 300 kg
    with as_user("manager", plant):
        sold = moves.post(plant.id, "sale", [moves.Item(cs.id, pork.id, first.lot_id, D("-3"), D("-30"))])
        rest = moves.post(plant.id, "sale", [moves.Item(cs.id, pork.id, second.lot_id, D("-17"), D("-270"))])
    assert sold[0].cost == D("-660.00")                      # 30 kg at 22.00 a kg
    assert rest[0].cost == D("-5940.00")                     # the last goods take what is left of the value
    assert StockCost.get(StockCost.product == pork.id).value == D("0.00")


def test_payables_paid_in_part_a_return_and_ageing(stage):
    plant, farm = stage["plant"], stage["farm"]
    cs = stage["stores"]["CS"]
    pork = product("P002")
    with as_user("buyer", plant):
        old = save_receipt(plant, farm.id, cs.id, DAY - datetime.timedelta(days=60),
                           lines=[LineInput(pork.id, "10", "100", "20")])
        old.receive()
        new = save_receipt(plant, farm.id, cs.id, DAY, lines=[LineInput(pork.id, "10", "150", "24")])
        new.receive()
        payment = ask_payment(plant, farm.id, "1500", DAY)
        payment.submit()
        with pytest.raises(PermissionDenied):
            payment.pay()                                   # finance pays, not the buyer
    with as_user("finance", plant):
        payment.pay()
    assert payables.balance(farm) == D("2000.00") + D("3600.00") - D("1500.00")
    with as_user("buyer", plant):
        line = new.lines.get()
        back = save_return(plant, new.id, DAY, [ReturnInput(line.id, "2", "30")], reason="温度超标 too warm")
        assert back.amount == D("720.00")                       # 30 of 150 kg of 3,600.00
        back.send_back()
        with pytest.raises(UserError):
            save_return(plant, new.id, DAY, [ReturnInput(line.id, "9", "121")])   # more than is left
    assert payables.balance(farm) == D("3380.00")
    out = StockMove.get(StockMove.kind == "return_out")
    assert (out.quantity, out.weight, out.cost, out.lot_id) == (D("-2"), D("-30.000"), D("-720.00"), new.lot_id)
    rows = {r.supplier.code: r for r in ageing(plant.id, DAY)}
    row = rows["S001"]
    # the old debt (due 7 days after DAY − 60) was paid first: 500.00 of it is 53 days late
    assert row.buckets == [D("0"), D("500.00"), D("0"), D("0")] and row.not_due == D("2880.00")
    entries = list(PayableEntry.select().where(PayableEntry.supplier == farm.id))
    assert sum(e.amount for e in entries) == sum(e.open_amount for e in entries) == row.total == D("3380.00")


def test_a_slaughter_lots_hog_cost_is_spread_over_its_products_by_value_ratio(stage):
    from addons.purchase.models.cost_ratio import CostRatio
    from addons.stock.models.level import StockLevel
    plant, hog = stage["plant"], stage["hog"]
    cs = stage["stores"]["CS"]
    with as_user("buyer", plant):
        receipt = save_receipt(plant, stage["farm"].id, cs.id, DAY, lot_number="LH-1102",
                               ticket=Ticket(hog.id, heads="40", gross_kg="5210", tare_kg="1210",
                                             price_per_kg="15.60", deduct_amount="150"))
        receipt.receive()
    lot = type(receipt).get_by_id(receipt.id).lot
    CostRatio.create(plant=plant, product=product("P003").id, ratio=D("1.5"))       # belly is worth more a kg
    CostRatio.create(plant=plant, product=product("P005").id, ratio=D("0.5"))
    with as_user("manager", plant):
        made = moves.post(plant.id, "production", [
            moves.Item(cs.id, product("P001").id, lot.id, D("20"), D("1800")),     # carcass, ratio 1: 1,800
            moves.Item(cs.id, product("P003").id, lot.id, D("50"), D("1000")),     # belly 1,000 × 1.5 = 1,500
            moves.Item(cs.id, product("P005").id, lot.id, D("30"), D("300"))],     # trotters 300 × 0.5 = 150
            reference="SL-1102", day=DAY)
    # 62,250.00 over 3,450 weighted kg
    assert [m.cost for m in made] == [D("32478.26"), D("27065.22"), D("2706.52")]
    assert sum(m.cost for m in made) == D("62250.00")
    used = StockMove.get(StockMove.kind == "slaughter")
    assert (used.quantity, used.weight, used.cost) == (D("-40"), D("-4000.000"), D("-62250.00"))
    assert not StockLevel.select().where((StockLevel.lot == lot.id) & (StockLevel.product == hog.id)
                                         & (StockLevel.weight != 0)).exists()
    assert StockCost.get(StockCost.product == hog.id).value == D("0.00")
