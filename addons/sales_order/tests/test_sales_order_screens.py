"""Every sales screen a user clicks: forms with lines, review queue, monitor, balancing, plan, settings,
quotations, the portal's prices and statement, and orders over the API."""
import datetime
from decimal import Decimal as D

import pytest

from addons.sales_order.models.line import OrderLine
from addons.sales_order.models.order import Order
from addons.sales_order.models.planning import Availability, ProductYield, SalesSettings
from addons.sales_order.models.quotation import Quotation
from addons.sales_order.orders import create_order
from core.api import tokens
from core.models import User
from tests.excel_files import read
from tests.sales_helpers import as_user, customer, days_ahead, line, product


@pytest.fixture(autouse=True)
def english(demo):
    """The screens' words are checked in English here; the Chinese pages are checked in Chromium."""
    User.update(lang="en").execute()


def _order_form(cust, day, rows, **extra):
    data = {"customer": cust.id, "delivery_date": day.isoformat(), "channel": "phone", "delivery_address": "",
            "remarks": "", **extra}
    for n, row in enumerate(rows):
        for key, value in row.items():
            data[f"lines-{n}-{key}"] = value
    return data


def test_order_form_creates_an_order_with_lines_and_shows_line_errors(browser, ctx, demo):
    sales = browser("sales")
    page = sales.get("/sales/orders/new").get_data(as_text=True)
    assert 'name="lines-0-product"' in page and "data-add-line" in page
    bad = sales.post("/sales/orders/new", _order_form(customer("P1C002"), days_ahead(5), [
        {"product": product("P005").id, "quantity": "2"}, {"product": product("P002").id, "quantity": "1.5"}]))
    assert bad.status_code == 422
    text = bad.get_data(as_text=True)
    assert "Line 2" in text and "whole" in text and 'value="1.5"' in text    # the rows typed are kept
    assert Order.select().count() == 0
    good = sales.post("/sales/orders/new", _order_form(customer("P1C002"), days_ahead(5), [
        {"product": product("P005").id, "quantity": "2"},
        {"product": product("P002").id, "quantity": "4", "expected_weight": "51.2", "unit_price": "27"},
        {"product": "", "quantity": ""}]))
    assert good.status_code == 302
    order = Order.get()
    assert order.amount == D("420.00") + D("1382.40") and order.created_by.login == "sales"
    view = sales.get(f"/sales/orders/{order.id}").get_data(as_text=True)
    assert "estimate: billed on weighed kg" in view and 'value="submit"' in view and "edit-order" in view
    edit = sales.get(f"/sales/orders/{order.id}/edit").get_data(as_text=True)
    assert 'value="51.2"' in edit
    changed = sales.post(f"/sales/orders/{order.id}/edit", _order_form(customer("P1C002"), days_ahead(6), [
        {"product": product("P005").id, "quantity": "1"}]))
    assert changed.status_code == 302
    order = Order.get_by_id(order.id)
    assert (order.amount, order.delivery_date, OrderLine.select().count()) == (D("210.00"), days_ahead(6), 1)
    copied = sales.post(f"/sales/orders/{order.id}/copy", {"delivery_date": days_ahead(7).isoformat()})
    assert copied.status_code == 302 and Order.select().count() == 2


def test_review_queue_approves_many_and_reports_holds(browser, ctx, demo):
    with as_user("sales", demo["P1"]):
        fine = [create_order(customer("P1C002"), days_ahead(5), [line("P005", 1)]) for _ in range(3)]
        big = create_order(customer("P1C001"), days_ahead(5), [line("P005", 100)])   # 21,000
        for order in fine + [big]:
            order.submit()
    # the limit of 周记 is 50,000: first 21,000 fits; a second order of 31,500 does not
    with as_user("sales", demo["P1"]):
        too_big = create_order(customer("P1C001"), days_ahead(5), [line("P005", 150)])
        too_big.submit()
    manager = browser("manager")
    page = manager.get("/sales/review").get_data(as_text=True)
    assert all(o.number in page for o in fine)
    ids = [str(o.id) for o in fine + [big, too_big]]
    response = manager.post("/sales/review", {"order": ids})
    assert response.status_code == 302
    states = {o.id: Order.get_by_id(o.id).state for o in fine + [big, too_big]}
    assert list(states.values()).count("approved") == 4 and states[too_big.id] == "held"
    assert browser("sales").get("/sales/review").status_code == 403


