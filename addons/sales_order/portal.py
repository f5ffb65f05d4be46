"""The customer order portal: a customer's own orders, reservations, prices and statement.

Every page resolves the customer from the login (never from the URL), and every order is fetched
with that customer in the query: another customer's id simply is not found.
"""
from __future__ import annotations

import datetime

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from addons.master_data.models.product import Product
from addons.sales_order import windows
from addons.sales_order.access import portal_customer_or_403
from addons.sales_order.forms import PortalOrderForm, TransitionForm
from addons.sales_order.lines import units_by_id
from addons.sales_order.models.line import OrderLine
from addons.sales_order.models.order import Order
from addons.sales_order.order_form import echo_rows, posted_lines, show_error
from addons.sales_order.orders import create_order, may_edit, update_order
from addons.sales_order.pricing import prices_for
from core import context
from core.errors import UserError
from core.forms import choices
from core.clock import plant_today
from core.params import date_arg
from core.security import current_plant, requires

bp = Blueprint("portal", __name__, template_folder="templates")


def _own(pk) -> Order:
    customer = portal_customer_or_403()
    order = Order.get_or_none((Order.id == pk) & (Order.customer == customer.id) & (Order.plant == current_plant().id))
    if order is None:
        abort(404)
    return order


def _buyable(customer, day=None):
    today = day or plant_today(customer.plant_id)
    products = list(Product.select().where((Product.plant == customer.plant_id) & (Product.active == True))  # noqa: E712
                    .order_by(Product.code))
    quotes = prices_for(customer, [p.id for p in products], today)
    return [p for p in products if p.id in quotes], quotes


@bp.route("/")
@requires("sales_order.portal")
def orders():
    customer = portal_customer_or_403()
    rows = list(Order.select().where((Order.customer == customer.id) & (Order.plant == current_plant().id))
                .order_by(Order.delivery_date.desc(), Order.id.desc()).limit(200))
    return render_template("sales_order/portal_orders.html", customer=customer, orders=rows,
                           days=windows.open_days(current_plant()))


def _form(order=None):
    form = PortalOrderForm(obj=order)
    days = windows.open_days(current_plant())
    if order is not None and order.delivery_date not in days:
        days = [order.delivery_date] + days
    form.delivery_date.choices = choices((d.isoformat(), d.isoformat()) for d in days)
    if order is not None and request.method == "GET":
        form.delivery_date.data = order.delivery_date.isoformat()
    return form


def _render(form, rows, customer, title, order=None, errors=None):
    products, quotes = _buyable(customer)
    return render_template("sales_order/portal_form.html", form=form, rows=rows + [{}] * 3, products=products,
                           quotes=quotes, title=title, order=order, line_errors=errors or {},
                           units=units_by_id())


@bp.route("/orders/new", methods=["GET", "POST"])
@requires("sales_order.portal")
def order_new():
    customer = portal_customer_or_403()
    form = _form()
    inputs = posted_lines(request.form) if request.method == "POST" else []
    title = _("New reservation")
    if not form.delivery_date.choices:
        flash(_("No delivery day is open for reservations right now."), "warning")
    if form.validate_on_submit():
        try:
            order = create_order(customer, datetime.date.fromisoformat(form.delivery_date.data), inputs,
                                 kind="reservation", channel="portal", self_pickup=form.self_pickup.data,
                                 delivery_address=form.delivery_address.data or "", remarks=form.remarks.data or "",
                                 may_set_price=False)
        except UserError as exc:
            show_error(form, exc)
            return _render(form, echo_rows(inputs), customer, title, errors=exc.details), 422
        flash(_("Reservation %(number)s saved.", number=order.number), "success")
        return redirect(url_for("portal.order_view", pk=order.id))
    return _render(form, echo_rows(inputs), customer, title)


@bp.route("/orders/<int:pk>")
@requires("sales_order.portal")
def order_view(pk):
    order = _own(pk)
    lines = list(OrderLine.select(OrderLine, Product).join(Product).where(OrderLine.order == order.id)
                 .order_by(OrderLine.seq))
    user = context.current().user
    win = windows.window(order.plant, order.delivery_date)
    return render_template("sales_order/portal_order.html", order=order, lines=lines, units=units_by_id(),
                           can_edit=order.state == "reserved" and may_edit(order, user), window=win,
                           form=TransitionForm())


@bp.route("/orders/<int:pk>/edit", methods=["GET", "POST"])
@requires("sales_order.portal")
def order_edit(pk):
    order = _own(pk)
    customer = portal_customer_or_403()
    if order.state != "reserved":
        flash(_("Only a reservation can be changed here; call your salesperson."), "warning")
        return redirect(url_for("portal.order_view", pk=pk))
    form = _form(order)
    title = _("Change reservation %(number)s", number=order.number)
    inputs = posted_lines(request.form) if request.method == "POST" else None
    if form.validate_on_submit():
        try:
            update_order(order, datetime.date.fromisoformat(form.delivery_date.data), inputs,
                         self_pickup=form.self_pickup.data, delivery_address=form.delivery_address.data or "",
                         remarks=form.remarks.data or "", may_set_price=False)
        except UserError as exc:
            show_error(form, exc)
            return _render(form, echo_rows(inputs), customer, title, order, exc.details), 422
        flash(_("Reservation %(number)s saved.", number=order.number), "success")
        return redirect(url_for("portal.order_view", pk=pk))
    rows = echo_rows(inputs) if inputs is not None else [
        {"product": str(x.product_id), "quantity": f"{x.quantity.normalize():f}", "remarks": x.remarks}
        for x in order.lines.order_by(OrderLine.seq)]
    return _render(form, rows, customer, title, order)


@bp.route("/orders/<int:pk>/cancel", methods=["POST"])
@requires("sales_order.portal")
def order_cancel(pk):
    order = _own(pk)
    form = TransitionForm()
    if not form.validate_on_submit():
        abort(400)
    order.cancel_reservation(comment=form.comment.data)
    flash(_("Reservation %(number)s cancelled.", number=order.number), "success")
    return redirect(url_for("portal.orders"))


@bp.route("/prices")
@requires("sales_order.portal")
def prices():
    customer = portal_customer_or_403()
    today = plant_today(customer.plant_id)
    days = [today + datetime.timedelta(days=n) for n in range(3)]    # a day's price board is out the day before
    day = date_arg("day", today)
    day = day if day in days else today
    products, quotes = _buyable(customer, day)
    return render_template("sales_order/portal_prices.html", products=products, quotes=quotes, units=units_by_id(),
                           customer=customer, day=day, days=days)


@bp.route("/statement")
@requires("sales_order.portal")
def statement():
    from addons.ledger import statement as ledger_statement
    from addons.ledger.models.entry import KINDS
    customer = portal_customer_or_403()
    today = plant_today(current_plant())
    start, end = date_arg("start", today.replace(day=1)), date_arg("end", today)
    data = ledger_statement.build(customer, start, end)
    if request.args.get("export") == "xlsx":
        return ledger_statement.workbook_response(data)
    return render_template("ledger/statement.html", s=data, kinds=KINDS,
                           export_url=url_for("portal.statement", start=start.isoformat(), end=end.isoformat(),
                                              export="xlsx"))
