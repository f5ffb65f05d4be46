"""Stock as its users click through it: a warehouse and a lot entered, production posted, the levels, the
desk offering the lots and taking one, the note printing lots and certificates, the recall list and the exit
record on screen and in Excel, a count started, filled in and posted, the plant's stock rules."""
import datetime
from decimal import Decimal as D

import pytest

from addons.dispatch.models.line import DeliveryLine
from addons.stock.models.count import StockCount
from addons.stock.models.level import StockLevel
from addons.stock.models.lot import Lot
from addons.stock.models.settings import StockSettings
from addons.stock.models.warehouse import Warehouse
from core.clock import plant_today
from core.models import User
from tests.dispatch_helpers import planned_note
from tests.excel_files import read
from tests.sales_helpers import customer, product


@pytest.fixture(autouse=True)
def english(demo):
    User.update(lang="en").execute()


def test_from_a_new_lot_to_its_recall_list(browser, ctx, demo):
    p1 = demo["P1"]
    manager = browser("manager")
    assert manager.post("/stock/warehouses/new", {"code": "CS", "name": "Cold store", "kind": "cold",
                                                  "active": "y"}).status_code == 302
    store = Warehouse.get(Warehouse.code == "CS")
    day = plant_today(p1) - datetime.timedelta(days=1)
    assert manager.post("/stock/lots/new", {"number": "L-01", "kind": "slaughter", "day": day.isoformat(), "heads": "12",
                                            "origin": "Dongtai farm", "shelf_life_days": "7", "quarantine_cert": "Q1",
                                            "quality_cert": "M1", "asf_report": ""}).status_code == 302
    lot = Lot.get(Lot.number == "L-01")
    assert lot.expires_on == day + datetime.timedelta(days=7)
    assert "Certificates missing" in manager.get(f"/stock/lots/{lot.id}").get_data(as_text=True)
    manager.post(f"/stock/lots/{lot.id}", {"number": "L-01", "kind": "slaughter", "day": day.isoformat(), "heads": "12",
                                           "shelf_life_days": "7", "quarantine_cert": "Q1", "quality_cert": "M1",
                                           "asf_report": "A1"})
    posted = manager.post("/stock/moves/new", {"kind": "production", "warehouse": store.id, "to_warehouse": "0",
                                               "product": product("P002").id, "lot": "L-01", "quantity": "12",
                                               "weight": "150.5", "reason": ""})
    assert posted.status_code == 302
    wrong = manager.post("/stock/moves/new", {"kind": "loss", "warehouse": store.id, "to_warehouse": "0",
                                              "product": product("P002").id, "lot": "NOPE", "quantity": "1",
                                              "weight": "1", "reason": "dropped"}, follow_redirects=True)
    assert "There is no lot NOPE" in wrong.get_data(as_text=True)
    levels = manager.get("/stock/levels").get_data(as_text=True)
    assert "L-01" in levels and "150.5" in levels
    assert read(manager.get("/stock/levels?export=xlsx").data)[1][3] == "L-01"
    lot_page = manager.get(f"/stock/lots/{lot.id}").get_data(as_text=True)
    assert "Recall list" in lot_page and "Certificates missing" not in lot_page
    assert "L-01" in manager.get("/stock/moves").get_data(as_text=True)

    note = planned_note(p1, "P1C002", "P002", 4)
    (line,) = DeliveryLine.select().where(DeliveryLine.note == note.id)
    shipper = browser("shipper")
    desk = shipper.get(f"/dispatch/desk/{note.id}").get_data(as_text=True)
    assert f'<datalist id="lots-{product("P002").id}"><option value="L-01">' in desk and 'id="desk-lots"' in desk
    shipper.post(f"/dispatch/desk/{note.id}/lines/{line.id}/batch", {f"b{line.id}-quantity": "4",
                                                                    f"b{line.id}-gross": "50.2",
                                                                    f"b{line.id}-container": "0",
                                                                    f"b{line.id}-container_count": "0",
                                                                    f"b{line.id}-lot": "L-01"})
    assert shipper.post(f"/dispatch/desk/{note.id}/ship", {}).status_code == 302
    printed = manager.get(f"/dispatch/notes/{note.id}").get_data(as_text=True)
    assert 'id="note-lots"' in printed and "Q1" in printed and "A1" in printed
    (level,) = StockLevel.select().where(StockLevel.lot == lot.id)
    assert (level.quantity, level.weight) == (D("8"), D("100.300"))

    recall = manager.get(f"/stock/lots/{lot.id}/recall").get_data(as_text=True)
    assert customer("P1C002").name in recall and '<td class="num" id="recall-weight">50.2' in recall
    sheet = read(manager.get(f"/stock/lots/{lot.id}/recall?export=xlsx").data)
    assert sheet[1][0] == "P1C002" and D(str(sheet[1][8])) == D("50.2")
    today = plant_today(p1).isoformat()
    record = manager.get(f"/stock/exit-record?first={today}&last={today}").get_data(as_text=True)
    assert note.number in record and "Q1" in record
    rows = read(manager.get(f"/stock/exit-record?first={today}&last={today}&export=xlsx").data)
    assert rows[1][1] == note.number and rows[1][9] == "L-01"
    assert "L-01" in manager.get(f"/stock/customers/{customer('P1C002').id}/lots").get_data(as_text=True)


def test_a_count_on_screen_and_the_stock_rules(browser, ctx, demo):
    p1 = demo["P1"]
    store = Warehouse.create(plant=p1, code="CS", name="Cold store")
    manager = browser("manager")
    lot = Lot.create(plant=p1, number="L-02", day=plant_today(p1))
    manager.post("/stock/moves/new", {"kind": "opening", "warehouse": store.id, "to_warehouse": "0",
                                      "product": product("P003").id, "lot": "L-02", "quantity": "5", "weight": "100"})
    assert "Start a count" in manager.get("/stock/counts").get_data(as_text=True)
    assert manager.post("/stock/counts/new", {"warehouse": store.id}).status_code == 302
    count = StockCount.get()
    page = manager.get(f"/stock/counts/{count.id}").get_data(as_text=True)
    assert 'name="line-1-weight"' in page
    manager.post(f"/stock/counts/{count.id}", {"action": "save", "line-1-quantity": "5", "line-1-weight": "98.8",
                                               "line-1-reason": "drip"})
    bad = manager.post(f"/stock/counts/{count.id}", {"action": "save", "line-1-quantity": "5", "line-1-weight": "x"},
                       follow_redirects=True)
    assert "Line 1, Counted weight (kg)" in bad.get_data(as_text=True)
    manager.post(f"/stock/counts/{count.id}", {"action": "post"})
    assert StockCount.get_by_id(count.id).state == "posted"
    (level,) = StockLevel.select().where(StockLevel.lot == lot.id)
    assert level.weight == D("98.800")
    manager.post("/stock/settings", {"require_certificates": "y", "ship_from": store.id, "returns_to": "0"})
    rules = StockSettings.get(StockSettings.plant == p1.id)
    assert rules.require_certificates and not rules.allow_negative and rules.ship_from_id == store.id
