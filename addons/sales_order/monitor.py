"""Today's orders by state, for the live order monitor."""
from __future__ import annotations

from flask_babel import format_datetime
from peewee import fn

from addons.sales_order.models.order import Order
from core import clock
from core.currency import money


def snapshot(plant) -> dict:
    now = clock.plant_now(plant)
    today = now.date()
    start, _end = clock.day_bounds(plant, today, today)
    rows = (Order.select(Order.state, fn.COUNT(Order.id), fn.SUM(Order.amount))
            .where((Order.plant == plant.id) & (Order.delivery_date == today)).group_by(Order.state).tuples())
    found = {state: (count, Order.amount.python_value(total or 0)) for state, count, total in rows}
    by_state = [{"state": code, "label": str(label), "count": found.get(code, (0, 0))[0],
                 "amount": money(found.get(code, (0, 0))[1])}
                for code, label in Order.STATES.items()]
    created = (Order.select().where((Order.plant == plant.id)
                                    & (Order.created_at >= start)).count())
    waiting = Order.select().where((Order.plant == plant.id) & Order.state.in_(["submitted", "held", "price_review"])).count()
    return {"day": today.isoformat(), "by_state": by_state, "created_today": created, "waiting": waiting,
            "updated": format_datetime(now, "medium")}
