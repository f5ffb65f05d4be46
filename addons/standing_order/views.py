"""Standing orders on screen: the staff's list, a customer's basket as a grid (products down, weekdays
across) with the reservations it made; and the customer's own basket in the portal."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, DateField, StringField, SubmitField
from wtforms.validators import DataRequired, Length, Optional

from addons.master_data.models.customer import Customer
from addons.master_data.models.product import Product
from addons.master_data.pickers import CustomerField
from addons.sales_order.access import portal_customer_or_403
from addons.standing_order import baskets
from addons.standing_order.models.standing import WEEKDAYS, StandingLine, StandingOrder, StandingRun
from core import clock
from core.errors import UserError
from core.forms import Form
from core.listing import Column, list_page
from core.records import get_for_plant
from core.security import current_plant, requires

bp = Blueprint("standing_order", __name__, template_folder="templates")
portal_bp = Blueprint("standing_portal", __name__, template_folder="templates")


class BasketForm(Form):
    customer = CustomerField(validators=[DataRequired()], own_unless="ledger.all_customers")
    starts_on = DateField(_l("From"), validators=[DataRequired()])
    ends_on = DateField(_l("Until (blank: no end)"), validators=[Optional()])
    active = BooleanField(_l("Active"), default=True)
    remarks = StringField(_l("Remarks"), validators=[Optional(), Length(max=300)])
    submit = SubmitField(_l("Save"))


class PortalBasketForm(Form):
    active = BooleanField(_l("Active"), default=True)
    submit = SubmitField(_l("Save"))


COLUMNS = [Column("customer.code", _l("Code"), link=True), Column("customer.name", _l("Customer")),
           Column("starts_on", _l("From"), "date"), Column("ends_on", _l("Until"), "date"),
           Column("active", _l("Active"), "bool"), Column("remarks", _l("Remarks"))]


@bp.route("/")
@requires("standing_order.standing.read")
def standing_list():
    query = StandingOrder.select(StandingOrder, Customer).join(Customer, on=(StandingOrder.customer == Customer.id))
    return list_page(StandingOrder, COLUMNS, _("Standing orders"), query=query, search=(Customer.code, Customer.name),
                     order_by=[Customer.code], new_endpoint="standing_order.standing_new",
                     row_endpoint="standing_order.standing_edit", export_permission="standing_order.standing.read")


def _products(plant_id):
    return list(Product.select().where((Product.plant == plant_id) & (Product.active == True)).order_by(Product.code))  # noqa: E712


def _posted_cells(products) -> dict:
    return {(d, p.id): request.form.get(f"q-{d}-{p.id}", "") for d in WEEKDAYS for p in products
            if request.form.get(f"q-{d}-{p.id}", "").strip()}


def _cells_of(standing) -> dict:
    if standing is None:
        return {}
    return {(x.weekday, x.product_id): f"{x.quantity.normalize():f}"
            for x in StandingLine.select().where(StandingLine.standing == standing.id)}


def _runs(standing):
    if standing is None:
        return []
    return list(StandingRun.select().where(StandingRun.standing == standing.id).order_by(StandingRun.day.desc()).limit(30))


@bp.route("/<int:pk>", methods=["GET", "POST"])
@requires("standing_order.standing.write")
def standing_edit(pk=None):
    plant = current_plant()
    standing = get_for_plant(StandingOrder, pk) if pk else None
    form = BasketForm(obj=standing)
    if request.method == "GET":
        if standing is not None:
            form.customer.show(standing.customer)
        else:
            form.starts_on.data = clock.plant_today(plant)
    products = _products(plant.id)
    cells = _posted_cells(products) if request.method == "POST" else _cells_of(standing)
    status = 200
    if request.method == "POST":
        if form.validate_on_submit():
            customer = Customer.get_by_id(form.customer.data)
            try:
                saved = baskets.save_basket(customer, cells, starts_on=form.starts_on.data, ends_on=form.ends_on.data,
                                            active=form.active.data, remarks=form.remarks.data)
            except UserError as exc:
                form.form_errors.append(str(exc))
                status = 422
            else:
                flash(_("Standing order of %(customer)s saved.", customer=customer.name), "success")
                return redirect(url_for("standing_order.standing_edit", pk=saved.id))
        else:
            status = 422
    return render_template("standing_order/basket.html", form=form, products=products, cells=cells,
                           weekdays=WEEKDAYS, runs=_runs(standing), standing=standing,
                           title=_("Standing order"), portal=False), status


bp.add_url_rule("/new", "standing_new", standing_edit, methods=["GET", "POST"])


@portal_bp.route("/basket", methods=["GET", "POST"])
@requires("sales_order.portal")
def basket():
    customer = portal_customer_or_403()
    standing = StandingOrder.get_or_none((StandingOrder.plant == customer.plant_id)
                                         & (StandingOrder.customer == customer.id))
    form = PortalBasketForm(obj=standing)
    products = _products(customer.plant_id)
    cells = _posted_cells(products) if request.method == "POST" else _cells_of(standing)
    status = 200
    if request.method == "POST":
        if form.validate_on_submit():
            try:
                baskets.save_basket(customer, cells, starts_on=standing.starts_on if standing else None,
                                    ends_on=standing.ends_on if standing else None, active=form.active.data,
                                    remarks=standing.remarks if standing else "")
            except UserError as exc:
                form.form_errors.append(str(exc))
                status = 422
            else:
                flash(_("Your weekly basket is saved. Days already reserved keep their reservations; change "
                        "those under My orders until the cut-off."), "success")
                return redirect(url_for("standing_portal.basket"))
        else:
            status = 422
    return render_template("standing_order/basket.html", form=form, products=products, cells=cells,
                           weekdays=WEEKDAYS, runs=_runs(standing), standing=standing,
                           title=_("My weekly basket"), portal=True), status
