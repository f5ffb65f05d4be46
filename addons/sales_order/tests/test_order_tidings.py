"""Notifications where work waits: a price approval asked goes to the managers, a credit hold to the managers
and the salesperson, an approval and a rejection (with its reason) to the salesperson; nobody is told of their
own move, and the customer never hears of a hold."""
from addons.master_data.models.customer import Customer
from addons.sales_order.orders import create_order
from core.models import Notification, User
from core.notify import render
from tests.sales_helpers import as_user, customer, days_ahead, line


def _told(login) -> list[str]:
    user = User.get(User.login == login)
    with_lang = User.update(lang="en").where(User.id == user.id).execute()
    assert with_lang == 1
    return [render(n)[0] for n in Notification.select().where(Notification.user == user.id).order_by(Notification.id)]


def test_reject_hold_and_approval_reach_who_acts_next(ctx, demo):
    p1 = demo["P1"]
    sales = User.get(User.login == "sales")
    Customer.update(salesperson=sales.id).execute()
    with as_user("sales", p1):
        small = create_order(customer("P1C001"), days_ahead(5), [line("P002", 2)])
        small.submit()
        big = create_order(customer("P1C002"), days_ahead(5), [line("P001", 50)])     # over the limit
        big.submit()
        cheap = create_order(customer("P1C001"), days_ahead(5), [line("P002", 2, price="20.00")])   # below the floor
        cheap.request_price_approval()
    assert big.state == "held" and cheap.state == "price_review"
    with as_user("manager", p1):
        small.reject(comment="客户要改日期 the customer changes the day")
    manager = _told("manager")
    assert f"Order {big.number} for {big.customer.name} is on credit hold: CN¥5,750.00 over the limit." in manager
    assert f"Order {cheap.number} for {cheap.customer.name} asks for price approval." in manager
    seller = _told("sales")
    assert f"Order {big.number} for {big.customer.name} is on credit hold: CN¥5,750.00 over the limit." in seller
    assert (f"Order {small.number} for {small.customer.name} came back to you: 客户要改日期 the customer changes the day"
            in seller)
    assert not any("asks for price approval" in m for m in seller)           # their own request
    with as_user("sales", p1):
        small.submit()
    with as_user("manager", p1):
        small.approve()
    assert f"Order {small.number} for {small.customer.name} is approved." in _told("sales")
    assert not any("hold" in m for m in _told("customer"))                  # the customer never hears of a hold


def test_the_order_page_tells_what_happened(browser, ctx, demo):
    from addons.dispatch import desk, shipping
    from addons.dispatch.models.line import DeliveryLine
    from addons.ledger.receipts import record_receipt
    from tests.dispatch_helpers import planned_note
    p1 = demo["P1"]
    User.update(lang="en").execute()
    with as_user("sales", p1):
        order = create_order(customer("P1C001"), days_ahead(5), [line("P002", 4)])
        order.submit()
    with as_user("manager", p1):
        order.reject(comment="wrong day")
    page = browser("sales").get(f"/sales/orders/{order.id}").get_data(as_text=True)
    assert '<div class="alert alert-warning" id="sent-back">Sent back from review: wrong day</div>' in page
    note = planned_note(p1, "P1C002", "P002", 4)
    (dl,) = DeliveryLine.select().where(DeliveryLine.note == note.id)
    with as_user("shipper", p1):
        desk.add_batch(dl.id, "4", "50.2")
        shipping.ship(note.id)
    shipped = dl.order_line.order
    record_receipt(shipped.customer, "1000.00", plant=p1)
    page = browser("manager").get(f"/sales/orders/{shipped.id}").get_data(as_text=True)
    timeline = page[page.index('id="timeline"'):]
    steps = ["Entered by", "Submitted, by", "Approved, by", f"Shipped on {note.number}", "Shipment"]
    assert all(s in timeline for s in steps) and [timeline.index(s) for s in steps] == sorted(timeline.index(s) for s in steps)
    assert "50.200 kg, CN¥1,345.36 billed" in timeline
    assert "Still owed on this order: CN¥345.36" in timeline
