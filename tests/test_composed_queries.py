"""The kernel's queries composed once: the same answers as peewee's own, for any parameters, on both
databases; misuse is refused rather than answered wrongly."""
import datetime
from decimal import Decimal as D

import pytest
from peewee import JOIN, fn

from addons.master_data.models.customer import Customer
from addons.master_data.models.product import Product
from addons.sales_order.models.line import OrderLine
from addons.sales_order.models.order import Order
from core.db import insert_rows, instances, joined_instances, run_composed


def _orders(demo):
    p1 = demo["P1"]
    buyers = list(Customer.select().where(Customer.plant == p1).order_by(Customer.id))[:2]
    made = []
    for n, buyer in enumerate(buyers):
        order = Order.create(plant=p1, number=f"SO-Q-{n}", customer=buyer, delivery_date=datetime.date(2026, 5, 1 + n),
                             state="approved")
        made.append(order)
    return p1, buyers, made


def test_a_composed_select_answers_like_peewee_for_every_parameter(ctx, demo):
    p1, buyers, orders = _orders(demo)
    product = Product.select().where(Product.plant == p1).first()
    insert_rows(OrderLine, [{"order": o.id, "seq": 1, "product": product.id, "quantity": D("3"), "unit_price": D("2.5"),
                             "amount": D("7.50")} for o in orders])
    for buyer in buyers:
        got = instances(Order, run_composed("test.orders_of", lambda c: Order.select().where(
            (Order.customer == c) & (Order.state == "approved")).order_by(Order.id), buyer.id))
        assert [o.number for o in got] == [o.number for o in Order.select().where(Order.customer == buyer.id)]
        assert got[0].customer_id == buyer.id and got[0].delivery_date.day in (1, 2) and not got[0].is_dirty()
    lines = OrderLine.select().where(OrderLine.order.in_([o.id for o in orders]))
    # the defaults insert_rows filled in, and the exact money and weights it wrote
    assert {(ln.amount, ln.delivered_quantity, ln.price_status) for ln in lines} == {(D("7.50"), D("0"), "ok")}


def test_joined_rows_and_an_outer_join_that_found_nothing(ctx, demo):
    p1, _buyers, orders = _orders(demo)
    product = Product.select().where(Product.plant == p1).first()
    OrderLine.create(order=orders[0], seq=1, product=product, quantity=1, unit_price=1)

    def build(o):
        return (Order.select(Order, OrderLine).join(OrderLine, JOIN.LEFT_OUTER, on=(OrderLine.order == Order.id))
                .where(Order.id == o))
    (with_line,) = joined_instances(run_composed("test.order_lines", build, orders[0].id), Order, OrderLine)
    (without,) = joined_instances(run_composed("test.order_lines", build, orders[1].id), Order, OrderLine)
    assert with_line[0].number == "SO-Q-0" and with_line[1].product_id == product.id
    assert without[0].number == "SO-Q-1" and without[1] is None


def test_a_parameter_may_appear_twice_and_equal_values_keep_their_places(ctx, demo):
    _p1, buyers, orders = _orders(demo)

    def build(c, s):
        return Order.select(Order.number).where(((Order.customer == c) | (Order.salesperson == s))
                                                & (Order.customer == c)).order_by(Order.id)
    for buyer in buyers:
        got = [n for (n,) in run_composed("test.twice", build, buyer.id, -1).fetchall()]
        assert got == [o.number for o in orders if o.customer_id == buyer.id]
    # equal values for two parameters: each still lands in its own places
    first = buyers[0].id
    assert run_composed("test.twice", build, first, first).fetchall() == [("SO-Q-0",)]
    assert run_composed("test.twice", build, buyers[1].id, first).fetchall() == [("SO-Q-1",)]


def test_parameters_that_are_not_plain_values_are_refused(ctx, demo):
    _p1, buyers, _orders_ = _orders(demo)
    with pytest.raises(ValueError, match="as given"):      # converted on its way (yuan to fen)
        run_composed("test.converted", lambda a: Order.select(Order.id).where(Order.amount > a), D("1.00"))
    with pytest.raises(ValueError, match="as given"):      # not in the query at all
        run_composed("test.unused", lambda a: Order.select(Order.id).where(Order.id > 0), buyers[0].id)
    with pytest.raises(ValueError, match="as given"):      # the SQL depends on the value
        run_composed("test.shaped", lambda a: Order.select(Order.id).where(Order.id.in_(list(range(a)))), 2)
