"""What dispatch tells an order: quantities delivered, and the order completed once all has gone."""
from __future__ import annotations

from decimal import Decimal

from flask_babel import gettext as _
from peewee import SQL, fn

from addons.sales_order.models.line import OrderLine
from addons.sales_order.models.order import Order
from core.db import db, execute_many, instances, run_composed
from core.workflow import move_all


def _completed_by(*line_ids):
    """The approved orders of these lines with nothing left to deliver."""
    still_open = OrderLine.alias()
    return Order.select().where(
        Order.id.in_(OrderLine.select(OrderLine.order).where(OrderLine.id.in_(line_ids)))
        & (Order.state == "approved")
        & ~fn.EXISTS(still_open.select(SQL("1")).where((still_open.order == Order.id)
                                                       & (still_open.delivered_quantity < still_open.quantity))))


def record_delivery(deliveries: dict[int, tuple[Decimal, Decimal]]) -> list[Order]:
    """Add shipped (quantity, kg) to order lines, inside the caller's transaction; complete the orders
    whose every line has gone in full. Returns the orders completed."""
    if not deliveries:
        return []
    # One statement run for every line (the driver's executemany), values scaled as the fields store them.
    p = db.obj.param
    sql = (f'UPDATE "{OrderLine._meta.table_name}" SET "delivered_quantity" = "delivered_quantity" + {p}, '
           f'"delivered_weight" = "delivered_weight" + {p} WHERE "id" = {p}')
    execute_many(sql, [(OrderLine.delivered_quantity.db_value(qty), OrderLine.delivered_weight.db_value(weight),
                        line_id) for line_id, (qty, weight) in deliveries.items()])
    done = instances(Order, run_composed(("sales_order.completed_by", len(deliveries)), _completed_by, *deliveries))
    move_all(done, "delivered_in_full", comment=_("Delivered in full"))
    return done
