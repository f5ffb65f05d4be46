"""One catch-weight sale from order to zero balance, as the people who do it would: the order through the
API (an integration), then the screens: delivery planned on two trips, weights captured from the scale,
receipts with transit loss, money received against the order, a return weighed back in and kept as credit,
the last payment. Every figure checked to the fen and the gram against the hand computation."""
import re
from decimal import Decimal as D

from addons.dispatch.models.line import DeliveryLine
from addons.dispatch.models.note import DeliveryNote
from addons.dispatch.models.trip import Trip
from addons.ledger.ageing import ageing, balance
from addons.ledger.models.entry import AccountEntry
from addons.returns.models.reason import ReturnReason
from addons.returns.models.return_order import ReturnOrder
from addons.sales_order.models.line import OrderLine
from addons.sales_order.models.order import Order
from addons.statistics import sales as statistics
from addons.weighing.agent import publish
from addons.weighing.drivers.base import Reading
from addons.weighing.models.station import Station
from core.api import tokens
from core.clock import plant_today
from core.models import User
from tests.dispatch_helpers import crate, vehicle
from tests.sales_helpers import customer, days_ahead, product

PRICE = D("26.80")        # 猪后腿 Hind leg, per kg, P1C002's list price


def _api(app, login):
    token = tokens.issue(User.get(User.login == login), "integration")
    client = app.test_client()

    def call(method, url, **kw):
        with app.app_context():
            return client.open("/api/v1" + url, method=method, headers={
                "Authorization": f"Bearer {token}", "X-Plant": "P1"}, **kw)
    return call


def _load(station, kg):
    """A new load on the scale: the platform emptied, then the load at rest."""
    publish(station.id, Reading(weight=D("0.000"), stable=True), seen=(D("0"), D("0")), station=station)
    publish(station.id, Reading(weight=D(kg), stable=True), seen=(D(kg), D(kg)), station=station)


