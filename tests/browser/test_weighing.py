"""The shipping desk shows the live weight changing, in Chinese, and captures it from the scale."""
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
    simulator.hold("10.00")
    _server, stop = simulator.serve_tcp("127.0.0.1", port)
    yield simulator, port
    stop.set()


@pytest.fixture(scope="module")
def scale_server(tmp_path_factory, scale):
    _sim, port = scale
    with live_server(tmp_path_factory.mktemp("weighing"), extra_env={"ERP_DEMO_SCALE": f"socket://127.0.0.1:{port}"}) as base:
        yield base


def test_live_weight_changes_and_is_captured(page, scale_server, scale, artifacts):
    simulator, _port = scale
    login(page, scale_server, "shipper")
    page.goto(scale_server + "/dispatch/desk")
    page.locator("#desk-notes tbody a").first.click()
    weight = page.locator('#live-weight [data-live-field="weight"]')
    label = page.locator('#live-weight [data-live-field="label"]')
    expect(weight).to_have_text("10.000", timeout=15000)
    expect(label).to_have_text("稳定")
    simulator.hold("23.45", stable=False)
    expect(weight).to_have_text("23.450")
    expect(label).to_have_text("波动")
    page.fill("#cap-qty", "1")
    page.click("#capture-button")
    expect(page.locator(".alert-danger")).to_contain_text("重量在波动")      # refused while moving
    simulator.hold("23.45")
    expect(page.locator('#live-weight [data-live-field="label"]')).to_have_text("稳定")
    page.fill("#cap-qty", "1")
    page.click("#capture-button")
    expect(page.locator(".alert-success")).to_contain_text("毛重 23.45 kg")
    expect(page.locator(".card").filter(has_text="23.45").first).to_be_visible()
    page.screenshot(path=os.path.join(artifacts, "desk-scale-zh.png"), full_page=True)
    outside = [url for url in page.requests if not url.startswith(scale_server) and not url.startswith("data:")]
    assert outside == []
