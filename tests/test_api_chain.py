"""The whole chain through /api/v1, as an integration would drive it with the codes its own system keeps:
order, review, planning on a trip, weights from the scale and by hand, shipping, the signed receipt, money
received and applied, balance and statement, the invoice, a return refunded. Every figure to the fen."""
import datetime
from decimal import Decimal as D


from addons.dispatch.models.note import DeliveryNote
from addons.ledger.ageing import balance
from addons.weighing.agent import publish
from addons.weighing.drivers.base import Reading
from addons.weighing.models.station import Station
from addons.weighing.models.weighing import Weighing
from core.clock import plant_now
from core.models import User
from tests.dispatch_helpers import crate, vehicle
from tests.sales_helpers import customer, days_ahead, product


def _ok(response, status=200):
    assert response.status_code == status, response.get_json()
    return response.get_json()


def _load(station, kg):
    publish(station.id, Reading(weight=D("0.000"), stable=True), seen=(D("0"), D("0")), station=station)
    publish(station.id, Reading(weight=D(kg), stable=True), seen=(D(kg), D(kg)), station=station)


def test_a_catch_weight_sale_from_order_to_refund_through_the_api(call, demo):
    p1 = demo["P1"]
    User.update(lang="en").execute()
    buyer, legs = customer("P1C002"), product("P002")
    vehicle(p1, "沪A·00001")
    crates = crate(p1)
    sales, manager, scheduler, shipper, finance = (call(x) for x in ("sales", "manager", "scheduler", "shipper",
                                                                      "finance"))
    day = days_ahead(3)

    # order by codes, reviewed by its workflow
    order = _ok(sales("POST", "/orders", {"customer_code": "P1C002", "delivery_date": day.isoformat(),
                                          "lines": [{"product_code": "P002", "quantity": "10"}]}), 201)
    _ok(sales("POST", f"/orders/{order['id']}/submit"))
    assert _ok(manager("POST", f"/orders/{order['id']}/approve"))["state"] == "approved"

    # planning: what waits, a trip by the vehicle's plate, the line by order number and sequence
    waiting = _ok(scheduler("GET", f"/planning/waiting?day={day.isoformat()}"))["items"]
    assert [(w["order_number"], w["seq"], w["left"]) for w in waiting if w["order"] == order["id"]] == [
        (order["number"], 1, "10.000")]
    trip = _ok(scheduler("POST", "/trips", {"day": day.isoformat(), "vehicle_plate": "沪A·00001",
                                            "departure": f"{day.isoformat()}T06:30:00+08:00"}), 201)
    leaves = datetime.datetime.combine(day, datetime.time(6, 30)) - datetime.timedelta(hours=8)   # Shanghai
    assert trip["departure"] == leaves.isoformat() + "+00:00"
    planned = _ok(scheduler("POST", "/planning/assign", {"trip_number": trip["number"], "lines": [
        {"order_number": order["number"], "seq": 1, "quantity": "10"}]}), 201)["notes"]
    note = planned[0]
    assert (note["customer"], note["state"], note["lines"][0]["quantity"]) == (buyer.id, "planned", "10.000")
    assert _ok(scheduler("GET", f"/trips/{trip['id']}"))["notes"][0]["number"] == note["number"]

    # the desk: six legs from the scale in crates, four keyed by hand by a manager with a reason
    station = Station.create(plant=p1, code="S1", name="Desk scale", port_url="socket://127.0.0.1:9",
                             protocol="st_gs", min_weight=D("0.020"), reload_change=D("0.500"))
    _load(station, "77.300")
    captured = _ok(shipper("POST", f"/delivery_notes/{note['id']}/capture", {
        "station_code": "S1", "line_seq": 1, "quantity": "6", "container_code": "CRATE", "container_count": 2}), 201)
    assert (captured["batch"]["gross"], captured["batch"]["net"], captured["weighing"]["manual"]) == (
        "77.300", "73.700", False)
    by_hand = {"line_seq": 1, "quantity": "4", "gross": "51.234", "reason": "scale down"}
    refused = shipper("POST", f"/delivery_notes/{note['id']}/manual_weights", by_hand)
    assert refused.status_code == 403 and refused.get_json()["error"]["code"] == "forbidden"
    no_reason = manager("POST", f"/delivery_notes/{note['id']}/manual_weights", {**by_hand, "reason": ""})
    assert no_reason.status_code == 422 and "reason" in no_reason.get_json()["error"]["details"]
    keyed = _ok(manager("POST", f"/delivery_notes/{note['id']}/manual_weights", by_hand), 201)
    assert keyed["weighing"]["manual"] is True and keyed["batch"]["source"] == "manual"
    assert Weighing.get_by_id(keyed["weighing"]["id"]).reason == "scale down"

    shipped = _ok(shipper("POST", f"/delivery_notes/{note['id']}/ship"))
    assert (shipped["state"], shipped["amount"]) == ("shipped", "3348.23")        # 124.934 kg × 26.80
    assert shipped["lines"][0]["shipped_weight"] == "124.934" and len(shipped["lines"][0]["batches"]) == 2

    # receipt: the customer signs for 124.600 kg, the arrival given in the plant's zone
    arrived = plant_now(p1).replace(microsecond=0)
    signed = _ok(shipper("POST", f"/delivery_notes/{note['id']}/receipt", {
        "signed_by": "店长 Shop manager", "arrived_at": arrived.isoformat(),
        "lines": [{"line_seq": 1, "quantity": "10", "weight": "124.600"}]}))
    assert (signed["state"], signed["lines"][0]["loss_weight"], signed["received_on"]) == (
        "received", "0.334", arrived.date().isoformat())

    # money: a receipt by customer code and order number; account and statement agree
    paid = _ok(finance("POST", "/receipts", {"customer_code": "P1C002", "amount": "2000.00",
                                             "order_number": order["number"]}), 201)
    assert paid["number"].startswith("RC") and paid["amount"] == "2000.00"
    account = _ok(finance("GET", "/accounts?customer_code=P1C002"))
    assert (account["balance"], account["credit_limit"]) == ("1348.23", str(buyer.credit_limit))
    assert D(account["headroom"]) == buyer.credit_limit - D(account["exposure"])
    statement = _ok(finance("GET", f"/statements?customer={buyer.id}&start={days_ahead(-40).isoformat()}"
                                   f"&end={days_ahead(40).isoformat()}"))
    assert (statement["debits"], statement["credits"], statement["closing"]) == ("3348.23", "2000.00", "1348.23")
    assert [line["amount"] for line in statement["lines"]][-1] == "-2000.00"

    # a receipt kept for finance to apply by hand, then applied to the shipment
    held = _ok(finance("POST", "/receipts", {"customer": buyer.id, "amount": "100.00", "by_hand": True}), 201)
    shipment = account["uninvoiced"][0]
    applied = _ok(finance("POST", "/allocations", {"credit": held["entry"], "debit": shipment, "amount": "100.00"}),
                  201)
    assert applied["amount"] == "100.00" and balance(buyer.id) == D("1248.23")

    # the invoice for what shipped, cancelled and issued again
    invoice = _ok(finance("POST", "/invoices", {"customer_code": "P1C002", "vat_number": "0451"}), 201)
    assert (invoice["amount"], [x["entry"] for x in invoice["lines"]]) == ("3348.23", [shipment])
    assert _ok(finance("GET", "/accounts?customer_code=P1C002"))["uninvoiced"] == []
    cancelled = _ok(finance("POST", f"/invoices/{invoice['id']}/cancel", {"reason": "wrong VAT number"}))
    assert cancelled["state"] == "cancelled"
    _ok(finance("POST", "/invoices", {"customer_code": "P1C002", "entries": [shipment]}), 201)

    # a return of one leg: entered by codes, approved, weighed back in at the desk, refunded
    ret = _ok(sales("POST", "/returns", {"customer_code": "P1C002", "note_number": note["number"], "lines": [
        {"product_code": "P002", "quantity": "-1"}]}), 201)
    assert ret["lines"][0]["quantity"] == "-1.000"
    _ok(sales("POST", f"/returns/{ret['id']}/submit"))
    approved = _ok(manager("POST", f"/returns/{ret['id']}/approve"))
    inbound = DeliveryNote.get_by_id(approved["inbound_note_id"])
    _load(station, "12.345")
    _ok(shipper("POST", f"/delivery_notes/{inbound.id}/capture", {"station": station.id, "line_seq": 1,
                                                                   "quantity": "1"}), 201)
    assert _ok(shipper("POST", f"/delivery_notes/{inbound.id}/ship"))["state"] == "received"
    received = _ok(finance("GET", f"/returns/{ret['id']}"))
    assert (received["state"], received["credit"]) == ("received", "330.85")           # 12.345 × 26.80
    assert finance("POST", f"/returns/{ret['id']}/receive").status_code == 404          # only the desk receives
    refunded = _ok(finance("POST", f"/returns/{ret['id']}/refund", {"amount": "330.85", "method": "transfer"}))
    assert (refunded["state"], refunded["refunded"]) == ("refunded", "330.85")


