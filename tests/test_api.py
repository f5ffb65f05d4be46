"""The JSON API: tokens, permissions and plants as on the screens; exact money; the OpenAPI document."""
import datetime
import re

import pytest
from openapi_spec_validator import validate

from addons.master_data.models.customer import Customer
from addons.master_data.models.product import Product
from addons.sales_order.models.line import OrderLine
from addons.sales_order.models.order import Order
from core.api import tokens
from core.models import ApiToken, Plant, User
from core.users import create_user


@pytest.fixture
def api(app, ctx, demo):
    """A client for one user's token: api("sales").get("/customers")."""
    def make(login, plant=None):
        token = tokens.issue(User.get(User.login == login), "tests")
        client = app.test_client()

        class Api:
            def call(self, method, path, json=None, headers=None):
                head = {"Authorization": f"Bearer {token}", **({"X-Plant": plant} if plant else {}), **(headers or {})}
                with app.app_context():
                    return client.open("/api/v1" + path, method=method, json=json, headers=head)

            def get(self, path, **kw):
                return self.call("GET", path, **kw)
        instance = Api()
        instance.token = token
        return instance
    return make


def test_document_is_valid_openapi_3_and_public(app, browser):
    response = browser().get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.get_json()
    validate(document)
    assert "/customers/{id}" in document["paths"] and "/orders/{id}/approve" in document["paths"]


def test_no_token_or_a_bad_one_is_401(app, browser, api):
    client = app.test_client()
    assert client.get("/api/v1/customers").status_code == 401
    assert client.get("/api/v1/customers", headers={"Authorization": "Bearer erp_nonsense"}).status_code == 401
    body = client.get("/api/v1/customers").get_json()
    assert body["error"]["code"] == "unauthorized"


def test_list_is_paged_by_cursor_and_searchable(api):
    sales = api("sales")
    first = sales.get("/customers?limit=3").get_json()
    assert [c["code"] for c in first["items"]] == ["P1C001", "P1C002", "P1C003"]
    second = sales.get(f"/customers?limit=3&after={first['next']}").get_json()
    assert [c["code"] for c in second["items"]] == ["P1C004", "P1C005", "P1C006"]
    assert [c["code"] for c in sales.get("/customers?q=周记").get_json()["items"]] == ["P1C001"]
    assert sales.get("/customers?limit=many").status_code == 422


def test_money_is_an_exact_string(api):
    item = api("sales").get("/customers?limit=1").get_json()["items"][0]
    assert item["credit_limit"] == "50000.00" and isinstance(item["payment_days"], int)


def test_create_validate_and_update_partially(api, ctx, demo):
    manager = api("manager")
    bad = manager.call("POST", "/customers", json={"code": "", "name": "x", "credit_limit": "-1", "colour": "red"})
    assert bad.status_code == 422
    assert set(bad.get_json()["error"]["details"]) == {"colour"}
    bad = manager.call("POST", "/customers", json={"code": "", "name": "x", "credit_limit": "-1"})
    assert bad.status_code == 422 and {"code", "credit_limit"} <= set(bad.get_json()["error"]["details"])
    made = manager.call("POST", "/customers", json={"code": "API1", "name": "接口客户", "credit_limit": "1234.56",
                                                    "kind": "channel", "active": True})
    assert made.status_code == 201, made.get_json()
    created = made.get_json()
    assert created["credit_limit"] == "1234.56" and created["kind"] == "channel"
    assert Customer.get_by_id(created["id"]).plant_id == demo["P1"].id
    changed = manager.call("PATCH", f"/customers/{created['id']}", json={"payment_days": 45})
    assert changed.status_code == 200
    customer = Customer.get_by_id(created["id"])
    assert (customer.payment_days, customer.name, customer.credit_limit, customer.active) == \
        (45, "接口客户", customer.credit_limit, True)
    clash = manager.call("POST", "/customers", json={"code": "API1", "name": "again"})
    assert clash.status_code == 422 and "code" in clash.get_json()["error"]["details"]


def test_permissions_match_the_screens(api):
    shipper = api("shipper")
    assert shipper.get("/customers").status_code == 200            # may read
    assert shipper.call("POST", "/customers", json={"code": "S1", "name": "x"}).status_code == 403
    assert shipper.get("/prices").status_code == 404 or shipper.get("/price_rows").status_code == 403


def test_another_plants_record_is_404_and_plants_are_checked(api, ctx, demo):
    north = Customer.get(Customer.code == "P2C001")
    sales = api("sales")
    assert sales.get(f"/customers/{north.id}").status_code == 404
    assert sales.call("PATCH", f"/customers/{north.id}", json={"name": "hijack"}).status_code == 404
    assert api("sales", plant="P2").get("/customers").status_code == 403   # not a member of P2
    manager_north = api("manager", plant="P2")
    assert manager_north.get(f"/customers/{north.id}").status_code == 200
    assert manager_north.get("/vehicles").status_code == 404              # P2 does not run dispatch
    assert api("manager", plant="NOPE").get("/customers").status_code == 403     # no such plant
    Plant.update(active=False).where(Plant.code == "P2").execute()
    assert manager_north.get("/customers").status_code == 403             # a member, of a plant closed down


