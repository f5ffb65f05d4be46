"""The CRM's screens: a salesperson's day, channel and end customers, and a customer's page with its
history and the moves of its ownership and grade."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from addons.crm import access, owners
from addons.crm.costs import accumulated
from addons.crm.forms import EvaluationForm, GradeForm, InteractionForm, ReasonForm, TransferForm
from addons.crm.models.claim import PoolClaim
from addons.crm.models.commission import CommissionApplication
from addons.crm.models.event import KINDS as EVENT_KINDS
from addons.crm.models.event import CustomerEvent
from addons.crm.models.followup import FollowUp
from addons.crm.models.interaction import KINDS as INTERACTION_KINDS
from addons.crm.models.interaction import RATINGS, Evaluation, Interaction
from addons.crm.models.plan import WorkPlan
from addons.crm.reminders import reminders
from addons.crm.settings import settings_of
from addons.master_data.models.customer import GRADES, Customer
from addons.master_data.models.dictionary import DictionaryEntry
from addons.master_data.models.region import Region
from addons.master_data.staff import plant_staff
from addons.sales_order.models.order import Order
from addons.sales_order.models.quotation import Quotation
from core import audit
from core.db import transaction
from core.clock import plant_today
from core.errors import UserError
from core.forms import ref_choices
from core.listing import Column, Filter, list_page
from core.models import User
from core.params import int_arg
from core.security import current_plant, current_user_or_none, may, requires

bp = Blueprint("crm", __name__, template_folder="templates")


def week_start(day):
    import datetime
    return day - datetime.timedelta(days=day.weekday())


@bp.route("/")
@requires("crm.follow_up.read")
def home():
    """A salesperson's day: follow-ups due and overdue, this week's plan; a manager also sees every
    salesperson's overdue follow-ups with the days overdue."""
    plant, user = current_plant(), current_user_or_none()
    today = plant_today(plant)
    ahead = int_arg("ahead", settings_of(plant.id).remind_days, 0, 60)
    due, overdue = reminders(plant.id, today, ahead, user.id)
    everyone = reminders(plant.id, today, ahead)[1] if access.sees_all() else None
    monday = week_start(today)
    plans = list(WorkPlan.select().where((WorkPlan.plant == plant.id) & (WorkPlan.salesperson == user.id)
                                         & (WorkPlan.week == monday)).order_by(WorkPlan.id))
    claims = list(PoolClaim.select().where((PoolClaim.plant == plant.id) & (PoolClaim.salesperson == user.id)
                                           & (PoolClaim.state == "submitted")).order_by(PoolClaim.id))
    owners_of = {u.id: u.name for u in User.select(User.id, User.name).where(
        User.id.in_({r.customer.salesperson_id for r in everyone or []}))}
    return render_template("crm/home.html", today=today, ahead=ahead, due=due, overdue=overdue, everyone=everyone,
                           owners_of=owners_of, plans=plans, monday=monday, claims=claims)


COLUMNS = [Column("code", _l("Code"), link=True, sortable=True), Column("name", _l("Name"), sortable=True),
           Column("grade", _l("Grade"), sortable=True), Column("channel_type.name", _l("Channel type")),
           Column("region.city", _l("City")), Column("salesperson.name", _l("Salesperson")),
           Column("assigned_on", _l("Assigned on"), "date", sortable=True), Column("phone", _l("Phone"))]


def _customer_list(kind, title):
    query = access.visible_customers(Customer.select().where((Customer.kind == kind) & (Customer.active == True)))  # noqa: E712
    types = {str(e.id): e.name for e in DictionaryEntry.select().where(DictionaryEntry.kind == "channel_type")}
    regions = {str(r.id): f"{r.province} {r.city}" for r in Region.select().where(Region.active == True)}  # noqa: E712
    staff = {str(u.id): u.name for u in plant_staff(current_plant().id)} if access.sees_all() else {}
    filters = [Filter("grade", _l("Grade"), Customer.grade, "choice", GRADES),
               Filter("region", _l("Region"), Customer.region, "choice", regions),
               Filter("public_pool", _l("Public pool"), Customer.public_pool, "bool")]
    if kind == "channel":
        filters.insert(1, Filter("channel_type", _l("Channel type"), Customer.channel_type, "choice", types))
    if staff:
        filters.append(Filter("salesperson", _l("Salesperson"), Customer.salesperson, "choice", staff))
    return list_page(Customer, COLUMNS if kind == "channel" else [c for c in COLUMNS if c.name != "channel_type.name"],
                     title, query=query, search=(Customer.code, Customer.name, Customer.phone, Customer.initials),
                     filters=filters, order_by=[Customer.code], row_endpoint="crm.customer",
                     export_permission="crm.follow_up.read")


