"""Login, lockout, CSRF, cookies, plant membership and the guard on every route."""
import re

import pytest

from addons.master_data.models.customer import Customer
from core.models import AuditLog, User
from core.security import verify_password
from core.users import create_user


def test_passwords_are_hashed(ctx, demo):
    user = User.get(User.login == "sales")
    assert "demo1234" not in user.password_hash and verify_password(user, "demo1234")


def test_wrong_password_is_refused_and_audited(browser):
    b = browser()
    response = b.login("sales", "not-the-password")
    assert response.status_code == 401
    assert "Wrong user name or password" in response.get_data(as_text=True) or \
        "用户名或密码错误" in response.get_data(as_text=True)
    assert b.get("/").status_code == 302  # still not logged in
    assert AuditLog.select().where(AuditLog.action == "login_failed").count() == 1


def test_unknown_user_gets_the_same_message(browser):
    response = browser().login("nobody", "whatever1")
    assert response.status_code == 401


def test_lockout_after_repeated_failures(browser, ctx):
    b = browser()
    for _ in range(5):
        b.login("sales", "wrong-password")
    locked = b.login("sales", "demo1234")  # even the right password is refused while locked
    assert locked.status_code == 429
    assert User.get(User.login == "sales").locked_until is not None


def test_forged_csrf_token_is_refused(browser, ctx):
    b = browser("admin")
    before = Customer.select().count()
    response = b.post("/master/customers/new", {"csrf_token": "forged", "code": "C1", "name": "x",
                                                "kind": "end", "credit_limit": "0", "payment_days": "0"})
    assert response.status_code == 400
    response = b.post("/master/customers/new", {"code": "C1", "name": "x", "kind": "end"}, csrf=False)
    assert response.status_code == 400
    assert Customer.select().count() == before


def test_session_cookie_is_httponly_and_samesite(browser):
    b = browser()
    b.get("/login")
    response = b.post("/login", {"login": "sales", "password": "demo1234"})
    cookie = response.headers.get("Set-Cookie")
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_login_redirects_only_to_our_own_pages(browser):
    b = browser()
    b.get("/login")
    response = b.post("/login?next=https://evil.example/", {"login": "sales", "password": "demo1234"})
    assert response.headers["Location"] == "/"


def test_duplicate_user_is_refused(ctx, demo):
    from core.errors import UserError
    with pytest.raises(UserError, match="already has this name"):
        create_user("sales", "Again", "password123")


def test_admin_screen_refuses_duplicate_login(browser, ctx):
    b = browser("admin")
    before = User.select().count()
    response = b.post("/admin/users/new", {"login": "sales", "name": "Dup", "password": "password123",
                                           "lang": "en", "active": "y"})
    assert "Another user already has this name" in response.get_data(as_text=True) or \
        "该用户名已被使用" in response.get_data(as_text=True)
    assert User.select().count() == before


def test_admin_creates_a_user_who_can_log_in(browser, ctx, demo):
    from core.models import Role
    b = browser("admin")
    sales = Role.get(Role.code == "sales")
    response = b.post("/admin/users/new", {"login": "newbie", "name": "New Bie", "password": "password123",
                                           "lang": "en", "active": "y", "roles": [str(sales.id)],
                                           "plants": [str(demo["P2"].id)]})
    assert response.status_code == 302
    newbie = browser("newbie", "password123")
    page = newbie.get("/").get_data(as_text=True)
    assert "华北分厂" in page and "/sales/orders" in page


def test_another_plants_record_is_not_found(browser, ctx, demo):
    other = Customer.create(plant=demo["P2"], code="N1", name="North customer")
    b = browser("sales")  # member of P1 only
    assert b.get(f"/master/customers/{other.id}").status_code == 404
    response = b.post(f"/master/customers/{other.id}", {"code": "N1", "name": "hijacked", "kind": "end",
                                                       "credit_limit": "0", "payment_days": "0"})
    assert response.status_code == 404
    assert Customer.get_by_id(other.id).name == "North customer"


def test_switching_to_a_plant_one_is_not_member_of_is_refused(browser, demo):
    b = browser("sales")
    b.post("/plant", {"plant_id": demo["P2"].id})
    assert "华东肉联厂" in b.get("/").get_data(as_text=True)


def test_view_without_a_declared_guard_answers_403(app, browser):
    # Routes fail closed: a view that forgot @requires/@public is not served.
    app.view_functions["core.healthz"].__dict__.pop("erp_guard")
    try:
        assert browser().get("/healthz").status_code == 403
    finally:
        app.view_functions["core.healthz"].erp_guard = ("public", None)


def _concrete_urls(app):
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static" or rule.endpoint.endswith(".static"):
            continue
        values = {arg: 1 for arg in rule.arguments}
        if "move" in values:
            values["move"] = "approve"
        if "action" in values:
            values["action"] = "disable"
        if "name" in values:
            values["name"] = "ledger"
        url = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(values[m.group(1)]), rule.rule)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            yield rule.endpoint, method, url


PUBLIC = {"core.login", "core.set_lang", "core.healthz", "api.openapi_document"}


def test_every_route_refuses_anonymous_users(app, browser):
    b = browser()
    for endpoint, method, url in _concrete_urls(app):
        if endpoint in PUBLIC:
            continue
        response = b.get(url) if method == "GET" else b.send(method, url)
        assert response.status_code in (302, 401), f"{method} {url} answered {response.status_code}"
        if response.status_code == 302:
            assert "/login" in response.headers["Location"]


def test_every_route_refuses_a_user_without_permissions(app, browser, ctx, demo):
    create_user("nobody", "No Roles", "password123", plants=["P1"])
    b = browser("nobody", "password123")
    allowed = {"core.home", "core.logout", "core.switch_plant", "core.account", "core.revoke_token", "core.inbox",
               "core.read_all_notifications"} | PUBLIC
    for endpoint, method, url in _concrete_urls(app):
        if endpoint in allowed:
            continue
        response = b.get(url) if method == "GET" else b.send(method, url)
        # the API ignores the session cookie: without a bearer token it is 401
        expected = (401,) if endpoint.startswith("api.") else (403, 404)
        assert response.status_code in expected, f"{method} {url} answered {response.status_code}"


def test_pages_carry_a_strict_content_security_policy(browser):
    response = browser().get("/login")
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"
    assert not re.search(r"\son[a-z]+=", response.get_data(as_text=True))  # no inline event handlers


def test_user_changes_own_password(browser, ctx):
    b = browser("sales")
    wrong = b.post("/account", {"current": "nope", "new": "new-password-1", "confirm": "new-password-1"})
    assert wrong.status_code == 200 and verify_password(User.get(User.login == "sales"), "demo1234")
    b.post("/account", {"current": "demo1234", "new": "new-password-1", "confirm": "new-password-1"})
    assert verify_password(User.get(User.login == "sales"), "new-password-1")
    assert browser().login("sales", "new-password-1").status_code == 302


def test_user_without_plant_is_told_so(browser, ctx, demo):
    create_user("drifter", "No Plant", "password123", roles=["sales"], lang="en")
    page = browser("drifter", "password123").get("/")
    assert page.status_code == 403 and "not a member of any active plant" in page.get_data(as_text=True)


def test_role_screen_offers_declared_and_model_permissions(browser):
    page = browser("admin").get("/admin/roles/new").get_data(as_text=True)
    assert 'value="sales_order.approve"' in page and 'value="master_data.customer.read"' in page
    assert 'value="core.admin.users"' in page and 'value="core.user.read"' not in page
