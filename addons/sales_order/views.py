from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from addons.master_data.models.customer import Customer
from addons.sales_order.forms import OrderForm, TransitionForm
from addons.sales_order.models.order import Order
from core import audit, numbering, workflow
from core.db import transaction
from core.forms import choices
from core.listing import Column, form_page, list_page
from core.records import get_for_plant, plant_scoped
from core.security import current_plant, requires

bp = Blueprint("sales_order", __name__, template_folder="templates")

COLUMNS = [Column("number", _l("Number"), link=True), Column("customer.name", _l("Customer")),
           Column("delivery_date", _l("Delivery date"), "date"), Column("state", _l("State"), "state"),
           Column("amount", _l("Amount"), "money")]


@bp.route("/orders")
@requires("sales_order.order.read")
def order_list():
    query = Order.select(Order, Customer).join(Customer)
    return list_page(Order, COLUMNS, _("Sales orders"), query=query, search=(Order.number, Customer.name),
                     new_endpoint="sales_order.order_new", row_endpoint="sales_order.order_view")


@bp.route("/orders/new", methods=["GET", "POST"])
@requires("sales_order.order.create")
def order_new():
    form = OrderForm()
    form.customer.choices = choices((c.id, str(c)) for c in plant_scoped(Customer).where(Customer.active == True)  # noqa: E712
                                    .order_by(Customer.code).limit(1000))
    if form.validate_on_submit():
        customer = get_for_plant(Customer, form.customer.data)
        plant = current_plant()
        with transaction():
            order = Order.create(plant=plant.id, customer=customer, delivery_date=form.delivery_date.data,
                                 remarks=form.remarks.data or "",
                                 number=numbering.next_number(plant, "SO", form.delivery_date.data))
            audit.log("create", Order._meta.table_name, order.id, plant=plant.id, new={"number": order.number})
        flash(_("Order %(number)s created.", number=order.number), "success")
        return redirect(url_for("sales_order.order_view", pk=order.id))
    return form_page(form, _("New sales order"))


@bp.route("/orders/<int:pk>")
@requires("sales_order.order.read")
def order_view(pk):
    order = get_for_plant(Order, pk)
    return render_template("sales_order/order.html", order=order, moves=workflow.available(order),
                           form=TransitionForm())


@bp.route("/orders/<int:pk>/<move>", methods=["POST"])
@requires("sales_order.order.read")
def order_move(pk, move):
    order = get_for_plant(Order, pk)
    spec = next((s for s in workflow.transitions_of(Order) if s.name == move), None)
    form = TransitionForm()
    if spec is None or not form.validate_on_submit():
        abort(404 if spec is None else 400)
    getattr(order, move)(comment=form.comment.data)  # the transition checks state and permission itself
    flash(_("Order %(number)s is now %(state)s.", number=order.number,
            state=workflow.state_label(Order, order.state)), "success")
    return redirect(url_for("sales_order.order_view", pk=order.id))
