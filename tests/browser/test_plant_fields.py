"""A field added by the administrator, in Chinese in Chromium: a delivery slot on orders, chosen on the order
form, shown in the order list, filtered on, and in the list's Excel export."""
import datetime
import os

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from tests.browser.pickers import pick
from tests.browser.test_home import login
from tests.live_server import live_server


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with live_server(tmp_path_factory.mktemp("plant-fields")) as base:
        yield base


def test_a_field_added_and_seen_on_the_form_the_list_and_the_export(page, server, artifacts, tmp_path):
    login(page, server, "admin")
    page.goto(f"{server}/plant-fields/fields/new")
    page.select_option("select[name=target]", "order")
    page.fill("input[name=code]", "slot")
    page.fill("input[name=label]", "送货时段")
    page.select_option("select[name=kind]", "choice")
    page.fill("textarea[name=choices]", "am=上午\npm=下午")
    page.check("input[name=required]")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("table")).to_contain_text("送货时段")

    page.context.clear_cookies()
    login(page, server, "sales")
    page.goto(f"{server}/sales/orders/new")
    expect(page.locator("[data-field=x_slot] label")).to_have_text("送货时段")
    pick(page, "customer", "kh2", "P1C002 客户2 Customer 2")
    day = (datetime.date.today() + datetime.timedelta(days=6)).isoformat()
    page.fill("input[name=delivery_date]", day)
    pick(page, "lines-0-product", "P002", "P002 猪后腿 Hind leg")
    page.fill("input[name=lines-0-quantity]", "2")
    page.select_option("select[name=x_slot]", "pm")
    page.click("button[type=submit]:has-text('保存')")
    expect(page.locator("[data-extra]")).to_have_text("下午")
    page.goto(f"{server}/sales/orders?x_slot=pm")
    expect(page.locator("table thead")).to_contain_text("送货时段")
    expect(page.locator("table tbody")).to_contain_text("下午")
    page.screenshot(path=os.path.join(artifacts, "plant-field-list-zh.png"), full_page=True)
    with page.expect_download() as download:
        page.click("#export-list")
    path = tmp_path / "orders.xlsx"
    download.value.save_as(path)
    sheet = load_workbook(path).active
    header = [c.value for c in sheet[1]]
    column = header.index("送货时段")
    assert [row[column].value for row in sheet.iter_rows(min_row=2)] == ["下午"]
