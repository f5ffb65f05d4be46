"""Leads (潜在客户): the list, the form, the moves of their status, and the conversion into a customer."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from addons.crm import access, leads
from addons.crm.forms import ConvertForm, LeadForm, MoveForm
from addons.crm.models.lead import Lead
from addons.crm.views import bp
from addons.master_data.models.dictionary import DictionaryEntry
from addons.master_data.staff import plant_staff
from core import workflow
from core.crud import may_import, save_plant_record
from core.errors import UserError
from core.forms import ref_choices
from core.listing import Column, Filter, form_page, list_page
from core.models import User
from core.moves import posted_move
from core.records import get_for_plant
from core.security import current_plant, current_user_or_none, requires

COLUMNS = [Column("name", _l("Name"), link=True, sortable=True), Column("contact", _l("Contact")),
           Column("phone", _l("Phone")), Column("source.name", _l("Customer source")),
           Column("salesperson.name", _l("Salesperson")), Column("state", _l("State"), "state"),
           Column("customer.code", _l("Customer"))]


def _scoped():
    query = Lead.select()
    if not access.sees_all():
        query = query.where((Lead.salesperson == current_user_or_none().id) | Lead.salesperson.is_null())
    return query


def _visible(pk) -> Lead:
    lead = get_for_plant(Lead, pk)
    if not access.sees_all() and lead.salesperson_id not in (None, current_user_or_none().id):
        abort(404)
    return lead


@bp.route("/leads")
@requires("crm.lead.read")
def lead_list():
    return list_page(Lead, COLUMNS, _("Leads"), query=_scoped(), search=(Lead.name, Lead.contact, Lead.phone),
                     filters=[Filter("state", _l("State"), Lead.state, "choice", Lead.STATES)],
                     order_by=[Lead.id.desc()], new_endpoint="crm.lead_new", row_endpoint="crm.lead_view",
                     export_permission="crm.lead.read", export_spec="leads",
                     import_spec="leads" if may_import("leads") else None)


def _prepare(form):
    form.source.choices = ref_choices(DictionaryEntry.select().where(
        (DictionaryEntry.kind == "customer_source") & (DictionaryEntry.active == True)).order_by(DictionaryEntry.sequence))  # noqa: E712
    staff = plant_staff(current_plant().id)
    if not access.sees_all():
        staff = staff.where(User.id == current_user_or_none().id)
    form.salesperson.choices = ref_choices(staff, label=lambda u: f"{u.login} {u.name}")


def _edit(lead=None):
    form = LeadForm(obj=lead)
    _prepare(form)
    if request.method == "GET" and lead is None and not access.sees_all():
        form.salesperson.data = current_user_or_none().id
    if form.validate_on_submit():
        saved = save_plant_record(Lead, lead, form, unique=())
        if saved is not None:
            flash(_("Saved."), "success")
            return redirect(url_for("crm.lead_view", pk=saved.id))
    return form_page(form, _("Lead") if lead else _("New lead"))


@bp.route("/leads/new", methods=["GET", "POST"])
@requires("crm.lead.create")
def lead_new():
    return _edit()


@bp.route("/leads/<int:pk>/edit", methods=["GET", "POST"])
@requires("crm.lead.write")
def lead_edit(pk):
    lead = _visible(pk)
    if lead.state == "converted":
        raise UserError(_("This lead is %(state)s.", state=Lead.STATES[lead.state]))
    return _edit(lead)


@bp.route("/leads/<int:pk>")
@requires("crm.lead.read")
def lead_view(pk):
    lead = _visible(pk)
    return render_template("crm/lead.html", lead=lead, moves=workflow.available(lead), form=MoveForm(),
                           convert=ConvertForm(), dropped=workflow.reason(lead) if lead.state == "dropped" else "")


@bp.route("/leads/<int:pk>/move/<move>", methods=["POST"])
@requires("crm.lead.read")
def lead_move(pk, move):
    _visible(pk)
    lead = posted_move(Lead, pk, move, MoveForm())
    flash(_("Lead %(name)s is now %(state)s.", name=lead.name, state=workflow.state_label(Lead, lead.state)), "success")
    return redirect(url_for("crm.lead_view", pk=pk))


@bp.route("/leads/<int:pk>/convert", methods=["POST"])
@requires("crm.lead.write")
def lead_convert(pk):
    lead = _visible(pk)
    form = ConvertForm()
    if not form.validate_on_submit():
        raise UserError(_("Give the new customer's code (at most 40 characters)."), field="code")
    customer = leads.convert(lead, form.code.data, form.kind.data)
    flash(_("%(name)s is now customer %(code)s.", name=customer.name, code=customer.code), "success")
    return redirect(url_for("crm.customer", pk=customer.id))
