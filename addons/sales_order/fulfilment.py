"""What dispatch tells an order: quantities delivered, and the order completed once all has gone."""
from __future__ import annotations

from decimal import Decimal

from flask_babel import gettext as _

from addons.sales_order.models.line import OrderLine
from addons.sales_order.models.order import Order
from core import audit
from core.kernel import current_kernel


def record_delivery(deliveries: dict[int, tuple[Decimal, Decimal]]) -> list[Order]:
    """Add shipped (quantity, kg) to order lines, inside the caller's transaction; complete the orders
    whose every line has gone in full. Returns the orders completed."""
    if not deliveries:
        return []
    for line_id, (qty, weight) in deliveries.items():
        # peewee scales the Decimal through the field's db_value, as for any comparison with the field
        (OrderLine.update(delivered_quantity=OrderLine.delivered_quantity + qty,
                          delivered_weight=OrderLine.delivered_weight + weight)
         .where(OrderLine.id == line_id).execute())
    order_ids = {o for (o,) in OrderLine.select(OrderLine.order).where(OrderLine.id.in_(list(deliveries))).tuples()}
    open_orders = {o for (o,) in OrderLine.select(OrderLine.order).where(
        OrderLine.order.in_(list(order_ids)) & (OrderLine.delivered_quantity < OrderLine.quantity)).tuples()}
    done = list(Order.select().where(Order.id.in_(list(order_ids - open_orders)) & (Order.state == "approved")))
    for order in done:
        order.state = "completed"
        order.save(only=[Order.state])
        audit.log("transition", Order._meta.table_name, order.id, plant=order.plant_id,
                  old={"state": "approved"}, new={"state": "completed"}, comment=_("Delivered in full"))
        current_kernel().hooks.call("state_changed", order.plant_id, record=order, old="approved",
                                    new="completed", comment="")
    return done
