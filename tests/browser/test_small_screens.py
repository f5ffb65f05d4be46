"""A phone's width (390 px) and a small laptop's (1366 px in English): the order list and an order fit the
screen (wide tables scroll inside themselves, the page does not), and the top bar shows the language and plant."""
import os

import pytest
from playwright.sync_api import expect

from tests.browser.test_home import login
from tests.live_server import live_server


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with live_server(tmp_path_factory.mktemp("small")) as base:
        yield base


def _fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_the_order_pages_fit_a_phone(page, server, artifacts):
    page.set_viewport_size({"width": 390, "height": 844})
    login(page, server, "sales")
    page.goto(f"{server}/sales/orders")
    assert _fits(page)
    page.locator("table tbody a").first.click()
    expect(page.locator("#order-state")).to_be_visible()
    assert _fits(page)
    page.screenshot(path=os.path.join(artifacts, "order-390.png"), full_page=True)


def test_the_english_top_bar_at_1366(page, server):
    page.set_viewport_size({"width": 1366, "height": 768})
    login(page, server, "manager")
    with page.expect_navigation():
        page.select_option("#lang-switch select", "en")
    for box in ("#lang-switch select", "#plant-switch select"):
        width = page.evaluate(f"document.querySelector('{box}').getBoundingClientRect().width")
        text = page.evaluate(f"(() => {{ const s = document.querySelector('{box}'); "
                             f"const c = document.createElement('canvas').getContext('2d'); "
                             f"c.font = getComputedStyle(s).font; return c.measureText(s.options[s.selectedIndex].text).width; }})()")
        assert width >= text, (box, width, text)          # the chosen value is not cut off
    assert _fits(page)
