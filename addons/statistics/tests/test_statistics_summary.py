"""The daily sales summary the figures read (with its months and years, and the customers' months) follows
every change to firm orders made through the services, on both databases: approvals, cancellations, a
manager's edit moving an approved order to another day, balancing cuts, statistics switched off and on, and (PostgreSQL) orders approved while
the figures are being read."""
import datetime
import os
import threading
from collections import defaultdict
from decimal import Decimal as D

import pytest

from addons.sales_order.balancing import confirm
from addons.sales_order.models.line import OrderLine
from addons.sales_order.models.order import FIRM, Order
from addons.sales_order.models.planning import Availability
from addons.sales_order.orders import create_order, update_order
from addons.statistics import sales, summary
from addons.statistics.customers import movement
from addons.statistics.models.customer_month import CustomerMonth, month_number
from addons.statistics.models.daily_sales import DailySales, PeriodSales, StaleDay
from core import plants
from core.db import db
from core.jobs import run_job
from tests.sales_helpers import as_user, customer, days_ahead, line, product


def _truth(plant, dimension):
    """By (month, key): the firm lines summed in Python, straight from the order lines."""
    out = defaultdict(lambda: [D("0.00"), D("0"), D("0")])
    for ln in OrderLine.select(OrderLine, Order).join(Order).where(Order.plant == plant.id):
        if ln.order.state in FIRM:
            key = {"product": ln.product_id, "customer": ln.order.customer_id,
                   "salesperson": ln.order.salesperson_id, "channel": ln.order.channel, "none": ""}[dimension]
            entry = out[(ln.order.delivery_date.isoformat()[:7], key)]
            entry[0] += ln.amount
            entry[1] += ln.expected_weight
            entry[2] += ln.quantity
    return dict(out)


def _figures(plant, dimension):
    first, last = days_ahead(-400), days_ahead(400)
    return {(f.period, f.key): [f.amount, f.weight, f.quantity]
            for f in sales.figures(plant.id, first, last, "month", dimension, labels=False)}


def _agree(plant):
    for dimension in ("none", "product", "customer", "salesperson", "channel"):
        assert _figures(plant, dimension) == _truth(plant, dimension), dimension
    _periods_agree(plant)
    _customer_months_agree(plant)
    for first, last in _ranges():
        assert _ranked(plant, first, last) == _ranked_truth(plant, first, last), (first, last)


def _periods_agree(plant):
    """The month and year totals the summary keeps are its days added up."""
    expected = defaultdict(lambda: [D("0"), D("0"), D("0"), 0])
    for row in DailySales.select().where(DailySales.plant == plant.id):
        for period in (row.day.isoformat()[:7], row.day.isoformat()[:4]):
            entry = expected[(row.basis, row.dimension, period, row.key_id or 0, row.key_text or "")]
            for at, value in enumerate((row.amount, row.weight, row.quantity, row.orders)):
                entry[at] += value
    kept = {(r.basis, r.dimension, r.period, r.key_id, r.key_text): [r.amount, r.weight, r.quantity, r.orders]
            for r in PeriodSales.select().where(PeriodSales.plant == plant.id)}
    assert kept == dict(expected)


def _customer_months_agree(plant):
    """The customers' months are their firm orders' months; what customer analysis counts from them is what
    counting the orders gives."""
    months, seller = defaultdict(set), {}
    for order in Order.select().where((Order.plant == plant.id) & Order.state.in_(FIRM)):
        month = month_number(order.delivery_date)
        months[order.customer_id].add(month)
        key = (order.customer_id, month)
        seller[key] = min(seller.get(key, order.salesperson_id or 0), order.salesperson_id or 0)
    expected = {(c, m): (seller[(c, m)], min(ms), m + 1 in ms) for c, ms in months.items() for m in ms}
    kept = {(r.customer_id, r.month): (r.salesperson_id, r.first_month, r.bought_next)
            for r in CustomerMonth.select().where(CustomerMonth.plant == plant.id)}
    assert kept == expected
    bought = {m for ms in months.values() for m in ms}
    for month in bought | {m + 1 for m in bought}:
        text = f"{month // 12}-{month % 12 + 1:02d}"
        counted = movement(plant.id, text)
        assert sum(r["buying"] for r in counted) == sum(month in ms for ms in months.values())
        assert sum(r["new"] for r in counted) == sum(min(ms) == month for ms in months.values())
        assert sum(r["converted"] for r in counted) == sum(min(ms) == month - 1 and month in ms
                                                             for ms in months.values())
        assert sum(r["lost"] for r in counted) == sum(month - 1 in ms and month not in ms for ms in months.values())


