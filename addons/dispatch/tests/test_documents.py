"""The delivery note and the loading list as printed documents: the company's header, the customer's contact,
vehicle and driver, pieces, kg, price and amount, a signature block, and nothing of the application."""

from addons.dispatch import desk, shipping
from addons.dispatch.models.line import DeliveryLine
from addons.master_data.models.customer import CustomerContact
from core.models import Company, User
from tests.dispatch_helpers import as_user, planned_note

def test_a_delivery_note_and_its_trip_printed(browser, ctx, demo):
    p1 = demo["P1"]
    User.update(lang="en").execute()
    Company.update(address="1 Food Park, Dongtai", tax_id="91320981MA1TEST").execute()
    note = planned_note(p1, "P1C002", "P002", 4)
    CustomerContact.create(customer=note.customer_id, name="Manager Wu", phone="139-0000-1111")
    manager = browser("manager")
    before = manager.get(f"/dispatch/notes/{note.id}/print").get_data(as_text=True)
    assert "Planned quantities" in before and "Manager Wu 139-0000-1111" in before
    (line,) = DeliveryLine.select().where(DeliveryLine.note == note.id)
    with as_user("shipper", p1):
        desk.add_batch(line.id, "4", "50.2")
        shipping.ship(note.id)
    page = manager.get(f"/dispatch/notes/{note.id}/print").get_data(as_text=True)
    assert "1 Food Park, Dongtai" in page and "91320981MA1TEST" in page
    assert f'<span id="doc-number">{note.number}</span>' in page and "Received in good order" in page
    assert "50.200" in page and '<td class="num" id="doc-amount">CN¥1,345.36</td>' in page     # 50.2 kg × 26.80
    assert "navbar" not in page and "Floor" not in page and "credit" not in page.lower()
    trip = manager.get(f"/dispatch/trips/{note.trip_id}/loading-list").get_data(as_text=True)
    assert "Loading list" in trip and 'id="stop-1"' in trip and note.number in trip


def test_the_statement_and_the_invoice_print_the_goods(browser, ctx, demo):
    from addons.ledger.invoicing import issue
    from addons.ledger.models.entry import AccountEntry
    from addons.ledger.receipts import record_receipt
    p1 = demo["P1"]
    User.update(lang="en").execute()
    note = planned_note(p1, "P1C002", "P002", 4)
    (line,) = DeliveryLine.select().where(DeliveryLine.note == note.id)
    with as_user("shipper", p1):
        desk.add_batch(line.id, "4", "50.2")
        shipping.ship(note.id)
    buyer = note.customer
    record_receipt(buyer, "1000.00", plant=p1)
    finance = browser("finance")
    shipped_on = note.__class__.get_by_id(note.id).shipped_on.isoformat()
    page = finance.get(f"/ledger/customers/{buyer.id}/statement/print?start={shipped_on}&end={shipped_on}")
    text = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "P002 猪后腿 Hind leg: 50.200 kg × CN¥26.80 = CN¥1,345.36" in text
    assert '<td class="num" id="closing">CN¥345.36</td>' in text and "Confirmation of balance" in text
    entry = AccountEntry.get((AccountEntry.customer == buyer.id) & (AccountEntry.kind == "shipment"))
    with as_user("finance", p1):
        invoice = issue(buyer, [entry.id], plant=p1)
    printed = finance.get(f"/ledger/invoices/{invoice.id}/print").get_data(as_text=True)
    assert "P002 猪后腿 Hind leg" in printed and "9 %" in printed
    assert '<td class="num" id="invoice-tax">CN¥111.08</td>' in printed          # 1,345.36 × 9 / 109


def test_the_delivery_note_and_the_statement_as_pdf_files(browser, ctx, demo):
    from tests.pdf_text import pdf_text
    p1 = demo["P1"]
    User.update(lang="zh_Hans_CN").execute()
    note = planned_note(p1, "P1C002", "P002", 4)
    (line,) = DeliveryLine.select().where(DeliveryLine.note == note.id)
    with as_user("shipper", p1):
        desk.add_batch(line.id, "4", "50.2")
        shipping.ship(note.id)
    manager = browser("manager")
    answer = manager.get(f"/dispatch/notes/{note.id}/pdf")
    assert answer.mimetype == "application/pdf" and f'filename="{note.number}.pdf"' in answer.headers["Content-Disposition"]
    text = pdf_text(answer.data)
    assert "发货单" in text and note.number in text and "50.200" in text and "¥1,345.36" in text
    assert "示例肉联集团" in text and "货物完好收讫" in text
    day = note.__class__.get_by_id(note.id).shipped_on.isoformat()
    statement = manager.get(f"/ledger/customers/{note.customer_id}/statement/pdf?start={day}&end={day}")
    text = "".join(pdf_text(statement.data).split())     # lines wrap where the column ends: read it as one string
    assert "客户对账单" in text and "50.200kg×¥26.80=¥1,345.36" in text and "对账确认函" in text