def test_monitor_shows_todays_orders_by_state_and_refreshes_from_json(browser, ctx, demo):
    with as_user("manager", demo["P1"]):
        create_order(customer("P1C002"), days_ahead(0), [line("P005", 1)]).submit()
    sales = browser("sales")
    page = sales.get("/sales/monitor").get_data(as_text=True)
    assert 'data-refresh-url="/sales/monitor.json"' in page
    data = sales.get("/sales/monitor.json").get_json()
    submitted = next(s for s in data["by_state"] if s["state"] == "submitted")
    assert submitted["count"] == 1 and data["created_today"] == 1 and data["waiting"] == 1


def test_balancing_screen_saves_availability_and_confirms_an_allocation(browser, ctx, demo):
    day = days_ahead(8)
    with as_user("manager", demo["P1"]):
        for code, qty in [("P1C002", 6), ("P1C004", 6)]:
            order = create_order(customer(code), day, [line("P005", qty)])
            order.submit()
            order.approve()
    manager = browser("manager")
    hind = product("P005")
    page = manager.get(f"/sales/balancing?day={day.isoformat()}").get_data(as_text=True)
    assert f'name="available-{hind.id}"' in page
    assert manager.post("/sales/balancing", {"day": day.isoformat(), f"available-{hind.id}": "x"}).status_code == 302
    assert Availability.select().count() == 0                      # refused: not a number
    manager.post("/sales/balancing", {"day": day.isoformat(), f"available-{hind.id}": "9"})
    assert Availability.get().quantity == D("9")
    page = manager.get(f"/sales/balancing?day={day.isoformat()}").get_data(as_text=True)
    assert "Propose an allocation" in page
    proposal = manager.get(f"/sales/balancing/{hind.id}?day={day.isoformat()}").get_data(as_text=True)
    lines = list(OrderLine.select().order_by(OrderLine.id))
    # both rated A and B? P1C002 is A: served first (6); P1C004 (B) gets the remaining 3
    assert f'name="line-{lines[0].id}" value="6"' in proposal and f'name="line-{lines[1].id}" value="3"' in proposal
    done = manager.post(f"/sales/balancing/{hind.id}", {"day": day.isoformat(), f"line-{lines[0].id}": "6",
                                                        f"line-{lines[1].id}": "3", "comment": "short day"})
    assert done.status_code == 302 and OrderLine.get_by_id(lines[1].id).quantity == D("3")
    assert browser("sales").get("/sales/balancing").status_code == 403


def test_production_plan_screen_saves_yields_and_exports(browser, ctx, demo):
    day = days_ahead(9)
    with as_user("sales", demo["P1"]):
        create_order(customer("P1C002"), day, [line("P002", 7)]).submit()
    manager = browser("manager")
    legs = product("P002")
    url = f"/sales/plan?first={day.isoformat()}&last={day.isoformat()}"
    assert "plan-table" in manager.get(url).get_data(as_text=True)
    manager.post(url, {f"yield-{legs.id}": "2"})
    assert ProductYield.get().per_head == D("2")
    page = manager.get(url).get_data(as_text=True)
    assert f'data-heads="{day.isoformat()}">4<' in page
    rows = read(manager.get(url + "&export=xlsx").data)
    assert rows[-1][0] == "Heads to slaughter" and rows[-1][-1] in (4, "4")
    assert browser("sales").post(url, {f"yield-{legs.id}": "3"}).status_code == 403


