"""Every printed document, printed to PDF by real Chromium in Chinese and in English, its text read back: the
company's header, the document's title and number, the figures; the screenshots are kept as artifacts."""
import datetime
import os
import re
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from tests.browser.pickers import pick
from tests.browser.test_home import login
from tests.live_server import live_server
from tests.pdf_text import pdf_text


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with live_server(tmp_path_factory.mktemp("documents")) as base:
        yield base


def _pdf_text(page, artifacts, name) -> str:
    page.screenshot(path=os.path.join(artifacts, f"{name}.png"), full_page=True)
    data = page.pdf(format="A4", print_background=False)
    with open(os.path.join(artifacts, f"{name}.pdf"), "wb") as out:
        out.write(data)
    return re.sub(r"\s+", " ", pdf_text(data))


def _a_return(page, server):
    """A return entered on its form, as the sales desk does: its page."""
    page.goto(f"{server}/returns/orders/new")
    pick(page, "customer", "P1C001", "P1C001 周记肉铺1 Customer 1")
    pick(page, "lines-0-product", "P001", "P001 白条猪 Pork carcass")
    page.select_option("select[name='lines-0-direction']", "back")
    page.fill("input[name='lines-0-quantity']", "2")
    page.locator("form button[type=submit]").last.click()
    expect(page.locator("#print-return")).to_be_visible()


@pytest.mark.parametrize("lang", ["zh_Hans_CN", "en"])
def test_every_document_prints_to_pdf(page, server, artifacts, lang):
    today = datetime.datetime.now(ZoneInfo("Asia/Shanghai")).date()
    zh = lang == "zh_Hans_CN"
    login(page, server, "manager")
    if not zh:                               # the demo's manager reads Chinese; switching reloads the page
        with page.expect_navigation():
            page.select_option("#lang-switch select", lang)
    company = "示例肉联集团 Demo Meat Group"

    page.goto(f"{server}/dispatch/notes/1")
    page.click("#print-note")
    text = _pdf_text(page, artifacts, f"delivery-note-{lang}")
    assert company in text and "DN-P1-" in text and ("发货单" if zh else "Delivery note") in text
    assert ("货物完好收讫" if zh else "Received in good order") in text and "91320981MA1XXXXXX0" in text
    assert ("批次与检疫检验证明" if zh else "Lots and certificates") in text
    for internal in ("发货台", "Shipping desk", "退出", "Log out"):
        assert internal not in text

    page.goto(f"{server}/dispatch/trips/1")
    page.click("#print-loading-list")
    text = _pdf_text(page, artifacts, f"loading-list-{lang}")
    assert ("装车单" if zh else "Loading list") in text and "TR-P1-" in text

    page.goto(f"{server}/sales/orders/1")
    page.click("#print-order")
    text = _pdf_text(page, artifacts, f"order-{lang}")
    assert ("订货单" if zh else "Order confirmation") in text and "SO-P1-" in text
    assert ("底价" if zh else "Floor") not in text

    first = today.replace(day=1) - datetime.timedelta(days=60)
    page.goto(f"{server}/ledger/customers/1/statement?start={first.isoformat()}&end={today.isoformat()}")
    page.click("#print-statement")
    text = _pdf_text(page, artifacts, f"statement-{lang}")
    assert ("客户对账单" if zh else "Statement of account") in text and "P1C001" in text
    assert ("对账确认函" if zh else "Confirmation of balance") in text

    page.goto(f"{server}/ledger/invoices")
    page.locator("table tbody a").first.click()
    page.click("#print-invoice")
    text = _pdf_text(page, artifacts, f"invoice-{lang}")
    assert ("价税合计" if zh else "Total, tax included") in text and "INV-P1-" in text

    _a_return(page, server)
    page.click("#print-return")
    text = _pdf_text(page, artifacts, f"return-note-{lang}")
    assert ("退货单" if zh else "Return note") in text and "RT-P1-" in text
