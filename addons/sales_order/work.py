"""The orders waiting for a user: their own drafts to submit, orders to review, prices to approve, holds."""
from __future__ import annotations

from flask_babel import gettext as _
from peewee import fn

from addons.sales_order.models.order import Order
from core.db import run_composed
from core.security import may
from core.work import Work


def work_for(user, plant_id) -> list[Work]:
    # the home page asks on every visit: both counts composed once
    counts = dict(run_composed("sales_order.work_counts", lambda plant: Order.select(Order.state, fn.COUNT(Order.id))
                               .where((Order.plant == plant) & Order.state.in_(["submitted", "price_review", "held"]))
                               .group_by(Order.state), plant_id).fetchall())
    out = []
    if may(user, "sales_order.submit", plant_id):
        mine = run_composed("sales_order.my_drafts", lambda plant, me: Order.select(fn.COUNT(Order.id)).where(
            (Order.plant == plant) & (Order.state == "draft") & ((Order.salesperson == me) | (Order.created_by == me))),
            plant_id, user.id).fetchone()[0]
        out.append(Work(_("My orders to submit"), mine, "/sales/orders?state=draft", 10))
    if may(user, "sales_order.approve", plant_id):
        out.append(Work(_("Orders to review"), counts.get("submitted", 0), "/sales/review", 11))
    if may(user, "sales_order.price_approve", plant_id):
        out.append(Work(_("Prices to approve"), counts.get("price_review", 0), "/sales/orders?state=price_review", 12,
                        "warning"))
    if may(user, "sales_order.credit_override", plant_id) or may(user, "sales_order.submit", plant_id):
        out.append(Work(_("Orders on credit hold"), counts.get("held", 0), "/sales/orders?state=held", 13, "danger"))
    return out
