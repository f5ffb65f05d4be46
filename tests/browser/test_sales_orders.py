"""The order form and the customer portal in Chinese, in real Chromium, with no request leaving the server."""
import datetime
import os
from zoneinfo import ZoneInfo

from playwright.sync_api import expect

from tests.browser.pickers import pick
from tests.browser.test_home import login


def _day(n):
    return (datetime.datetime.now(ZoneInfo("Asia/Shanghai")).date() + datetime.timedelta(days=n)).isoformat()


def _only_local(page, server):
    return [url for url in page.requests if not url.startswith(server) and not url.startswith("data:")]


def test_order_form_with_added_lines_then_submit(page, server, artifacts):
    login(page, server, "sales")
    page.goto(server + "/sales/orders/new")
    expect(page.locator("h1")).to_contain_text("新建销售订单")
    pick(page, "customer", "kh2", "P1C002 客户2 Customer 2")              # pinyin initials of 客户2
    page.fill("input[name=delivery_date]", _day(6))
    pick(page, "lines-0-product", "猪蹄", "P005 猪蹄 Trotters (box)")
    page.fill("input[name=lines-0-quantity]", "2")
    pick(page, "lines-1-product", "P002", "P002 猪后腿 Hind leg")
    page.fill("input[name=lines-1-quantity]", "1.5")            # hind legs are whole pieces
    page.click("button[type=submit]:has-text('保存')")
    expect(page.locator(".line-error")).to_contain_text("第 2 行")
    page.fill("input[name=lines-1-quantity]", "4")
    rows = page.locator("[data-line-row]").count()               # the two typed rows kept, and blank ones
    page.click("[data-add-line]")
    page.click("[data-add-line]")
    expect(page.locator("[data-line-row]")).to_have_count(rows + 2)
    last = f"lines-{rows + 1}"
    pick(page, f"{last}-product", "whr", "P003 五花肉 Pork belly")
    page.fill(f"input[name={last}-quantity]", "1")
    page.click("button[type=submit]:has-text('保存')")
    expect(page.locator("#order-state")).to_have_text("草稿")
    # 2 × 210.00 + 4 × 12.5 kg × 26.80 + 1 × 20 kg × 32.00
    expect(page.locator("#order-amount")).to_contain_text("2,400.00")
    expect(page.locator("#order-lines tbody tr")).to_have_count(3)
    page.click("#moves button[value=submit]")
    expect(page.locator("#order-state")).to_have_text("已提交")
    page.screenshot(path=os.path.join(artifacts, "sales-order-zh.png"), full_page=True)
    assert _only_local(page, server) == []


def test_portal_reservation_in_chinese(page, server, artifacts):
    login(page, server, "customer")
    expect(page.locator("nav")).to_contain_text("我的订单")
    page.goto(server + "/portal/")
    page.click("#new-reservation")
    expect(page.locator("h1")).to_contain_text("新建预订")
    page.select_option("select[name=delivery_date]", _day(3))
    page.select_option("select[name=lines-0-product]", index=1)     # the first product with a price
    page.fill("input[name=lines-0-quantity]", "3")
    page.click("button[type=submit]:has-text('保存')")
    expect(page.locator("#order-state")).to_have_text("已预订")
    expect(page.locator("body")).to_contain_text("可修改截止时间")
    page.goto(server + "/portal/")
    # the demo's approved order and reservation, and this one
    expect(page.locator("#portal-orders tbody tr")).to_have_count(3)
    page.goto(server + "/portal/prices")
    expect(page.locator("#portal-prices")).to_contain_text("23.20")
    page.screenshot(path=os.path.join(artifacts, "portal-zh.png"), full_page=True)
    assert _only_local(page, server) == []
