"""Planning a trip and working the shipping desk, in Chinese, in real Chromium."""
import datetime
import os
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from tests.browser.test_home import login
from tests.live_server import live_server, run_sql


# Without a scale at the desk, quantities and weights are keyed in (the demo's scale is switched off).
NO_SCALES = run_sql("UPDATE weighing_station SET active = 0")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with live_server(tmp_path_factory.mktemp("dispatch"), prepare=NO_SCALES) as base:
        yield base


def test_plan_a_trip_and_ship_it_at_the_desk(page, server, artifacts):
    tomorrow = (datetime.datetime.now(ZoneInfo("Asia/Shanghai")).date() + datetime.timedelta(days=1)).isoformat()
    login(page, server, "scheduler")
    page.goto(f"{server}/dispatch/planning?day={tomorrow}")
    expect(page.locator("h1")).to_contain_text("排车")
    page.select_option("#trip-form select[name=vehicle]", index=1)
    page.click("#trip-form button[type=submit]")
    expect(page.locator(".alert-success")).to_contain_text("已创建")
    boxes = page.locator("#assign-form input[type=checkbox]")
    boxes.nth(0).check()
    boxes.nth(1).check()
    page.click("#assign-form button[type=submit]")
    expect(page.locator(".alert-success")).to_contain_text("已安排 1 张发货单")
    page.screenshot(path=os.path.join(artifacts, "planning-zh.png"), full_page=True)

    page.context.clear_cookies()
    login(page, server, "shipper")
    page.goto(f"{server}/dispatch/desk?day={tomorrow}")
    expect(page.locator("h1")).to_contain_text("发货台")
    page.set_viewport_size({"width": 1024, "height": 768})       # the desk's own screen
    page.locator("#desk-notes tbody a").last.click()
    cards = page.locator(".card[id^='line-']")
    expect(cards).to_have_count(2)
    for n in range(2):
        card = cards.nth(n)
        card.locator("button:has-text('已拣货')").click()
        expect(page.locator(".card[id^='line-']").nth(n).locator("button:has-text('已拣货')")).to_be_disabled()
        card = page.locator(".card[id^='line-']").nth(n)
        planned = card.locator(".card-header").inner_text()
        quantity = planned.split("计划")[1].split()[0]
        card.locator("input[name$='-quantity']").fill(quantity)
        card.locator("input[name$='-gross']").fill("123.4")
        card.locator("select[name$='-container']").select_option(index=1)      # crates of 1.8 kg
        card.locator("input[name$='-container_count']").fill("2")
        card.locator("button:has-text('记录批次')").click()
        expect(page.locator(".alert-success")).to_contain_text("批次已记录")
        card = page.locator(".card[id^='line-']").nth(n)
        expect(card.locator("table")).to_contain_text("119.8")                 # 123.4 − 2 × 1.8 net
        expect(card.locator("input[name$='-container_count']")).to_have_value("2")   # the next batch: the same crates
    page.screenshot(path=os.path.join(artifacts, "desk-zh.png"), full_page=True)
    page.click("#ship-form button")
    expect(page.locator("#note-state")).to_have_text("已发货")
    expect(page.locator(".alert-success")).to_contain_text("已记入客户账户")
    outside = [url for url in page.requests if not url.startswith(server) and not url.startswith("data:")]
    assert outside == []
