"""Staff screens for orders: the list, one order, its moves, copying, and the review queue."""
from __future__ import annotations


from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from addons.ledger.exposure import exposure
from addons.master_data.models.customer import Customer
from addons.master_data.models.product import Product
from addons.sales_order import balancing, timeline
from addons.sales_order.forms import CopyForm, TransitionForm
from addons.sales_order.lines import units_by_id
from addons.sales_order.models.line import PRICE_STATES, OrderLine
from addons.sales_order.models.order import CHANNELS, KINDS, Order
from addons.sales_order.orders import copy_order, may_edit
from core import context, workflow
from core.params import date_arg, id_arg, ids_arg
from core.errors import UserError
from core.listing import Column, Filter, list_page
from core.moves import posted_move
from core.records import get_for_plant, plant_scoped
from core.security import current_plant, requires
from core.currency import money
from core.db import joined_instances, run_composed

bp = Blueprint("sales_order", __name__, template_folder="templates")

COLUMNS = [Column("number", _l("Number"), link=True, sortable=True), Column("customer.name", _l("Customer")),
           Column("delivery_date", _l("Delivery date"), "date", sortable=True),
           Column("kind", _l("Kind"), "choice", choices=KINDS), Column("channel", _l("Channel"), "choice", choices=CHANNELS),
           Column("state", _l("State"), "state"), Column("weight", _l("Expected kg"), "number"),
           Column("amount", _l("Amount"), "money", sortable=True)]
FILTERS = [Filter("state", _l("State"), Order.state, "choice", Order.STATES),
           Filter("channel", _l("Channel"), Order.channel, "choice", CHANNELS)]


@bp.route("/orders")
@requires("sales_order.order.read")
def order_list():
    query = Order.select(Order)       # the page attaches the customers (one query)
    if request.args.get("q"):         # joined only to search by customer: a sort then reads the orders' index alone
        query = query.join(Customer)
    day = date_arg("day", None)
    if day:
        query = query.where(Order.delivery_date == day)
    customer = id_arg("customer")
    if customer:
        query = query.where(Order.customer == customer)
    return list_page(Order, COLUMNS, _("Sales orders"), query=query, search=(Order.number, Customer.name, Customer.code),
                     filters=FILTERS, new_endpoint="sales_order.order_new", row_endpoint="sales_order.order_view",
                     export_permission="sales_order.order.read")


def order_lines(order):
    lines = []
    for line, product in joined_instances(run_composed("sales_order.order_lines", lambda record: OrderLine.select(
            OrderLine, Product).join(Product).where(OrderLine.order == record).order_by(OrderLine.seq), order.id),
            OrderLine, Product):
        line.__rel__["product"] = product
        lines.append(line)
    return lines, units_by_id()


@bp.route("/orders/<int:pk>")
@requires("sales_order.order.read")
def order_view(pk):
    order = get_for_plant(Order, pk)
    lines, units = order_lines(order)
    user = context.current().user
    credit = exposure(order.customer) if order.state not in ("completed", "cancelled") else None
    return render_template("sales_order/order.html", order=order, lines=lines, units=units, credit=credit,
                           moves=workflow.available(order), form=TransitionForm(), copy_form=CopyForm(),
                           can_edit=may_edit(order, user), price_states=PRICE_STATES, channels=CHANNELS,
                           kinds=KINDS, stock=balancing.stock_check(order, lines), timeline=timeline.events(order),
                           remainder=timeline.open_remainder(order), sent_back=timeline.sent_back(order),
                           hold_reason=hold_reason)


@bp.route("/orders/<int:pk>/<move>", methods=["POST"])
@requires("sales_order.order.read")
def order_move(pk, move):
    order = posted_move(Order, pk, move, TransitionForm())
    _flash_state(order)
    return redirect(url_for("sales_order.order_view", pk=order.id))


def hold_reason(order) -> str:
    """Why an order is on credit hold, in the reader's language."""
    if order.credit_reason == "age":
        from addons.ledger.overdue import rules_of
        return _("%(over)s overdue by more than %(days)d days.", over=money(order.credit_over),
                 days=rules_of(order.plant_id).block_overdue_days)
    if order.credit_reason == "count":
        return _("too many overdue debts (%(over)s overdue).", over=money(order.credit_over))
    return _("over the limit by %(over)s.", over=money(order.credit_over))


def _flash_state(order):
    if order.state == "held":
        flash(_("Order %(number)s is on credit hold: %(why)s", number=order.number, why=hold_reason(order)),
              "warning")
    else:
        flash(_("Order %(number)s is now %(state)s.", number=order.number,
                state=workflow.state_label(Order, order.state)), "success")



@bp.route("/orders/<int:pk>/copy", methods=["POST"])
@requires("sales_order.order.create")
def order_copy(pk):
    order = get_for_plant(Order, pk)
    form = CopyForm()
    if not form.validate_on_submit():
        flash(_("Please choose a delivery date."), "danger")
        return redirect(url_for("sales_order.order_view", pk=pk))
    copy, over = copy_order(order, form.delivery_date.data)
    flash(_("Order %(number)s created as a copy.", number=copy.number), "success")
    if over is not None:
        flash(_("Submitted now, it would pass the credit limit by %(over)s.", over=money(over)), "warning")
    return redirect(url_for("sales_order.order_view", pk=copy.id))


@bp.route("/review", methods=["GET", "POST"])
@requires("sales_order.approve")
def review_queue():
    """Submitted and held orders, approved many at once; each order is its own transaction."""
    form = TransitionForm()
    if request.method == "POST":
        if not form.validate_on_submit():
            abort(400)
        ids = ids_arg("order")
        approved, held, failed = 0, 0, []
        for order in plant_scoped(Order).where(Order.id.in_(ids)).order_by(Order.id):
            try:
                order.approve()
            except UserError as exc:
                failed.append(f"{order.number}: {exc}")
                continue
            approved += order.state == "approved"
            held += order.state == "held"
        flash(_("%(approved)d approved, %(held)d put on credit hold, %(failed)d refused.", approved=approved,
                held=held, failed=len(failed)), "success" if not failed else "warning")
        for message in failed[:20]:
            flash(message, "danger")
        return redirect(url_for("sales_order.review_queue"))
    orders = list(plant_scoped(Order, Order.select(Order, Customer).join(Customer))
                  .where(Order.state.in_(["submitted", "held", "price_review"]))
                  .order_by(Order.delivery_date, Order.id).limit(500))
    return render_template("sales_order/review.html", orders=orders, form=form)


@bp.route("/monitor")
@requires("sales_order.order.read")
def monitor():
    from addons.sales_order.monitor import snapshot
    return render_template("sales_order/monitor.html", data=snapshot(current_plant()))


@bp.route("/monitor.json")
@requires("sales_order.order.read")
def monitor_json():
    from flask import jsonify
    from addons.sales_order.monitor import snapshot
    data = snapshot(current_plant())
    return jsonify({k: (str(v) if not isinstance(v, (dict, list, int)) else v) for k, v in data.items()})