@bp.route("/channels")
@requires("crm.follow_up.read")
def channel_list():
    return _customer_list("channel", _("Channel customers"))


@bp.route("/end-customers")
@requires("crm.follow_up.read")
def end_list():
    return _customer_list("end", _("End customers"))


def _history(customer):
    plant_id = customer.plant_id
    orders = list(Order.select().where(Order.customer == customer.id).order_by(Order.delivery_date.desc()).limit(20))
    quotes = list(Quotation.select().where(Quotation.customer == customer.id).order_by(Quotation.id.desc()).limit(20))
    follow_ups = list(FollowUp.select().where(FollowUp.customer == customer.id)
                      .order_by(FollowUp.day.desc(), FollowUp.id.desc()).limit(50))
    referred = list(Customer.select().where(Customer.referred_by == customer.id).order_by(Customer.code))
    referred_follow_ups = list(FollowUp.select(FollowUp, Customer).join(Customer, on=(FollowUp.customer == Customer.id))
                               .where(Customer.referred_by == customer.id)
                               .order_by(FollowUp.day.desc(), FollowUp.id.desc()).limit(50)) if referred else []
    commissions = list(CommissionApplication.select().where(CommissionApplication.customer == customer.id)
                       .order_by(CommissionApplication.id.desc()))
    interactions = list(Interaction.select().where(Interaction.customer == customer.id)
                        .order_by(Interaction.day.desc(), Interaction.id.desc()).limit(50))
    evaluations = list(Evaluation.select().where(Evaluation.customer == customer.id).order_by(Evaluation.id.desc()))
    events = list(CustomerEvent.select().where(CustomerEvent.customer == customer.id).order_by(CustomerEvent.id.desc()))
    users = {u.id: u.name for u in User.select(User.id, User.name).where(User.id.in_(
        {e.from_user_id for e in events} | {e.to_user_id for e in events} | {e.by_id for e in events}
        | {f.user_id for f in follow_ups + referred_follow_ups} | {i.user_id for i in interactions}))}
    cost = accumulated(plant_id, "customer", [customer.id]).get(customer.id)
    return {"orders": orders, "quotes": quotes, "follow_ups": follow_ups, "referred": referred,
            "referred_follow_ups": referred_follow_ups, "commissions": commissions, "interactions": interactions,
            "evaluations": evaluations, "events": events, "users": users, "cost": cost}


def event_text(event) -> str:
    """A trace line in the reader's language."""
    if event.kind == "lost" and event.rule == "low":
        return _("Grade %(grade)s, not converted within %(days)d days of assignment",
                 grade=event.old_grade or "", days=event.count)
    if event.kind == "lost":
        return _("No deal in %(days)d days", days=event.count)
    if event.kind == "upgraded":
        return _("%(old)s → %(new)s: %(n)d referred end customers with a deal", old=event.old_grade,
                 new=event.new_grade, n=event.count)
    if event.kind == "graded":
        return f"{event.old_grade} → {event.new_grade}" + (f" · {event.note}" if event.note else "")
    return event.note