def test_settings_screen_changes_the_windows(browser, ctx, demo):
    manager = browser("manager")
    bad = manager.post("/sales/settings", {"reserve_open_hours": "24", "cutoff_hours": "48"})
    assert bad.status_code == 200 and "after reservations open" in bad.get_data(as_text=True)
    assert manager.post("/sales/settings", {"reserve_open_hours": "96", "cutoff_hours": "24"}).status_code == 302
    saved = SalesSettings.get()
    assert (saved.reserve_open_hours, saved.cutoff_hours) == (96, 24)
    with as_user("sales", demo["P1"]):      # tomorrow is open again now the cut-off is 24 hours
        assert create_order(customer("P1C002"), days_ahead(2), [line("P005", 1)]).state == "draft"


def test_quotation_screens_from_draft_to_order(browser, ctx, demo):
    sales = browser("sales")
    valid = (days_ahead(7)).isoformat()
    data = {"customer": customer("P1C002").id, "valid_until": valid, "delivery_date": days_ahead(9).isoformat(),
            "remarks": "", "lines-0-product": product("P003").id, "lines-0-quantity": "2"}
    assert sales.post("/sales/quotations/new", data).status_code == 302
    quote = Quotation.get()
    assert quote.amount == D("1280.00")            # 2 boxes × 20 kg × 32.00
    assert sales.post(f"/sales/quotations/{quote.id}/edit", dict(data, **{"lines-0-quantity": "3"})).status_code == 302
    assert Quotation.get_by_id(quote.id).amount == D("1920.00")
    page = sales.get(f"/sales/quotations/{quote.id}").get_data(as_text=True)
    assert "Accept: make an order" in page
    accepted = sales.post(f"/sales/quotations/{quote.id}/move/accept", {"comment": ""})
    order = Order.get()
    assert accepted.headers["Location"].endswith(f"/sales/orders/{order.id}") and order.amount == D("1920.00")
    listing = sales.get(f"/sales/quotations?customer={customer('P1C002').id}").get_data(as_text=True)
    assert quote.number in listing and order.number in listing


def test_portal_prices_statement_and_withdrawal(browser, ctx, demo):
    portal = browser("customer")
    prices = portal.get("/portal/prices").get_data(as_text=True)
    assert "23.20" in prices and "210.00" in prices
    statement = portal.get("/portal/statement").get_data(as_text=True)
    assert 'id="statement"' in statement and "/portal/statement?" in statement
    assert portal.get("/portal/statement?export=xlsx").status_code == 200
    response = portal.post("/portal/orders/new", {"delivery_date": days_ahead(3).isoformat(),
                                                  "lines-0-product": product("P005").id, "lines-0-quantity": "1"})
    order = Order.get()
    assert response.status_code == 302 and order.state == "reserved"
    assert "Cancel the reservation" in portal.get(f"/portal/orders/{order.id}").get_data(as_text=True)
    portal.post(f"/portal/orders/{order.id}/cancel", {"comment": ""})
    assert Order.get_by_id(order.id).state == "cancelled"
    assert browser("sales").get("/portal/").status_code == 403


def test_orders_over_the_api_with_lines(ctx, demo):
    token = tokens.issue(User.get(User.login == "sales"), "tests")
    client = ctx.test_client()
    head = {"Authorization": f"Bearer {token}"}
    body = {"customer": customer("P1C002").id, "delivery_date": days_ahead(5).isoformat(),
            "lines": [{"product": product("P005").id, "quantity": "2"}, {"product": product("P002").id,
                                                                        "quantity": "0"}]}
    refused = client.post("/api/v1/orders", json=body, headers=head)
    assert refused.status_code == 422 and "lines-1-quantity" in refused.get_json()["error"]["details"]
    body["lines"][1]["quantity"] = "3"
    created = client.post("/api/v1/orders", json=body, headers=head)
    assert created.status_code == 201
    data = created.get_json()
    assert data["channel"] == "api" and D(data["amount"]) == D("420.00") + D("37.5") * D("26.80")
    assert len(data["lines"]) == 2 and data["lines"][1]["expected_weight"] == "37.500"
    moved = client.post(f"/api/v1/orders/{data['id']}/submit", headers=head).get_json()
    assert moved["state"] == "submitted" and len(moved["lines"]) == 2
    assert Order.get_by_id(data["id"]).created_by.login == "sales"
    assert datetime.date.fromisoformat(data["delivery_date"]) == days_ahead(5)


