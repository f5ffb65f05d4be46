"""Reservation at approval (a plant's choice): approved orders hold the supply of their delivery day (stock on
hand plus planned production), so an approval that would take more than is left is refused."""
from __future__ import annotations

from flask_babel import gettext as _

from addons.master_data.models.product import Product
from addons.sales_order.balancing import left_for
from addons.sales_order.models.line import OrderLine
from core.errors import UserError


def check(order) -> None:
    lines = list(OrderLine.select().where(OrderLine.order == order.id))
    left = left_for(order, lines)
    wanted: dict = {}
    for line in lines:
        wanted[line.product_id] = wanted.get(line.product_id, 0) + line.quantity
    short = [(pid, qty, left[pid][2]) for pid, qty in wanted.items() if pid in left and qty > left[pid][2]]
    if short:
        names = {p.id: p.name for p in Product.select().where(Product.id.in_([pid for pid, _q, _l in short]))}
        parts = [_("%(product)s %(wanted)s wanted, %(left)s left", product=names[pid], wanted=f"{qty.normalize():f}",
                   left=f"{have.normalize():f}") for pid, qty, have in short]
        raise UserError(_("Not enough stock for %(date)s: %(lines)s.", date=order.delivery_date.isoformat(),
                          lines="; ".join(parts)))
