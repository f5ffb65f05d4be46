"""Each customer's position (balance, open items, oldest due date, owed on orders) is kept by every posting and
allocation, and is always what the entries themselves say."""
import datetime
from decimal import Decimal

import pytest

from addons.ledger import positions
from addons.ledger.models.entry import AccountEntry
from addons.ledger.models.position import CustomerPosition
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
    assert _kept() == _from_entries()
    record_receipt(zhou, "1200", plant=demo["P1"], date=DAY + datetime.timedelta(days=5))   # the oldest, and part
    assert _kept() == _from_entries()
    assert CustomerPosition.get(CustomerPosition.customer == zhou.id).oldest_due == \
        DAY + datetime.timedelta(days=2 + 30)           # the first debt is paid: the order's is the oldest now
    record_receipt(zhou, "900", plant=demo["P1"])       # all paid, 400 ahead
    assert _kept() == _from_entries()
    mine = post(zhou, "shipment", "250.00", allocate=False)
    credit = AccountEntry.select().where((AccountEntry.customer == zhou.id) & (AccountEntry.open_amount < 0)).get()
    allocate(credit.id, mine.id, "100", plant=demo["P1"])
    assert _kept() == _from_entries()
    reverse(first.id, "posted twice", plant=demo["P1"])
    post(zhou, "adjustment", "-30.00", plant=demo["P1"], memo="discount")
    assert _kept() == _from_entries()
    position = CustomerPosition.get(CustomerPosition.customer == zhou.id)
    assert position.balance == sum((e.amount for e in AccountEntry.select().where(AccountEntry.customer == zhou.id)),
                                   D("0"))


def test_rebuild_writes_what_was_kept(zhou, demo):
    post(zhou, "shipment", "10.00", date=DAY)
    record_receipt(zhou, "4", plant=demo["P1"])
    kept = _kept()
    CustomerPosition.delete().execute()
    positions.rebuild(demo["P1"].id)
    positions.rebuild(demo["P2"].id)
    assert _kept() == kept == _from_entries()
