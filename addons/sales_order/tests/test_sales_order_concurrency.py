"""Concurrent approvals for one customer near the limit never push exposure over it (PostgreSQL)."""
import os
from decimal import Decimal as D

import pytest

from addons.ledger.exposure import exposure
from addons.sales_order.models.order import Order
from addons.sales_order.orders import create_order
from core.db import is_sqlite
from tests.sales_helpers import as_user, customer, days_ahead, line
from tests.threads import at_once

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
    errors = [str(e) for e in at_once(ctx, demo["P1"], "manager", lambda o: Order.get_by_id(o.id).approve(), orders)
              if e is not None]
    states = [Order.get_by_id(o.id).state for o in orders]
    assert errors == [] and not is_sqlite()
    assert states.count("approved") == 9 and states.count("held") == 11      # 9 × 1,050 = 9,450
    assert exposure(buyer).total == D("9450.00") <= buyer.credit_limit
