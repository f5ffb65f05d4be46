"""A standing order makes the week's reservations as their windows open, once a day each; a withdrawn one is
not made again; the customer changes a reservation before the cut-off, and the cut-off firms them."""
import datetime
from decimal import Decimal as D
from zoneinfo import ZoneInfo

import pytest

from addons.sales_order.jobs import close_ordering_window
from addons.sales_order.models.order import Order
from addons.sales_order.models.planning import SalesSettings
from addons.sales_order.orders import update_order
from addons.standing_order import baskets
from addons.standing_order.models.standing import StandingRun
from core import clock
from core.cache import forget
from core.errors import UserError
from tests.sales_helpers import as_user, customer, line, product

SHANGHAI = ZoneInfo("Asia/Shanghai")
SUNDAY = datetime.datetime(2026, 12, 6, 10, 0, tzinfo=SHANGHAI)      # before Monday 7 December's cut-off at noon
MONDAY = datetime.date(2026, 12, 7)


def _week(p1):
    legs, ribs = product("P002"), product("P004")
    cells = {(d, legs.id): "20" for d in range(6)}            # Monday to Saturday
    cells[(4, ribs.id)] = "3"                                 # and ribs on Friday
    with as_user("sales", p1):
        return baskets.save_basket(customer("P1C002"), cells, starts_on=MONDAY)


def test_a_standing_order_makes_the_weeks_reservations(browser, ctx, demo):
    p1 = demo["P1"]
    SalesSettings.create(plant=p1, reserve_open_hours=7 * 24, cutoff_hours=12)   # a week opens at once
    forget(("sales_order.settings", p1.id))
    standing = _week(p1)
    with clock.travel(SUNDAY):
        outcome = baskets.reserve_open_days(p1)
        assert outcome.params == {"made": 6, "refused": 0}       # no Sunday in the basket
        assert baskets.reserve_open_days(p1).params == {"made": 0, "refused": 0}   # once a day
    made = list(Order.select().where(Order.customer == customer("P1C002").id).order_by(Order.delivery_date))
    assert [o.delivery_date for o in made] == [MONDAY + datetime.timedelta(days=n) for n in range(6)]
    assert {(o.kind, o.state, o.channel) for o in made} == {("reservation", "reserved", "standing")}
    friday = made[4]
    assert sorted((x.product.code, x.quantity) for x in friday.lines) == [("P002", D("20.000")), ("P004", D("3.000"))]
    assert [(x.product.code, x.quantity) for x in made[0].lines] == [("P002", D("20.000"))]

    with clock.travel(SUNDAY):
        with as_user("sales", p1):
            update_order(made[2], made[2].delivery_date, [line("P002", 25)])     # Wednesday: more, before cut-off
            made[3].withdraw()                                                   # Thursday: none this week
        assert baskets.reserve_open_days(p1).params == {"made": 0, "refused": 0}  # not made again
    assert StandingRun.select().where(StandingRun.standing == standing.id).count() == 6
    with clock.travel(datetime.datetime(2026, 12, 7, 13, 0, tzinfo=SHANGHAI)):    # Tuesday's cut-off passed at 12:00
        with as_user("sales", p1):
            with pytest.raises(UserError, match="closed"):
                update_order(made[1], made[1].delivery_date, [line("P002", 30)])
        close_ordering_window(p1)
    assert [Order.get_by_id(o.id).state for o in made[:2]] == ["submitted", "submitted"]
    assert Order.get_by_id(made[2].id).lines.get().quantity == D("25.000")
    assert Order.get_by_id(made[3].id).state == "cancelled"
    page = browser("sales").get(f"/standing-orders/{standing.id}").get_data(as_text=True)
    assert made[0].number in page and 'name="q-4-' in page


def test_a_refused_day_is_kept_with_why_and_not_retried(ctx, demo):
    p1 = demo["P1"]
    SalesSettings.create(plant=p1, reserve_open_hours=7 * 24, cutoff_hours=12)
    forget(("sales_order.settings", p1.id))
    _week(p1)
    customer("P1C002").__class__.update(active=False).where(customer("P1C002").__class__.code == "P1C002").execute()
    with clock.travel(SUNDAY):
        assert baskets.reserve_open_days(p1).params == {"made": 0, "refused": 6}
        assert baskets.reserve_open_days(p1).params == {"made": 0, "refused": 0}
    run = StandingRun.select().order_by(StandingRun.day).first()
    assert run.order is None and "blocked" in run.problem
