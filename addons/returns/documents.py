"""The return note (退货单): the goods coming back and going out, as claimed and as received, and the credit."""
from __future__ import annotations

from flask import url_for
from flask_babel import gettext as _

from addons.master_data.models.product import Product
from addons.returns.models.line import ReturnLine
from addons.returns.models.return_order import KINDS, ReturnOrder
from addons.returns.views import bp
from addons.sales_order.lines import units_by_id
from core.documents import render_document
from core.records import get_for_plant
from core.security import requires


@bp.route("/orders/<int:pk>/print")
@requires("returns.order.read")
def order_print(pk):
    record = get_for_plant(ReturnOrder, pk)
    lines = list(ReturnLine.select(ReturnLine, Product).join(Product).where(ReturnLine.order == record.id)
                 .order_by(ReturnLine.seq))
    return render_document("returns/order_print.html", plant=record.plant_id, title=_("Return note"),
                           number=record.number, date=record.date or record.created_at.date(),
                           back=url_for("returns.order_view", pk=record.id), record=record, lines=lines,
                           units=units_by_id(), kinds=KINDS)
