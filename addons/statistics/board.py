"""The live board of a plant: today's orders, trips on the road, weight shipped, open returns, overdue."""
from __future__ import annotations

import datetime

from peewee import fn

from addons.dispatch.models.line import DeliveryLine
from addons.dispatch.models.note import DeliveryNote
from addons.dispatch.models.trip import Trip
from addons.ledger import due_days
from addons.returns.models.return_order import ReturnOrder
from addons.sales_order.monitor import snapshot
from core.clock import plant_today
from core.kernel import current_kernel


def live(plant) -> dict:
    today = plant_today(plant)
    orders = snapshot(plant)
    shipped = (DeliveryLine.select(fn.SUM(DeliveryLine.shipped_weight)).join(DeliveryNote)
               .where((DeliveryNote.plant == plant.id) & DeliveryNote.state.in_(["shipped", "received"])
                      & (DeliveryNote.shipped_on == today)).scalar())
    trips = dict(Trip.select(Trip.state, fn.COUNT(Trip.id)).where((Trip.plant == plant.id) & (Trip.day == today))
                 .group_by(Trip.state).tuples())
    open_returns = ReturnOrder.select().where((ReturnOrder.plant == plant.id)
                                              & ReturnOrder.state.in_(["submitted", "approved"])).count()
    overdue = due_days.open_total(plant.id, True, today - datetime.timedelta(days=30), None)   # due 30+ days ago
    extra = [{"key": key, "label": str(label), "text": text} for answer in current_kernel().hooks.call(
        "board_figures", plant.id, plant_id=plant.id) for key, label, text in (answer or [])]
    return {"day": today.isoformat(), "orders": orders["by_state"], "created_today": orders["created_today"],
            "extra": extra,
            "on_road": trips.get("on_road", 0), "loading": trips.get("loading", 0) + trips.get("planned", 0),
            "delivered": trips.get("delivered", 0),
            "shipped_kg": DeliveryLine.shipped_weight.python_value(shipped or 0), "open_returns": open_returns,
            "overdue": overdue, "updated": orders["updated"]}
