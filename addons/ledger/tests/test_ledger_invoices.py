"""Invoices for shipped goods: never twice, never for what was not shipped; milestones plan and track."""
import datetime
from decimal import Decimal

import pytest

from addons.ledger.invoicing import cancel, issue, uninvoiced
from addons.ledger.models.entry import AccountEntry
from addons.ledger.models.invoice import Invoice, InvoiceMilestone
from addons.ledger.posting import LedgerError, post
from addons.ledger.receipts import record_receipt
from addons.master_data.models.customer import Customer
from core.context import acting_as

DAY = datetime.date(2026, 4, 1)


@pytest.fixture
def zhou(ctx, demo):
    with acting_as(None, demo["P1"]):
        yield Customer.get(Customer.code == "P1C001")


def test_invoice_for_several_shipments_then_refusals(zhou, demo):
    one = post(zhou, "shipment", "1000.10", date=DAY, reference="DN-1")
    two = post(zhou, "shipment", "200", date=DAY, reference="DN-2")
    receipt, _ = record_receipt(zhou, "50", plant=demo["P1"])
    before = list(AccountEntry.select(AccountEntry.amount).where(AccountEntry.customer == zhou.id).tuples())
    invoice = issue(zhou, [one.id, two.id], plant=demo["P1"], date=DAY, vat_number="044001900111")
    assert invoice.amount == Decimal("1200.10") and invoice.number.startswith("INV-P1-2026-")
    assert uninvoiced(zhou) == []
    entry = AccountEntry.get(AccountEntry.kind == "invoice")
    assert entry.amount == 0 and entry.reference == invoice.number and "044001900111" in entry.memo
    assert sorted(before) == sorted(list(AccountEntry.select(AccountEntry.amount).where(
        (AccountEntry.customer == zhou.id) & (AccountEntry.kind != "invoice")).tuples()))  # balance unchanged
    with pytest.raises(LedgerError, match="invoiced already"):
        issue(zhou, [one.id], plant=demo["P1"])
    with pytest.raises(LedgerError, match="only shipped goods"):
        issue(zhou, [receipt.entry_id], plant=demo["P1"])
    north = Customer.get(Customer.code == "P2C001")
    with pytest.raises(LedgerError, match="another plant"):
        issue(north, [one.id], plant=demo["P1"])
    assert Invoice.select().count() == 1


def test_cancelling_frees_the_shipments_again(zhou, demo):
    one = post(zhou, "shipment", "80", date=DAY)
    invoice = issue(zhou, [one.id], plant=demo["P1"])
    with pytest.raises(LedgerError, match="reason"):
        cancel(invoice.id, "", plant=demo["P1"])
    cancel(invoice.id, "wrong title", plant=demo["P1"])
    assert [e.id for e in uninvoiced(zhou)] == [one.id]
    with pytest.raises(LedgerError, match="cancelled already"):
        cancel(invoice.id, "again", plant=demo["P1"])
    assert issue(zhou, [one.id], plant=demo["P1"]).amount == Decimal("80.00")


def test_invoice_screens(browser, zhou, demo):
    one = post(zhou, "shipment", "300", date=DAY, reference="DN-9")
    finance = browser("finance")
    page = finance.get(f"/ledger/invoices/new?customer={zhou.id}").get_data(as_text=True)
    assert "DN-9" in page
    response = finance.post("/ledger/invoices/new", {"customer": str(zhou.id), "entry": [str(one.id)],
                                                     "date": "2026-04-02", "vat_number": ""})
    assert response.status_code == 302
    invoice = Invoice.get()
    assert "¥300.00" in finance.get(f"/ledger/invoices/{invoice.id}").get_data(as_text=True)
    again = finance.post("/ledger/invoices/new", {"customer": str(zhou.id), "entry": [str(one.id)],
                                                  "date": "2026-04-02"}, follow_redirects=True)
    assert "已开票" in again.get_data(as_text=True) and Invoice.select().count() == 1
    assert browser("sales").get("/ledger/invoices/new").status_code == 403
    finance.post(f"/ledger/invoices/{invoice.id}/cancel", {"reason": "重开"})
    assert Invoice.get_by_id(invoice.id).state == "cancelled"


def test_milestones_plan_then_record_the_invoice(browser, zhou, demo):
    one = post(zhou, "shipment", "5000", date=DAY)
    invoice = issue(zhou, [one.id], plant=demo["P1"], date=DAY)
    manager = browser("manager")
    manager.post("/ledger/milestones/new", {"customer": str(zhou.id), "contract": "HT-2026-01",
                                            "planned_date": "2026-04-01", "planned_amount": "5000"})
    milestone = InvoiceMilestone.get()
    manager.post(f"/ledger/milestones/{milestone.id}", {"customer": str(zhou.id), "contract": "HT-2026-01",
                                                        "planned_date": "2026-04-01", "planned_amount": "5000",
                                                        "invoice": str(invoice.id)})
    assert InvoiceMilestone.get_by_id(milestone.id).invoice_id == invoice.id
    page = manager.get("/ledger/milestones").get_data(as_text=True)
    assert invoice.number in page and page.count("¥5,000.00") == 2   # planned and invoiced


def test_a_milestone_takes_only_its_own_customers_invoice(browser, zhou, demo):
    from addons.master_data.models.customer import Customer
    other = Customer.get(Customer.code == "P1C002")
    theirs = issue(other, [post(other, "shipment", "800", date=DAY).id], plant=demo["P1"], date=DAY)
    manager = browser("manager")
    manager.post("/ledger/milestones/new", {"customer": str(zhou.id), "contract": "HT-2026-02",
                                            "planned_date": "2026-04-01", "planned_amount": "800"})
    milestone = InvoiceMilestone.get()
    refused = manager.post(f"/ledger/milestones/{milestone.id}", {
        "customer": str(zhou.id), "contract": "HT-2026-02", "planned_date": "2026-04-01", "planned_amount": "800",
        "invoice": str(theirs.id)})
    assert refused.status_code == 200 and "请选择该客户的发票" in refused.get_data(as_text=True)
    assert InvoiceMilestone.get_by_id(milestone.id).invoice_id is None
