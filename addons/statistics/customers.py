"""Customer analysis: new, converted and lost customers per month and salesperson; purchase frequency and
recency; customers ranked by returns and by transit loss."""
from __future__ import annotations

import datetime

from peewee import JOIN, SQL, Case, Select, fn

from addons.dispatch.models.line import DeliveryLine
from addons.dispatch.models.note import DeliveryNote
from addons.master_data.models.customer import Customer
from addons.returns.models.line import ReturnLine
from addons.returns.models.return_order import ReturnOrder
from addons.sales_order.models.order import FIRM, Order
from addons.statistics import periods, summary
from addons.statistics.sales import previous
from core.models import User


def _first_of(month: str) -> datetime.date:
    return datetime.date(int(month[:4]), int(month[5:7]), 1)


def movement(plant_id, month: str) -> list[dict]:
    """Per salesperson for `month` ("2026-03"): customers buying, new (first firm order ever), converted
    (first order last month, buying again now) and lost (bought last month, not now).

    Counted in the database over the two months' firm orders, a row per salesperson. A customer buying now
    bought before last month when a firm order of theirs is delivered before it: one index seek (customer,
    state, delivery day) per customer buying now. The salesperson is the one of this month's orders, else of
    last month's."""
    before = previous("month", month)
    start, first_before = _first_of(month), _first_of(before)
    end = (start + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
    earlier = Order.alias("earlier")
    bought_before = fn.EXISTS(earlier.select(SQL("1")).where(
        (earlier.customer == Order.customer) & earlier.state.in_(FIRM) & (earlier.delivery_date < first_before)))
    this_month = Order.delivery_date >= start
    now = fn.MAX(Case(None, [(this_month, 1)], 0))
    per_customer = (Order.select(
        now.alias("now"), fn.MAX(Case(None, [(this_month, 0)], 1)).alias("then"),
        Case(None, [(now == 1, fn.MIN(Case(None, [(this_month, Order.salesperson)], None)))],
             fn.MIN(Order.salesperson)).alias("sp"),
        Case(None, [((now == 1) & bought_before, 1)], 0).alias("old"))
        .where((Order.plant == plant_id) & Order.state.in_(FIRM) & Order.delivery_date.between(first_before, end))
        .group_by(Order.customer)).alias("c")
    c = per_customer.c

    def counted(condition):
        return fn.SUM(Case(None, [(condition, 1)], 0))
    rows = (Select([per_customer], [c.sp, fn.SUM(c.now), counted((c.now == 1) & (c.old == 0) & (c.then == 0)),
                                    counted((c.now == 1) & (c.old == 0) & (c.then == 1)),
                                    counted((c.then == 1) & (c.now == 0))])
            .group_by(c.sp).tuples().execute(Order._meta.database))
    stats = {sp: dict(zip(("buying", "new", "converted", "lost"), map(int, counts))) for sp, *counts in rows}
    names = dict(User.select(User.id, User.name).where(User.id.in_([k for k in stats if k])).tuples())
    return [{"salesperson": names.get(k, ""), **v} for k, v in sorted(stats.items(), key=lambda kv: names.get(kv[0], ""))
            if any(v.values())]


TOP = 100


def frequency(plant_id, first, last, today, top=TOP) -> list[dict]:
    """The `top` customers by orders in the range: orders, amount, last delivery day and recency in days.
    Ranked in the database over the sales summary's customer rows (firm orders by delivery day: months, years
    and days, periods.py); the last day is asked of the orders of the top customers only."""
    summary.refresh(plant_id)
    signed = periods.signed_rows(plant_id, "ordered", "customer", first, last).alias("u")
    count, amount = fn.SUM(signed.c.orders), fn.SUM(signed.c.amount)
    rows = list(Select([signed], [signed.c.key_id, count, amount]).group_by(signed.c.key_id).having(count > 0)
                .order_by(count.desc(), signed.c.key_id).limit(top).tuples().execute(Order._meta.database))
    ids = [r[0] for r in rows]
    names = {c.id: c for c in Customer.select(Customer.id, Customer.code, Customer.name).where(
        Customer.id.in_(ids))} if rows else {}
    latest = dict(Order.select(Order.customer, fn.MAX(Order.delivery_date)).where(
        Order.customer.in_(ids) & Order.state.in_(FIRM) & Order.delivery_date.between(first, last)
        & (Order.plant == plant_id)).group_by(Order.customer).tuples()) if rows else {}
    out = []
    for customer_id, count_, amount_ in rows:
        day = latest.get(customer_id)
        if day is None:        # its orders left the range since the summary was read
            continue
        day = day if isinstance(day, datetime.date) else datetime.date.fromisoformat(str(day))
        customer = names[customer_id]
        out.append({"customer": f"{customer.code} {customer.name}", "orders": int(count_),
                    "amount": Order.amount.python_value(amount_ or 0), "last": day, "recency": (today - day).days})
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


