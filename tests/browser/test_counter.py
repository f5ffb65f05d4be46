"""The counter screen in Chinese at 1024 px, on the simulated scale: a product found by code and weighed, one
added by barcode, paid by WeChat and cash, the 58 mm receipt shown; then the shift closed."""
import os
import socket

import pytest
from playwright.sync_api import expect

from addons.weighing.simulator import Simulator
from tests.browser.test_home import login
from tests.live_server import live_server


@pytest.fixture(scope="module")
def scale():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    simulator = Simulator("st_gs", period=0.05)
    simulator.hold("2.35")
    _server, stop = simulator.serve_tcp("127.0.0.1", port)
    yield simulator, port
    stop.set()


@pytest.fixture(scope="module")
def counter_server(tmp_path_factory, scale):
    _sim, port = scale
    with live_server(tmp_path_factory.mktemp("counter"), extra_env={"ERP_DEMO_SCALE": f"socket://127.0.0.1:{port}"}) as base:
        yield base


def test_a_counter_sale_at_1024_px(page, counter_server, scale, artifacts):
    page.set_viewport_size({"width": 1024, "height": 768})
    page.add_init_script("window.print = function () { document.body.dataset.printed = '1'; };")
    login(page, counter_server, "cashier")
    page.goto(counter_server + "/counter/")
    page.fill("input[name=opening_cash]", "500")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("#scale [data-live-field=weight]")).to_have_text("2.350", timeout=15000)
    page.fill("#find", "P002")
    expect(page.locator("#weigh")).to_be_enabled()
    page.click("#weigh")
    expect(page.locator("#cart tbody tr[data-code=P002]")).to_contain_text("2.350")
    page.fill("#find", "6901234500005")                          # P005 by its barcode
    expect(page.locator("#cart tbody tr[data-code=P005]")).to_be_visible()
    expect(page.locator("#total")).to_have_text("272.98")           # 2.35 kg × 26.80 = 62.98, + 210.00
    page.fill("input[name=pay-wechat]", "200")
    page.fill("input[name=ref-wechat]", "WX0001")
    page.fill("input[name=pay-cash]", "72.98")
    expect(page.locator("#due")).to_have_text("0.00")
    page.click("#pay")
    expect(page.locator("#receipt-total")).to_contain_text("272.98")
    expect(page.locator("body")).to_have_attribute("data-printed", "1")
    assert page.evaluate("document.documentElement.scrollWidth") <= 1024
    page.screenshot(path=os.path.join(artifacts, "counter-receipt-zh.png"), full_page=True)
    page.goto(counter_server + "/counter/shift")
    expect(page.locator("#expected-cash")).to_contain_text("572.98")
    page.fill("input[name=counted_cash]", "572.98")
    page.click("#close-shift button[type=submit]")
    expect(page.locator("#cash-difference")).to_contain_text("0.00")
