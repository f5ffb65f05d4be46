"""Statistics on a generated data set, checked against an independent computation in Python, exactly,
on SQLite and PostgreSQL — including growth across a year boundary."""
import datetime
import random
import re
from collections import defaultdict
from decimal import Decimal as D

import pytest

from addons.master_data.models.customer import Customer
from addons.master_data.models.product import Product
from addons.sales_order.models.line import OrderLine
from addons.sales_order.models.order import Order
from addons.statistics import sales
from addons.statistics.customers import frequency, movement
from core.models import User
from tests.excel_files import read

FIRST, LAST = datetime.date(2025, 11, 1), datetime.date(2026, 2, 28)


@pytest.fixture
def data(ctx, demo):
    """300 orders of 1–4 lines over four months across the new year; a fifth of them not firm."""
    rng = random.Random(11)
    p1 = demo["P1"]
    customers = list(Customer.select().where(Customer.plant == p1))
    products = list(Product.select().where(Product.plant == p1))
    people = [User.get(User.login == "sales"), User.get(User.login == "manager")]
    lines = []
    for n in range(300):
        day = FIRST + datetime.timedelta(days=rng.randrange((LAST - FIRST).days + 1))
        state = rng.choice(["approved", "completed", "approved", "completed", "draft", "cancelled", "approved"])
        order = Order.create(plant=p1, number=f"SO-G-{n:04d}", customer=rng.choice(customers), delivery_date=day,
                             state=state, channel=rng.choice(["phone", "portal", "salesperson"]),
                             salesperson=rng.choice(people))
        for s in range(rng.randint(1, 4)):
            product = rng.choice(products)
            qty = D(rng.randint(1, 40))
            weight = (qty * product.nominal_weight).quantize(D("0.001"))
            amount = D(rng.randint(100, 999999)) / 100
            OrderLine.create(order=order, seq=s + 1, product=product, quantity=qty, expected_weight=weight,
                             unit_price=D("1"), amount=amount)
            lines.append({"order": order, "product": product, "qty": qty, "weight": weight, "amount": amount})
    return p1, lines


def _expected(lines, key):
    out = defaultdict(lambda: [D("0.00"), D("0"), D("0")])
    for x in lines:
        if x["order"].state in ("approved", "completed"):
            k = key(x)
            out[k][0] += x["amount"]
            out[k][1] += x["weight"]
            out[k][2] += x["qty"]
    return out


def test_monthly_and_quarterly_figures_and_growth_across_the_year_boundary(data):
    plant, lines = data
    month = _expected(lines, lambda x: x["order"].delivery_date.isoformat()[:7])
    rows = sales.series(plant.id, FIRST, LAST, "month")
    assert [r["period"] for r in rows] == ["2025-11", "2025-12", "2026-01", "2026-02"]
    for r in rows:
        assert (r["amount"], r["weight"], r["quantity"]) == tuple(month[r["period"]])
    jan = next(r for r in rows if r["period"] == "2026-01")
    expected = ((month["2026-01"][0] - month["2025-12"][0]) * 100 / month["2025-12"][0]).quantize(D("0.01"))
    assert jan["previous"] == month["2025-12"][0] and jan["growth"] == expected
    assert jan["yoy"] is None and jan["last_year"] == D("0.00")       # no January 2025 in the data
    quarter = _expected(lines, lambda x: f"{x['order'].delivery_date.year}-Q{(x['order'].delivery_date.month - 1) // 3 + 1}")
    q_rows = {r["period"]: r for r in sales.series(plant.id, datetime.date(2025, 10, 1), LAST, "quarter")}
    assert set(q_rows) == {"2025-Q4", "2026-Q1"} and q_rows["2026-Q1"]["amount"] == quarter["2026-Q1"][0]
    assert q_rows["2026-Q1"]["growth"] == ((quarter["2026-Q1"][0] - quarter["2025-Q4"][0]) * 100
                                            / quarter["2025-Q4"][0]).quantize(D("0.01"))
    years = {r["period"]: r["amount"] for r in sales.series(plant.id, datetime.date(2025, 1, 1), LAST, "year")}
    assert years == {"2025": month["2025-11"][0] + month["2025-12"][0], "2026": month["2026-01"][0] + month["2026-02"][0]}


def test_year_on_year_compares_the_same_month(data):
    plant, lines = data
    order = Order.create(plant=plant, number="SO-G-LY", customer=Customer.select().first(),
                         delivery_date=datetime.date(2025, 1, 15), state="completed")
    OrderLine.create(order=order, seq=1, product=Product.select().first(), quantity=1, unit_price=1, amount=D("1000.00"))
    jan = next(r for r in sales.series(plant.id, FIRST, LAST, "month") if r["period"] == "2026-01")
    assert jan["last_year"] == D("1000.00") and jan["yoy"] == ((jan["amount"] - 1000) / 10).quantize(D("0.01"))


