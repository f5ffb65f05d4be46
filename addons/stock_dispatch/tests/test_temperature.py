"""Cold chain: ranges per product, the loading temperature at the desk, the receipt temperature on the note;
out of range the note is flagged on its paper and the loss reviewers are told."""
from addons.dispatch import desk, shipping
from addons.dispatch.models.line import DeliveryLine
from addons.stock_dispatch.models.temperature import NoteTemperature, TemperatureRange
from core.models import Notification, User
from tests.dispatch_helpers import as_user, planned_note
from tests.sales_helpers import product


def test_loading_and_receipt_temperatures(browser, ctx, demo):
    p1 = demo["P1"]
    User.update(lang="en").execute()
    manager = browser("manager")
    bad = manager.post("/stock/temperature-ranges", {f"low-{product('P002').id}": "4", f"high-{product('P002').id}": "0"},
                       follow_redirects=True)
    assert "the lowest temperature is above the highest" in bad.get_data(as_text=True)
    manager.post("/stock/temperature-ranges", {f"low-{product('P002').id}": "0", f"high-{product('P002').id}": "4"})
    assert TemperatureRange.select().count() == 1
    note = planned_note(p1, "P1C002", "P002", 4)
    (line,) = DeliveryLine.select().where(DeliveryLine.note == note.id)
    shipper = browser("shipper")
    desk_page = shipper.get(f"/dispatch/desk/{note.id}").get_data(as_text=True)
    assert 'id="temperature-loading"' in desk_page
    shipper.post(f"/stock/notes/{note.id}/temperature/loading", {"temperature": "2.5"})
    assert not NoteTemperature.get(NoteTemperature.note_id == note.id).out_of_range
    with as_user("shipper", p1):
        desk.add_batch(line.id, "4", "50")
        shipping.ship(note.id)
    refused = shipper.post(f"/stock/notes/{note.id}/temperature/loading", {"temperature": "3"}, follow_redirects=True)
    assert "can no longer change" in refused.get_data(as_text=True)
    sales = browser("sales")
    sales.post(f"/stock/notes/{note.id}/temperature/receipt", {"temperature": "7.4"})
    found = NoteTemperature.get(NoteTemperature.note_id == note.id)
    assert (str(found.loading), str(found.receipt), found.out_of_range) == ("2.5", "7.4", True)
    printed = manager.get(f"/dispatch/notes/{note.id}").get_data(as_text=True)
    assert "Out of range" in printed and "7.4 °C" in printed
    told = User.get(User.login == "manager")
    assert Notification.select().where(Notification.user == told.id).count() == 1
