"""Stock in Chinese, in real Chromium: the storekeeper enters the day's production as a lot, the manager
follows the demo's shipped lot to its customers and reads the day's exit record."""
import datetime
import os
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from tests.browser.test_home import login
from tests.live_server import live_server


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with live_server(tmp_path_factory.mktemp("stock")) as base:
        yield base


def test_a_lot_produced_and_a_lot_traced(page, server, artifacts):
    today = datetime.datetime.now(ZoneInfo("Asia/Shanghai")).date()
    login(page, server, "storekeeper")
    page.goto(f"{server}/stock/production")
    expect(page.locator("h1")).to_contain_text("当日生产入库")
    page.fill("input[name=quarantine_cert]", "3200-TEST")
    page.fill("input[name=quality_cert]", "QC-TEST")
    page.fill("input[name=asf_report]", "ASF-TEST")
    page.fill("input[name=shelf_life_days]", "7")
    page.fill("input[name='lines-1-quantity']", "12")
    page.fill("input[name='lines-1-weight']", "150.6")
    page.click("#production-form button[type=submit]")
    expect(page.locator(".alert-success")).to_contain_text("已生产入库")
    expect(page.locator("#lot-levels")).to_contain_text("150.6")
    page.screenshot(path=os.path.join(artifacts, "lot-zh.png"), full_page=True)

    page.context.clear_cookies()
    login(page, server, "manager")
    page.goto(f"{server}/stock/lots")
    page.locator("table a", has_text=f"L{today - datetime.timedelta(days=1):%Y%m%d}-01").click()
    page.locator("a", has_text="召回清单").click()
    expect(page.locator("h1")).to_contain_text("召回清单")
    expect(page.locator("#recall tbody tr")).not_to_have_count(0)
    expect(page.locator("#recall")).not_to_contain_text("本批次货物尚未出厂")
    page.screenshot(path=os.path.join(artifacts, "recall-zh.png"), full_page=True)
    page.goto(f"{server}/stock/exit-record")
    expect(page.locator("h1")).to_contain_text("出厂记录")
    expect(page.locator("#exit-record")).to_contain_text("DN-")
    outside = [url for url in page.requests if not url.startswith(server) and not url.startswith("data:")]
    assert outside == []
