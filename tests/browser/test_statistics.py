"""The live board and a chart page render in Chinese with no request leaving the server."""
import os

from playwright.sync_api import expect

from tests.browser.test_home import login


def test_live_board_and_sales_chart_in_chinese(page, server, artifacts):
    login(page, server, "leader")
    page.goto(server + "/statistics/board")
    expect(page.locator("h1")).to_contain_text("实时看板")
    expect(page.locator('[data-key="created_today"]')).not_to_be_empty()
    expect(page.locator("#live-board")).to_contain_text("逾期应收")
    expect(page.locator("#live-board")).to_have_attribute("data-refreshed", "1", timeout=15000)   # by itself
    page.goto(server + "/statistics/sales?period=day&by=product")
    expect(page.locator("h1")).to_contain_text("销售统计")
    chart = page.locator("#sales-chart")
    expect(chart).to_be_visible()
    page.wait_for_function("document.querySelector('#sales-chart').complete && "
                           "document.querySelector('#sales-chart').naturalWidth > 0")
    page.goto(server + "/statistics/ranking?by=product&basis=ordered")
    page.wait_for_function("document.querySelector('#share-chart').naturalWidth > 0")
    expect(page.locator("#ranking-table")).to_contain_text("白条猪")
    page.screenshot(path=os.path.join(artifacts, "statistics-zh.png"), full_page=True)
    outside = [u for u in page.requests if not u.startswith(server) and not u.startswith("data:")]
    assert outside == []
