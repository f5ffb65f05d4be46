"""Returns in the customer order portal: the customer's own returns, and asking to send goods back from
one of its deliveries. The customer comes from the login, never from the URL."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from addons.master_data.models.product import Product
from addons.returns.forms import PortalReturnForm
from addons.returns.models.line import ReturnLine
from addons.returns.models.reason import ReturnReason
from addons.returns.models.return_order import ReturnOrder
from addons.returns.requests import own_note, request_return, returnable_lines, returnable_notes
from addons.sales_order.access import portal_customer_or_403
from addons.sales_order.lines import units_by_id
from addons.sales_order.order_form import show_error
from core.errors import UserError
from core.forms import choices
from core.clock import plant_today
from core.security import current_plant, requires

bp = Blueprint("returns_portal", __name__, template_folder="templates")


@bp.route("/")
@requires("returns.portal")
def returns():
    customer = portal_customer_or_403()
    rows = list(ReturnOrder.select().where((ReturnOrder.customer == customer.id)
                                           & (ReturnOrder.plant == current_plant().id))
                .order_by(ReturnOrder.created_at.desc(), ReturnOrder.id.desc()).limit(200))
    return render_template("returns/portal_returns.html", customer=customer, returns=rows,
                           notes=returnable_notes(customer, plant_today(current_plant())))


def _form():
    form = PortalReturnForm()
    reasons = ReturnReason.select().where((ReturnReason.plant == current_plant().id)
                                          & (ReturnReason.active == True)).order_by(ReturnReason.code)  # noqa: E712
    form.reason.choices = choices([(0, ""), *((r.id, r.name) for r in reasons)])
    return form


@bp.route("/new", methods=["GET", "POST"])
@requires("returns.portal")
def return_new():
    customer = portal_customer_or_403()
    note = own_note(customer, request.values.get("note"), plant_today(current_plant()))
    if note is None:
        flash(_("Choose one of your deliveries of the last weeks."), "warning")
        return redirect(url_for("returns_portal.returns"))
    form = _form()
    lines = returnable_lines(note)
    if form.validate_on_submit():
        wanted = {row["product"].id: (request.form.get(f"back-{row['product'].id}", ""),
                                      request.form.get(f"kg-{row['product'].id}", "")) for row in lines}
        try:
            record = request_return(customer, note, wanted, reason_id=form.reason.data or None,
                                    remarks=form.remarks.data or "")
        except UserError as exc:
            show_error(form, exc)
            return render_template("returns/portal_return_form.html", form=form, note=note, lines=lines,
                                   units=units_by_id(), errors={exc.field: str(exc)}), 422
        flash(_("Return %(number)s sent: we will be in touch.", number=record.number), "success")
        return redirect(url_for("returns_portal.return_view", pk=record.id))
    status = 422 if request.method == "POST" else 200      # a field the form refused, shown next to it
    return render_template("returns/portal_return_form.html", form=form, note=note, lines=lines, units=units_by_id(),
                           errors={}), status


@bp.route("/<int:pk>")
@requires("returns.portal")
def return_view(pk):
    customer = portal_customer_or_403()
    record = ReturnOrder.get_or_none((ReturnOrder.id == pk) & (ReturnOrder.customer == customer.id)
                                     & (ReturnOrder.plant == current_plant().id))
    if record is None:
        abort(404)
    lines = list(ReturnLine.select(ReturnLine, Product).join(Product).where(ReturnLine.order == record.id)
                 .order_by(ReturnLine.seq))
    return render_template("returns/portal_return.html", record=record, lines=lines, units=units_by_id())
