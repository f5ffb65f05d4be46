"""The desk's pace: notes of any day and of one trip, tomorrow's loading at night; "weighed" is not "shipped";
goods coming back show no picking or loading; the weighings list names the note and the customer."""
import datetime

from addons.dispatch import desk, inbound
from addons.dispatch.models.line import DeliveryLine
from core.clock import plant_today
from core.models import User
from tests.dispatch_helpers import as_user, crate, planned_note
from tests.sales_helpers import customer, product


def test_the_desk_list_by_day_and_trip(browser, ctx, demo):
    p1 = demo["P1"]
    User.update(lang="en").execute()
    first = planned_note(p1, "P1C001", "P002", 4)
    second = planned_note(p1, "P1C002", "P002", 4)
    shipper = browser("shipper")
    day = first.day.isoformat()
    page = shipper.get(f"/dispatch/desk?day={day}").get_data(as_text=True)
    assert first.number in page and second.number in page and "Tomorrow's loading" in page
    only = shipper.get(f"/dispatch/desk?day={day}&trip={first.trip_id}").get_data(as_text=True)
    assert first.number in only and second.number not in only
    earlier = (first.day - datetime.timedelta(days=1)).isoformat()
    assert first.number not in shipper.get(f"/dispatch/desk?day={earlier}").get_data(as_text=True)
    (line,) = DeliveryLine.select().where(DeliveryLine.note == first.id)
    crates = crate(p1)
    with as_user("shipper", p1):
        desk.add_batch(line.id, "2", "28.6", crates.id, 2)
    page = shipper.get(f"/dispatch/desk/{first.id}").get_data(as_text=True)
    assert "weighed so far <strong>2</strong> · <strong>25</strong> kg" in page      # 28.6 − 2 × 1.8
    assert f'<option selected value="{crates.id}">' in page             # the next batch: the same crates
    back = inbound.create_inbound(customer("P1C001"), plant_today(p1), [(product("P002"), 1, 12, 26)])
    page = shipper.get(f"/dispatch/desk/{back.id}").get_data(as_text=True)
    assert "weighed in" in page and "Picked" not in page and "Loaded" not in page
