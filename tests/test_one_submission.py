"""One submission, one document: a form sent twice (double click, back and resubmit, replay) acts once;
an API create repeated with the same Idempotency-Key gives the first answer again."""
import re
from decimal import Decimal as D

from addons.ledger.models.receipt import Receipt
from addons.sales_order.models.order import Order
from core.api import tokens
from core.clock import plant_today
from core.models import User
from tests.sales_helpers import customer, days_ahead, product


def _once(html):
    return re.search(r'name="_once" value="([^"]+)"', html).group(1)


def test_a_receipt_form_sent_twice_records_one_receipt(browser, ctx, demo):
    finance = browser("finance")
    page = finance.get("/ledger/receipts/new").get_data(as_text=True)
    token = _once(page)
    form = {"customer": customer("P1C002").id, "date": plant_today(demo["P1"]).isoformat(), "amount": "500.00",
            "method": "transfer", "_once": token}
    assert finance.post("/ledger/receipts/new", form).status_code == 302
    again = finance.post("/ledger/receipts/new", form)                       # the double click
    assert again.status_code == 302 and Receipt.select().count() == 1
    shown = finance.get("/ledger/receipts").get_data(as_text=True)
    assert "sent already" in shown or "已提交过" in shown
    # a new rendering of the form is a new token: a second receipt is a second receipt
    form["_once"] = _once(finance.get("/ledger/receipts/new").get_data(as_text=True))
    assert finance.post("/ledger/receipts/new", form).status_code == 302 and Receipt.select().count() == 2


def test_a_refused_form_can_be_corrected_and_sent_with_the_same_token(browser, ctx, demo):
    finance = browser("finance")
    token = _once(finance.get("/ledger/receipts/new").get_data(as_text=True))
    form = {"customer": customer("P1C002").id, "date": plant_today(demo["P1"]).isoformat(), "amount": "500.00",
            "method": "transfer", "order": "SO-NOPE", "_once": token}
    assert finance.post("/ledger/receipts/new", form).status_code == 422          # refused: the token goes back
    del form["order"]
    assert finance.post("/ledger/receipts/new", form).status_code == 302 and Receipt.select().count() == 1


def test_an_api_create_with_the_same_idempotency_key_makes_one_order(app, ctx, demo):
    client = app.test_client()
    sales, manager = (tokens.issue(User.get(User.login == login), "t") for login in ("sales", "manager"))
    body = {"customer": customer("P1C002").id, "delivery_date": days_ahead(5).isoformat(),
            "lines": [{"product": product("P005").id, "quantity": "2"}]}

    def create(token, key):
        with app.app_context():
            return client.post("/api/v1/orders", json=body, headers={
                "Authorization": f"Bearer {token}", "X-Plant": "P1", "Idempotency-Key": key})
    first, again = create(sales, "order-4711"), create(sales, "order-4711")
    assert first.status_code == again.status_code == 201
    assert again.get_json() == first.get_json() and again.headers["Idempotent-Replayed"] == "true"
    assert Order.select().count() == 1 and Order.get().amount == D("420.00")
    assert create(manager, "order-4711").status_code == 201 and Order.select().count() == 2   # another user's key
    assert create(sales, "x" * 200).status_code == 400


def test_a_key_sent_again_with_another_request_is_refused_not_answered_with_the_first(app, ctx, demo):
    client = app.test_client()
    token = tokens.issue(User.get(User.login == "finance"), "t")

    def pay(url, body):
        with app.app_context():
            return client.post("/api/v1" + url, json=body, headers={
                "Authorization": f"Bearer {token}", "X-Plant": "P1", "Idempotency-Key": "bank-1"})
    first = pay("/receipts", {"customer_code": "P1C002", "amount": "100.00"})
    assert first.status_code == 201
    other_amount = pay("/receipts", {"customer_code": "P1C002", "amount": "200.00"})
    other_address = pay("/invoices", {"customer_code": "P1C002"})
    assert other_amount.status_code == other_address.status_code == 422
    assert "Idempotency-Key" in other_amount.get_json()["error"]["details"]
    assert Receipt.select().count() == 1 and Receipt.get().amount == D("100.00")
    assert pay("/receipts", {"customer_code": "P1C002", "amount": "100.00"}).get_json() == first.get_json()


def test_an_id_past_64_bits_is_no_such_record_on_every_method(app, ctx, demo):
    token = tokens.issue(User.get(User.login == "manager"), "t")
    client = app.test_client()
    for method in ("GET", "PATCH", "POST"):
        with app.app_context():
            answer = client.open("/api/v1/price_lists/615190166925900382208", method=method, json={},
                                 headers={"Authorization": f"Bearer {token}", "X-Plant": "P1"})
        assert answer.status_code == 404, method
        assert answer.get_json()["error"]["code"] == "not_found"
