"""Purchase documents over the API: a receipt read with its lines, a payment paid by finance through its move,
refused to the buyer; suppliers written as on their form; another plant's documents are not there."""
from decimal import Decimal as D

from addons.purchase.contracts import ask_payment
from addons.purchase.models.payment import SupplierPayment
from addons.purchase.receiving import Ticket, save_receipt
from addons.purchase.tests.helpers import DAY
from tests.sales_helpers import as_user


def test_read_receipts_move_payments_and_write_suppliers(stage, call):
    plant = stage["plant"]
    with as_user("buyer", plant):
        receipt = save_receipt(plant, stage["farm"].id, stage["stores"]["CS"].id, DAY,
                               ticket=Ticket(stage["hog"].id, "40", "5210", "1210", "15.60"))
        receipt.receive()
        payment = ask_payment(plant, stage["farm"].id, "1000", DAY)
        payment.submit()
    finance, buyer = call("finance"), call("buyer")
    listed = finance("GET", "/purchase_receipts?q=" + receipt.number).get_json()
    assert [r["number"] for r in listed["items"]] == [receipt.number]
    read = finance("GET", f"/purchase_receipts/{receipt.id}").get_json()
    assert read["amount"] == "62400.00" and read["lines"][0]["weight"] == "4000.000"
    assert buyer("POST", f"/supplier_payments/{payment.id}/pay", json={}).status_code == 403
    assert finance("POST", f"/supplier_payments/{payment.id}/pay", json={}).status_code == 200
    assert SupplierPayment.get_by_id(payment.id).state == "paid"
    entries = finance("GET", "/payable_entries").get_json()["items"]
    assert sorted(D(e["amount"]) for e in entries) == [D("-1000.00"), D("62400.00")]
    made = buyer("POST", "/suppliers", json={"code": "S002", "name": "大丰合作社", "category": "live_hogs",
                                             "payment_days": 15})
    assert made.status_code == 201 and made.get_json()["payment_days"] == 15
    assert call("sales")("GET", "/purchase_receipts").status_code == 403       # a salesperson does not buy


def test_an_integration_writes_a_contract_a_hog_receipt_and_a_payment_by_codes(stage, call):
    buyer = call("buyer")
    made = buyer("POST", "/purchase_contracts", json={"supplier_code": "S001", "date": DAY.isoformat(), "lines": [
        {"product_code": "LH", "quantity": "8000", "unit_price": "15.60"}]})
    assert made.status_code == 201 and made.get_json()["amount"] == "124800.00"
    contract_id = made.get_json()["id"]
    buyer("POST", f"/purchase_contracts/{contract_id}/submit", json={})
    call("manager")("POST", f"/purchase_contracts/{contract_id}/approve", json={})
    number = made.get_json()["number"]
    received = buyer("POST", "/purchase_receipts", json={
        "supplier_code": "S001", "warehouse_code": "CS", "date": DAY.isoformat(), "contract_number": number,
        "lot_number": "LH-API", "ticket": {"product_code": "LH", "heads": 40, "gross_kg": "5230.5", "tare_kg": "1210",
                                           "deduct_kg": "20.5", "price_per_kg": "15.60", "deduct_amount": "150"}})
    assert received.status_code == 201 and received.get_json()["amount"] == "62250.00"
    assert buyer("POST", f"/purchase_receipts/{received.get_json()['id']}/receive", json={}).status_code == 200
    wrong = buyer("POST", "/purchase_receipts", json={"supplier_code": "NOPE", "warehouse_code": "CS",
                                                       "date": DAY.isoformat(), "lines": [{"product_code": "LH"}]})
    assert wrong.status_code in (400, 422) and "NOPE" in wrong.get_data(as_text=True)
    asked = buyer("POST", "/supplier_payments", json={"supplier_code": "S001", "date": DAY.isoformat(),
                                                       "amount": "20000", "contract_number": number})
    assert asked.status_code == 201 and asked.get_json()["state"] == "draft"
