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
from addons.statistics.models.customer_month import CustomerMonth, month_of
from core.db import run_composed
from core.models import User
from core.periods import pieces, shaped, unshaped


def movement(plant_id, month: str) -> list[dict]:
    """Per salesperson for `month` ("2026-03"): customers buying, new (first firm order ever), converted
    (first order last month, buying again now) and lost (bought last month, not now).

    Counted over the customers' months (customer_months.py keeps them beside the summary): this month's rows
    give the buying, new and converted customers under this month's salesperson; last month's rows not bought
    the month after give the lost ones under last month's salesperson. Two index-only reads."""
    summary.refresh(plant_id)
    now = month_of(month)
    M = CustomerMonth
    counted = run_composed("statistics.movement", lambda p, m, previous: (
        M.select(M.salesperson_id, fn.COUNT(SQL("*")), fn.SUM(Case(None, [(M.first_month == m, 1)], 0)),
                 fn.SUM(Case(None, [(M.first_month == previous, 1)], 0)))
        .where((M.plant == p) & (M.month == m)).group_by(M.salesperson_id)), plant_id, now, now - 1).fetchall()
    stats = {sp: {"buying": int(b), "new": int(n), "converted": int(c), "lost": 0} for sp, b, n, c in counted}
    lost = run_composed("statistics.lost", lambda p, previous: (
        M.select(M.salesperson_id, fn.COUNT(SQL("*")))
        .where((M.plant == p) & (M.month == previous) & (M.bought_next == False))  # noqa: E712
        .group_by(M.salesperson_id)), plant_id, now - 1).fetchall()
    for sp, n in lost:
        stats.setdefault(sp, {"buying": 0, "new": 0, "converted": 0, "lost": 0})["lost"] = int(n)
    names = dict(User.select(User.id, User.name).where(User.id.in_([k for k in stats if k])).tuples())
    return [{"salesperson": names.get(k, ""), **v} for k, v in sorted(stats.items(), key=lambda kv: names.get(kv[0], ""))
            if any(v.values())]


TOP = 100


def frequency(plant_id, first, last, today, top=TOP) -> list[dict]:
    """The `top` customers by orders in the range: orders, amount, last delivery day and recency in days.
    Ranked in the database over the sales summary's customer rows (firm orders by delivery day: months, years
    and days, periods.py); the code, name and last day are read for the top customers only, in the same
    statement, composed once per shape of the range."""
    summary.refresh(plant_id)
    shape, values = shaped(pieces(first, last, today))

    def build(plant, first_, last_, *pieces_values):
        signed = periods.signed_rows(plant, "ordered", "customer", unshaped(shape, pieces_values))
        signed = signed.alias("u")
        count = fn.SUM(signed.c.orders)
        ranked = (Select([signed], [signed.c.key_id, count.alias("orders"), fn.SUM(signed.c.amount).alias("amount")])
                  .group_by(signed.c.key_id).having(count > 0).order_by(count.desc(), signed.c.key_id).limit(top)
                  .alias("ranked"))
        # no plant condition: an order is always in its customer's plant (orders._check_customer), so the read
        # stays in the (customer, state, delivery day) index instead of visiting each order
        latest = Order.select(fn.MAX(Order.delivery_date)).where(
            (Order.customer == ranked.c.key_id) & Order.state.in_(FIRM) & Order.delivery_date.between(first_, last_))
        return (Customer.select(ranked.c.orders, ranked.c.amount, Customer.code, Customer.name, latest)
                .join(ranked, on=(ranked.c.key_id == Customer.id))
                .order_by(ranked.c.orders.desc(), ranked.c.key_id))
    rows = run_composed(("statistics.frequency", shape, top), build, plant_id, first, last, *values).fetchall()
    out = []
    for count, amount, code, name, day in rows:
        if day is None:        # its orders left the range since the summary was read
            continue
        day = day if isinstance(day, datetime.date) else datetime.date.fromisoformat(str(day))
        out.append({"customer": f"{code} {name}", "orders": int(count), "amount": Order.amount.python_value(amount or 0),
                    "last": day, "recency": (today - day).days})
    return out


def by_returns_and_losses(plant_id, first, last, top=20) -> tuple[list, list]:
    returned = run_composed(("statistics.by_returns", top), lambda p, a, b: (
        ReturnLine.select(Customer.code, Customer.name, fn.SUM(ReturnLine.amount))
        .join(ReturnOrder).join(Customer)
        .where((ReturnOrder.plant == p) & (ReturnLine.quantity < 0)
               & ReturnOrder.state.in_(["received", "refunded", "credited", "closed"])
               & ReturnOrder.date.between(a, b))
        .group_by(Customer.code, Customer.name).order_by(fn.SUM(ReturnLine.amount).desc()).limit(top)),
        plant_id, first, last).fetchall()
    lost = run_composed(("statistics.by_losses", top), lambda p, a, b: (
        DeliveryLine.select(Customer.code, Customer.name, fn.SUM(DeliveryLine.loss_weight))
        .join(DeliveryNote).join(Customer, JOIN.INNER)
        .where((DeliveryNote.plant == p) & (DeliveryNote.state == "received")
               & DeliveryNote.received_on.between(a, b))
        .group_by(Customer.code, Customer.name).having(fn.SUM(DeliveryLine.loss_weight) > 0)
        .order_by(fn.SUM(DeliveryLine.loss_weight).desc()).limit(top)), plant_id, first, last).fetchall()
    return ([{"customer": f"{c} {n}", "amount": ReturnLine.amount.python_value(a or 0)} for c, n, a in returned],
            [{"customer": f"{c} {n}", "kg": DeliveryLine.loss_weight.python_value(w or 0)} for c, n, w in lost])