def test_workflow_moves_through_the_api(api, ctx, demo):
    order = Order.create(plant=demo["P1"], number="SO-API-1", customer=Customer.get(Customer.code == "P1C001"),
                         delivery_date=datetime.date.today() + datetime.timedelta(days=10))
    OrderLine.create(order=order, seq=1, product=Product.get(Product.code == "P005"), quantity=1, unit_price=210,
                     amount=210)
    sales, manager = api("sales"), api("manager")
    assert sales.call("POST", f"/orders/{order.id}/approve").status_code == 409    # still a draft
    assert sales.call("POST", f"/orders/{order.id}/submit").get_json()["state"] == "submitted"
    assert sales.call("POST", f"/orders/{order.id}/approve").status_code == 403
    response = manager.call("POST", f"/orders/{order.id}/reject", json={})
    assert response.status_code == 400 and list(response.get_json()["error"]["details"]) == ["comment"]
    assert manager.call("POST", f"/orders/{order.id}/approve").get_json()["state"] == "approved"
    assert manager.call("POST", f"/orders/{order.id}/fly").status_code == 404
    refused = manager.call("POST", "/orders", json={})
    assert refused.status_code == 422 and "customer" in refused.get_json()["error"]["details"]


def test_revoked_token_is_refused(api, ctx):
    sales = api("sales")
    assert sales.get("/customers").status_code == 200
    row = ApiToken.get(ApiToken.prefix == sales.token[:12])
    assert row.token_hash != sales.token and sales.token not in row.token_hash
    tokens.revoke(row.user, row.id)
    assert sales.get("/customers").status_code == 401


def test_tokens_are_made_and_revoked_on_the_account_screen(browser, app, ctx):
    b = browser("sales")
    page = b.post("/account", {"token-name": "ERP link"}).get_data(as_text=True)
    token = re.search(r'id="new-token">([^<]+)<', page).group(1)
    client = app.test_client()
    assert client.get("/api/v1/", headers={"Authorization": f"Bearer {token}"}).status_code == 200
    row = ApiToken.get(ApiToken.name == "ERP link")
    b.post(f"/account/tokens/{row.id}/revoke")
    assert client.get("/api/v1/", headers={"Authorization": f"Bearer {token}"}).status_code == 401
    assert token not in b.get("/account").get_data(as_text=True)  # shown once only


def _calls(document, ids):
    for path, item in document["paths"].items():
        for method in item:
            resource = path.strip("/").split("/")[0]
            concrete = re.sub(r"\{\w+\}", "1", path.replace("{id}", str(ids.get(resource, 1))))
            yield method.upper(), path, concrete, item[method]


def test_every_documented_route_answers_as_documented(app, api, ctx, demo):
    Order.create(plant=demo["P1"], number="SO-DOC-1", customer=Customer.get(Customer.code == "P1C001"),
                 delivery_date=datetime.date(2026, 12, 1))
    document = app.test_client().get("/api/v1/openapi.json").get_json()
    ids = {}
    admin = api("admin")
    for name in document["paths"]:
        if name.count("/") == 1 and name != "/openapi.json" and name != "/":
            items = admin.get(name).get_json().get("items") or [{"id": 1}]
            ids[name.strip("/")] = items[0]["id"]
    create_user("nobody", "No Roles", "password123", plants=["P1"])
    outsider, stranger = api("nobody"), app.test_client()
    for method, path, url, operation in _calls(document, ids):
        allowed = {int(code) for code in operation["responses"]}
        body = {} if method in ("POST", "PATCH") else None
        response = admin.call(method, url, json=body)
        assert response.status_code in allowed, f"{method} {url}: {response.status_code} not in {allowed}"
        if operation.get("security") == []:
            continue
        assert stranger.open("/api/v1" + url, method=method, json=body).status_code == 401
        denied = outsider.call(method, url, json=body)
        if path == "/":  # the index answers everyone with what they may use: nothing here
            assert denied.get_json()["resources"] == []
            continue
        assert denied.status_code in (403, 404), f"{method} {url} for a user without rights: {denied.status_code}"


def test_times_carry_their_zone_and_405_says_what_is_allowed(app, api, ctx, demo):
    import re as _re
    manager = api("manager")
    order = manager.call("POST", "/orders", json={
        "customer": Customer.get(Customer.code == "P1C001").id,
        "delivery_date": (datetime.date.today() + datetime.timedelta(days=10)).isoformat(),
        "lines": [{"product": Product.get(Product.code == "P005").id, "quantity": "1"}]}).get_json()
    assert _re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+00:00", order["created_at"]), order["created_at"]
    client = app.test_client()
    with app.app_context():
        wrong = client.delete("/login")
    assert wrong.status_code == 405 and set(wrong.headers["Allow"].split(", ")) >= {"GET", "POST"}


def test_a_customer_created_without_a_kind_gets_the_forms_default(api, ctx, demo, browser):
    made = api("manager").call("POST", "/customers", json={"code": "APIK", "name": "No kind given"})
    assert made.status_code == 201 and made.get_json()["kind"] == "end"
    page = browser("manager").get("/master/customers/new").get_data(as_text=True)
    assert '<option selected value="end">' in page or '<option value="end" selected>' in page


def test_an_order_by_the_codes_the_integration_keeps(api, ctx, demo):
    sales = api("sales")
    day = (datetime.date.today() + datetime.timedelta(days=10)).isoformat()
    made = sales.call("POST", "/orders", json={"customer_code": "P1C002", "delivery_date": day,
                                               "lines": [{"product_code": "P005", "quantity": "2"}]})
    assert made.status_code == 201, made.get_json()
    order = Order.get_by_id(made.get_json()["id"])
    assert order.customer.code == "P1C002" and order.lines.get().product.code == "P005"
    refused = sales.call("POST", "/orders", json={"customer_code": "P2C001", "delivery_date": day,
                                                  "lines": [{"product_code": "P005", "quantity": "2"}]})
    assert refused.status_code == 400 and "customer_code" in refused.get_json()["error"]["details"]
    refused = sales.call("POST", "/orders", json={"customer_code": "P1C002", "delivery_date": day,
                                                  "lines": [{"product_code": "NOPE", "quantity": "2"}]})
    assert refused.status_code == 400 and "NOPE" in refused.get_json()["error"]["message"]
