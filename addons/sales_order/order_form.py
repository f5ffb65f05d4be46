"""The staff order form: header fields and as many line rows as the order needs."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from addons.master_data.models.customer import Customer
from addons.master_data.models.product import Product
from addons.sales_order.forms import OrderHeaderForm
from addons.sales_order.lines import LineInput
from addons.sales_order.models.line import OrderLine
from addons.sales_order.models.order import CHANNELS, Order
from addons.sales_order.orders import create_order, require_edit_rights, update_order
from addons.sales_order.views import bp
from core import context
from core.params import id_arg
from core.errors import UserError
from core.forms import choices
from core.records import get_for_plant, plant_scoped
from core.security import requires

LINE_KEYS = ("product", "quantity", "expected_weight", "unit_price", "remarks")
BLANK_ROWS = 3


def posted_lines(form) -> list[LineInput]:
    """Rows lines-N-* from the post, in order of N; empty rows are skipped."""
    numbers = sorted({int(k.split("-")[1]) for k in form if k.startswith("lines-") and k.split("-")[1].isdigit()})
    out = []
    for n in numbers:
        values = {key: (form.get(f"lines-{n}-{key}") or "").strip() for key in LINE_KEYS}
        if not any(values[k] for k in ("product", "quantity", "unit_price")):
            continue
        out.append(LineInput(values["product"] or None, values["quantity"], values["expected_weight"] or None,
                             values["unit_price"] or None, values["remarks"]))
    return out


def product_options():
    return list(plant_scoped(Product).where(Product.active == True).order_by(Product.code))  # noqa: E712


def customer_choices():
    return choices((c.id, f"{c.code} {c.name}") for c in plant_scoped(Customer).where(Customer.active == True)  # noqa: E712
                   .order_by(Customer.code).limit(2000))


def _rows_for(lines):
    return [{"product": str(x.product_id), "quantity": f"{x.quantity.normalize():f}",
             "expected_weight": f"{x.expected_weight.normalize():f}", "unit_price": f"{x.unit_price.normalize():f}",
             "remarks": x.remarks} for x in lines]


def _render(form, rows, title, order=None, errors=None):
    rows = rows + [{}] * BLANK_ROWS
    return render_template("sales_order/order_form.html", form=form, rows=rows, products=product_options(),
                           title=title, order=order, line_errors=errors or {})


@bp.route("/orders/new", methods=["GET", "POST"])
@requires("sales_order.order.create")
def order_new():
    form = OrderHeaderForm()
    form.customer.choices = customer_choices()
    form.channel.choices = choices((k, v) for k, v in CHANNELS.items() if k in ("phone", "salesperson"))
    if request.method == "GET":
        form.customer.data = id_arg("customer")
    inputs = posted_lines(request.form) if request.method == "POST" else []
    if form.validate_on_submit():
        customer = get_for_plant(Customer, form.customer.data)
        try:
            order = create_order(customer, form.delivery_date.data, inputs, channel=form.channel.data,
                                 self_pickup=form.self_pickup.data, delivery_address=form.delivery_address.data or "",
                                 remarks=form.remarks.data or "")
        except UserError as exc:
            show_error(form, exc)
            return _render(form, echo_rows(inputs), _("New sales order"), errors=exc.details), 422
        flash(_("Order %(number)s created.", number=order.number), "success")
        return redirect(url_for("sales_order.order_view", pk=order.id))
    return _render(form, echo_rows(inputs), _("New sales order"))


@bp.route("/orders/<int:pk>/edit", methods=["GET", "POST"])
@requires("sales_order.order.write")
def order_edit(pk):
    order = get_for_plant(Order, pk)
    require_edit_rights(order, context.current().user)
    form = OrderHeaderForm(obj=order)
    form.customer.choices = choices([(order.customer_id, str(order.customer))])
    form.channel.choices = choices([(order.channel, CHANNELS.get(order.channel, order.channel))])
    inputs = posted_lines(request.form) if request.method == "POST" else None
    title = _("Change order %(number)s", number=order.number)
    if form.validate_on_submit():
        try:
            update_order(order, form.delivery_date.data, inputs, self_pickup=form.self_pickup.data,
                         delivery_address=form.delivery_address.data or "", remarks=form.remarks.data or "")
        except UserError as exc:
            show_error(form, exc)
            return _render(form, echo_rows(inputs), title, order, errors=exc.details), 422
        order = Order.get_by_id(order.id)
        if order.state == "held":
            flash(_("Order %(number)s saved and put on credit hold.", number=order.number), "warning")
        else:
            flash(_("Order %(number)s saved.", number=order.number), "success")
        return redirect(url_for("sales_order.order_view", pk=order.id))
    rows = echo_rows(inputs) if inputs is not None else _rows_for(order.lines.order_by(OrderLine.seq))
    return _render(form, rows, title, order)


def echo_rows(inputs):
    return [{"product": str(i.product or ""), "quantity": i.quantity or "", "expected_weight": i.expected_weight or "",
             "unit_price": i.unit_price or "", "remarks": i.remarks} for i in inputs]


def show_error(form, exc):
    field = getattr(form, exc.field, None) if exc.field else None
    if field is not None and exc.field != "lines":
        field.errors = list(field.errors) + [str(exc)]
    else:
        form.form_errors.append(str(exc))