def _ranges():
    """A range that adds months and days, one read as a year less a month and some days, and a long one."""
    soon = days_ahead(5)
    new_year = soon.replace(month=1, day=1)
    return [(soon - datetime.timedelta(days=3), days_ahead(40)), (new_year, soon.replace(month=12, day=20)),
            (new_year, soon), (days_ahead(-400), days_ahead(400))]


def _ranked(plant, first, last):
    rows, rest, grand = sales.ranking(plant.id, first, last, "product", top=2)
    everything = sales.ranking(plant.id, first, last, "product", top=100)[0]
    assert rest == grand - sum(r["amount"] for r in rows) and rows == everything[:2]
    # as the page reads it, given the plant's today (the year less the days booked ahead, when it is shorter)
    assert sales.ranking(plant.id, first, last, "product", top=100, today=days_ahead(0))[0] == everything
    return {r["key"]: r["amount"] for r in everything}


def _ranked_truth(plant, first, last):
    out = defaultdict(lambda: D("0.00"))
    for ln in OrderLine.select(OrderLine, Order).join(Order).where(
            (Order.plant == plant.id) & Order.state.in_(FIRM) & Order.delivery_date.between(first, last)):
        out[f"{ln.product.code} {ln.product.name}"] += ln.amount
    return dict(out)


def _approved(code, day, *lines):
    order = create_order(customer(code), day, list(lines))
    order.submit()
    order.approve()
    return order


def test_approvals_cancellations_edits_and_cuts_reach_the_figures(ctx, demo):
    p1 = demo["P1"]
    with as_user("manager", p1):
        first = _approved("P1C001", days_ahead(5), line("P005", 10), line("P002", 4))
    _agree(p1)                       # the first read builds the summary
    assert _figures(p1, "none") != {}
    with as_user("manager", p1):
        second = _approved("P1C003", days_ahead(5), line("P002", 30))
        draft = create_order(customer("P1C004"), days_ahead(5), [line("P002", 7)])
    assert StaleDay.select().count() == 1           # one day marked; the draft marks nothing
    _agree(p1)
    assert StaleDay.select().count() == 0
    with as_user("manager", p1):
        # a manager moves an approved order to a day next month: both days are recomputed
        update_order(first, days_ahead(40), [line("P005", 12)])
    _agree(p1)
    with as_user("manager", p1):
        # the same customer again, earlier: their later months' first month and "bought the month after" change
        _approved("P1C001", days_ahead(5), line("P005", 2))
    _agree(p1)
    with as_user("manager", p1):
        Availability.create(plant=p1, product=product("P002"), day=days_ahead(5), quantity=20)
        cut = OrderLine.get(OrderLine.order == second.id)
        assert confirm(p1, days_ahead(5), product("P002"), {cut.id: D("20")}) == 1
    _agree(p1)
    with as_user("manager", p1):
        Order.get_by_id(second.id).cancel(comment="customer cancelled")
        draft.submit()
    _agree(p1)
    assert Order.get_by_id(draft.id).state == "submitted"


def test_the_job_refreshes_and_the_nightly_rebuild_repairs_writes_around_the_services(ctx, demo):
    p1 = demo["P1"]
    with as_user("manager", p1):
        order = _approved("P1C001", days_ahead(5), line("P005", 10))
    _agree(p1)
    with as_user("manager", p1):
        _approved("P1C001", days_ahead(6), line("P005", 3))
    assert StaleDay.select().count() == 1
    run_job(ctx, "statistics.refresh_summary")
    assert StaleDay.select().count() == 0
    _agree(p1)
    # a script that changes a line behind the services' back is not seen until the rebuild
    OrderLine.update(amount=D("1.00")).where(OrderLine.order == order.id).execute()
    assert _figures(p1, "none") != _truth(p1, "none")
    run_job(ctx, "statistics.rebuild_summary")
    _agree(p1)


