"""The ageing a page at a time: the pages together are the whole report, largest balance first, and the
totals on every page are those of all customers (SQLite and PostgreSQL)."""
import datetime
import re
from decimal import Decimal

from addons.ledger.ageing import BUCKETS, ageing, ranked
from addons.ledger.posting import post
from addons.ledger.receipts import record_receipt
from addons.master_data.models.customer import Customer
from core.context import acting_as

AS_OF = datetime.date(2026, 6, 30)
D = Decimal


def _accounts(plant):
    """Twelve customers, each with debts of several ages, a refund (due at once) or an advance."""
    customers = [Customer.create(plant=plant, code=f"AG{n:02d}", name=f"Ageing {n}", payment_days=30)
                 for n in range(12)]
    with acting_as(None, plant):
        for n, customer in enumerate(customers):
            for k, days_ago in enumerate((5, 45, 75, 200)):
                post(customer, "shipment", D(100 * (n + 1) + k), date=AS_OF - datetime.timedelta(days=days_ago + 30))
            if n % 3 == 0:
                post(customer, "refund", D("7.25"), date=AS_OF - datetime.timedelta(days=50))
            if n % 4 == 1:
                record_receipt(customer, D(2000 + n), plant=plant, date=AS_OF)   # pays all, keeps an advance
    return customers


def test_pages_add_up_to_the_whole_report(ctx, demo):
    plant = demo["P1"]
    _accounts(plant)
    whole = sorted(ageing(plant.id, AS_OF), key=lambda a: (-a.balance, a.customer_id))
    pages, page = [], 1
    while True:
        report = ranked(plant.id, AS_OF, page=page, size=5)
        pages.extend(report.rows)
        assert report.count == len(whole)
        for key in (*BUCKETS, "balance", "advance"):
            assert report.totals[key] == sum((getattr(a, key) for a in whole), D("0")), key
        if not report.more:
            break
        page += 1
    assert page == 3
    assert [(a.customer_id, a.balance, a.days_31_60, a.advance) for a in pages] == \
        [(a.customer_id, a.balance, a.days_31_60, a.advance) for a in whole]
    past = ranked(plant.id, AS_OF, page=9, size=5)
    assert past.rows == [] and past.count == len(whole) and past.totals["balance"] == report.totals["balance"]


def test_the_page_shows_fifty_customers_and_the_totals_of_all(ctx, demo, browser):
    plant = demo["P1"]
    with acting_as(None, plant):
        for n in range(103):
            customer = Customer.create(plant=plant, code=f"PG{n:03d}", name=f"Paged {n}", payment_days=30)
            post(customer, "shipment", D(1000 + n), date=AS_OF - datetime.timedelta(days=40))
    finance = browser("finance")
    first = finance.get(f"/ledger/ageing?as_of={AS_OF}").get_data(as_text=True)
    assert first.count('href="/ledger/customers/') == 50
    assert "PG102" in first and "PG052" not in first          # the largest balances first
    total = sum(1000 + n for n in range(103))
    assert f"{total:,}.00" in first                          # the footer: all 103, not the page
    third = finance.get(f"/ledger/ageing?as_of={AS_OF}&page=3").get_data(as_text=True)
    assert re.findall(r">PG\d{3}<", third) == [">PG002<", ">PG001<", ">PG000<"]
    found = finance.get(f"/ledger/ageing?as_of={AS_OF}&q=PG050").get_data(as_text=True)
    assert found.count('href="/ledger/customers/') == 1 and "1,050.00" in found


def test_receivables_newest_order_first_a_page_at_a_time(ctx, demo, browser):
    from addons.sales_order.models.order import Order
    plant = demo["P1"]
    customer = Customer.create(plant=plant, code="RV01", name="Receivable", payment_days=30)
    with acting_as(None, plant):
        for n in range(120):
            order = Order.create(plant=plant, number=f"SO-RV-{n:04d}", customer=customer, delivery_date=AS_OF,
                                 state="approved", amount=D(100))
            post(customer, "shipment", D(100 + n), date=AS_OF, order_id=order.id, reference=f"DN-{n}")
        record_receipt(customer, D("150"), plant=plant, date=AS_OF)    # pays SO-RV-0000 and part of 0001
    finance = browser("finance")
    first = finance.get("/ledger/receivables").get_data(as_text=True)
    numbers = re.findall(r"<td>(SO-RV-\d{4})</td>", first)
    assert numbers == [f"SO-RV-{n:04d}" for n in range(119, 19, -1)]
    outstanding = sum(100 + n for n in range(120)) - 150
    assert f'id="outstanding">¥{outstanding:,}.00' in first
    second = re.findall(r"<td>(SO-RV-\d{4})</td>", finance.get("/ledger/receivables?page=2").get_data(as_text=True))
    assert second == [f"SO-RV-{n:04d}" for n in range(19, 0, -1)]            # 0000 is paid: not listed
    everything = finance.get("/ledger/receivables?open=0&page=2").get_data(as_text=True)
    assert re.findall(r"<td>(SO-RV-\d{4})</td>", everything)[-1] == "SO-RV-0000"


def test_the_ageing_workbook_has_every_customer_not_a_page(ctx, demo, browser):
    from tests.excel_files import read
    plant = demo["P1"]
    with acting_as(None, plant):
        for n in range(53):
            customer = Customer.create(plant=plant, code=f"XL{n:03d}", name=f"Workbook {n}", payment_days=30)
            post(customer, "shipment", D(500 + n), date=AS_OF - datetime.timedelta(days=40))
    rows = read(browser("finance").get(f"/ledger/ageing?as_of={AS_OF}&export=xlsx").data)
    listed = [str(cell) for row in rows for cell in row if str(cell).startswith("XL")]
    assert len(listed) == 53 and listed[0] == "XL052"          # all of them, largest balance first
