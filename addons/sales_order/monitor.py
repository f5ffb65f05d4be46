"""Today's orders by state, for the live order monitor."""
from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

from flask_babel import format_currency, format_datetime
from peewee import fn

from addons.sales_order.models.order import Order


def snapshot(plant) -> dict:
    zone = ZoneInfo(plant.timezone)
    now = datetime.datetime.now(zone)
    today = now.date()
    start = datetime.datetime.combine(today, datetime.time(0), tzinfo=zone).astimezone(datetime.timezone.utc)
    rows = (Order.select(Order.state, fn.COUNT(Order.id), fn.SUM(Order.amount))
            .where((Order.plant == plant.id) & (Order.delivery_date == today)).group_by(Order.state).tuples())
    found = {state: (count, Order.amount.python_value(total or 0)) for state, count, total in rows}
    by_state = [{"state": code, "label": str(label), "count": found.get(code, (0, 0))[0],
                 "amount": format_currency(found.get(code, (0, 0))[1], "CNY")}
                for code, label in Order.STATES.items()]
    created = (Order.select().where((Order.plant == plant.id)
                                    & (Order.created_at >= start.replace(tzinfo=None))).count())
    waiting = Order.select().where((Order.plant == plant.id) & Order.state.in_(["submitted", "held", "price_review"])).count()
    return {"day": today.isoformat(), "by_state": by_state, "created_today": created, "waiting": waiting,
            "updated": format_datetime(now, "medium")}
