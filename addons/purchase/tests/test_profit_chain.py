"""The acceptance chain of purchasing and cost: a live-hog contract, a weighbridge receipt, the lot's cost
spread over its products, shipments costed from that lot, and profit per product and customer, exact to the
fen on SQLite and PostgreSQL alike."""
from decimal import Decimal as D

from addons.dispatch import desk, shipping
from addons.dispatch.models.line import DeliveryLine
from addons.purchase.models.cost_ratio import CostRatio
from addons.purchase.receiving import Ticket, save_receipt
from addons.stock import moves
from addons.stock.models.move import StockMove
from addons.stock_dispatch.profit import report
from core.clock import plant_today
from addons.purchase.tests.helpers import hog_contract
from tests.dispatch_helpers import planned_note
from tests.sales_helpers import as_user, product


def _ship(plant, customer, code, quantity, kg, lot):
    note = planned_note(plant, customer, code, quantity)
    (line,) = DeliveryLine.select().where(DeliveryLine.note == note.id)
    with as_user("shipper", plant):
        desk.add_batch(line.id, str(quantity), kg, lot_code=lot)
        shipping.ship(note.id)
    return note


def test_hogs_bought_slaughtered_shipped_and_the_profit_exact(stage):
    plant, hog, cs = stage["plant"], stage["hog"], stage["stores"]["CS"]
    today = plant_today(plant)
    contract = hog_contract(stage, today)
    with as_user("buyer", plant):
        receipt = save_receipt(plant, stage["farm"].id, cs.id, today, contract_id=contract.id, lot_number="LH-1102",
                               ticket=Ticket(hog.id, heads="40", gross_kg="5230.5", tare_kg="1210", deduct_kg="20.5",
                                             price_per_kg="15.60", deduct_amount="150"), quarantine_cert="3200120001")
        receipt.receive()
    lot = type(receipt).get_by_id(receipt.id).lot
    CostRatio.create(plant=plant, product=product("P003").id, ratio=D("1.5"))
    with as_user("manager", plant):
        made = moves.post(plant.id, "production", [moves.Item(cs.id, product("P002").id, lot.id, D("160"), D("2000")),
                                                   moves.Item(cs.id, product("P003").id, lot.id, D("50"), D("1000"))],
                          reference="SL-1102")
    assert [m.cost for m in made] == [D("35571.43"), D("26678.57")]         # 62,250.00 by 2,000 : 1,500

    first = _ship(plant, "P1C002", "P002", 10, "125", "LH-1102")       # 125 kg × 26.80 billed
    second = _ship(plant, "P1C001", "P003", 5, "100.5", "LH-1102")     # 100.5 kg × 32.00 billed
    sold = {m.reference: m.cost for m in StockMove.select().where(StockMove.kind == "sale")}
    # 125 kg at 35,571.43 / 2,000 kg; 100.5 kg at 26,678.57 / 1,000 kg
    assert sold == {first.number: D("-2223.21"), second.number: D("-2681.20")}

    rows, total = report(plant.id, "product", today, today)
    by_product = {r.label.split()[0]: (r.sales, r.cost, r.profit, r.margin) for r in rows}
    assert by_product == {"P002": (D("3350.00"), D("2223.21"), D("1126.79"), D("33.6")),
                          "P003": (D("3216.00"), D("2681.20"), D("534.80"), D("16.6"))}
    assert (total.sales, total.cost, total.profit) == (D("6566.00"), D("4904.41"), D("1661.59"))
    rows, _total = report(plant.id, "customer", today, today)
    assert {r.label.split()[0]: r.profit for r in rows} == {"P1C002": D("1126.79"), "P1C001": D("534.80")}
    pairs, _total = report(plant.id, "product_month", today, today)
    assert [(r.label.split()[0], r.key[1], r.profit) for r in pairs] == [
        ("P002", today.year * 100 + today.month, D("1126.79")), ("P003", today.year * 100 + today.month, D("534.80"))]
    month, = report(plant.id, "month", today, today)[0]
    assert month.label == f"{today.year}-{today.month:02d}" and month.profit == D("1661.59")


def test_purchase_statistics_and_the_in_and_out_summary(stage, browser):
    from addons.purchase.returning import ReturnInput, save_return
    from addons.purchase.statistics import purchases
    from addons.stock.summary import summary
    plant, hog, cs = stage["plant"], stage["hog"], stage["stores"]["CS"]
    today = plant_today(plant)
    with as_user("buyer", plant):
        receipt = save_receipt(plant, stage["farm"].id, cs.id, today, lot_number="LH-9",
                               ticket=Ticket(hog.id, "40", "5210", "1210", "15.60"))
        receipt.receive()
        back = save_return(plant, receipt.id, today, [ReturnInput(receipt.lines.get().id, "1", "100")])
        back.send_back()
    (row,) = purchases(plant.id, today.replace(day=1), today, "month", "supplier")
    assert (row["label"], row["weight"], row["amount"], row["returned"], row["net"]) == (
        "S001 东台养殖场 Dongtai farm", D("4000.000"), D("62400.00"), D("1560.00"), D("60840.00"))
    with as_user("manager", plant):
        moves.post(plant.id, "production", [moves.Item(cs.id, product("P002").id, receipt.lot_id, D("150"), D("1900"))])
    by_code = {p.code: r for p, r in summary(plant.id, today.replace(day=1), today)}
    hogs = by_code["LH"]
    assert hogs["bought"] == [D("40"), D("4000.000"), D("62400.00")]
    assert hogs["sent_back"] == [D("-1"), D("-100.000"), D("-1560.00")]
    assert hogs["used"] == [D("-39"), D("-3900.000"), D("-60840.00")] and hogs["closing"] == [D("0"), D("0"), D("0")]
    assert by_code["P002"]["produced"] == [D("150"), D("1900.000"), D("60840.00")]
    manager = browser("manager")
    page = manager.get("/stock/summary").get_data(as_text=True)
    assert "60,840.00" in page
    assert manager.get("/purchase/statistics?by=product").status_code == 200
    assert manager.get("/purchase/statistics/chart.svg").mimetype == "image/svg+xml"
    assert "<svg" in manager.get("/stock/profit/chart.svg").get_data(as_text=True)
    assert manager.get("/stock/profit?by=customer&export=xlsx").status_code == 200
    assert manager.get("/purchase/statistics?export=xlsx").status_code == 200
