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
