"""Stock through /api/v1 as an integration drives it: a lot, production posted by codes, a batch weighed
from a scanned lot, shipped; the levels, the moves and the exit record read back; wrong codes refused by field."""
import datetime


from addons.dispatch.models.line import DeliveryLine
from core.clock import plant_today
from tests.dispatch_helpers import planned_note
from tests.stock_helpers import stores


def test_a_lot_from_production_to_the_exit_record(call, demo):
    p1 = demo["P1"]
    stores(p1)
    manager = call("manager")
    day = (plant_today(p1) - datetime.timedelta(days=1)).isoformat()
    made = manager("POST", "/lots", {"number": "API-1", "kind": "slaughter", "day": day, "heads": 10,
                                     "shelf_life_days": 7, "quarantine_cert": "Q", "quality_cert": "M",
                                     "asf_report": "A"})
    assert made.status_code == 201, made.get_json()
    wrong = manager("POST", "/stock_moves/post", {"kind": "production", "warehouse_code": "NOPE",
                                                  "product_code": "P002", "lot_code": "API-1", "quantity": "10",
                                                  "weight": "125"})
    assert wrong.status_code == 400 and "warehouse_code" in wrong.get_json()["error"]["details"], wrong.get_json()
    posted = manager("POST", "/stock_moves/post", {"kind": "production", "warehouse_code": "CS", "product_code": "P002",
                                                   "lot_code": "API-1", "quantity": "10", "weight": "125.5"})
    assert posted.status_code == 201 and posted.get_json()["items"][0]["weight"] == "125.500"
    note = planned_note(p1, "P1C002", "P002", 4)
    line = DeliveryLine.get(DeliveryLine.note == note.id)
    shipper = call("shipper")
    batch = shipper("POST", f"/delivery_notes/{note.id}/batches", {"line": line.id, "quantity": "4", "gross": "50.1",
                                                                     "lot_code": "API-1"})
    assert batch.status_code == 201 and batch.get_json()["lot_code"] == "API-1", batch.get_json()
    assert shipper("POST", f"/delivery_notes/{note.id}/ship", {}).status_code == 200
    levels = manager("GET", "/stock_levels").get_json()["items"]
    assert [(x["quantity"], x["weight"]) for x in levels] == [("6.000", "75.400")]
    records = manager("GET", "/exit_records?q=API-1").get_json()["items"]
    assert [(r["note_number"], r["lot_number"], r["weight"]) for r in records] == [(note.number, "API-1", "50.100")]
    assert manager("GET", "/stock_moves").status_code == 200
