"""Creating and approving a return, and a customer asking for one in the portal, in Chinese, in real Chromium."""
import os

import pytest
from playwright.sync_api import expect

from tests.browser.pickers import pick
from tests.browser.test_home import login
from tests.live_server import live_server, run_sql


# The demo ships and signs one note today; the demo portal login acts for that note's customer.
PORTAL_BUYER_TOOK_THE_DELIVERY = run_sql(
    "UPDATE master_data_customer_login SET customer_id = (SELECT customer_id FROM dispatch_delivery_note "
    "WHERE state = 'received' ORDER BY id LIMIT 1)")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with live_server(tmp_path_factory.mktemp("returns"), prepare=PORTAL_BUYER_TOOK_THE_DELIVERY) as base:
        yield base


def test_create_and_approve_a_return(page, server, artifacts):
    login(page, server, "sales")
    page.goto(server + "/returns/orders/new")
    expect(page.locator("h1")).to_contain_text("新建退货单")
    pick(page, "customer", "P1C002", "P1C002 客户2 Customer 2")
    page.select_option("select[name=reason]", label="质量问题 Quality")
    page.fill("input[name=tracking]", "沪A·54321")
    pick(page, "lines-0-product", "zt", "P005 猪蹄 Trotters (box)")
    page.fill("input[name=lines-0-quantity]", "2")
    pick(page, "lines-1-product", "P005", "P005 猪蹄 Trotters (box)")
    page.select_option("select[name=lines-1-direction]", "out")
    page.fill("input[name=lines-1-quantity]", "1")
    page.click("#return-form button[type=submit]:has-text('保存')")
    expect(page.locator("#return-state")).to_have_text("草稿")
    expect(page.locator("#return-claimed")).to_contain_text("420.00")
    page.click("#moves button[value=submit]")
    expect(page.locator("#return-state")).to_have_text("已提交")
    url = page.url

    page.context.clear_cookies()
    login(page, server, "manager")
    page.goto(url)
    page.click("#moves button[value=approve]")
    expect(page.locator("#return-state")).to_have_text("已审核")
    expect(page.locator("body")).to_contain_text("退回入库")
    page.screenshot(path=os.path.join(artifacts, "return-zh.png"), full_page=True)
    outside = [u for u in page.requests if not u.startswith(server) and not u.startswith("data:")]
    assert outside == []


def test_a_customer_asks_to_send_goods_back_in_the_portal(page, server, artifacts):
    login(page, server, "customer")
    page.goto(server + "/")
    page.click("li[data-section=portal] > a.dropdown-toggle")
    page.click("li[data-section=portal] a.dropdown-item:has-text('我的退货')")
    expect(page.locator("h1")).to_contain_text("我的退货")
    page.click("#portal-deliveries a:has-text('退回这次发货的货物')")
    expect(page.locator("h1")).to_contain_text("退回")
    first = page.locator("#returnable-lines tbody tr").first.locator("input[name^=back-]")
    first.fill("999")
    page.click("#send-return")
    expect(page.locator(".alert-danger")).to_contain_text("最多还能退回")
    first.fill("1")
    page.fill("textarea[name=remarks]", "包装破损")
    page.click("#send-return")
    expect(page.locator("#return-state")).to_have_text("草稿")
    expect(page.locator("body")).to_contain_text("包装破损")
    page.screenshot(path=os.path.join(artifacts, "portal-return-zh.png"), full_page=True)
    outside = [u for u in page.requests if not u.startswith(server) and not u.startswith("data:")]
    assert outside == []
