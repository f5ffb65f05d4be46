"""Customer analysis: new, converted and lost customers per month and salesperson; purchase frequency and
recency; customers ranked by returns and by transit loss."""
from __future__ import annotations

import datetime

from peewee import JOIN, SQL, Cast, fn

from addons.dispatch.models.line import DeliveryLine
from addons.dispatch.models.note import DeliveryNote
from addons.master_data.models.customer import Customer
from addons.returns.models.line import ReturnLine
from addons.returns.models.return_order import ReturnOrder
from addons.sales_order.models.order import FIRM, Order
from addons.statistics.sales import previous
from core.models import User


def _month(field):
    return fn.SUBSTR(Cast(field, "text"), SQL("1"), SQL("7")).coerce(False)


def _first_of(month: str) -> datetime.date:
    return datetime.date(int(month[:4]), int(month[5:7]), 1)


def movement(plant_id, month: str) -> list[dict]:
    """Per salesperson for `month` ("2026-03"): customers buying, new (first firm order ever), converted
    (first order last month, buying again now) and lost (bought last month, not now).

    Only the two months' orders are read; whether a customer bought before is one index seek per customer and
    firm state (the first firm delivery day), not a pass over every order the plant ever had."""
    before = previous("month", month)
    start, first_before = _first_of(month), _first_of(before)
    end = (start + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
    by_customer = (Order.select(Order.customer, _month(Order.delivery_date).alias("m"),
                                fn.MIN(Order.salesperson).alias("sp"))
                   .where((Order.plant == plant_id) & Order.state.in_(FIRM)
                          & Order.delivery_date.between(first_before, end))
                   .group_by(Order.customer, _month(Order.delivery_date)).tuples())
    months: dict[int, set] = {}
    seller: dict[int, int] = {}
    for customer_id, m, sp in by_customer:
        months.setdefault(customer_id, set()).add(m)
        if m == month or customer_id not in seller:
            seller[customer_id] = sp
    first = _first_days(list(months))
    stats: dict = {}
    for customer_id, seen in months.items():
        row = stats.setdefault(seller.get(customer_id), {"buying": 0, "new": 0, "converted": 0, "lost": 0})
        now, then = month in seen, before in seen
        began = first.get(customer_id)
        row["buying"] += now
        row["new"] += now and began is not None and began >= start
        row["converted"] += now and began is not None and first_before <= began < start
        row["lost"] += then and not now
    names = dict(User.select(User.id, User.name).where(User.id.in_([k for k in stats if k])).tuples())
    return [{"salesperson": names.get(k, ""), **v} for k, v in sorted(stats.items(), key=lambda kv: names.get(kv[0], ""))
            if any(v.values())]


def _first_days(customer_ids) -> dict[int, datetime.date]:
    """Each customer's first firm delivery day: per firm state, a MIN that the index (customer, state, delivery
    date) answers with one seek, as a scalar subquery per customer."""
    out: dict[int, datetime.date] = {}
    for start in range(0, len(customer_ids), 500):
        chunk = customer_ids[start:start + 500]
        firsts = [Order.select(fn.MIN(Order.delivery_date)).where(
            (Order.customer == Customer.id) & (Order.state == state)) for state in FIRM]
        query = Customer.select(Customer.id, *[f.alias(f"f{n}") for n, f in enumerate(firsts)]).where(
            Customer.id.in_(chunk))
        for customer_id, *days in query.tuples():
            days = [d if isinstance(d, datetime.date) else datetime.date.fromisoformat(str(d)) for d in days if d]
            if days:
                out[customer_id] = min(days)
    return out


TOP = 100


def frequency(plant_id, first, last, today, top=TOP) -> list[dict]:
    """The `top` customers by orders in the range: orders, amount, last delivery day and recency in days."""
    count = fn.COUNT(Order.id)
    rows = list(Order.select(Order.customer, count, fn.SUM(Order.amount), fn.MAX(Order.delivery_date))
                .where((Order.plant == plant_id) & Order.state.in_(FIRM) & Order.delivery_date.between(first, last))
                .group_by(Order.customer).order_by(count.desc(), Order.customer).limit(top).tuples())
    names = {c.id: c for c in Customer.select(Customer.id, Customer.code, Customer.name).where(
        Customer.id.in_([r[0] for r in rows]))} if rows else {}
    out = []
    for customer_id, count_, amount, latest in rows:
        latest = latest if isinstance(latest, datetime.date) else datetime.date.fromisoformat(str(latest))
        customer = names[customer_id]
        out.append({"customer": f"{customer.code} {customer.name}", "orders": count_,
                    "amount": Order.amount.python_value(amount or 0), "last": latest, "recency": (today - latest).days})
    return out


def by_returns_and_losses(plant_id, first, last, top=20) -> tuple[list, list]:
    returned = (ReturnLine.select(Customer.code, Customer.name, fn.SUM(ReturnLine.amount))
                .join(ReturnOrder).join(Customer)
                .where((ReturnOrder.plant == plant_id) & (ReturnLine.quantity < 0)
                       & ReturnOrder.state.in_(["received", "refunded", "credited", "closed"])
                       & ReturnOrder.date.between(first, last))
                .group_by(Customer.code, Customer.name).order_by(fn.SUM(ReturnLine.amount).desc()).limit(top).tuples())
    lost = (DeliveryLine.select(Customer.code, Customer.name, fn.SUM(DeliveryLine.loss_weight))
            .join(DeliveryNote).join(Customer, JOIN.INNER)
            .where((DeliveryNote.plant == plant_id) & (DeliveryNote.state == "received")
                   & DeliveryNote.received_on.between(first, last))
            .group_by(Customer.code, Customer.name).having(fn.SUM(DeliveryLine.loss_weight) > 0)
            .order_by(fn.SUM(DeliveryLine.loss_weight).desc()).limit(top).tuples())
    return ([{"customer": f"{c} {n}", "amount": ReturnLine.amount.python_value(a or 0)} for c, n, a in returned],
            [{"customer": f"{c} {n}", "kg": DeliveryLine.loss_weight.python_value(w or 0)} for c, n, w in lost])


