"""Each customer's position (balance, open items, oldest due date, owed on orders) and the plant's open debits by
the day they fall due are kept by every posting and allocation, and are always what the entries themselves say."""
import datetime
from decimal import Decimal

import pytest

from addons.ledger import due_days, positions, receipt_periods
from addons.ledger.models.due_day import DueDay
from addons.ledger.models.entry import AccountEntry
from addons.ledger.models.position import CustomerPosition
from addons.ledger.models.receipt_period import ReceiptPeriod
from addons.ledger.posting import allocate, post, reverse
from addons.ledger.receipts import record_receipt
from addons.master_data.models.customer import Customer
from addons.sales_order.models.order import Order
from core.context import acting_as

DAY = datetime.date(2026, 3, 1)
D = Decimal


def _from_entries() -> dict:
    """Every customer's position, worked out here from the entries alone."""
    out = {}
    for e in AccountEntry.select():
        balance, items, oldest, owed = out.get(e.customer_id, (D("0"), 0, None, D("0")))
        balance += e.amount
        if e.open_amount != 0:
            items += 1
        if e.open_amount > 0 and e.due_date is not None and (oldest is None or e.due_date < oldest):
            oldest = e.due_date
        if e.open_amount > 0 and e.order_id is not None:
            owed += e.open_amount
        out[e.customer_id] = (balance, items, oldest, owed)
    return out


def _kept() -> dict:
    return {p.customer_id: (p.balance, p.open_items, p.oldest_due, p.owed_on_orders)
            for p in CustomerPosition.select()}


def _days_from_entries() -> dict:
    out = {}
    for e in AccountEntry.select().where(AccountEntry.open_amount > 0):
        key = (e.plant_id, e.due_date is not None, e.due_date or e.date)
        out[key] = out.get(key, D("0")) + e.open_amount
    return out


def _days_kept() -> dict:
    return {(d.plant_id, d.dated, d.day): d.open_amount for d in DueDay.select() if d.open_amount != 0}


def _receipts_from_entries() -> dict:
    out = {}
    for e in AccountEntry.select().where(AccountEntry.kind == "receipt"):
        month = e.date.isoformat()[:7]
        for key in ((e.plant_id, month, 0), (e.plant_id, month[:4], 0), (e.plant_id, month, e.customer_id),
                    (e.plant_id, month[:4], e.customer_id)):
            amount, count = out.get(key, (D("0"), 0))
            out[key] = (amount + e.amount, count + 1)
    return out


def _receipts_kept() -> dict:
    return {(r.plant_id, r.period, r.customer_id): (r.amount, r.count) for r in ReceiptPeriod.select()}


def _all_kept() -> bool:
    return (_kept() == _from_entries() and _days_kept() == _days_from_entries()
            and _receipts_kept() == _receipts_from_entries())


@pytest.fixture
def zhou(ctx, demo):
    with acting_as(None, demo["P1"]):
        yield Customer.get(Customer.code == "P1C001")


def test_positions_follow_postings_receipts_allocations_and_reversals(zhou, demo):
    other = Customer.get(Customer.code == "P1C002")
    order = Order.create(plant=demo["P1"], number="SO-P1-2026-000091", customer=zhou, delivery_date=DAY,
                         state="approved", amount=D("700"))
    first = post(zhou, "shipment", "1000.00", date=DAY)
    post(zhou, "shipment", "700.00", date=DAY + datetime.timedelta(days=2), order_id=order.id)
    post(other, "shipment", "80.00", date=DAY)
    assert _all_kept()
    record_receipt(zhou, "1200", plant=demo["P1"], date=DAY + datetime.timedelta(days=5))   # the oldest, and part
    assert _all_kept()
    assert CustomerPosition.get(CustomerPosition.customer == zhou.id).oldest_due == \
        DAY + datetime.timedelta(days=2 + 30)           # the first debt is paid: the order's is the oldest now
    record_receipt(zhou, "900", plant=demo["P1"])       # all paid, 400 ahead
    assert _all_kept()
    mine = post(zhou, "shipment", "250.00", allocate=False)
    credit = AccountEntry.select().where((AccountEntry.customer == zhou.id) & (AccountEntry.open_amount < 0)).get()
    allocate(credit.id, mine.id, "100", plant=demo["P1"])
    assert _all_kept()
    reverse(first.id, "posted twice", plant=demo["P1"])
    post(zhou, "adjustment", "-30.00", plant=demo["P1"], memo="discount")
    assert _all_kept()
    position = CustomerPosition.get(CustomerPosition.customer == zhou.id)
    assert position.balance == sum((e.amount for e in AccountEntry.select().where(AccountEntry.customer == zhou.id)),
                                   D("0"))


def test_rebuild_writes_what_was_kept(zhou, demo):
    post(zhou, "shipment", "10.00", date=DAY)
    record_receipt(zhou, "4", plant=demo["P1"])
    record_receipt(zhou, "3", plant=demo["P1"], date=DAY + datetime.timedelta(days=40))
    kept, days, received = _kept(), _days_kept(), _receipts_kept()
    CustomerPosition.delete().execute()
    DueDay.delete().execute()
    ReceiptPeriod.delete().execute()
    positions.rebuild(demo["P1"].id)
    positions.rebuild(demo["P2"].id)
    due_days.rebuild()
    receipt_periods.rebuild(demo["P1"].id)
    receipt_periods.rebuild(demo["P2"].id)
    assert _kept() == kept == _from_entries()
    assert _days_kept() == days == _days_from_entries()
    assert _receipts_kept() == received == _receipts_from_entries() != {}


def test_a_savepoint_rolled_back_takes_back_its_open_debits(zhou, demo):
    from core.db import transaction
    before = _days_kept()
    with transaction():
        post(zhou, "shipment", "20.00", date=DAY)
        try:
            with transaction():
                post(zhou, "shipment", "30.00", date=DAY + datetime.timedelta(days=1))
                raise RuntimeError("undone")
        except RuntimeError:
            pass
    assert _days_kept() == _days_from_entries() != before


def test_a_savepoint_rolled_back_takes_back_its_receipts(zhou, demo):
    from core.db import transaction
    with transaction():
        record_receipt(zhou, "20", plant=demo["P1"], date=DAY)
        try:
            with transaction():
                record_receipt(zhou, "30", plant=demo["P1"], date=DAY)
                raise RuntimeError("undone")
        except RuntimeError:
            pass
    assert _receipts_kept() == _receipts_from_entries()
    assert _receipts_kept()[(demo["P1"].id, "2026-03", zhou.id)] == (D("-20.00"), 1)
