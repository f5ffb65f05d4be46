"""Two desks shipping the same line at once cannot together pass its quantity (PostgreSQL)."""
import os
from decimal import Decimal as D

import pytest

from addons.dispatch import desk, planning
from addons.dispatch.models.line import DeliveryLine
from addons.sales_order.models.line import OrderLine
from core.db import is_sqlite
from core.errors import UserError
from tests.dispatch_helpers import approved_order, as_user, line, vehicle
from tests.threads import at_once

pytestmark = pytest.mark.skipif(not os.environ.get("ERP_TEST_DATABASE_URL"), reason="PostgreSQL only")


@pytest.mark.parametrize("split", [False, True])
def test_two_desks_cannot_double_ship_a_line(ctx, demo, split):
    """Ten hind legs ordered (2 % tolerance: 10.2); each desk ships 8 at once. Exactly one succeeds,
    whether both work one delivery line or the order line is split over two notes."""
    p1 = demo["P1"]
    order = approved_order(p1, "P1C002", [line("P002", 10)])
    order_line = OrderLine.get(OrderLine.order == order.id)
    with as_user("scheduler", p1):
        trip = planning.create_trip(p1, order.delivery_date, vehicle(p1).id)
        if split:
            second = planning.create_trip(p1, order.delivery_date, vehicle(p1, "V2").id)
            planning.assign(p1, trip, [(order_line.id, "5")])
            planning.assign(p1, second, [(order_line.id, "5")])
        else:
            planning.assign(p1, trip, [(order_line.id, "10")])
    targets = [d.id for d in DeliveryLine.select().order_by(DeliveryLine.id)]
    targets = targets if split else targets * 2
    outcomes = at_once(ctx, p1, "shipper", lambda line_id: desk.add_batch(line_id, "8", "100"), targets)
    assert all(o is None or isinstance(o, UserError) for o in outcomes), outcomes
    results = ["shipped" if o is None else str(o) for o in outcomes]
    total = sum((d.shipped_quantity for d in DeliveryLine.select()), D("0"))
    assert not is_sqlite() and results.count("shipped") == 1 and total == D("8")
    assert any("a manager must allow it" in r for r in results)
