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


def movement(plant_id, month: str) -> list[dict]:
    """Per salesperson for `month` ("2026-03"): customers buying, new (first firm order ever), converted
    (first order last month, buying again now) and lost (bought last month, not now)."""
    by_customer = (Order.select(Order.customer, _month(Order.delivery_date).alias("m"), fn.MIN(Order.salesperson).alias("sp"))
                   .where((Order.plant == plant_id) & Order.state.in_(FIRM))
                   .group_by(Order.customer, _month(Order.delivery_date)).tuples())
    first = dict(Order.select(Order.customer, fn.MIN(_month(Order.delivery_date)))
                 .where((Order.plant == plant_id) & Order.state.in_(FIRM)).group_by(Order.customer).tuples())
    months: dict[int, set] = {}
    seller: dict[int, int] = {}
    for customer_id, m, sp in by_customer:
        months.setdefault(customer_id, set()).add(m)
        if m == month or customer_id not in seller:
            seller[customer_id] = sp
    before = previous("month", month)
    stats: dict = {}
    for customer_id, seen in months.items():
        row = stats.setdefault(seller.get(customer_id), {"buying": 0, "new": 0, "converted": 0, "lost": 0})
        now, then = month in seen, before in seen
        row["buying"] += now
        row["new"] += now and first[customer_id] == month
        row["converted"] += now and first[customer_id] == before
        row["lost"] += then and not now
    names = dict(User.select(User.id, User.name).where(User.id.in_([k for k in stats if k])).tuples())
    return [{"salesperson": names.get(k, ""), **v} for k, v in sorted(stats.items(), key=lambda kv: names.get(kv[0], ""))
            if any(v.values())]


def frequency(plant_id, first, last, today) -> list[dict]:
    """Orders, amount, first and last delivery day per customer in the range; recency in days."""
    rows = (Order.select(Customer.code, Customer.name, fn.COUNT(Order.id), fn.SUM(Order.amount),
                         fn.MAX(Order.delivery_date))
            .join(Customer).where((Order.plant == plant_id) & Order.state.in_(FIRM)
                                  & Order.delivery_date.between(first, last))
            .group_by(Customer.code, Customer.name).order_by(fn.COUNT(Order.id).desc(), Customer.code).tuples())
    out = []
    for code, name, count, amount, latest in rows:
        latest = latest if isinstance(latest, datetime.date) else datetime.date.fromisoformat(str(latest))
        out.append({"customer": f"{code} {name}", "orders": count, "amount": Order.amount.python_value(amount or 0),
                    "last": latest, "recency": (today - latest).days})
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


