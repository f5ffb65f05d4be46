"""The sales desk accounts: receipts, advances, allocation, reversal, statements, credit exposure."""
import datetime
import threading
from decimal import Decimal

import pytest

from addons.ledger.ageing import ageing, balance
from addons.ledger.exposure import CreditLimitExceeded, check_credit, exposure
from addons.ledger.models.entry import AccountEntry
from addons.ledger.posting import LedgerError, allocate, post, reverse
from addons.ledger.receipts import record_receipt
from addons.master_data.models.customer import Customer
from addons.sales_order.models.order import Order
from core.context import acting_as
from core.db import db, is_sqlite, transaction
from tests.excel_files import read


DAY = datetime.date(2026, 3, 1)
D = Decimal


@pytest.fixture
def zhou(ctx, demo):
    with acting_as(None, demo["P1"]):
        yield Customer.get(Customer.code == "P1C001")   # payment days 30


def test_receipt_pays_the_oldest_debt_first_and_keeps_the_rest_as_advance(zhou, demo):
    first = post(zhou, "shipment", "1000.00", date=DAY)
    second = post(zhou, "shipment", "500.50", date=DAY + datetime.timedelta(days=3))
    receipt, advance = record_receipt(zhou, "1200", plant=demo["P1"], date=DAY + datetime.timedelta(days=5))
    assert advance == D("0")
    assert AccountEntry.get_by_id(first.id).open_amount == 0
    assert AccountEntry.get_by_id(second.id).open_amount == D("300.50")
    receipt, advance = record_receipt(zhou, "500", plant=demo["P1"], method="cash")
    assert advance == D("199.50") and receipt.number.startswith("RC-")
    assert balance(zhou.id) == D("-199.50")
    third = post(zhou, "shipment", "100.00")          # the advance pays the next shipment at once
    assert AccountEntry.get_by_id(third.id).open_amount == 0 and balance(zhou.id) == D("-99.50")


def test_a_receipt_for_an_order_pays_that_orders_debts_first(zhou, demo):
    from addons.sales_order.models.order import Order
    order = Order.create(plant=demo["P1"], number="SO-P1-2026-000077", customer=zhou, delivery_date=DAY,
                         state="approved", amount=D("200"))
    old = post(zhou, "shipment", "300", date=DAY)
    mine = post(zhou, "shipment", "200", date=DAY + datetime.timedelta(days=1), order_id=order.id)
    receipt, _advance = record_receipt(zhou, "200", plant=demo["P1"], order_number=" SO-P1-2026-000077 ")
    assert receipt.order_id == order.id
    assert AccountEntry.get_by_id(mine.id).open_amount == 0 and AccountEntry.get_by_id(old.id).open_amount == 300


def test_a_receipt_names_an_order_of_its_own_customer_and_plant(zhou, demo):
    from addons.sales_order.models.order import Order
    other = Customer.get(Customer.code == "P1C002")
    north = Customer.get(Customer.code == "P2C001")
    theirs = Order.create(plant=demo["P1"], number="SO-P1-2026-000078", customer=other, delivery_date=DAY,
                          state="approved", amount=D("50"))
    far = Order.create(plant=demo["P2"], number="SO-P2-2026-000001", customer=north, delivery_date=DAY,
                       state="approved", amount=D("50"))
    before = AccountEntry.select().count()
    for number, order_id in [("SO-P1-2026-000078", None), ("SO-P2-2026-000001", None), ("SO-NOPE", None),
                             (None, theirs.id), (None, far.id)]:
        with pytest.raises(LedgerError, match="has no order") as refused:
            record_receipt(zhou, "10", plant=demo["P1"], order_number=number, order_id=order_id)
        assert refused.value.field == "order"
    assert AccountEntry.select().count() == before


def test_the_receipt_screen_refuses_another_customers_order(zhou, demo, browser):
    from addons.sales_order.models.order import Order
    other = Customer.get(Customer.code == "P1C002")
    Order.create(plant=demo["P1"], number="SO-P1-2026-000079", customer=other, delivery_date=DAY, state="approved",
                 amount=D("50"))
    finance = browser("finance")
    refused = finance.post("/ledger/receipts/new", {"customer": zhou.id, "date": DAY.isoformat(), "amount": "10",
                                                    "method": "transfer", "order": "SO-P1-2026-000079"})
    assert refused.status_code == 422 and "没有订单 SO-P1-2026-000079" in refused.get_data(as_text=True)
    assert AccountEntry.select().where(AccountEntry.customer == zhou.id).count() == 0


@pytest.mark.parametrize("amount", ["-5", "0", "1.005", "lots"])
def test_bad_amounts_are_refused_and_nothing_written(zhou, demo, amount):
    before = AccountEntry.select().count()
    with pytest.raises(LedgerError):
        record_receipt(zhou, amount, plant=demo["P1"])
    assert AccountEntry.select().count() == before


def test_a_receipt_for_another_plants_customer_is_refused(zhou, demo):
    north = Customer.get(Customer.code == "P2C001")
    with pytest.raises(LedgerError, match="another plant"):
        record_receipt(north, "100", plant=demo["P1"])
    assert AccountEntry.select().where(AccountEntry.customer == north.id).count() == 0