DIMENSIONS = [
    ("product", lambda x: f"{x['product'].code} {x['product'].name}"),
    ("customer", lambda x: f"{x['order'].customer.code} {x['order'].customer.name}"),
    ("salesperson", lambda x: x["order"].salesperson.name),
    ("channel", lambda x: x["order"].channel),
    ("category", lambda x: x["product"].category.name),
    ("province", lambda x: x["order"].customer.region.province),
    ("city", lambda x: x["order"].customer.region.city),
    ("customer_type", lambda x: x["order"].customer.customer_type.name),
]


@pytest.mark.parametrize("dimension, key", DIMENSIONS)
def test_figures_by_every_dimension(data, dimension, key):
    plant, lines = data
    expected = _expected(lines, lambda x: (x["order"].delivery_date.isoformat()[:7], key(x)))
    got = {(f.period, f.key): [f.amount, f.weight, f.quantity]
           for f in sales.figures(plant.id, FIRST, LAST, "month", dimension)}
    assert got == {k: v for k, v in expected.items()}


def test_figures_over_parts_of_months_add_the_days_to_the_kept_months(data):
    plant, lines = data
    first, last = datetime.date(2025, 11, 15), datetime.date(2026, 2, 10)
    within = [x for x in lines if first <= x["order"].delivery_date <= last]
    for period, label in (("month", lambda d: d.isoformat()[:7]), ("quarter", lambda d: f"{d.year}-Q{(d.month - 1) // 3 + 1}"),
                          ("year", lambda d: str(d.year)), ("day", lambda d: d.isoformat())):
        expected = _expected(within, lambda x: (label(x["order"].delivery_date), x["product"].code))
        got = {(f.period, f.key): [f.amount, f.weight, f.quantity]
               for f in sales.figures(plant.id, first, last, period, "product", labels=False)}
        codes = {p.id: p.code for p in Product.select()}
        assert {(p, codes[k]): v for (p, k), v in got.items()} == dict(expected), period


@pytest.mark.parametrize("dimension, key", DIMENSIONS)
def test_ranking_by_every_dimension(data, dimension, key):
    plant, lines = data
    totals = _expected(lines, key)
    ordered = sorted(totals.items(), key=lambda kv: -kv[1][0])
    rows, rest, grand = sales.ranking(plant.id, FIRST, LAST, dimension, top=3)
    assert [(r["key"], r["amount"], r["weight"], r["quantity"]) for r in rows] == [(k, *v) for k, v in ordered[:3]]
    assert grand == sum(v[0] for v in totals.values()) and rest == grand - sum(v[0] for _k, v in ordered[:3])


def test_ranking_keeps_the_goods_with_no_category_together(data):
    """Weight and quantity are summed for the top keys only: the products with no category are such a key."""
    plant, lines = data
    bare = {x["product"].id for x in lines[:40]}
    Product.update(category=None).where(Product.id.in_(list(bare))).execute()
    totals = _expected(lines, lambda x: "" if x["product"].id in bare else x["product"].category.name)
    rows, _rest, _grand = sales.ranking(plant.id, FIRST, LAST, "category", top=len(totals))
    assert {r["key"]: [r["amount"], r["weight"], r["quantity"]] for r in rows} == dict(totals)


def test_ranking_and_shares(data):
    plant, lines = data
    totals = _expected(lines, lambda x: f"{x['product'].code} {x['product'].name}")
    rows, rest, grand = sales.ranking(plant.id, FIRST, LAST, "product", top=3)
    ordered = sorted(totals.items(), key=lambda kv: (-kv[1][0], kv[0]))
    assert [r["key"] for r in rows] == [k for k, _v in ordered[:3]]
    assert grand == sum(v[0] for v in totals.values()) and rest == sum(v[0] for _k, v in ordered[3:])
    assert rows[0]["share"] == (ordered[0][1][0] * 100 / grand).quantize(D("0.01"))


def test_customer_movement_between_months(data):
    plant, lines = data
    # a customer who first bought in December and again in January: converted in January
    template = Customer.select().where(Customer.plant == plant).first()
    fresh = Customer.create(**{**template.__data__, "id": None, "code": "NEW-1", "name": "New customer"})
    for n, day in enumerate((datetime.date(2025, 12, 9), datetime.date(2026, 1, 13))):
        order = Order.create(plant=plant, number=f"SO-N-{n}", customer=fresh, delivery_date=day, state="approved",
                             channel="phone", salesperson=User.get(User.login == "sales"))
        lines.append({"order": order})
    firm = [x for x in lines if x["order"].state in ("approved", "completed")]
    months = defaultdict(set)
    for x in firm:
        months[x["order"].customer_id].add(x["order"].delivery_date.isoformat()[:7])
    for month, before in (("2026-01", "2025-12"), ("2026-02", "2026-01")):
        rows = movement(plant.id, month)
        assert sum(r["buying"] for r in rows) == sum(month in m for m in months.values())
        assert sum(r["lost"] for r in rows) == sum(before in m and month not in m for m in months.values())
        assert sum(r["new"] for r in rows) == sum(min(m) == month for m in months.values())
        assert sum(r["converted"] for r in rows) == sum(min(m) == before and month in m for m in months.values())
    assert sum(r["converted"] for r in movement(plant.id, "2026-01")) >= 1


