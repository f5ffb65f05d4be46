"""Plant time: the server's clock is UTC, the plant is in Asia/Shanghai. At 21:30 UTC on 4 December it is
05:30 on 5 December at the plant, and every date a user sees, enters or is billed on is the 5th."""
import datetime
import re

import time_machine

from addons.dispatch import planning, shipping
from addons.dispatch import receipt as receipt_module
from addons.dispatch.models.trip import Trip
from addons.dispatch.models.note import DeliveryNote
from addons.ledger.models.entry import AccountEntry
from addons.ledger.receipts import record_receipt
from addons.returns.returns import ReturnInput, save_return
from addons.sales_order.models.line import OrderLine
from addons.weighing import capture
from core import clock
from tests.dispatch_helpers import approved_order, as_user, line, vehicle
from tests.excel_files import read
from tests.sales_helpers import customer, product

UTC = datetime.timezone.utc
EVENING_UTC = datetime.datetime(2026, 12, 4, 21, 30, tzinfo=UTC)
PLANT_DAY = datetime.date(2026, 12, 5)


def _input_value(page, name):
    found = re.search(rf'name="{name}"[^>]*value="([^"]*)"', page) or re.search(rf'value="([^"]*)"[^>]*name="{name}"', page)
    assert found, f"no input {name}"
    return found.group(1)


def test_every_date_a_user_sees_is_the_plants_date(ctx, demo, browser):
    p1 = demo["P1"]
    with time_machine.travel(EVENING_UTC, tick=False):
        assert clock.plant_today(p1) == PLANT_DAY and datetime.date.today() == datetime.date(2026, 12, 4)
        order = approved_order(p1, "P1C002", [line("P002", "4")])
        with as_user("scheduler", p1):
            trip = planning.create_trip(p1, order.delivery_date, vehicle(p1).id,
                                        departure=datetime.datetime(2026, 12, 7, 6, 30))
            (note,) = planning.assign(p1, trip, [(OrderLine.get(OrderLine.order == order.id).id, "4")])
        # the trip leaves at 06:30 plant time: stored as 22:30 UTC the evening before, shown as 06:30
        assert trip.departure == datetime.datetime(2026, 12, 6, 22, 30)
        with as_user("manager", p1):
            capture.manual(p1.id, note.lines[0].id, "4", "50.000", "scale being serviced")
            shipping.ship(note.id)
        note = DeliveryNote.get_by_id(note.id)
        assert note.shipped_at == EVENING_UTC.replace(tzinfo=None) and note.shipped_on == PLANT_DAY
        shipment = AccountEntry.get(AccountEntry.kind == "shipment")
        assert shipment.date == PLANT_DAY
        assert shipment.due_date == PLANT_DAY + datetime.timedelta(days=customer("P1C002").payment_days)
        with as_user("finance", p1):
            receipt, _advance = record_receipt(customer("P1C002"), "100.00", plant=p1)
        assert receipt.date == PLANT_DAY and receipt.number == "RC-P1-2026-000001"
        with as_user("sales", p1):
            ret = save_return(customer("P1C002"), [ReturnInput(product("P002").id, "-1", "12.5")], note_id=note.id)
        assert ret.date == PLANT_DAY

        finance = browser("finance")
        statement = finance.get(f"/ledger/customers/{customer('P1C002').id}/statement").get_data(as_text=True)
        assert receipt.number in statement and note.number in statement     # today's payment is in by default
        assert _input_value(finance.get("/ledger/receipts/new").get_data(as_text=True), "date") == "2026-12-05"
        ageing = finance.get("/ledger/ageing").get_data(as_text=True)
        assert _input_value(ageing, "as_of") == "2026-12-05"
        invoice = finance.get(f"/ledger/invoices/new?customer={customer('P1C002').id}").get_data(as_text=True)
        assert _input_value(invoice, "date") == "2026-12-05"

        with as_user("shipper", p1):
            Trip.get_by_id(trip.id).depart()
            receipt_module.confirm_receipt(note.id, "店长", {})
        shipper = browser("shipper")
        desk = shipper.get("/dispatch/desk").get_data(as_text=True)
        assert '<small class="text-muted">2026年12月5日 及以前的发货单</small>' in desk    # today's notes (in Chinese)
        assert 'name="day" value="2026-12-05"' in desk
        trip_page = shipper.get(f"/dispatch/trips/{trip.id}").get_data(as_text=True)
        assert "2026/12/7 06:30" in trip_page                                  # planned departure
        assert re.search(r'id="trip-left">[^<]*2026/12/5 05:30', trip_page)        # left, and signed for,
        assert re.search(r'id="trip-delivered">[^<]*2026/12/5 05:30', trip_page)   # at the plant's 05:30
        note_page = shipper.get(f"/dispatch/notes/{note.id}").get_data(as_text=True)
        assert "2026/12/5 05:30" in note_page and "2026/12/4" not in note_page   # the batch's time, the plant's

        # the weighings exported to Excel carry the plant's wall-clock time, not UTC
        book = read(shipper.get("/weighing/weighings?export=xlsx").data)
        (row,) = [r for r in book[1:] if r and r[0]]
        assert row[0] == datetime.datetime(2026, 12, 5, 5, 30)


def test_the_receipt_offers_the_plants_time_and_the_year_turns_at_the_plants_midnight(ctx, demo, browser):
    p1 = demo["P1"]
    new_year_plant = datetime.datetime(2026, 12, 31, 16, 30, tzinfo=UTC)       # 00:30 on 1 January 2027 at the plant
    with time_machine.travel(new_year_plant, tick=False):
        with as_user("finance", p1):
            receipt, _advance = record_receipt(customer("P1C002"), "5.00", plant=p1)
        assert receipt.date == datetime.date(2027, 1, 1) and receipt.number.startswith("RC-P1-2027-")


def test_a_job_at_eight_runs_at_eight_on_each_plants_clock(ctx, demo):
    from core.jobs import build_scheduler, run_job
    from core.models import JobRun, Plant
    Plant.update(timezone="Europe/Berlin").where(Plant.code == "P2").execute()
    scheduler = build_scheduler(ctx, blocking=False)
    jobs = {j.id: j for j in scheduler.get_jobs()}
    assert "ledger.remind_overdue" not in jobs and "sales_order.cutoff" in jobs     # every 5 minutes stays one
    after = datetime.datetime(2026, 12, 4, 21, 30, tzinfo=UTC)
    fire = {zone: jobs[f"ledger.remind_overdue@{zone}"].trigger.get_next_fire_time(None, after).astimezone(UTC)
            for zone in ("Asia/Shanghai", "Europe/Berlin")}
    assert fire == {"Asia/Shanghai": datetime.datetime(2026, 12, 5, 0, 0, tzinfo=UTC),     # 08:00 in Shanghai
                    "Europe/Berlin": datetime.datetime(2026, 12, 5, 7, 0, tzinfo=UTC)}     # 08:00 in Berlin
    runs = run_job(ctx, "ledger.remind_overdue", zone="Europe/Berlin")
    assert [r.plant.code for r in runs] == ["P2"] and JobRun.select().count() == 1