def test_the_accounts_a_salesperson_sees_are_their_own(call, demo):
    someone_elses = customer("P1C002")
    someone_elses.salesperson = User.get(User.login == "manager")
    someone_elses.save()
    sales = call("sales")
    hidden = sales("GET", "/accounts?customer_code=P1C002")
    assert hidden.status_code == 400 and "customer_code" in hidden.get_json()["error"]["details"]
    assert sales("GET", f"/statements?customer={someone_elses.id}").status_code == 400
    assert _ok(call("finance")("GET", "/accounts?customer_code=P1C002"))["customer"] == someone_elses.id
    assert call("shipper")("GET", "/accounts?customer_code=P1C002").status_code == 403


def test_bodies_are_held_to_the_documented_schema(call, demo):
    scheduler = call("scheduler")
    cases = [({"day": "2026-13-01", "vehicle": 1}, "day"),
             ({"day": "2026-12-01"}, "vehicle"),
             ({"day": "2026-12-01", "vehicle": "one"}, "vehicle"),
             ({"day": "2026-12-01", "vehicle": 2 ** 70}, "vehicle"),
             ({"day": "2026-12-01", "vehicle_plate": "x" * 300}, "vehicle_plate"),
             ({"day": "2026-12-01", "vehicle": 1, "driver": "\u0001" * 81}, "driver"),
             ({"day": "2026-12-01", "vehicle": 1, "departure": "2026-12-01T06:00:00"}, "departure"),
             ({"day": "2026-12-01", "vehicle": 1, "colour": "red"}, "colour")]
    for body, field in cases:
        refused = scheduler("POST", "/trips", body)
        assert refused.status_code == 422, body
        assert refused.get_json()["error"]["code"] == "invalid" and field in refused.get_json()["error"]["details"]
    planned = scheduler("POST", "/planning/assign", {"trip": 1, "lines": [{"order_line": 1, "quantity": "1e400"}]})
    assert planned.status_code == 422 and "lines-0-quantity" in planned.get_json()["error"]["details"]
    assert scheduler("POST", "/planning/assign", [1, 2]).status_code == 400
    assert scheduler("GET", "/planning/waiting?day=0000-01-01").status_code == 422
    # a move that needs more than a comment is not a move the generic door runs
    finance = call("finance")
    assert finance("POST", "/returns/1/receive").status_code == 404


def test_every_error_answer_uses_a_documented_code(call, app, demo):
    document = app.test_client().get("/api/v1/openapi.json").get_json()
    codes = set(document["components"]["schemas"]["Error"]["properties"]["error"]["properties"]["code"]["enum"])
    sales = call("sales")
    answers = [sales("GET", "/nothing"), sales("DELETE", "/customers"), sales("POST", "/orders", {}),
               sales("POST", "/trips", {"day": "2026-12-01", "vehicle": 1}),
               sales("POST", "/receipts", {"customer": 1, "amount": "1.00"}),
               sales("GET", "/delivery_notes/99999")]
    assert [a.status_code for a in answers] == [404, 405, 422, 403, 403, 404]
    assert {a.get_json()["error"]["code"] for a in answers} <= codes