def test_allocating_by_hand_within_open_amounts(zhou, demo):
    small = post(zhou, "shipment", "20", date=DAY)
    large = post(zhou, "shipment", "100", date=DAY + datetime.timedelta(days=1))
    receipt, advance = record_receipt(zhou, "50", plant=demo["P1"], by_hand=True)
    assert advance == D("50.00") and AccountEntry.get_by_id(small.id).open_amount == D("20")  # left for finance
    post(zhou, "shipment", "5")                       # automatic matching leaves a held receipt alone
    assert AccountEntry.get_by_id(receipt.entry_id).open_amount == D("-50.00")
    with pytest.raises(LedgerError, match="debit is still open"):
        allocate(receipt.entry_id, small.id, "30")
    with pytest.raises(LedgerError):
        allocate(receipt.entry_id, large.id, "-1")
    allocate(receipt.entry_id, large.id, "40")
    with pytest.raises(LedgerError, match="credit is still open"):
        allocate(receipt.entry_id, small.id, "20")
    assert AccountEntry.get_by_id(large.id).open_amount == D("60.00")
    assert AccountEntry.get_by_id(receipt.entry_id).open_amount == D("-10.00")
    assert balance(zhou.id) == D("75.00")


def test_an_adjustment_needs_a_reason_and_its_permission(browser, zhou, demo):
    with pytest.raises(LedgerError, match="reason"):
        post(zhou, "adjustment", "-10", memo=" ")
    assert browser("sales").post(f"/ledger/customers/{zhou.id}/adjust", {"adj-amount": "-10",
                                                                         "adj-reason": "x"}).status_code == 403
    browser("finance").post(f"/ledger/customers/{zhou.id}/adjust", {"adj-amount": "-10.50", "adj-reason": "折让"})
    assert balance(zhou.id) == D("-10.50")
    assert AccountEntry.get(AccountEntry.kind == "adjustment").memo == "折让"


def test_reversal_mirrors_and_cannot_repeat(zhou, demo):
    shipment = post(zhou, "shipment", "800", date=DAY)
    mirror = reverse(shipment.id, "wrong customer")
    assert mirror.amount == D("-800.00") and mirror.reverses_id == shipment.id
    assert balance(zhou.id) == 0 and AccountEntry.get_by_id(shipment.id).open_amount == 0
    with pytest.raises(LedgerError, match="reversed already"):
        reverse(shipment.id, "again")
    with pytest.raises(LedgerError, match="reason"):
        reverse(post(zhou, "shipment", "1").id, " ")


def test_ageing_buckets_follow_due_dates(zhou, demo):
    as_of = datetime.date(2026, 6, 30)
    for amount, date in (("100", "2026-06-10"), ("200", "2026-04-20"), ("300", "2026-03-25"), ("400", "2026-01-01")):
        post(zhou, "shipment", amount, date=datetime.date.fromisoformat(date))   # due 30 days later
    record_receipt(zhou, "50", plant=demo["P1"], date=as_of)   # pays part of the oldest
    row = next(a for a in ageing(demo["P1"].id, as_of) if a.customer_id == zhou.id)
    assert (row.days_0_30, row.days_31_60, row.days_61_90, row.days_over_90) == (D("100"), D("200"), D("300"), D("350"))
    assert row.balance == D("950") and row.advance == 0


def test_statement_workbook_re_adds_to_the_closing_balance(browser, zhou, demo):
    post(zhou, "shipment", "1000", date=datetime.date(2026, 2, 20))
    post(zhou, "shipment", "250.25", date=datetime.date(2026, 3, 5))
    record_receipt(zhou, "600", plant=demo["P1"], date=datetime.date(2026, 3, 10))
    post(zhou, "adjustment", "-10.25", date=datetime.date(2026, 3, 31), memo="rounding")
    post(zhou, "shipment", "99", date=datetime.date(2026, 4, 2))
    b = browser("finance")
    rows = read(b.get(f"/ledger/customers/{zhou.id}/statement?start=2026-03-01&end=2026-03-31&export=xlsx").data)
    header = next(i for i, r in enumerate(rows) if r[0] == "日期")
    opening = D(str(rows[header + 1][6]))
    lines = rows[header + 2:-1]
    moved = sum((D(str(r[4] or 0)) - D(str(r[5] or 0)) for r in lines), D("0"))
    closing = D(str(rows[-1][6]))
    assert opening == D("1000") and opening + moved == closing == balance(zhou.id, datetime.date(2026, 3, 31))
    assert closing == D("640.00")
    page = b.get(f"/ledger/customers/{zhou.id}/statement?start=2026-03-01&end=2026-03-31").get_data(as_text=True)
    assert "¥640.00" in page