def test_editing_an_approved_order_recomputes_weight_price_and_credit(browser, ctx, demo):
    import json

    from addons.master_data.models.customer import Customer
    from addons.sales_order.models.line import OrderLine
    from addons.sales_order.models.order import Order
    from core.models import AuditLog
    from tests.dispatch_helpers import approved_order, line
    p1 = demo["P1"]
    Customer.update(credit_limit=D("5000.00")).where(Customer.code == "P1C002").execute()
    order = approved_order(p1, "P1C002", [line("P002", "10")])       # catch weight: 10 × 12.5 kg × 26.80
    assert order.amount == D("3350.00")
    manager = browser("manager")
    form = manager.get(f"/sales/orders/{order.id}/edit").get_data(as_text=True)
    assert 'name="lines-0-expected_weight" value="125"' in form and 'name="lines-0-unit_price" value="26.8"' in form
    legs, trotters = product("P002"), product("P005")
    # the manager doubles the pieces; the form sends back the old weight and price as they stood
    response = manager.post(f"/sales/orders/{order.id}/edit", {
        "customer": order.customer_id, "channel": order.channel,
        "delivery_date": order.delivery_date.isoformat(), "delivery_address": order.delivery_address,
        "lines-0-product": legs.id, "lines-0-quantity": "20", "lines-0-expected_weight": "125",
        "lines-0-unit_price": "26.8"})
    assert response.status_code == 302
    order = Order.get_by_id(order.id)
    (edited,) = OrderLine.select().where(OrderLine.order == order.id)
    assert (edited.expected_weight, edited.amount) == (D("250.000"), D("6700.00"))   # 20 × 12.5 kg × 26.80
    assert order.state == "held" and order.credit_over == D("1700.00")            # the credit check ran again
    entry = AuditLog.select().where((AuditLog.action == "update") & (AuditLog.record_id == order.id)).get()
    old, new = json.loads(entry.old), json.loads(entry.new)
    assert (old["lines"][0]["quantity"], new["lines"][0]["quantity"]) == ("10.000", "20")
    assert (old["lines"][0]["expected_weight"], new["lines"][0]["expected_weight"]) == ("125.000", "250.000")
    # another product on the line: its own list price, not the old line's
    manager.post(f"/sales/orders/{order.id}/edit", {
        "customer": order.customer_id, "channel": order.channel,
        "delivery_date": order.delivery_date.isoformat(), "delivery_address": order.delivery_address,
        "lines-0-product": trotters.id, "lines-0-quantity": "2", "lines-0-expected_weight": "250",
        "lines-0-unit_price": "26.8"})
    (edited,) = OrderLine.select().where(OrderLine.order == Order.get_by_id(order.id).id)
    assert (edited.unit_price, edited.expected_weight, edited.amount) == (D("210.0000"), D("20.000"), D("420.00"))
    # a price typed anew by the manager stands
    manager.post(f"/sales/orders/{order.id}/edit", {
        "customer": order.customer_id, "channel": order.channel,
        "delivery_date": order.delivery_date.isoformat(), "delivery_address": order.delivery_address,
        "lines-0-product": trotters.id, "lines-0-quantity": "2", "lines-0-expected_weight": "20",
        "lines-0-unit_price": "215"})
    (edited,) = OrderLine.select().where(OrderLine.order == order.id)
    assert edited.unit_price == D("215.0000")
