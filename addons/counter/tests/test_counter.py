"""A counter sale weighed on the counter's scale and paid two ways, a return refunded in cash, and the
shift closed against the cash counted, to the fen; the walk-in's account nets to nothing."""
from decimal import Decimal as D

import pytest

from addons.counter import selling, shifts
from addons.counter.models.counter import CounterSettings
from addons.ledger.ageing import balance
from addons.weighing.agent import publish
from addons.weighing.drivers.base import Reading
from addons.weighing.models.station import Station
from addons.weighing.models.weighing import Weighing
from addons.weighing.capture import CaptureRefused
from core.errors import UserError
from core.models import User
from core.users import create_user
from tests.sales_helpers import as_user, product


@pytest.fixture
def counter(ctx, demo):
    p1 = demo["P1"]
    create_user("cashier", "钱收银 Qian (cashier)", "demo1234", roles=["cashier"], plants=["P1"])
    station = Station.create(plant=p1, code="CTR", name="门市秤 Counter scale", port_url="socket://127.0.0.1:9",
                             protocol="toledo_continuous")
    CounterSettings.create(plant=p1, station=station, paper_mm=58)
    return {"plant": p1, "station": station}


def _scale(station, kg):
    publish(station.id, Reading(weight=D(kg), stable=True), seen=(D("0"), D(kg)), station=station)


def test_a_weighed_sale_paid_two_ways_a_return_and_the_shift_closed(browser, counter):
    p1, station = counter["plant"], counter["station"]
    with as_user("cashier", p1):
        with pytest.raises(UserError, match="Open your shift"):
            selling.sell(p1, [selling.CartLine(product("P005").id)], [selling.Paid("cash", "210")])
        shift = selling.open_shift(p1, "500.00")
        _scale(station, "2.345")
        from addons.weighing.capture import take
        legs = take(p1.id, station.id)
        with pytest.raises(CaptureRefused, match="captured already"):
            take(p1.id, station.id)                                    # one load, one weighing
        with pytest.raises(UserError, match="sold by weight"):
            selling.sell(p1, [selling.CartLine(product("P002").id)], [selling.Paid("cash", "1")])
        cart = [selling.CartLine(product("P002").id, "1", legs.id), selling.CartLine(product("P005").id, "1")]
        with pytest.raises(UserError, match="come to 270.00, not 272.85"):
            selling.sell(p1, cart, [selling.Paid("wechat", "200", "WX1"), selling.Paid("cash", "70")])
        sale = selling.sell(p1, cart, [selling.Paid("wechat", "200.00", "WX20261205001"),
                                       selling.Paid("cash", "72.85")])
        with pytest.raises(UserError, match="One weighing is one line"):
            selling.sell(p1, cart[:1], [selling.Paid("cash", "62.85")])          # the same weighing sold twice
    lines = {x.product.code: x for x in sale.lines}
    assert (lines["P002"].weight, lines["P002"].unit_price, lines["P002"].amount) == (D("2.345"), D("26.80"), D("62.85"))
    assert (lines["P005"].quantity, lines["P005"].amount) == (D("1.000"), D("210.00"))
    assert sale.amount == D("272.85")
    assert Weighing.get_by_id(legs.id).net == D("2.345")

    with as_user("cashier", p1):
        with pytest.raises(UserError, match="more than is left"):
            selling.return_goods(p1, sale, {lines["P002"].id: ("1", "3")}, [selling.Paid("cash", "80.40")], "坏了")
        back = selling.return_goods(p1, sale, {lines["P002"].id: ("1", "1.000")}, [selling.Paid("cash", "26.80")],
                                    "不新鲜 not fresh")
    assert back.amount == D("26.80") and back.kind == "return"
    assert selling.returnable(sale)[lines["P002"].id] == (D("0.000"), D("1.345"))

    figures = shifts.figures(shift)
    assert figures["takings"]["cash"] == D("46.05") and figures["takings"]["wechat"] == D("200.00")
    assert figures["expected_cash"] == D("546.05") and (figures["sales"], figures["returns"]) == (1, 1)
    with as_user("cashier", p1):
        closed = shifts.close(shift, "540.00")
    assert (closed.state, closed.expected_cash, closed.counted_cash) == ("closed", D("546.05"), D("540.00"))
    assert balance(selling.walk_in(p1).id) == D("0.00")

    User.update(lang="en").execute()
    cashier = browser("cashier")
    receipt = cashier.get(f"/counter/sales/{sale.id}").get_data(as_text=True)
    assert 'data-mm="58"' in receipt and "WX20261205001" in receipt and "272.85" in receipt
    report = cashier.get(f"/counter/shifts/{closed.id}").get_data(as_text=True)
    assert 'id="cash-difference">-CN¥6.05' in report or 'id="cash-difference">CN¥-6.05' in report


def test_on_account_only_for_a_named_customer_within_credit(counter):
    p1 = counter["plant"]
    with as_user("cashier", p1):
        selling.open_shift(p1, "0")
        cart = [selling.CartLine(product("P005").id, "2")]
        with pytest.raises(UserError, match="walk-in customer pays at once"):
            selling.sell(p1, cart, [selling.Paid("account", "420.00")])
        from tests.sales_helpers import customer
        sale = selling.sell(p1, cart, [selling.Paid("account", "420.00")], customer_id=customer("P1C002").id)
    assert balance(customer("P1C002").id) == D("420.00")
    assert sale.customer_id == customer("P1C002").id


def test_a_sold_weight_cannot_be_voided_nor_taken_by_another_cashier(counter):
    p1, station = counter["plant"], counter["station"]
    from addons.weighing.capture import take, void
    create_user("cashier2", "孙收银 Sun", "demo1234", roles=["cashier"], plants=["P1"])
    with as_user("cashier", p1):
        selling.open_shift(p1, "0")
        _scale(station, "1.50")
        mine = take(p1.id, station.id)
    with as_user("cashier2", p1):
        selling.open_shift(p1, "0")
        with pytest.raises(UserError, match="that weighing cannot be sold"):
            selling.sell(p1, [selling.CartLine(product("P002").id, "1", mine.id)], [selling.Paid("cash", "40.20")])
    with as_user("cashier", p1):
        sale = selling.sell(p1, [selling.CartLine(product("P002").id, "1", mine.id)], [selling.Paid("cash", "40.20")])
    with as_user("manager", p1):
        with pytest.raises(UserError, match=sale.number):
            void(p1.id, mine.id, "称错了 wrong")