def test_screens_record_receipts_and_hide_other_salespeoples_customers(browser, zhou, demo):
    post(zhou, "shipment", "100", date=DAY)
    finance = browser("finance")
    response = finance.post("/ledger/receipts/new", {"customer": str(zhou.id), "date": "2026-03-05", "amount": "150",
                                                      "method": "transfer", "reference": "BANK-1"},
                            follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "¥50.00" in page and "预收" in page or "advance" in page.lower()
    assert "BANK-1" in finance.get("/ledger/receipts").get_data(as_text=True)
    sales = browser("sales")                       # zhou's salesperson
    assert sales.get(f"/ledger/customers/{zhou.id}").status_code == 200
    other = Customer.get(Customer.code == "P1C002")
    other.salesperson = None
    other.save()
    assert sales.get(f"/ledger/customers/{other.id}").status_code == 404
    assert "P1C002" not in sales.get("/ledger/ageing").get_data(as_text=True)
    assert sales.post("/ledger/receipts/new", {"customer": str(zhou.id), "amount": "1"}).status_code == 403


def _line(order, amount):
    """Approved orders commit what their lines have still to ship."""
    from addons.master_data.models.product import Product
    from addons.sales_order.models.line import OrderLine
    OrderLine.create(order=order, product=Product.get(Product.code == "P005"), quantity=1, unit_price=amount,
                     amount=amount)


def test_exposure_counts_balance_and_approved_orders(zhou, demo):
    post(zhou, "shipment", "10000", date=DAY)
    approved = Order.create(plant=demo["P1"], number="SO-X-1", customer=zhou, delivery_date=DAY, state="approved",
                            amount=D("5000"))
    _line(approved, D("5000"))
    Order.create(plant=demo["P1"], number="SO-X-2", customer=zhou, delivery_date=DAY, state="draft", amount=D("7"))
    current = exposure(zhou)
    assert (current.balance, current.committed, current.headroom) == (D("10000"), D("5000"), D("35000"))
    with pytest.raises(CreditLimitExceeded) as refused, transaction():
        check_credit(zhou, D("35000.01"))
    assert refused.value.over == D("0.01")


@pytest.mark.skipif("not __import__('os').environ.get('ERP_TEST_DATABASE_URL')", reason="PostgreSQL only")
def test_two_concurrent_approvals_cannot_share_the_same_headroom(ctx, zhou, demo):
    """Headroom is 50,000; each thread wants 30,000. Exactly one may pass."""
    results, barrier = [], threading.Barrier(2)

    def approve(n):
        try:
            with ctx.app_context(), acting_as(None, demo["P1"]):
                barrier.wait()
                with transaction():
                    check_credit(zhou, D("30000"))
                    _line(Order.create(plant=demo["P1"], number=f"SO-RACE-{n}", customer=zhou,
                                       delivery_date=DAY, state="approved", amount=D("30000")), D("30000"))
            results.append("approved")
        except CreditLimitExceeded:
            results.append("refused")
        finally:
            db.close()

    threads = [threading.Thread(target=approve, args=(n,)) for n in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == ["approved", "refused"]
    assert exposure(zhou).total == D("30000")
    assert not is_sqlite()


def test_overdue_reminder_tells_the_salesperson(ctx, zhou, demo):
    from addons.ledger.jobs import remind_overdue
    from core.jobs import run_job
    from core.models import Notification, User
    from flask_babel import force_locale
    from core.notify import render
    post(zhou, "shipment", "1234.50", date=datetime.date.today() - datetime.timedelta(days=90))  # 60 days late
    post(Customer.get(Customer.code == "P1C003"), "shipment", "10", date=datetime.date.today())  # not late
    assert str(remind_overdue(demo["P1"])) == "2 reminders sent"   # the salesperson and the customer's portal user
    note = Notification.get(Notification.user == User.get(User.login == "sales").id)
    with force_locale("zh_Hans_CN"):
        assert render(note)[0] == "P1C001 周记肉铺1 Customer 1 有 ¥1,234.50 逾期超过 30 天。"
        mine = Notification.get(Notification.user == User.get(User.login == "customer").id)
        assert render(mine)[0] == "您有 ¥1,234.50 逾期超过 30 天，请安排付款。"
    runs = run_job(ctx, "ledger.remind_overdue")
    assert [r.plant.code for r in runs] == ["P1", "P2"] and all(r.ok for r in runs)


def test_receivables_by_order(browser, zhou, demo):
    order = Order.create(plant=demo["P1"], number="SO-2026-000042", customer=zhou, delivery_date=DAY,
                         state="approved", amount=D("2000"))
    post(zhou, "shipment", "1200", date=DAY, order_id=order.id, reference="DN-1")
    post(zhou, "shipment", "700", date=DAY, order_id=order.id, reference="DN-2")
    record_receipt(zhou, "1500", plant=demo["P1"], order_id=order.id)
    page = browser("finance").get("/ledger/receivables").get_data(as_text=True)
    row = page[page.index("SO-2026-000042"):].split("</tr>")[0]
    amounts = [cell.split("<")[0] for cell in row.split('class="num">')[1:]]
    assert amounts == ["¥2,000.00", "¥1,900.00", "¥1,500.00", "¥400.00"]  # contract, charged, received, open
