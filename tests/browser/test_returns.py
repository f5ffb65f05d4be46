"""Creating and approving a return, in Chinese, in real Chromium."""
import os

from playwright.sync_api import expect

from tests.browser.test_home import login


def test_create_and_approve_a_return(page, server, artifacts):
    login(page, server, "sales")
    page.goto(server + "/returns/orders/new")
    expect(page.locator("h1")).to_contain_text("新建退货单")
    page.select_option("select[name=customer]", label="P1C002 客户2 Customer 2")
    page.select_option("select[name=reason]", label="质量问题 Quality")
    page.fill("input[name=tracking]", "沪A·54321")
    page.select_option("select[name=lines-0-product]", label="P005 猪蹄 Trotters (box)")
    page.fill("input[name=lines-0-quantity]", "2")
    page.select_option("select[name=lines-1-product]", label="P005 猪蹄 Trotters (box)")
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
