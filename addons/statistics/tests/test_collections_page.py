"""Collections on one page however large the ledger: receipts by month, who paid most and who owes most, with the
totals of all; every customer by month in the Excel export (SQLite and PostgreSQL)."""
import datetime
import re
from decimal import Decimal as D

from addons.ledger.posting import post
from addons.ledger.receipts import record_receipt
from addons.master_data.models.customer import Customer
from core.context import acting_as
from tests.excel_files import read


def test_collections_sums_the_top_and_exports_the_detail(ctx, demo, browser):
    plant = demo["P1"]
    customers = [Customer.create(plant=plant, code=f"CL{n:02d}", name=f"Payer {n}", payment_days=30)
                 for n in range(25)]
    with acting_as(None, plant):
        for n, customer in enumerate(customers):
            post(customer, "shipment", D(1000 + n), date=datetime.date(2026, 1, 5))
            record_receipt(customer, D(100 + n), plant=plant, date=datetime.date(2026, 1, 10))
            record_receipt(customer, D(10), plant=plant, date=datetime.date(2026, 2, 3))
    leader = browser("leader")
    page = leader.get("/statistics/collections?first=2026-01-01&last=2026-02-28").get_data(as_text=True)
    months = page[page.index('id="receipts-table"'):page.index('id="payers-table"')]
    assert "2026-01" in months and "2026-02" in months
    assert f"{sum(100 + n for n in range(25)):,}.00" in months and "250.00" in months
    payers = re.findall(r"<td>(CL\d\d) Payer", page[page.index('id="payers-table"'):page.index('id="owed-total"')])
    assert payers == [f"CL{n:02d}" for n in range(24, 4, -1)]                 # the twenty who paid most
    owed = sum(1000 + n - (100 + n) - 10 for n in range(25))
    assert f"{owed:,}.00" in page[page.index('id="owed-total"'):]
    rows = read(leader.get("/statistics/collections?first=2026-01-01&last=2026-02-28&export=xlsx").data)
    assert len([r for r in rows if str(r[0]).startswith("CL")]) == 50          # 25 customers × 2 months
