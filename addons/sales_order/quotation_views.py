"""Quotation screens: list (filter by customer for a customer's quote history), form, detail and moves."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from addons.master_data.models.customer import Customer
from addons.master_data.models.product import Product
from addons.sales_order.forms import QuotationForm, TransitionForm
from addons.sales_order.lines import units_by_id
from addons.sales_order.models.quotation import Quotation, QuotationLine
from addons.sales_order.order_form import echo_rows, offer_customers, posted_lines, product_labels, show_error
from addons.sales_order.quotations import save_quotation
from addons.sales_order.views import bp
from core import workflow
from core.params import id_arg
from core.errors import UserError
from core.listing import Column, Filter, list_page
from core.moves import posted_move
from core.records import get_for_plant
from core.security import requires

COLUMNS = [Column("number", _l("Number"), link=True, sortable=True), Column("customer.name", _l("Customer")),
           Column("valid_until", _l("Valid until"), "date", sortable=True), Column("state", _l("State"), "state"),
           Column("amount", _l("Amount"), "money"), Column("order.number", _l("Order"))]


@bp.route("/quotations")
@requires("sales_order.quotation.read")
def quotation_list():
    query = Quotation.select(Quotation, Customer).join(Customer)
    customer = id_arg("customer")
    if customer:
        query = query.where(Quotation.customer == customer)
    return list_page(Quotation, COLUMNS, _("Quotations"), query=query,
                     search=(Quotation.number, Customer.name, Customer.code),
                     filters=[Filter("state", _l("State"), Quotation.state, "choice", Quotation.STATES)],
                     new_endpoint="sales_order.quotation_new", row_endpoint="sales_order.quotation_view",
                     export_permission="sales_order.quotation.read")


def _render(form, rows, title, quotation=None, errors=None):
    rows = rows + [{}] * 3
    return render_template("sales_order/quotation_form.html", form=form, rows=rows,
                           products=product_labels(rows), title=title, quotation=quotation, line_errors=errors or {})


def _save(form, quotation, title):
    inputs = posted_lines(request.form)
    customer = get_for_plant(Customer, form.customer.data)
    try:
        saved = save_quotation(customer, form.valid_until.data, inputs, quotation=quotation,
                               delivery_date=form.delivery_date.data, remarks=form.remarks.data or "")
    except UserError as exc:
        show_error(form, exc)
        return _render(form, echo_rows(inputs), title, quotation, exc.details), 422
    flash(_("Quotation %(number)s saved.", number=saved.number), "success")
    return redirect(url_for("sales_order.quotation_view", pk=saved.id))


@bp.route("/quotations/new", methods=["GET", "POST"])
@requires("sales_order.quotation.create")
def quotation_new():
    form = QuotationForm()
    offer_customers(form)
    if form.validate_on_submit():
        return _save(form, None, _("New quotation"))
    return _render(form, echo_rows(posted_lines(request.form)), _("New quotation"))


@bp.route("/quotations/<int:pk>/edit", methods=["GET", "POST"])
@requires("sales_order.quotation.write")
def quotation_edit(pk):
    quotation = get_for_plant(Quotation, pk)
    if quotation.state != "draft":
        flash(_("Only a draft quotation can be changed."), "warning")
        return redirect(url_for("sales_order.quotation_view", pk=pk))
    form = QuotationForm(obj=quotation)
    offer_customers(form)
    title = _("Change quotation %(number)s", number=quotation.number)
    if form.validate_on_submit():
        return _save(form, quotation, title)
    rows = [{"product": str(x.product_id), "quantity": f"{x.quantity.normalize():f}",
             "expected_weight": f"{x.expected_weight.normalize():f}", "unit_price": f"{x.unit_price.normalize():f}"}
            for x in quotation.lines.order_by(QuotationLine.seq)]
    return _render(form, rows, title, quotation)


@bp.route("/quotations/<int:pk>")
@requires("sales_order.quotation.read")
def quotation_view(pk):
    quotation = get_for_plant(Quotation, pk)
    lines = list(QuotationLine.select(QuotationLine, Product).join(Product)
                 .where(QuotationLine.quotation == quotation.id).order_by(QuotationLine.seq))
    return render_template("sales_order/quotation.html", quotation=quotation, lines=lines, units=units_by_id(),
                           moves=workflow.available(quotation), form=TransitionForm())


@bp.route("/quotations/<int:pk>/move/<move>", methods=["POST"])
@requires("sales_order.quotation.read")
def quotation_move(pk, move):
    quotation = posted_move(Quotation, pk, move, TransitionForm())
    if quotation.state == "accepted" and quotation.order_id:
        flash(_("Order %(number)s created from the quotation.", number=quotation.order.number), "success")
        return redirect(url_for("sales_order.order_view", pk=quotation.order_id))
    flash(_("Quotation %(number)s is now %(state)s.", number=quotation.number,
            state=workflow.state_label(Quotation, quotation.state)), "success")
    return redirect(url_for("sales_order.quotation_view", pk=pk))