@bp.route("/customers/<int:pk>")
@requires("crm.follow_up.read")
def customer(pk):
    record = access.customer_or_404(pk)
    plant = current_plant()
    user = current_user_or_none()
    mine = record.salesperson_id == user.id
    in_pool = record.public_pool and record.salesperson_id is None
    transfer = TransferForm()
    transfer.salesperson.choices = ref_choices(plant_staff(plant.id), label=lambda u: f"{u.login} {u.name}")
    grade = GradeForm(data={"grade": record.grade})
    pending = PoolClaim.get_or_none((PoolClaim.customer == record.id) & (PoolClaim.state == "submitted"))
    from addons.crm.forms import FollowUpForm
    follow_up = FollowUpForm(data={"customer": record.id, "day": plant_today(plant)})
    follow_up.method.choices = ref_choices(DictionaryEntry.select().where(
        (DictionaryEntry.kind == "followup_method") & (DictionaryEntry.active == True)).order_by(DictionaryEntry.sequence))  # noqa: E712
    return render_template(
        "crm/customer.html", customer=record, mine=mine, in_pool=in_pool, pending=pending, today=plant_today(plant),
        owner=User.get_or_none(User.id == record.salesperson_id) if record.salesperson_id else None,
        referrer=Customer.get_or_none(Customer.id == record.referred_by_id) if record.referred_by_id else None,
        may_release=(mine or may(user, "crm.transfer", plant.id)) and record.salesperson_id is not None,
        may_transfer=may(user, "crm.transfer", plant.id), may_grade=may(user, "crm.grade", plant.id),
        may_claim=in_pool and pending is None and may(user, "crm.claim", plant.id),
        may_follow=mine or (access.sees_all() and record.salesperson_id is not None),
        reason=ReasonForm(), transfer=transfer, grade=grade, follow_up=follow_up, interaction=InteractionForm(
            data={"day": plant_today(plant)}), evaluation=EvaluationForm(), event_kinds=EVENT_KINDS,
        event_text=event_text, interaction_kinds=INTERACTION_KINDS, ratings=RATINGS, **_history(record))


def _back(pk, message):
    flash(message, "success")
    return redirect(url_for("crm.customer", pk=pk))


@bp.route("/customers/<int:pk>/release", methods=["POST"])
@requires("crm.follow_up.read")
def release(pk):
    record = access.owned_or_404(pk)
    form = ReasonForm()
    if not form.validate_on_submit():
        raise UserError(_("Please give a reason."), field="note")
    owners.release(record, form.note.data)
    return _back(pk, _("%(name)s is back in the public pool.", name=record.name))


@bp.route("/customers/<int:pk>/transfer", methods=["POST"])
@requires("crm.transfer")
def transfer(pk):
    record = access.customer_or_404(pk)
    form = TransferForm()
    form.salesperson.choices = ref_choices(plant_staff(current_plant().id))
    if not form.validate_on_submit():
        raise UserError(_("Choose an active staff member of this plant."), field="salesperson")
    owners.transfer(record, form.salesperson.data, form.note.data)
    return _back(pk, _("%(name)s transferred.", name=record.name))


@bp.route("/customers/<int:pk>/grade", methods=["POST"])
@requires("crm.grade")
def set_grade(pk):
    record = access.customer_or_404(pk)
    form = GradeForm()
    if not form.validate_on_submit():
        raise UserError(_("Choose a grade from A to E."), field="grade")
    owners.set_grade(record, form.grade.data, form.note.data)
    return _back(pk, _("Grade of %(name)s is now %(grade)s.", name=record.name, grade=form.grade.data))


@bp.route("/customers/<int:pk>/interactions", methods=["POST"])
@requires("crm.interaction.create")
def add_interaction(pk):
    record = access.owned_or_404(pk)
    form = InteractionForm()
    if not form.validate_on_submit():
        raise UserError(_("Give the date and the kind of the interaction."), field="day")
    user = current_user_or_none()
    with transaction():
        row = Interaction.create(plant=record.plant_id, customer=record.id, user=user.id, day=form.day.data,
                                 kind=form.kind.data, content=form.content.data or "",
                                 outcome=form.outcome.data or "")
        audit.log("create", Interaction._meta.table_name, row.id, plant=record.plant_id,
                  new={"customer": record.id, "kind": row.kind})
    return _back(pk, _("Saved."))


@bp.route("/customers/<int:pk>/evaluations", methods=["POST"])
@requires("crm.evaluation.create")
def add_evaluation(pk):
    record = access.owned_or_404(pk)
    form = EvaluationForm()
    if not form.validate_on_submit():
        raise UserError(_("Choose from one to five stars."), field="rating")
    with transaction():
        row = Evaluation.create(plant=record.plant_id, customer=record.id, user=current_user_or_none().id,
                                day=plant_today(current_plant()), rating=int(form.rating.data),
                                note=form.note.data or "")
        audit.log("create", Evaluation._meta.table_name, row.id, plant=record.plant_id,
                  new={"customer": record.id, "rating": row.rating})
    return _back(pk, _("Saved."))
