"""Concurrent approvals for one customer near the limit never push exposure over it (PostgreSQL)."""
import os
import threading
from decimal import Decimal as D

import pytest

from addons.ledger.exposure import exposure
from addons.sales_order.models.order import Order
from addons.sales_order.orders import create_order
from core.db import db, is_sqlite
from core.errors import UserError
from tests.sales_helpers import as_user, customer, days_ahead, line

pytestmark = pytest.mark.skipif(not os.environ.get("ERP_TEST_DATABASE_URL"), reason="PostgreSQL only")


def test_twenty_concurrent_approvals_stay_within_the_limit(ctx, demo):
    buyer = customer("P1C002")
    buyer.credit_limit = D("10000.00")
    buyer.save()
    with as_user("sales", demo["P1"]):
        orders = [create_order(buyer, days_ahead(5), [line("P005", 5)]) for _ in range(20)]   # 1,050 each
        for order in orders:
            order.submit()
    assert all(o.state == "submitted" for o in orders)
    barrier, errors = threading.Barrier(20), []

    def approve(order):
        try:
            with ctx.app_context(), as_user("manager", demo["P1"]):
                barrier.wait()
                Order.get_by_id(order.id).approve()
        except UserError as exc:       # pragma: no cover - shown if it happens
            errors.append(str(exc))
        finally:
            db.close()

    threads = [threading.Thread(target=approve, args=(o,)) for o in orders]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    states = [Order.get_by_id(o.id).state for o in orders]
    assert errors == [] and not is_sqlite()
    assert states.count("approved") == 9 and states.count("held") == 11      # 9 × 1,050 = 9,450
    assert exposure(buyer).total == D("9450.00") <= buyer.credit_limit
