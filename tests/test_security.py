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


def test_repeated_failures_slow_the_guesser_not_the_account(browser, ctx, app):
    guesser = browser()
    for _ in range(5):
        guesser.login("admin", "wrong-password")
    assert guesser.login("admin", "demo1234").status_code == 429      # this address waits, even when right
    other = app.test_client()                                          # the administrator at her own desk
    with app.app_context():
        other.get("/login", environ_base={"REMOTE_ADDR": "10.9.8.7"})
    token_page = _login_from(app, other, "admin", "demo1234", "10.9.8.7")
    assert token_page.status_code == 302 and token_page.headers["Location"] == "/"


def test_one_address_cannot_try_every_account(browser, ctx):
    guesser = browser()
    names = ["sales", "sales2", "manager", "scheduler", "shipper", "finance", "leader", "customer"]
    for n in range(20):
        guesser.login(names[n % len(names)] if n % 3 else f"nobody{n}", "wrong-password")
    assert guesser.login("leader", "demo1234").status_code == 429


def _login_from(app, client, login, password, address):
    with app.app_context():
        page = client.get("/login", environ_base={"REMOTE_ADDR": address}).get_data(as_text=True)
        token = re.search(r'name="csrf_token"(?: type="hidden")? value="([^"]+)"', page).group(1)
        return client.post("/login", data={"login": login, "password": password, "csrf_token": token},
                           environ_base={"REMOTE_ADDR": address})


def test_unknown_and_known_users_cost_the_same_password_check(app, ctx, demo, monkeypatch):
    from core import login_guard
    checked = []
    real = login_guard.check_password_hash
    monkeypatch.setattr(login_guard, "check_password_hash", lambda h, p: checked.append(h) or real(h, p))
    for name in ("sales", "nobody-at-all"):
        _login_from(app, app.test_client(), name, "wrong-password", "10.1.1.1")
    known, unknown = checked
    assert known.split("$")[0] == unknown.split("$")[0]           # the same method and cost, hashed alike


def test_logout_a_new_password_and_deactivation_end_every_session(browser, ctx):
    desk, phone = browser("sales"), browser("sales")
    assert desk.get("/sales/orders").status_code == 200 and phone.get("/sales/orders").status_code == 200
    assert desk.get("/sales/orders").headers["Cache-Control"] == "no-store"
    desk.post("/logout", {})
    assert phone.get("/sales/orders").status_code == 302                # the other browser is out too

    desk, phone = browser("sales"), browser("sales")
    desk.post("/account", {"current": "demo1234", "new": "new-password-1", "confirm": "new-password-1"})
    assert desk.get("/sales/orders").status_code == 200                 # the one that changed it stays
    assert phone.get("/sales/orders").status_code == 302                # the old password's session ends
    assert verify_password(User.get(User.login == "sales"), "new-password-1")

    shipper = browser("shipper")
    assert shipper.get("/dispatch/desk").status_code == 200
    admin = browser("admin")
    target = User.get(User.login == "shipper")
    page = admin.get(f"/admin/users/{target.id}").get_data(as_text=True)
    form = {name: value for name, value in re.findall(r'<input[^>]*name="([\w-]+)"[^>]*value="([^"]*)"', page)
            if name not in ("csrf_token", "active", "is_superuser", "password")}
    form.update(roles=[r for r in re.findall(r'name="roles"[^>]*value="(\d+)"[^>]*checked', page)],
                plants=[p for p in re.findall(r'name="plants"[^>]*value="(\d+)"[^>]*checked', page)],
                lang="en")
    assert admin.post(f"/admin/users/{target.id}", form).status_code == 302
    assert User.get_by_id(target.id).active is False
    assert shipper.get("/dispatch/desk").status_code == 302              # deactivated: out at once


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
    for target in ("/%09/evil.example", "//evil.example", "/\\evil.example", "/%5Cevil.example", "https:/x",
                   "javascript:alert(1)", "/%0d%0aSet-Cookie:x"):
        b = browser()
        b.get("/login")
        response = b.post(f"/login?next={target}", {"login": "sales", "password": "demo1234"})
        assert response.headers["Location"] == "/", target
    b = browser()
    b.get("/login")
    assert b.post("/login?next=/sales/orders", {"login": "sales", "password": "demo1234"}).headers[
        "Location"] == "/sales/orders"


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
