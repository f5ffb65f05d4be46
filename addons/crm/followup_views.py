"""Follow-ups (跟单): the list of the user's customers' follow-ups (everyone's for a manager), written,
changed and deleted on a form; Excel out as the importer reads it."""
from __future__ import annotations

from flask import flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from addons.crm import access
from addons.crm.forms import FollowUpForm
from addons.crm.models.followup import FollowUp
from addons.crm.views import bp
from addons.master_data.models.customer import Customer
from addons.master_data.models.dictionary import DictionaryEntry
from core import audit
from core.clock import plant_today
from core.db import transaction
from core.forms import ConfirmForm, ref_choices
from core.listing import Column, form_page, list_page
from core.params import id_arg
from core.records import get_for_plant
from core.security import current_plant, current_user_or_none, requires

COLUMNS = [Column("day", _l("Date"), "date", link=True, sortable=True), Column("customer.code", _l("Code")),
           Column("customer.name", _l("Customer")), Column("method.name", _l("Follow-up method")),
           Column("content", _l("What was done")), Column("next_day", _l("Next follow-up on"), "date", sortable=True),
           Column("next_step", _l("Next step")), Column("user.name", _l("By"))]


def _scoped():
    query = FollowUp.select(FollowUp, Customer).join(Customer, on=(FollowUp.customer == Customer.id))
    if not access.sees_all():
        query = query.where(Customer.salesperson == current_user_or_none().id)
    return query


@bp.route("/follow-ups")
@requires("crm.follow_up.read")
def follow_up_list():
    return list_page(FollowUp, COLUMNS, _("Follow-ups"), query=_scoped(),
                     search=(Customer.code, Customer.name, FollowUp.content, FollowUp.next_step),
                     order_by=[FollowUp.day.desc(), FollowUp.id.desc()], new_endpoint="crm.follow_up_new",
                     row_endpoint="crm.follow_up_edit", export_permission="crm.follow_up.read")


def _methods(form):
    form.customer.query = access.own_customers
    form.method.choices = ref_choices(DictionaryEntry.select().where(
        (DictionaryEntry.kind == "followup_method") & (DictionaryEntry.active == True))  # noqa: E712
        .order_by(DictionaryEntry.sequence, DictionaryEntry.code))


def _save(form, record=None):
    customer = access.owned_or_404(form.customer.data)
    user = current_user_or_none()
    values = {"customer": customer.id, "day": form.day.data, "method": form.method.data,
              "content": form.content.data or "", "next_day": form.next_day.data,
              "next_step": form.next_step.data or ""}
    if form.next_day.data and form.next_day.data < form.day.data:
        form.next_day.errors.append(_("The next follow-up comes after this one."))
        return None
    with transaction():
        if record is None:
            record = FollowUp.create(plant=customer.plant_id, user=user.id, **values)
            audit.log("create", FollowUp._meta.table_name, record.id, plant=customer.plant_id,
                      new={k: str(v) for k, v in values.items()})
        else:
            old = {k: str(getattr(record, k if k not in ("customer", "method") else f"{k}_id")) for k in values}
            FollowUp.update(**values).where(FollowUp.id == record.id).execute()
            audit.log("write", FollowUp._meta.table_name, record.id, plant=customer.plant_id, old=old,
                      new={k: str(v) for k, v in values.items()})
    return record


@bp.route("/follow-ups/new", methods=["GET", "POST"])
@requires("crm.follow_up.create")
def follow_up_new():
    form = FollowUpForm()
    _methods(form)
    if request.method == "GET":
        form.day.data = plant_today(current_plant())
        if id_arg("customer"):
            form.customer.show(access.owned_or_404(id_arg("customer")))
    if form.validate_on_submit() and _save(form) is not None:
        flash(_("Saved."), "success")
        back = request.form.get("next", "")
        return redirect(back if back.startswith("/crm/") else url_for("crm.follow_up_list"))
    return form_page(form, _("New follow-up"))


def _own_follow_up(pk) -> FollowUp:
    record = get_for_plant(FollowUp, pk)
    access.owned_or_404(record.customer_id)
    return record


@bp.route("/follow-ups/<int:pk>", methods=["GET", "POST"])
@requires("crm.follow_up.write")
def follow_up_edit(pk):
    record = _own_follow_up(pk)
    form = FollowUpForm(obj=record)
    _methods(form)
    if request.method == "GET":
        form.customer.show(record.customer)
    if form.validate_on_submit() and _save(form, record) is not None:
        flash(_("Saved."), "success")
        return redirect(url_for("crm.follow_up_list"))
    return form_page(form, _("Follow-up"), template="crm/follow_up_form.html", record=record, confirm=ConfirmForm())


@bp.route("/follow-ups/<int:pk>/delete", methods=["POST"])
@requires("crm.follow_up.delete")
def follow_up_delete(pk):
    record = _own_follow_up(pk)
    if ConfirmForm().validate_on_submit():
        with transaction():
            FollowUp.delete().where(FollowUp.id == record.id).execute()
            audit.log("delete", FollowUp._meta.table_name, record.id, plant=record.plant_id,
                      old={"customer": record.customer_id, "day": str(record.day)})
        flash(_("Deleted."), "success")
    return redirect(url_for("crm.follow_up_list"))
