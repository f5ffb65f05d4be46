"""The home page shows the work waiting for each user, with counts and links, and nothing they cannot open."""
import re

from addons.sales_order.orders import create_order
from core.models import User
from tests.sales_helpers import as_user, customer, days_ahead, line


def _cards(page) -> dict:
    return {label.strip(): (int(count), url) for url, count, label in re.findall(
        r'<a class="card[^"]*" href="([^"]+)" data-work>\s*<div class="card-body"><div class="[^"]*" data-field="count">(\d+)'
        r'</div><div class="text-body">([^<]+)</div>', page)}


def test_each_role_sees_its_own_work(browser, ctx, demo):
    p1 = demo["P1"]
    User.update(lang="en").execute()
    with as_user("sales", p1):
        create_order(customer("P1C001"), days_ahead(5), [line("P002", 2)])
        submitted = create_order(customer("P1C001"), days_ahead(5), [line("P002", 3)])
        submitted.submit()
    sales, manager = browser("sales"), browser("manager")
    mine = _cards(sales.get("/").get_data(as_text=True))
    assert mine["My orders to submit"] == (1, "/sales/orders?state=draft")
    assert "Orders to review" not in mine
    theirs = _cards(manager.get("/").get_data(as_text=True))
    assert theirs["Orders to review"] == (1, "/sales/review")
    for login in ("sales", "manager", "shipper", "finance", "scheduler", "leader"):
        user = browser(login)
        for count, url in _cards(user.get("/").get_data(as_text=True)).values():
            assert user.get(url).status_code == 200, (login, url)       # nothing offered ends in a refusal


def test_returns_waiting_are_counted_for_the_plant_in_state_submitted_only(browser, ctx, demo):
    """The home page's count of returns to review: submitted ones of the plant, not drafts, not another plant's."""
    from addons.returns.returns import save_return
    User.update(lang="en").execute()
    for plant, code, submit in (("P1", "P1C002", True), ("P1", "P1C002", True), ("P1", "P1C002", False),
                                ("P2", "P2C001", True)):
        with as_user("admin", demo[plant]):
            claim = save_return(customer(code), [], kind="claim", claimed="50.00")
            if submit:
                claim.submit()
    cards = _cards(browser("manager").get("/").get_data(as_text=True))
    assert cards["Returns to review"] == (2, "/returns/orders?state=submitted")


def test_the_administrators_menu_does_not_list_the_portal(browser, ctx, demo):
    User.update(lang="en").execute()
    admin = browser("admin").get("/").get_data(as_text=True)
    assert 'data-section="portal"' not in admin and 'data-section="admin"' in admin
    portal = browser("customer").get("/").get_data(as_text=True)
    assert 'data-section="portal"' in portal
