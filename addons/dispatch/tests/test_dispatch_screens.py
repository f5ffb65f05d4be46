"""Every dispatch screen a user clicks: planning, trips and stops, the desk, receipt, notes, analysis, board."""
import datetime
import re
from decimal import Decimal as D

import pytest

from addons.dispatch.models.batch import ShipmentBatch
from addons.dispatch.models.line import DeliveryLine
from addons.dispatch.models.note import DeliveryNote
from addons.dispatch.models.settings import DispatchSettings
from addons.dispatch.models.trip import Trip
from addons.ledger.models.entry import AccountEntry
from addons.sales_order.models.line import OrderLine
from core import clock
from core.models import User
from tests.dispatch_helpers import approved_order, crate, line, vehicle
from tests.excel_files import read


@pytest.fixture(autouse=True)
def english(demo):
    User.update(lang="en").execute()


def test_plan_a_trip_work_the_desk_ship_and_sign(browser, ctx, demo):
    p1 = demo["P1"]
    order = approved_order(p1, "P1C002", [line("P002", 4), line("P005", 1)])
    legs, trotters = OrderLine.select().where(OrderLine.order == order.id).order_by(OrderLine.seq)
    truck, box = vehicle(p1), crate(p1)
    day = order.delivery_date.isoformat()
    scheduler = browser("scheduler")
    page = scheduler.get(f"/dispatch/planning?day={day}").get_data(as_text=True)
    assert f'name="pick-{legs.id}"' in page and "left 4" in page
    made = scheduler.post("/dispatch/planning/trips", {"day": day, "vehicle": truck.id, "driver": "", "departure": ""})
    trip = Trip.get()
    assert made.status_code == 302 and trip.driver == "张师傅 Zhang"
    assigned = scheduler.post("/dispatch/planning/assign", {"day": day, "trip": trip.id, f"pick-{legs.id}": "1",
                                                            f"qty-{legs.id}": "4", f"pick-{trotters.id}": "1",
                                                            f"qty-{trotters.id}": "1"})
    assert assigned.status_code == 302
    note = DeliveryNote.get()
    assert note.trip_id == trip.id and DeliveryLine.select().count() == 2
    assert f"{trip.number}" in scheduler.get(f"/dispatch/trips/{trip.id}").get_data(as_text=True)
    assert scheduler.post(f"/dispatch/trips/{trip.id}", {f"stop-{note.id}": "3"}).status_code == 302
    assert DeliveryNote.get_by_id(note.id).stop_seq == 3
    assert scheduler.get("/dispatch/desk").status_code == 403

    shipper = browser("shipper")
    assert note.number not in shipper.get("/dispatch/desk").get_data(as_text=True)     # not due today
    assert note.number in shipper.get(f"/dispatch/desk?day={day}").get_data(as_text=True)
    desk = shipper.get(f"/dispatch/desk/{note.id}").get_data(as_text=True)
    leg_line, trotter_line = DeliveryLine.select().order_by(DeliveryLine.seq)
    assert f'name="b{leg_line.id}-gross"' in desk
    shipper.post(f"/dispatch/desk/{note.id}/lines/{leg_line.id}/picked", {})
    assert DeliveryLine.get_by_id(leg_line.id).picked_by.login == "shipper"
    bad = shipper.post(f"/dispatch/desk/{note.id}/lines/{leg_line.id}/batch",
                       {f"b{leg_line.id}-quantity": "4", f"b{leg_line.id}-gross": "abc"})
    assert bad.status_code == 302 and ShipmentBatch.select().count() == 0
    ok = shipper.post(f"/dispatch/desk/{note.id}/lines/{leg_line.id}/batch",
                      {f"b{leg_line.id}-quantity": "4", f"b{leg_line.id}-gross": "53.6",
                       f"b{leg_line.id}-container": box.id, f"b{leg_line.id}-container_count": "2"})
    assert ok.status_code == 302 and ShipmentBatch.get().net == D("50.000")
    shipper.post(f"/dispatch/desk/{note.id}/lines/{trotter_line.id}/batch",
                 {f"b{trotter_line.id}-quantity": "1", f"b{trotter_line.id}-gross": "10.2",
                  f"b{trotter_line.id}-container": "0", f"b{trotter_line.id}-container_count": "0"})
    shipped = shipper.post(f"/dispatch/desk/{note.id}/ship", {})
    assert shipped.status_code == 302 and DeliveryNote.get_by_id(note.id).state == "shipped"
    assert AccountEntry.get(AccountEntry.reference == note.number).amount == D("1550.00")   # 50 kg × 26.80 + 210
    view = shipper.get(f"/dispatch/notes/{note.id}").get_data(as_text=True)
    assert "53.6" in view and "receipt-link" in view

    form = shipper.get(f"/dispatch/notes/{note.id}/receipt").get_data(as_text=True)
    assert f'name="line-{leg_line.id}-weight" value="50.000"' in form
    script = re.search(r'<script src="([^"]*dispatch\.js)"', form).group(1)       # the loss shown as it is typed
    assert "data-loss-table" in shipper.get(script).get_data(as_text=True)
    # the arrival time offered is the plant's wall clock now; one before the goods left is refused
    arrived = re.search(r'name="arrived_at"[^>]*value="([^"]+)"', form).group(1)
    assert arrived == clock.plant_now(p1).strftime("%Y-%m-%dT%H:%M")
    early = (datetime.datetime.fromisoformat(arrived) - datetime.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M")
    refused = shipper.post(f"/dispatch/notes/{note.id}/receipt", {"signed_by": "店长", "arrived_at": early})
    assert refused.status_code == 422 and "before they were shipped" in refused.get_data(as_text=True)
    refused = shipper.post(f"/dispatch/notes/{note.id}/receipt", {"signed_by": "店长", f"line-{leg_line.id}-quantity": "4",
                                                                 f"line-{leg_line.id}-weight": "51", "arrived_at": arrived})
    assert refused.status_code == 422 and "more than shipped" in refused.get_data(as_text=True)
    signed = shipper.post(f"/dispatch/notes/{note.id}/receipt", {"signed_by": "店长", "arrived_at": arrived,
                                                                f"line-{leg_line.id}-quantity": "4",
                                                                f"line-{leg_line.id}-weight": "49.9",
                                                                f"line-{trotter_line.id}-quantity": "1",
                                                                f"line-{trotter_line.id}-weight": "10.2"})
    signed_note = DeliveryNote.get_by_id(note.id)
    assert signed.status_code == 302 and signed_note.state == "received"
    assert clock.local_naive(p1, signed_note.received_at) == datetime.datetime.fromisoformat(arrived)
    assert DeliveryLine.get_by_id(leg_line.id).loss_status == "normal"
    # each line's loss in kg and its rate to three decimals, beside the product's tolerance and the verdict
    view = shipper.get(f"/dispatch/notes/{note.id}").get_data(as_text=True)
    leg_row = view[view.index(f'data-line="{leg_line.id}"'):]
    leg_row = leg_row[:leg_row.index("</tr>")]
    assert 'data-field="loss_kg">0.100<' in leg_row and 'data-field="loss_rate">0.200 %<' in leg_row
    assert 'data-field="tolerance">0.5 %<' in leg_row and "Normal loss" in leg_row


def test_planning_writes_each_waiting_line_as_the_scheduler_reads_it(browser, ctx, demo):
    """A waiting line's row: its order (a self-pickup one marked), its product, what is left in its selling unit,
    a quantity box holding what is left (decimals only when there are any) and that part's weight; a customer's
    or product's name is shown as typed, not read as HTML."""
    from addons.master_data.models.customer import Customer
    from addons.master_data.models.product import Product
    from addons.master_data.models.unit import Unit
    p1 = demo["P1"]
    belly = Product.get((Product.code == "P003") & (Product.plant == p1))
    Product.update(selling_unit=Unit.get(Unit.code == "kg"), name="Belly <b>&amp;</b>").where(
        Product.id == belly.id).execute()
    Customer.update(name="Li & <Sons>").where(Customer.code == "P1C002").execute()
    order = approved_order(p1, "P1C002", [line("P003", "12.5"), line("P005", 3)], self_pickup=True)
    by_weight, boxes = OrderLine.select().where(OrderLine.order == order.id).order_by(OrderLine.seq)
    page = browser("scheduler").get(f"/dispatch/planning?day={order.delivery_date.isoformat()}").get_data(as_text=True)
    assert "Li &amp; &lt;Sons&gt;" in page and "<Sons>" not in page
    row = re.search(rf'<tr data-order-line="{by_weight.id}">(.*?)</tr>', page, re.S).group(1)
    cells = [re.sub(r"\s+", " ", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
    assert f'aria-label="{order.number} Belly &lt;b&gt;&amp;amp;&lt;/b&gt;"' in cells[0]
    assert cells[1] == f'{order.number} <span class="badge bg-info">Self-pickup</span>'
    assert cells[2] == "Belly &lt;b&gt;&amp;amp;&lt;/b&gt;"
    assert cells[3] == f"left 12.5 {Unit.get(Unit.code == 'kg').name}"
    assert f'name="qty-{by_weight.id}" value="12.500"' in cells[4]
    assert cells[5] == f"≈ {by_weight.expected_weight.normalize():f} kg"
    box_row = re.search(rf'<tr data-order-line="{boxes.id}">(.*?)</tr>', page, re.S).group(1)
    assert f'name="qty-{boxes.id}" value="3"' in box_row and ">left 3 箱 box<" in box_row


def test_trip_moves_and_note_cancel_from_the_screens(browser, ctx, demo):
    p1 = demo["P1"]
    order = approved_order(p1, "P1C002", [line("P005", 2)])
    from addons.dispatch import planning
    from tests.sales_helpers import as_user
    with as_user("scheduler", p1):
        trip = planning.create_trip(p1, order.delivery_date, vehicle(p1).id)
        (note,) = planning.assign(p1, trip, [(OrderLine.get(OrderLine.order == order.id).id, "2")])
    scheduler = browser("scheduler")
    planned = scheduler.get(f"/dispatch/planning?day={order.delivery_date.isoformat()}").get_data(as_text=True)
    assert re.search(rf'{trip.number}</a><br><small>沪A·00001 · 张师傅 Zhang</small></td>\s*<td class="num ">20 / 5,000 kg',
                     planned)                                 # the trip, its vehicle and what its notes weigh
    assert scheduler.post(f"/dispatch/notes/{note.id}/cancel", {}).status_code == 302
    assert DeliveryNote.get_by_id(note.id).state == "cancelled"
    page = scheduler.get(f"/dispatch/planning?day={order.delivery_date.isoformat()}").get_data(as_text=True)
    assert "left 2" in page                                   # back to planning
    assert re.search(rf'{trip.number}</a>.*?<td class="num ">0 / 5,000 kg', page, re.S)    # a cancelled note weighs nothing
    manager = browser("manager")
    manager.post(f"/dispatch/trips/{trip.id}/move/cancel", {"comment": "truck broke down"})
    assert Trip.get_by_id(trip.id).state == "cancelled"


def test_lists_analysis_board_settings_and_containers(browser, ctx, demo):
    manager = browser("manager")
    for url in ("/dispatch/notes", "/dispatch/trips", "/dispatch/vehicles", "/dispatch/container_types",
                "/dispatch/analysis?by=vehicle", "/dispatch/analysis?by=month", "/dispatch/board"):
        assert manager.get(url).status_code == 200, url
    assert read(manager.get("/dispatch/analysis?by=customer&export=xlsx").data)[0][0] == "Customer"
    assert manager.get("/dispatch/board.json").get_json()["trips"] == []
    assert manager.post("/dispatch/settings", {"over_ship_pct": "5", "bill_received": "y"}).status_code == 302
    saved = DispatchSettings.get()
    assert (saved.over_ship_pct, saved.bill_received) == (D("5.00"), True)
    assert manager.post("/dispatch/container_types/new", {"code": "HOOK", "name": "Hook", "tare_kg": "0.35",
                                                          "active": "y"}).status_code == 302
    assert browser("shipper").get("/dispatch/settings").status_code == 403


def test_planning_shows_a_page_of_customers_and_counts_every_line_waiting(browser, ctx, demo):
    """Customers are counted before their lines are read: the count above is every line with something left,
    a page holds whole customers up to a hundred lines, and a line planned in part shows what is left (planned
    in full: gone)."""
    from addons.dispatch import planning
    from addons.master_data.models.customer import Customer
    from addons.master_data.models.product import Product
    from addons.sales_order.models.order import Order
    from tests.dispatch_helpers import as_user
    p1 = demo["P1"]
    order = approved_order(p1, "P1C002", [line("P002", 4), line("P005", 1)])
    legs, trotters = OrderLine.select().where(OrderLine.order == order.id).order_by(OrderLine.seq)
    with as_user("scheduler", p1):
        planning.assign(p1, planning.create_trip(p1, order.delivery_date, vehicle(p1).id),
                        [(legs.id, "3"), (trotters.id, "1")])
    template, product = Customer.get(Customer.code == "P1C002"), Product.get(Product.code == "P002")
    for n in range(41):       # 41 customers of three lines each
        buyer = Customer.create(**{**template.__data__, "id": None, "code": f"ZZ{n:03d}", "name": f"Buyer {n}"})
        placed = Order.create(plant=p1, number=f"SO-Z-{n:03d}", customer=buyer, delivery_date=order.delivery_date,
                              state="approved")
        for seq in (1, 2, 3):
            OrderLine.create(order=placed, seq=seq, product=product, quantity=D(2), expected_weight=D("20"),
                             unit_price=D("10"), amount=D("20"))
    scheduler = browser("scheduler")
    first = scheduler.get(f"/dispatch/planning?day={order.delivery_date.isoformat()}").get_data(as_text=True)
    assert re.search(r'id="waiting-count">(\d+)<', first).group(1) == "124"
    # P1C002's line left and 33 customers of three lines: 100 lines; the next customer would make 103
    assert first.count('class="table-light"') == 34 and first.count('name="pick-') == 100
    assert f'name="pick-{legs.id}"' in first and "left 1" in first and f'name="pick-{trotters.id}"' not in first
    assert "ZZ032" in first and "ZZ033" not in first and "page=2" in first
    second = scheduler.get(f"/dispatch/planning?day={order.delivery_date.isoformat()}&page=2").get_data(as_text=True)
    assert second.count('class="table-light"') == 8 and "ZZ033" in second and "ZZ040" in second
    assert f'name="pick-{legs.id}"' not in second
