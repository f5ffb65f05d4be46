"""Writers at the same moment on the embedded database too: approvals for one customer near the limit and
receipts into one account, each from its own thread and connection. On SQLite every transaction takes the
write lock up front (BEGIN IMMEDIATE), so a read-check-write cannot interleave with another writer's and
nobody is turned away with "database is locked"; on PostgreSQL the customer's row lock does the same."""
from decimal import Decimal as D

from addons.ledger.ageing import balance
from addons.ledger.exposure import exposure
from addons.ledger.models.receipt import Receipt
from addons.ledger.receipts import record_receipt
from addons.sales_order.models.order import Order
from addons.sales_order.orders import create_order
from tests.sales_helpers import as_user, customer, days_ahead, line
from tests.threads import at_once

THREADS = 8


def _together(ctx, plant, login, work, items):
    return [f"{type(e).__name__}: {e}" for e in at_once(ctx, plant, login, work, items) if e is not None]


def test_concurrent_approvals_stay_within_the_limit(ctx, demo):
    buyer = customer("P1C002")
    buyer.credit_limit = D("4000.00")
    buyer.save()
    with as_user("sales", demo["P1"]):
        orders = [create_order(buyer, days_ahead(5), [line("P005", 5)]) for _ in range(THREADS)]   # 1,050 each
        for order in orders:
            order.submit()
    errors = _together(ctx, demo["P1"], "manager", lambda order: Order.get_by_id(order.id).approve(), orders)
    states = [Order.get_by_id(o.id).state for o in orders]
    assert errors == []
    assert states.count("approved") == 3 and states.count("held") == THREADS - 3        # 3 × 1,050 = 3,150
    assert exposure(buyer).total == D("3150.00") <= buyer.credit_limit


def test_concurrent_receipts_into_one_account_all_count(ctx, demo):
    buyer = customer("P1C002")

    def pay(n):
        record_receipt(buyer, D("100.00") + n, plant=demo["P1"], reference=f"slip {n}")
    errors = _together(ctx, demo["P1"], "finance", pay, list(range(THREADS)))
    assert errors == []
    assert Receipt.select().count() == THREADS
    assert len({r.number for r in Receipt.select()}) == THREADS
    assert balance(buyer.id) == -(D("100.00") * THREADS + sum(range(THREADS)))
