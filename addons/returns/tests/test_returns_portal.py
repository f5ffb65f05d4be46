"""The customer asks in the portal to send goods back from a delivery: a draft return priced as sold,
bound to that delivery, and the salesperson told; only the customer's own deliveries and returns show."""
from decimal import Decimal as D

import pytest

from addons.master_data.models.customer import CustomerLogin
from addons.returns.models.reason import ReturnReason
from addons.returns.models.return_order import ReturnOrder
from core.models import Notification, User
from tests.sales_helpers import customer, line
from addons.returns.tests.test_returns import _shipped_and_signed


@pytest.fixture(autouse=True)
def english(demo):
    User.update(lang="en").execute()


def test_a_customer_asks_to_return_goods_from_a_delivery(browser, ctx, demo):
    p1 = demo["P1"]
    reason = ReturnReason.create(plant=p1, code="quality", name="Quality")
    own = CustomerLogin.get(CustomerLogin.user == User.get(User.login == "customer").id).customer
    _order, note = _shipped_and_signed(p1, own.code, [line("P005", 4), line("P002", 2)], ["50.000", "25.000"])
    _other, foreign = _shipped_and_signed(p1, "P1C003", [line("P005", 1)], ["12.500"])
    portal = browser("customer")
    page = portal.get("/portal/returns/").get_data(as_text=True)
    assert note.number in page and foreign.number not in page
    assert portal.get(f"/portal/returns/new?note={foreign.id}").status_code == 302       # not theirs: sent back
    form = portal.get(f"/portal/returns/new?note={note.id}").get_data(as_text=True)
    p005 = next(dl.product_id for dl in note.lines if dl.product.code == "P005")
    assert f'name="back-{p005}"' in form
    too_many = portal.post("/portal/returns/new", {"note": note.id, f"back-{p005}": "5", "reason": reason.id})
    assert too_many.status_code == 422 and "at most 4" in too_many.get_data(as_text=True)
    assert ReturnOrder.select().count() == 0
    other_plants_reason = ReturnReason.create(plant=demo["P2"], code="late", name="Late")
    refused = portal.post("/portal/returns/new", {"note": note.id, f"back-{p005}": "1", "reason": other_plants_reason.id})
    assert refused.status_code == 422 and "Not a valid choice" in refused.get_data(as_text=True)
    assert ReturnOrder.select().count() == 0
    sent = portal.post("/portal/returns/new", {"note": note.id, f"back-{p005}": "2", f"kg-{p005}": "24.8",
                                                "reason": reason.id, "remarks": "two came warm"})
    ret = ReturnOrder.get()
    assert sent.status_code == 302 and sent.headers["Location"].endswith(f"/portal/returns/{ret.id}")
    (back,) = list(ret.lines)
    # priced as sold on the note (P005 is priced by the piece: 2 × 210.00), bound to the note
    sold = next(dl for dl in note.lines if dl.product_id == p005)
    assert (ret.state, ret.note_id, back.quantity, back.weight) == ("draft", note.id, D("-2"), D("24.800"))
    assert back.unit_price == sold.unit_price and ret.claimed == 2 * sold.unit_price == D("420.00")
    salesperson = own.salesperson_id or None
    told = Notification.select().where(Notification.link == f"/returns/orders/{ret.id}")
    assert told.count() >= 1 and (salesperson is None or told.where(Notification.user == salesperson).exists())
    view = portal.get(f"/portal/returns/{ret.id}").get_data(as_text=True)
    assert ret.number in view and "Draft" in view and "two came warm" in view
    # what is already asked for counts: two more of the four, and no more
    again = portal.post("/portal/returns/new", {"note": note.id, f"back-{p005}": "3"})
    assert again.status_code == 422 and ReturnOrder.select().count() == 1
    # a return of another customer is not found, and staff-only pages stay closed
    theirs = ReturnOrder.create(plant=p1, number="RT-X", customer=customer("P1C003"))
    assert portal.get(f"/portal/returns/{theirs.id}").status_code == 404
    assert portal.get(f"/returns/orders/{ret.id}").status_code == 403
    assert browser("sales").get("/portal/returns/").status_code == 403