def test_customers_by_how_often_they_order(data):
    plant, lines = data
    orders, amounts, latest = defaultdict(set), defaultdict(lambda: D("0.00")), {}
    first, last = datetime.date(2025, 12, 10), datetime.date(2026, 2, 20)
    for x in lines:
        order = x["order"]
        if order.state in ("approved", "completed") and first <= order.delivery_date <= last:
            orders[order.customer_id].add(order.id)
            amounts[order.customer_id] += x["amount"]
            latest[order.customer_id] = max(latest.get(order.customer_id, order.delivery_date), order.delivery_date)
    ranked = sorted(orders, key=lambda c: (-len(orders[c]), c))[:5]
    rows = frequency(plant.id, first, last, last, top=5)
    named = {c.id: f"{c.code} {c.name}" for c in Customer.select()}
    assert [(r["customer"], r["orders"], r["amount"], r["last"], r["recency"]) for r in rows] == [
        (named[c], len(orders[c]), amounts[c], latest[c], (last - latest[c]).days) for c in ranked]


def test_screens_and_charts(browser, data):
    User.update(lang="en").execute()
    leader = browser("leader")
    from core.models import UserPlant
    plant, _lines = data
    page = leader.get("/statistics/sales?period=month&first=2025-11-01&last=2026-02-28").get_data(as_text=True)
    # a plant selling by weight sees what was billed on the weighed kg first, and the page says so
    assert 'data-basis="shipped"' in page and "Shown: Shipped: billed on the weighed kg" in page
    assert 'data-period="2026-01"' not in page                       # nothing of the data set has shipped
    page = leader.get("/statistics/sales?basis=ordered&period=month&first=2025-11-01&last=2026-02-28").get_data(
        as_text=True)
    assert 'data-period="2026-01"' in page and "/statistics/chart/sales.svg" in page and 'data-basis="ordered"' in page
    # growth against the month before, green or red; the first month has nothing to compare with
    jan = next(r for r in sales.series(plant.id, FIRST, LAST, "month") if r["period"] == "2026-01")
    shown = re.search(r'<tr data-period="2026-01">.*?</tr>', page, re.S).group(0)
    colour = "text-success" if jan["growth"] >= 0 else "text-danger"
    assert f'<span class="{colour}">{jan["growth"].normalize():f}%</span>' in shown
    first_month = re.search(r'<tr data-period="2025-11">.*?</tr>', page, re.S).group(0)
    assert first_month.count("—") == 2 and "%</span>" not in first_month
    chart = leader.get("/statistics/chart/sales.svg?basis=ordered&period=month&first=2025-11-01&last=2026-02-28")
    assert chart.mimetype == "image/svg+xml" and b"2026-01" in chart.data and b"<script" not in chart.data
    assert leader.get("/statistics/chart/share.svg?by=product&first=2025-11-01&last=2026-02-28").status_code == 200
    rows = read(leader.get("/statistics/sales?basis=ordered&period=quarter&by=channel&first=2025-11-01&last=2026-02-28"
                           "&export=xlsx").data)
    assert rows[0][:2] == ["Quarter", "Channel"] and len(rows) > 1
    for url in ("/statistics/ranking?by=category", "/statistics/customers?month=2026-01", "/statistics/collections",
                "/statistics/board", "/statistics/targets?month=2026-01", "/statistics/chart/targets.svg?month=2026-01"):
        assert leader.get(url).status_code == 200, url
    assert leader.get("/statistics/board.json").get_json()["created_today"] == 300     # the data set went in today
    sales_person = User.get(User.login == "sales")
    assert leader.post("/statistics/targets", {"month": "2026-01", f"target-{sales_person.id}": "50000"}).status_code == 302
    page = leader.get("/statistics/targets?month=2026-01").get_data(as_text=True)
    assert "50,000.00" in page
    assert browser("sales").get("/statistics/sales").status_code == 403
    assert UserPlant.select().count() > 0


def test_daily_keys_stay_text(data):
    plant, lines = data
    days = _expected(lines, lambda x: x["order"].delivery_date.isoformat())
    rows = sales.series(plant.id, datetime.date(2026, 1, 1), datetime.date(2026, 1, 31), "day")
    assert rows and all(isinstance(r["period"], str) for r in rows)
    assert {r["period"]: r["amount"] for r in rows} == {k: v[0] for k, v in days.items() if k.startswith("2026-01")}
