"""The order confirmation (订货单) a customer receives: what was ordered, for when, at what price; nothing of
the review (floor prices, credit)."""
from __future__ import annotations

from flask import url_for
from flask_babel import gettext as _

from addons.sales_order.models.order import Order
from addons.sales_order.views import bp, order_lines
from core.documents import render_document
from core.records import get_for_plant
from core.security import requires


@bp.route("/orders/<int:pk>/print")
@requires("sales_order.order.read")
def order_print(pk):
    order = get_for_plant(Order, pk)
    lines, units = order_lines(order)
    return render_document("sales_order/order_print.html", plant=order.plant_id, title=_("Order confirmation"),
                           number=order.number, date=order.created_at.date() if order.firmed_at is None
                           else order.firmed_at.date(), back=url_for("sales_order.order_view", pk=order.id),
                           order=order, lines=lines, units=units)
