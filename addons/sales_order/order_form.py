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
from core import context, extras
from core.db import transaction
from core.params import id_arg
from core.errors import UserError
from core.forms import choices
from core.picker import ids_by_code, labels_by_id
from core.records import get_for_plant, plant_scoped
from core.security import requires

LINE_KEYS = ("product", "product_text", "quantity", "expected_weight", "unit_price", "remarks")
BLANK_ROWS = 3


def posted_lines(form) -> list[LineInput]:
    """Rows lines-N-* from the post, in order of N; empty rows are skipped."""
    numbers = sorted({int(k.split("-")[1]) for k in form if k.startswith("lines-") and k.split("-")[1].isdigit()})
    rows = [{key: (form.get(f"lines-{n}-{key}") or "").strip() for key in LINE_KEYS} for n in numbers]
    rows = [r for r in rows if any(r[k] for k in ("product", "product_text", "quantity", "unit_price"))]
    # a product typed and not chosen from the suggestions is taken by its code (core.picker)
    typed = ids_by_code(Product, [r["product_text"] for r in rows if not r["product"]])
    return [LineInput(r["product"] or typed.get(r["product_text"]) or None, r["quantity"], r["expected_weight"] or None,
                      r["unit_price"] or None, r["remarks"], text=r["product_text"]) for r in rows]


def product_labels(rows) -> dict:
    """The labels of the products the rows name, for their pickers."""
    return labels_by_id(Product, [r.get("product") for r in rows if r.get("product")])


def customer_query():
    return plant_scoped(Customer).where(Customer.active == True)  # noqa: E712


def offer_customers(form):
    """The plant's active customers may be chosen; a link's ?customer= comes chosen."""
    form.customer.query = customer_query
    if request.method == "GET" and id_arg("customer"):
        form.customer.show(customer_query().where(Customer.id == id_arg("customer")).first())


def _rows_for(lines):
    return [{"product": str(x.product_id), "quantity": f"{x.quantity.normalize():f}",
             "expected_weight": f"{x.expected_weight.normalize():f}", "unit_price": f"{x.unit_price.normalize():f}",
             "remarks": x.remarks} for x in lines]


def _render(form, rows, title, order=None, errors=None):
    rows = rows + [{}] * BLANK_ROWS
    return render_template("sales_order/order_form.html", form=form, rows=rows, products=product_labels(rows),
                           title=title, order=order, line_errors=errors or {},
                           extra_fields=[getattr(form, e.name) for e in extras.fields_for(Order)],
                           panels=_panels())


def _panels():
    from core.kernel import current_kernel
    from core.security import current_plant
    plant_id = current_plant().id
    return [p for p in current_kernel().hooks.call("order_form_panels", plant_id, plant_id=plant_id) if p]


def _header_form(order=None):
    """The header form with the plant's own order fields (core.extras), their values shown on a GET."""
    added = extras.fields_for(Order)
    form = extras.with_fields(OrderHeaderForm, added)(obj=order)
    if request.method == "GET":
        extras.fill(form, order, added)
    return form, added


@bp.route("/orders/new", methods=["GET", "POST"])
@requires("sales_order.order.create")
def order_new():
    form, added = _header_form()
    form.channel.choices = choices((k, v) for k, v in CHANNELS.items() if k in ("phone", "salesperson"))
    offer_customers(form)
    inputs = posted_lines(request.form) if request.method == "POST" else []
    if form.validate_on_submit():
        customer = get_for_plant(Customer, form.customer.data)
        try:
            with transaction():
                order = create_order(customer, form.delivery_date.data, inputs, channel=form.channel.data,
                                     self_pickup=form.self_pickup.data,
                                     delivery_address=form.delivery_address.data or "", remarks=form.remarks.data or "")
                extras.save(order, form, added)
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
    form, added = _header_form(order)
    form.customer.query = lambda: plant_scoped(Customer).where(Customer.id == order.customer_id)   # not changed here
    form.channel.choices = choices([(order.channel, CHANNELS.get(order.channel, order.channel))])
    inputs = posted_lines(request.form) if request.method == "POST" else None
    title = _("Change order %(number)s", number=order.number)
    if form.validate_on_submit():
        try:
            with transaction():
                update_order(order, form.delivery_date.data, inputs, self_pickup=form.self_pickup.data,
                             delivery_address=form.delivery_address.data or "", remarks=form.remarks.data or "")
                extras.save(order, form, added)
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
    return [{"product": str(i.product or ""), "product_text": i.text, "quantity": i.quantity or "", "expected_weight": i.expected_weight or "",
             "unit_price": i.unit_price or "", "remarks": i.remarks} for i in inputs]


def show_error(form, exc):
    field = getattr(form, exc.field, None) if exc.field else None
    if field is not None and exc.field != "lines":
        field.errors = list(field.errors) + [str(exc)]
    else:
        form.form_errors.append(str(exc))