def test_switching_statistics_off_and_on_rebuilds_what_it_missed(ctx, demo):
    p1, registry = demo["P1"], ctx.extensions["erp"].registry
    with as_user("manager", p1):
        _approved("P1C001", days_ahead(5), line("P005", 10))
    _agree(p1)
    plants.disable(registry, p1, "statistics")
    with as_user("manager", p1):
        _approved("P1C003", days_ahead(7), line("P002", 5))
    assert StaleDay.select().count() == 0           # nobody was listening
    plants.enable(registry, p1, "statistics")
    _agree(p1)


@pytest.mark.skipif(not os.environ.get("ERP_TEST_DATABASE_URL"), reason="PostgreSQL only")
def test_orders_approved_while_figures_are_read_are_all_counted(ctx, demo):
    p1 = demo["P1"]
    with as_user("manager", p1):
        orders = [create_order(customer(c), days_ahead(5 + n % 3), [line("P005", 1 + n)])
                  for n, c in enumerate(["P1C001", "P1C003", "P1C004"] * 4)]
        for order in orders:
            order.submit()
    _agree(p1)
    done, errors = threading.Event(), []

    def approve():
        try:
            with ctx.app_context(), as_user("manager", p1):
                for order in orders:
                    Order.get_by_id(order.id).approve()
        except Exception as exc:       # pragma: no cover - shown if it happens
            errors.append(repr(exc))
        finally:
            done.set()
            db.close()

    def read():
        try:
            with ctx.app_context():
                while not done.is_set():
                    sales.figures(p1.id, days_ahead(-1), days_ahead(30), "day", "product")
        except Exception as exc:       # pragma: no cover
            errors.append(repr(exc))
        finally:
            db.close()

    threads = [threading.Thread(target=approve)] + [threading.Thread(target=read) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert Order.select().where(Order.state == "approved").count() == 12
    _agree(p1)
    assert summary.refresh(p1.id) == 0              # nothing left stale


def test_the_shipped_basis_is_what_was_billed_on_the_weighed_kg_by_ship_date(ctx, demo):
    from addons.dispatch import desk, planning, shipping
    from addons.dispatch.models.line import DeliveryLine
    from addons.dispatch.models.note import DeliveryNote
    from core.clock import plant_today
    from tests.dispatch_helpers import approved_order, vehicle
    plant = demo["P1"]
    order = approved_order(plant, "P1C002", [line("P002", "10"), line("P005", "2")])   # 3,350.00 + 420.00 estimated
    assert sales.default_basis(plant.id) == "shipped"
    assert sales.figures(plant.id, order.delivery_date, order.delivery_date, "day", "none", basis="shipped") == []
    with as_user("scheduler", plant):
        (note,) = planning.assign(plant, planning.create_trip(plant, order.delivery_date, vehicle(plant).id),
                                  [(x.id, x.quantity) for x in OrderLine.select().where(OrderLine.order == order.id)])
    legs, trotters = (DeliveryLine.get((DeliveryLine.note == note.id) & (DeliveryLine.product == product(code).id))
                      for code in ("P002", "P005"))
    with as_user("shipper", plant):
        desk.add_batch(legs.id, "6", "80.555")                 # six legs, weighed: 80.555 kg × 26.80 = 2,158.874
        desk.add_batch(trotters.id, "2", "20.400")             # two boxes, priced per box: 420.00
        shipping.ship(note.id)
    day = DeliveryNote.get_by_id(note.id).shipped_on
    assert day == plant_today(plant)
    (total,) = sales.figures(plant.id, day, day, "day", "none", basis="shipped")
    assert (total.amount, total.weight, total.quantity) == (D("2578.87"), D("100.955"), D("8"))
    by_product = {f.key: f for f in sales.figures(plant.id, day, day, "day", "product", basis="shipped")}
    assert by_product["P002 猪后腿 Hind leg"].amount == D("2158.87")
    by_customer = sales.figures(plant.id, day, day, "day", "customer", basis="shipped")
    assert [(f.key, f.amount) for f in by_customer] == [("P1C002 " + customer("P1C002").name, D("2578.87"))]
    # the ordered basis keeps the estimate on the delivery day
    (ordered,) = sales.figures(plant.id, order.delivery_date, order.delivery_date, "day", "none", basis="ordered")
    assert ordered.amount == D("3770.00")
    # a full rebuild gives the same shipped figures as the marks kept in step
    summary.rebuild(plant.id)
    assert sales.figures(plant.id, day, day, "day", "none", basis="shipped")[0].amount == D("2578.87")