def test_one_catch_weight_sale_from_order_to_zero_balance(app, ctx, demo, browser):
    p1 = demo["P1"]
    buyer, legs = customer("P1C002"), product("P002")
    User.update(lang="en").execute()
    day = days_ahead(3)        # firm ordering for it closes 48 hours before the day

    # 1. An integration orders ten legs; the salesperson submits, the manager approves, through the API
    made = _api(app, "sales")("POST", "/orders", json={"customer": buyer.id, "delivery_date": day.isoformat(),
                                                       "lines": [{"product": legs.id, "quantity": "10"}]})
    assert made.status_code == 201, made.get_json()
    body = made.get_json()
    assert (body["amount"], body["lines"][0]["expected_weight"]) == ("3350.00", "125.000")    # 10 × 12.5 kg × 26.80
    order = Order.get_by_id(body["id"])
    assert _api(app, "sales")("POST", f"/orders/{order.id}/submit").get_json()["state"] == "submitted"
    assert _api(app, "manager")("POST", f"/orders/{order.id}/approve").get_json()["state"] == "approved"
    order_line = OrderLine.get(OrderLine.order == order.id)

    # 2. The scheduler splits it over two trips: six legs, then four
    scheduler = browser("scheduler")
    first_truck, second_truck = vehicle(p1, "沪A·00001"), vehicle(p1, "沪A·00002")
    notes = []
    for truck, qty in ((first_truck, "6"), (second_truck, "4")):
        scheduler.post("/dispatch/planning/trips", {"day": day.isoformat(), "vehicle": truck.id, "driver": "",
                                                    "departure": ""})
        trip = Trip.select().order_by(Trip.id.desc()).get()
        assert scheduler.post("/dispatch/planning/assign", {"day": day.isoformat(), "trip": trip.id,
                                                            f"pick-{order_line.id}": "1",
                                                            f"qty-{order_line.id}": qty}).status_code == 302
        notes.append(DeliveryNote.get(DeliveryNote.trip == trip.id))
    first, second = notes

    # 3. The shipping desk captures each load from the scale and ships
    station = Station.create(plant=p1, code="S1", name="Desk scale", port_url="socket://127.0.0.1:9",
                             protocol="st_gs", min_weight=D("0.020"), reload_change=D("0.500"))
    crates = crate(p1)                                                    # 1.8 kg each
    shipper = browser("shipper")
    for note, qty, kg, crate_count in ((first, "6", "77.300", "2"), (second, "4", "51.234", "0")):
        dline = DeliveryLine.get(DeliveryLine.note == note.id)
        _load(station, kg)
        captured = shipper.post(f"/weighing/desk/{note.id}/capture", {
            "station": station.id, "line": dline.id, "quantity": qty,
            "container": crates.id if crate_count != "0" else "0", "container_count": crate_count})
        assert captured.status_code == 302
        assert shipper.post(f"/dispatch/desk/{note.id}/ship", {}).status_code == 302
    first, second = DeliveryNote.get_by_id(first.id), DeliveryNote.get_by_id(second.id)
    first_line, second_line = (DeliveryLine.get(DeliveryLine.note == n.id) for n in (first, second))
    assert (first_line.shipped_weight, first_line.amount) == (D("73.700"), D("1975.16"))    # 77.3 − 3.6 kg
    assert (second_line.shipped_weight, second_line.amount) == (D("51.234"), D("1373.07"))  # 1,373.0712
    assert Order.get_by_id(order.id).state == "completed"
    assert balance(buyer.id) == D("3348.23")

    # 4. The customer signs for both; the second lost more than the product's 0.5 %
    for note, line, kg in ((first, first_line, "73.500"), (second, second_line, "50.900")):
        form = shipper.get(f"/dispatch/notes/{note.id}/receipt").get_data(as_text=True)
        arrived = re.search(r'name="arrived_at"[^>]*value="([^"]+)"', form).group(1)
        assert shipper.post(f"/dispatch/notes/{note.id}/receipt", {
            "signed_by": "店长 Shop manager", "arrived_at": arrived, f"line-{line.id}-quantity": "6" if note == first
            else "4", f"line-{line.id}-weight": kg}).status_code == 302
    first_line, second_line = DeliveryLine.get_by_id(first_line.id), DeliveryLine.get_by_id(second_line.id)
    assert (first_line.loss_weight, first_line.loss_rate, first_line.loss_status) == (D("0.200"), D("0.271"), "normal")
    assert (second_line.loss_weight, second_line.loss_rate, second_line.loss_status) == (
        D("0.334"), D("0.652"), "flagged")
    page = shipper.get(f"/dispatch/notes/{second.id}").get_data(as_text=True)
    assert 'data-field="loss_rate">0.652 %<' in page and "Loss beyond tolerance" in page

    # 5. Finance records the first payment against the order, by its number
    finance = browser("finance")
    paid = finance.post("/ledger/receipts/new", {"customer": buyer.id, "date": plant_today(p1).isoformat(),
                                                 "amount": "2000.00", "method": "transfer",
                                                 "order": order.number})
    assert paid.status_code == 302 and balance(buyer.id) == D("1348.23")

    # 6. One leg of the second delivery comes back, weighed in on the same scale
    reason = ReturnReason.create(plant=p1, code="quality", name="Quality")
    salesperson = browser("sales")
    assert salesperson.post("/returns/orders/new", {
        "customer": buyer.id, "kind": "return", "reason": reason.id, "note_number": second.number,
        "lines-0-product": legs.id, "lines-0-direction": "back", "lines-0-quantity": "1"}).status_code == 302
    ret = ReturnOrder.get()
    salesperson.post(f"/returns/orders/{ret.id}/move/submit", {"comment": ""})
    browser("manager").post(f"/returns/orders/{ret.id}/move/approve", {"comment": ""})
    ret = ReturnOrder.get_by_id(ret.id)
    inbound = DeliveryNote.get_by_id(ret.inbound_note_id)
    _load(station, "12.345")
    shipper.post(f"/weighing/desk/{inbound.id}/capture", {
        "station": station.id, "line": DeliveryLine.get(DeliveryLine.note == inbound.id).id, "quantity": "1",
        "container": "0", "container_count": "0"})
    assert shipper.post(f"/dispatch/desk/{inbound.id}/ship", {}).status_code == 302          # received back
    ret = ReturnOrder.get_by_id(ret.id)
    assert (ret.state, ret.credit) == ("received", D("330.85"))                              # 12.345 × 26.80
    finance.post(f"/returns/orders/{ret.id}/move/keep_credit", {"comment": ""})
    assert ReturnOrder.get_by_id(ret.id).state == "credited"
    assert balance(buyer.id) == D("1017.38")

    # 7. The last payment: nothing owed, nothing open, nothing overdue
    finance.post("/ledger/receipts/new", {"customer": buyer.id, "date": plant_today(p1).isoformat(),
                                          "amount": "1017.38", "method": "transfer"})
    assert balance(buyer.id) == D("0.00")
    entries = list(AccountEntry.select().where(AccountEntry.customer == buyer.id))
    assert all(e.open_amount == 0 for e in entries) and len(entries) == 5          # 2 shipments, credit, 2 receipts
    assert [a for a in ageing(p1.id, plant_today(p1)) if a.customer_id == buyer.id] == []
    statement = finance.get(f"/ledger/customers/{buyer.id}/statement").get_data(as_text=True)
    for figure in ("1,975.16", "1,373.07", "330.85", "2,000.00", "1,017.38"):
        assert figure in statement, figure

    # 8. The sale in the statistics: billed on the weighed kg, on the day it shipped
    today = plant_today(p1)
    (shipped,) = statistics.figures(p1.id, today, today, "day", "none", basis="shipped")
    assert (shipped.amount, shipped.weight, shipped.quantity) == (D("3348.23"), D("124.934"), D("10"))
