"""Buying live hogs in Chinese, in real Chromium: the buyer picks the farm by typing, fills the weighbridge
ticket, receives the hogs into stock and prints the ticket; finance pays the demo's waiting payment."""
import os

import pytest
from playwright.sync_api import expect

from tests.browser.pickers import pick
from tests.browser.test_home import login
from tests.live_server import live_server


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with live_server(tmp_path_factory.mktemp("purchase")) as base:
        yield base


def test_live_hogs_received_at_the_weighbridge_and_a_payment_paid(page, server, artifacts):
    login(page, server, "buyer")
    page.goto(f"{server}/purchase/receipts/new")
    page.locator("#receipt-kinds a", has_text="地磅收购生猪").click()
    expect(page.locator("#ticket")).to_be_visible()
    pick(page, "supplier", "dtszyzc", "S001 东台生猪养殖场 Dongtai hog farm")     # pinyin initials of the farm
    page.fill("input[name=quarantine_cert]", "3200120777")
    page.fill("input[name=lot_number]", "LH-TEST")
    for name, value in (("heads", "38"), ("gross_kg", "5620"), ("tare_kg", "1300"), ("deduct_kg", "20"),
                        ("price_per_kg", "15.5"), ("deduct_amount", "0")):
        page.fill(f"#ticket-{name}", value)
    page.click("#receipt-form button[type=submit]")
    expect(page.locator("#receipt-amount")).to_contain_text("66,650.00")        # 4,300 kg × 15.50
    page.click("#moves button[value=receive]")
    expect(page.locator("#receipt-state")).to_have_text("已入库")
    expect(page.locator("#receipt-lot")).to_contain_text("LH-TEST")
    page.click("#print-receipt")
    expect(page.locator("#ticket-net")).to_contain_text("4,300")
    page.screenshot(path=os.path.join(artifacts, "weighbridge-ticket-zh.png"), full_page=True)

    page.context.clear_cookies()
    login(page, server, "finance")
    page.goto(f"{server}/purchase/payments?state=submitted")
    page.locator("table tbody a").first.click()
    page.click("#moves button[value=pay]")
    expect(page.locator("#payment-state")).to_have_text("已付款")
    page.goto(f"{server}/purchase/payables")
    expect(page.locator("#payables")).to_contain_text("S001")
