"""A rejection, a credit hold and an approval reach the salesperson's inbox, and the order page tells its story,
in Chinese, in real Chromium."""
import os
import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_home import login
from tests.live_server import live_server, run_sql

# every demo order and customer is the demo salesperson's; the customer of the order waiting for price approval
# has a credit limit of ¥1, so approving its prices puts it on hold
SETUP = run_sql(
    "UPDATE master_data_customer SET salesperson_id = (SELECT id FROM core_user WHERE login = 'sales')",
    "UPDATE sales_order_order SET salesperson_id = (SELECT id FROM core_user WHERE login = 'sales')",
    "UPDATE master_data_customer SET credit_limit = 100 WHERE id = "
    "(SELECT customer_id FROM sales_order_order WHERE state = 'price_review')")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with live_server(tmp_path_factory.mktemp("tidings"), prepare=SETUP) as base:
        yield base


def _move(page, name, reason=""):
    if reason:
        page.fill("#moves input[name=comment]", reason)
    page.click(f"#moves button[value={name}]")


def test_reject_hold_and_approval_in_the_inbox(page, server, artifacts):
    login(page, server, "manager")
    page.goto(f"{server}/sales/orders?state=submitted")
    page.locator("table tbody a").first.click()
    rejected = page.locator("h1").inner_text()
    _move(page, "reject", "交货日期要改到下周")
    expect(page.locator("#sent-back")).to_contain_text("交货日期要改到下周")
    expect(page.locator("#timeline")).to_contain_text("草稿")

    page.goto(f"{server}/sales/orders?state=price_review")
    page.locator("table tbody a").first.click()
    _move(page, "approve_prices")
    expect(page.locator("#order-state")).to_have_text("信用冻结")
    _move(page, "override_credit", "老客户，经理担保")
    expect(page.locator("#order-state")).to_have_text("已审核")
    page.screenshot(path=os.path.join(artifacts, "order-timeline-zh.png"), full_page=True)

    page.context.clear_cookies()
    login(page, server, "sales")
    page.goto(f"{server}/notifications")
    inbox = page.locator("#notifications")
    expect(inbox).to_contain_text("已退回给您：交货日期要改到下周")
    expect(inbox).to_contain_text("因超信用额度")
    expect(inbox).to_contain_text("已审核通过")
    page.screenshot(path=os.path.join(artifacts, "inbox-zh.png"), full_page=True)
    number = re.search(r"SO-[A-Z0-9]+-\d{4}-\d{6}", rejected).group(0)
    expect(inbox).to_contain_text(f"{number} 已退回给您")
