"""Commissions (rules, applications, payments) and expense reimbursements, with their totals and Excel."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from peewee import fn

from addons.crm import access, commissions
from addons.crm.forms import CommissionApplyForm, CommissionRuleForm, MoveForm, PayForm, ReimbursementForm
from addons.crm.models.commission import CommissionApplication, CommissionRule
from addons.crm.models.commission_payment import CommissionPayment
from addons.crm.models.expense import Reimbursement
from addons.crm.views import bp
from addons.master_data.models.customer import GRADES, Customer
from addons.master_data.models.dictionary import DictionaryEntry
from addons.sales_order.models.order import CHANNELS, Order
from core import audit, workflow
from core.clock import plant_today
from core.crud import crud_routes
from core.db import transaction
from core.errors import UserError
from core.fields import summed
from core.forms import ref_choices
from core.listing import Column, Filter, form_page, list_page
from core.moves import posted_move
from core.numbering import next_number
from core.records import get_for_plant
from core.security import current_plant, current_user_or_none, may, requires

RULES = crud_routes(bp, CommissionRule, CommissionRuleForm, [
    Column("order_channel", _l("Order type"), "choice", link=True, choices={"": _l("Any"), **CHANNELS}),
    Column("grade", _l("Channel grade"), "choice", choices={"": _l("Any"), **GRADES}),
    Column("rate", _l("Rate %"), "number", sortable=True), Column("active", _l("Active"), "bool"),
], name="commission_rule", title=_l("Commission rules"), permission="crm.commission_rule", unique=(),
    order_by=[CommissionRule.order_channel, CommissionRule.grade])

COMMISSION_COLUMNS = [
    Column("number", _l("Number"), link=True, sortable=True), Column("day", _l("Date"), "date", sortable=True),
    Column("order.number", _l("Order")), Column("customer.name", _l("Channel customer")),
    Column("salesperson.name", _l("Salesperson")), Column("received", _l("Received"), "money"),
    Column("rate", _l("Rate %"), "number"), Column("amount", _l("Commission"), "money", sortable=True),
    Column("paid", _l("Paid"), "money"), Column("state", _l("State"), "state")]


def _own(model, query):
    return query if access.sees_all() else query.where(model.salesperson == current_user_or_none().id)


def _money_sum(query, model, *names):
    row = query.select(*[fn.SUM(getattr(model, n)) for n in names]).order_by().tuples().first() or (0,) * len(names)
    return {n: summed(v, 2) for n, v in zip(names, row)}


@bp.route("/commissions")
@requires("crm.commission_application.read")
def commission_list():
    from core.listing import filtered_query
    filters = [Filter("state", _l("State"), CommissionApplication.state, "choice", CommissionApplication.STATES),
               Filter("order_channel", _l("Order type"), Order.channel, "choice", CHANNELS)]
    base = _own(CommissionApplication, CommissionApplication.select(CommissionApplication, Order, Customer)
                .join(Order, on=(CommissionApplication.order == Order.id))
                .join_from(CommissionApplication, Customer, on=(CommissionApplication.customer == Customer.id)))
    search = (CommissionApplication.number, Order.number, Customer.name, Customer.code)
    query, _state = filtered_query(CommissionApplication, COMMISSION_COLUMNS, query=base, search=search, filters=filters)
    t = _money_sum(query, CommissionApplication, "received", "amount", "paid")
    return list_page(CommissionApplication, COMMISSION_COLUMNS, _("Commissions"), query=base, search=search,
                     filters=filters, order_by=[CommissionApplication.id.desc()], new_endpoint="crm.commission_new",
                     row_endpoint="crm.commission_view", export_permission="crm.commission_application.read",
                     template="crm/list_totals.html",
                     totals=[(_("Received"), t["received"]), (_("Commission"), t["amount"]), (_("Paid"), t["paid"])])


@bp.route("/commissions/new", methods=["GET", "POST"])
@requires("crm.commission_application.create")
def commission_new():
    form = CommissionApplyForm(data={"order": request.args.get("order", "")} if request.method == "GET" else None)
    quote = None
    if form.order.data:
        try:
            order = commissions.order_by_number(current_plant(), form.order.data)
            if not access.sees_all() and order.salesperson_id != current_user_or_none().id \
                    and Customer.get_by_id(order.customer_id).salesperson_id != current_user_or_none().id:
                raise UserError(_("No order %(number)s in this plant.", number=form.order.data), field="order")
            quote = commissions.quote(order)
            if form.validate_on_submit():
                app = commissions.apply(order)
                flash(_("Commission %(number)s asked for: %(amount)s.", number=app.number, amount=f"{app.amount:.2f}"),
                      "success")
                return redirect(url_for("crm.commission_view", pk=app.id))
        except UserError as exc:
            form.form_errors.append(str(exc))
    return render_template("crm/commission_new.html", form=form, quote=quote, title=_("Ask for a commission"))


def _visible_application(pk):
    app = get_for_plant(CommissionApplication, pk)
    if not access.sees_all() and app.salesperson_id != current_user_or_none().id \
            and not may(current_user_or_none(), "crm.commission_pay", app.plant_id):
        from flask import abort
        abort(404)
    return app


@bp.route("/commissions/<int:pk>")
@requires("crm.commission_application.read")
def commission_view(pk):
    app = _visible_application(pk)
    payments = list(CommissionPayment.select().where(CommissionPayment.application == app.id).order_by(CommissionPayment.id))
    return render_template("crm/commission.html", app=app, payments=payments, moves=workflow.available(app),
                           form=MoveForm(), pay=PayForm(data={"amount": f"{app.amount - app.paid:.2f}"}),
                           may_pay=app.state == "approved" and may(current_user_or_none(), "crm.commission_pay", app.plant_id),
                           refused=workflow.reason(app) if app.state == "refused" else "")


@bp.route("/commissions/<int:pk>/move/<move>", methods=["POST"])
@requires("crm.commission_application.read")
def commission_move(pk, move):
    app = posted_move(CommissionApplication, pk, move, MoveForm())
    flash(_("Commission %(number)s is now %(state)s.", number=app.number,
            state=workflow.state_label(CommissionApplication, app.state)), "success")
    return redirect(url_for("crm.commission_view", pk=pk))


@bp.route("/commissions/<int:pk>/pay", methods=["POST"])
@requires("crm.commission_pay")
def commission_pay(pk):
    app = get_for_plant(CommissionApplication, pk)
    form = PayForm()
    if not form.validate_on_submit():
        raise UserError(_("Give the amount paid."), field="amount")
    app = commissions.pay(app, form.amount.data, form.reference.data)
    flash(_("Commission %(number)s: %(paid)s paid of %(amount)s.", number=app.number, paid=f"{app.paid:.2f}",
            amount=f"{app.amount:.2f}"), "success")
    return redirect(url_for("crm.commission_view", pk=pk))


EXPENSE_COLUMNS = [
    Column("number", _l("Number"), link=True, sortable=True), Column("day", _l("Date"), "date", sortable=True),
    Column("salesperson.name", _l("Salesperson")), Column("expense_type.name", _l("Expense type")),
    Column("customer.name", _l("Customer")), Column("amount", _l("Amount"), "money", sortable=True),
    Column("description", _l("Description")), Column("state", _l("State"), "state")]


def _expense_types():
    return DictionaryEntry.select().where((DictionaryEntry.kind == "expense_type") & (DictionaryEntry.active == True)  # noqa: E712
                                          ).order_by(DictionaryEntry.sequence, DictionaryEntry.code)


@bp.route("/reimbursements")
@requires("crm.reimbursement.read")
def reimbursement_list():
    from core.listing import filtered_query
    from core.params import date_range
    plant = current_plant()
    types = {str(e.id): e.name for e in _expense_types()}
    filters = [Filter("state", _l("State"), Reimbursement.state, "choice", Reimbursement.STATES),
               Filter("expense_type", _l("Expense type"), Reimbursement.expense_type, "choice", types)]
    today = plant_today(plant)
    first, last = date_range(today.replace(month=1, day=1), today)
    base = _own(Reimbursement, Reimbursement.select().where((Reimbursement.day >= first) & (Reimbursement.day <= last)))
    query, _state = filtered_query(Reimbursement, EXPENSE_COLUMNS, query=base, search=(Reimbursement.number,
                                                                                       Reimbursement.description),
                                   filters=filters)
    total = _money_sum(query, Reimbursement, "amount")["amount"]
    return list_page(Reimbursement, EXPENSE_COLUMNS, _("Expense reimbursements"), query=base,
                     search=(Reimbursement.number, Reimbursement.description), filters=filters,
                     order_by=[Reimbursement.day.desc(), Reimbursement.id.desc()],
                     new_endpoint="crm.reimbursement_new", row_endpoint="crm.reimbursement_view",
                     export_permission="crm.reimbursement.read", template="crm/list_totals.html",
                     totals=[(_("Total"), total)], first=first, last=last, dated=True)


@bp.route("/reimbursements/new", methods=["GET", "POST"])
@requires("crm.reimbursement.create")
def reimbursement_new():
    plant, user = current_plant(), current_user_or_none()
    form = ReimbursementForm()
    form.expense_type.choices = ref_choices(_expense_types())
    form.customer.query = access.own_customers
    if request.method == "GET":
        form.day.data = plant_today(plant)
    if form.validate_on_submit():
        if form.customer.data:
            access.owned_or_404(form.customer.data)
        with transaction():
            row = Reimbursement.create(plant=plant.id, number=next_number(plant, "EX", form.day.data),
                                       salesperson=user.id, customer=form.customer.data or None,
                                       expense_type=form.expense_type.data, day=form.day.data,
                                       amount=form.amount.data, description=form.description.data or "")
            audit.log("create", Reimbursement._meta.table_name, row.id, plant=plant.id,
                      new={"amount": str(row.amount), "day": str(row.day)})
        flash(_("Reimbursement %(number)s asked for.", number=row.number), "success")
        return redirect(url_for("crm.reimbursement_view", pk=row.id))
    return form_page(form, _("New expense reimbursement"))


@bp.route("/reimbursements/<int:pk>")
@requires("crm.reimbursement.read")
def reimbursement_view(pk):
    row = get_for_plant(Reimbursement, pk)
    if not access.sees_all() and row.salesperson_id != current_user_or_none().id \
            and not may(current_user_or_none(), "crm.commission_pay", row.plant_id):
        from flask import abort
        abort(404)
    return render_template("crm/reimbursement.html", row=row, moves=workflow.available(row), form=MoveForm(),
                           refused=workflow.reason(row) if row.state == "refused" else "")


@bp.route("/reimbursements/<int:pk>/move/<move>", methods=["POST"])
@requires("crm.reimbursement.read")
def reimbursement_move(pk, move):
    row = posted_move(Reimbursement, pk, move, MoveForm())
    flash(_("Reimbursement %(number)s is now %(state)s.", number=row.number,
            state=workflow.state_label(Reimbursement, row.state)), "success")
    return redirect(url_for("crm.reimbursement_view", pk=pk))
