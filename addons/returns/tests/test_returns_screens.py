"""Return screens: the form with lines back and out, review buttons, refund, analysis and settings."""
from decimal import Decimal as D

import pytest

from addons.returns.models.reason import ReturnReason
from addons.returns.models.return_order import ReturnOrder
from addons.returns.models.settings import ReturnSettings
from core.models import User
from tests.excel_files import read
from tests.sales_helpers import customer, product


@pytest.fixture(autouse=True)
def english(demo):
    User.update(lang="en").execute()


def test_enter_submit_approve_and_read_a_return(browser, ctx, demo):
    reason = ReturnReason.create(plant=demo["P1"], code="quality", name="Quality")
    sales = browser("sales")
    page = sales.get("/returns/orders/new").get_data(as_text=True)
    assert 'name="lines-0-direction"' in page and "Replacement going out" in page
    bad = sales.post("/returns/orders/new", {"customer": customer("P1C002").id, "kind": "return", "reason": reason.id,
                                             "note_number": "DN-NOPE", "lines-0-product": product("P005").id,
                                             "lines-0-direction": "back", "lines-0-quantity": "1"})
    assert bad.status_code == 422 and "DN-NOPE" in bad.get_data(as_text=True)
    made = sales.post("/returns/orders/new", {"customer": customer("P1C002").id, "kind": "return", "reason": reason.id,
                                              "tracking": "沪A·1", "lines-0-product": product("P005").id,
                                              "lines-0-direction": "back", "lines-0-quantity": "2",
                                              "lines-1-product": product("P005").id, "lines-1-direction": "out",
                                              "lines-1-quantity": "1"})
    ret = ReturnOrder.get()
    assert made.status_code == 302 and ret.claimed == D("420.00") and ret.lines.count() == 2
    assert [x.quantity for x in ret.lines.order_by("seq")] == [D("-2"), D("1")]
    assert sales.post(f"/returns/orders/{ret.id}/edit", {"customer": customer("P1C002").id, "kind": "return",
                                                         "reason": reason.id, "lines-0-product": product("P005").id,
                                                         "lines-0-direction": "back", "lines-0-quantity": "3"}).status_code == 302
    assert ReturnOrder.get_by_id(ret.id).claimed == D("630.00")
    sales.post(f"/returns/orders/{ret.id}/move/submit", {"comment": ""})
    manager = browser("manager")
    view = manager.get(f"/returns/orders/{ret.id}").get_data(as_text=True)
    assert 'value="approve"' in view and 'value="reject"' in view
    manager.post(f"/returns/orders/{ret.id}/move/approve", {"comment": ""})
    assert ReturnOrder.get_by_id(ret.id).state == "approved"
    assert "Goods back in" in manager.get(f"/returns/orders/{ret.id}").get_data(as_text=True)
    listing = manager.get("/returns/orders?state=approved").get_data(as_text=True)
    assert ret.number in listing


def test_refund_form_analysis_and_settings(browser, ctx, demo):
    manager = browser("manager")
    manager.post("/returns/orders/new", {"customer": customer("P1C002").id, "kind": "claim", "reason": "0",
                                         "claimed": "120.50"})
    claim = ReturnOrder.get()
    manager.post(f"/returns/orders/{claim.id}/move/submit", {})
    manager.post(f"/returns/orders/{claim.id}/move/approve", {})
    finance = browser("finance")
    assert "refund-form" in finance.get(f"/returns/orders/{claim.id}").get_data(as_text=True)
    finance.post(f"/returns/orders/{claim.id}/refund", {"amount": "120.50", "method": "cash"})
    claim = ReturnOrder.get_by_id(claim.id)
    assert (claim.state, claim.refunded, claim.refund_method) == ("refunded", D("120.50"), "cash")
    assert manager.get("/returns/analysis?by=reason").status_code == 200
    assert read(manager.get("/returns/analysis?by=product&export=xlsx").data)[0][0] == "Product"
    assert manager.post("/returns/settings", {"approve_limit": "8000"}).status_code == 302
    assert ReturnSettings.get().approve_limit == D("8000.00")
    assert browser("sales").get("/returns/settings").status_code == 403


def test_the_return_note_prints(browser, ctx, demo):
    reason = ReturnReason.create(plant=demo["P1"], code="quality", name="Quality")
    sales = browser("sales")
    sales.post("/returns/orders/new", {"customer": customer("P1C002").id, "kind": "return", "reason": reason.id,
                                       "tracking": "沪A·1", "lines-0-product": product("P005").id,
                                       "lines-0-direction": "back", "lines-0-quantity": "2"})
    ret = ReturnOrder.get()
    page = sales.get(f"/returns/orders/{ret.id}/print").get_data(as_text=True)
    assert "Return note" in page and ret.number in page and "Coming back" in page and "沪A·1" in page
    assert 'id="doc-amount">CN¥420.00</td>' in page
