"""A list of 200,000 customers pages, searches and sorts in the browser."""
import sqlite3

import pytest
from playwright.sync_api import expect

from addons.master_data.initials import initials
from tests.browser.pickers import pick
from tests.browser.test_home import login
from tests.live_server import live_server

N = 200_000


def _load_customers(url):
    connection = sqlite3.connect(url.removeprefix("sqlite:///"))
    plant_id = connection.execute("SELECT id FROM core_plant WHERE code = 'P1'").fetchone()[0]
    # credit_limit is stored in fen: n * 10,000 fen is n * 100 yuan, above every demo customer at the top
    rows = ((plant_id, f"X{n:06d}", f"批量客户 Bulk customer {n:06d}", "end", n * 10_000, n % 90, "B", "", "", 0, 1,
             initials(f"批量客户 Bulk customer {n:06d}"), "E") for n in range(N))
    connection.executemany(
        "INSERT INTO master_data_customer (plant_id, code, name, kind, credit_limit, payment_days, rating, phone,"
        " address, public_pool, active, initials, grade) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    connection.commit()
    connection.close()


@pytest.fixture(scope="module")
def big_server(tmp_path_factory):
    with live_server(tmp_path_factory.mktemp("big-lists"), prepare=_load_customers) as base:
        yield base


def _codes(page):
    return page.locator("table tbody tr td:first-child").all_inner_texts()


def test_page_search_and_sort_200k_customers(page, big_server):
    login(page, big_server)
    page.goto(big_server + "/master/customers")
    expect(page.locator("table tbody tr")).to_have_count(50)
    first_page = _codes(page)
    assert first_page[0] == "P1C001"

    page.get_by_role("link", name="下一页").click()
    expect(page.locator(".pagination .active")).to_have_text("2")
    assert _codes(page)[0] != first_page[0]

    page.goto(big_server + "/master/customers?page=3000")  # deep in the list: still answers
    expect(page.locator("table tbody tr")).to_have_count(50)

    page.fill("#list-filters input[name=q]", "X199999")
    page.press("#list-filters input[name=q]", "Enter")
    expect(page.locator("table tbody tr")).to_have_count(1)
    expect(page.locator("table tbody")).to_contain_text("Bulk customer 199999")

    page.goto(big_server + "/master/customers")
    page.get_by_role("link", name="信用额度").click()          # ascending
    expect(page.locator("thead")).to_contain_text("▲")
    page.get_by_role("link", name="信用额度 ▲").click()        # descending
    expect(page.locator("table tbody tr").first).to_contain_text("X199999")

    # the order form's picker finds the last of them by code, and by pinyin initials: no list to cap
    page.goto(big_server + "/sales/orders/new")
    pick(page, "customer", "X199999", "X199999 批量客户 Bulk customer 199999")
    pick(page, "customer", "plkhbulkcustomer199998", "X199998 批量客户 Bulk customer 199998")
