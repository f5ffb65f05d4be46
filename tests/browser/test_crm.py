"""A salesperson's day in Chinese, in real Chromium: the reminders, a follow-up written from an overdue one,
a customer claimed from the public pool; an administrator approves the claim."""
import os

import pytest
from playwright.sync_api import expect

from tests.browser.test_home import login
from tests.live_server import live_server


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with live_server(tmp_path_factory.mktemp("crm")) as base:
        yield base


def test_a_salespersons_day(page, server, artifacts):
    login(page, server, "sales")
    page.goto(f"{server}/crm/")
    expect(page.locator("h1")).to_contain_text("今日工作")
    overdue = page.locator("#overdue tr[data-code=P1C002]")
    expect(overdue.locator("[data-field=days]")).to_have_text("3")
    expect(page.locator("#due tr[data-code=P1C001]")).to_be_visible()
    page.screenshot(path=os.path.join(artifacts, "crm-day-zh.png"), full_page=True)

    overdue.locator("a", has_text="跟单").click()
    expect(page.locator(".erp-pick:has(input[name='customer']) [data-pick-text]")).to_have_value(
        "P1C002 客户2 Customer 2")
    page.fill("textarea[name=content]", "已付一半 half paid, the rest on Friday")
    page.fill("input[name=next_step]", "周五再催 chase again on Friday")
    next_day = page.evaluate("() => { const d = new Date(); d.setDate(d.getDate() + 2); "
                             "return d.toISOString().slice(0, 10); }")
    page.fill("input[name=next_day]", next_day)
    page.click("main form button[type=submit]")
    expect(page.locator(".alert-success")).to_be_visible()
    page.goto(f"{server}/crm/")
    expect(page.locator("#overdue tr[data-code=P1C002]")).to_have_count(0)
    expect(page.locator("#due tr[data-code=P1C002]")).to_be_visible()

    page.goto(f"{server}/crm/pool")
    row = page.locator("#pool tr[data-code=P1C103]")
    row.locator("input[name=note]").fill("老客户介绍 referred by an old customer")
    row.locator("button", has_text="申请").click()
    expect(page.locator(".alert-success")).to_contain_text("公海客户3")
    expect(page.locator("#pool tr[data-code=P1C103] .badge")).to_be_visible()

    page.context.clear_cookies()
    login(page, server, "admin")
    page.goto(f"{server}/crm/pool")
    claim = page.locator("#claims tr[data-claim=P1C103]")
    claim.locator("button[formaction$='/move/approve']").click()
    expect(page.locator("#pool tr[data-code=P1C103]")).to_have_count(0)
    page.goto(f"{server}/crm/channels?q=P1C103")
    expect(page.locator("table")).to_contain_text("P1C103")
