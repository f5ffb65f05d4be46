"""Every purchase screen a buyer, a manager and finance click: the contract with its lines and review, live
hogs received by weighbridge ticket and its print, goods sent back, a payment paid, payables and an account."""
from decimal import Decimal as D

import pytest

from addons.purchase.models.contract import PurchaseContract
from addons.purchase.models.payment import SupplierPayment
from addons.purchase.models.purchase_return import PurchaseReturn
from addons.purchase.models.receipt import GoodsReceipt
from core import clock
from core.models import User
from tests.sales_helpers import product


@pytest.fixture(autouse=True)
def english(stage):
    User.update(lang="en").execute()        # the buyer too: the screens' words are checked in English


def test_a_contract_reviewed_then_live_hogs_received_printed_returned_and_paid(browser, stage):
    buyer, manager, finance = browser("buyer"), browser("manager"), browser("finance")
    hog, farm, store = stage["hog"], stage["farm"], stage["stores"]["CS"]
    today = clock.plant_today(stage["plant"]).isoformat()
    bad = buyer.post("/purchase/contracts/new", {"supplier": farm.id, "date": today,
                                                 "lines-0-product": hog.id, "lines-0-quantity": "-5",
                                                 "lines-0-unit_price": "15.6"})
    assert bad.status_code == 422 and "Line 1" in bad.get_data(as_text=True)
    made = buyer.post("/purchase/contracts/new", {"supplier": "", "supplier_text": "S001", "date": today,
                                                  "lines-0-product": "", "lines-0-product_text": "LH",
                                                  "lines-0-quantity": "8000", "lines-0-unit_price": "15.6"})
    assert made.status_code == 302
    contract = PurchaseContract.get()
    assert contract.amount == D("124800.00") and contract.state == "draft"
    page = buyer.get(f"/purchase/contracts/{contract.id}").get_data(as_text=True)
    assert 'value="submit"' in page and 'value="approve"' not in page      # a buyer does not approve
    buyer.post(f"/purchase/contracts/{contract.id}/move/submit", {"comment": ""})
    manager.post(f"/purchase/contracts/{contract.id}/move/refuse", {"comment": ""})
    assert PurchaseContract.get_by_id(contract.id).state == "submitted"     # a refusal needs its reason
    manager.post(f"/purchase/contracts/{contract.id}/move/refuse", {"comment": "价格偏高 the price is too high"})
    refused = buyer.get(f"/purchase/contracts/{contract.id}").get_data(as_text=True)
    assert "Refused: 价格偏高 the price is too high" in refused                # the buyer reads why
    buyer.post(f"/purchase/contracts/{contract.id}/move/redo", {"comment": ""})
    buyer.post(f"/purchase/contracts/{contract.id}/move/submit", {"comment": ""})
    manager.post(f"/purchase/contracts/{contract.id}/move/approve", {"comment": ""})
    assert PurchaseContract.get_by_id(contract.id).state == "approved"

    form = buyer.get(f"/purchase/receipts/new?kind=live_hogs&contract={contract.number}").get_data(as_text=True)
    assert 'value="S001 东台养殖场 Dongtai farm"' in form and 'name="gross_kg"' in form
    saved = buyer.post("/purchase/receipts/new", {
        "kind": "live_hogs", "supplier": farm.id, "contract": contract.number, "date": today, "warehouse": store.id,
        "lot_number": "LH-1", "quarantine_cert": "3200120001", "vehicle": "苏J·1", "product": hog.id, "heads": "40",
        "gross_kg": "5230.5", "tare_kg": "1210", "deduct_kg": "20.5", "price_per_kg": "15.60", "deduct_amount": "150"})
    assert saved.status_code == 302
    receipt = GoodsReceipt.get()
    assert receipt.amount == D("62250.00")
    buyer.post(f"/purchase/receipts/{receipt.id}/move/receive", {"comment": ""})
    receipt = GoodsReceipt.get_by_id(receipt.id)
    assert receipt.state == "received" and receipt.lot.number == "LH-1"
    ticket = buyer.get(f"/purchase/receipts/{receipt.id}/ticket").get_data(as_text=True)
    assert "Weighbridge ticket" in ticket and "Net live weight" in ticket and "4,000 kg" in ticket
    assert "62,250.00" in ticket and "Supplier (signature, date)" in ticket

    line = receipt.lines.get()
    back = buyer.post(f"/purchase/returns/new?receipt={receipt.id}", {f"quantity-{line.id}": "1",
                                                                       f"weight-{line.id}": "100", "reason": "病猪"})
    assert back.status_code == 302
    record = PurchaseReturn.get()
    assert record.amount == D("1556.25")                       # 100 of 4,000 kg of 62,250.00
    buyer.post(f"/purchase/returns/{record.id}/move/send_back", {"comment": ""})

    buyer.post("/purchase/payments/new", {"supplier": farm.id, "date": today, "amount": "30000", "method": "transfer",
                                          "reference": "BANK-1", "contract": contract.number})
    payment = SupplierPayment.get()
    buyer.post(f"/purchase/payments/{payment.id}/move/submit", {"comment": ""})
    buyer.post(f"/purchase/payments/{payment.id}/move/pay", {"comment": ""})
    assert SupplierPayment.get_by_id(payment.id).state == "submitted"      # finance pays, not the buyer
    finance.post(f"/purchase/payments/{payment.id}/move/pay", {"comment": ""})
    assert SupplierPayment.get_by_id(payment.id).state == "paid"

    finance.post("/purchase/invoices/new", {"supplier": farm.id, "contract": contract.number, "invoice_number": "0451",
                                            "date": today, "amount": "60693.75", "tax_amount": "5011.22",
                                            "receipts": receipt.number})
    page = finance.get(f"/purchase/contracts/{contract.id}").get_data(as_text=True)
    # received 62,250.00 less 1,556.25 sent back; invoiced; paid
    assert "60,693.75" in page and "30,000.00" in page and "0451" in page and payment.number in page
    owed = D("62250.00") - D("1556.25") - D("30000.00")
    ageing = finance.get("/purchase/payables").get_data(as_text=True)
    assert "S001" in ageing and f"{owed:,}" in ageing
    account = finance.get(f"/purchase/suppliers/{farm.id}/account").get_data(as_text=True)
    assert f"{owed:,}" in account and "Purchase return" in account and "Payment" in account
    printed = finance.get(f"/purchase/suppliers/{farm.id}/statement/print").get_data(as_text=True)
    assert "Statement of account" in printed and f"{owed:,}" in printed and "Supplier confirms" in printed

    buyer.post(f"/purchase/suppliers/{farm.id}/contacts", {"contact-name": "王场长", "contact-title": "场长",
                                                            "contact-phone": "13900001111"})
    supplier_page = buyer.get(f"/purchase/suppliers/{farm.id}").get_data(as_text=True)
    assert "王场长" in supplier_page and "13900001111" in supplier_page


def test_goods_received_by_lines_and_the_suppliers_list_in_excel(browser, stage):
    buyer = browser("buyer")
    store = stage["stores"]["CS"]
    saved = buyer.post("/purchase/receipts/new", {
        "kind": "goods", "supplier": stage["farm"].id, "date": clock.plant_today(stage["plant"]).isoformat(), "warehouse": store.id,
        "lines-0-product": product("P002").id, "lines-0-quantity": "10", "lines-0-weight": "125",
        "lines-0-unit_price": "20"})
    assert saved.status_code == 302
    assert GoodsReceipt.get().amount == D("2500.00")
    assert buyer.get("/purchase/suppliers?export=xlsx").status_code == 200
    assert browser("sales").get("/purchase/contracts").status_code == 403        # a salesperson does not buy
