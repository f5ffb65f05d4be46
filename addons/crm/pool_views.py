"""The public pool (公海): its customers to claim, the claims waiting for approval, and their moves."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from addons.crm import access, owners
from addons.crm.forms import MoveForm, ReasonForm
from addons.crm.models.claim import PoolClaim
from addons.crm.views import bp
from addons.master_data.models.customer import GRADES, KINDS, Customer
from addons.master_data.models.dictionary import DictionaryEntry
from addons.master_data.models.region import Region
from core import workflow
from core.crud import may_import
from core.listing import Column, Filter, filtered_query
from core.moves import posted_move
from core.params import one_page, page_arg
from core.records import get_for_plant, plant_scoped
from core.security import current_plant, current_user_or_none, requires

PAGE = 50
COLUMNS = [Column("code", "", sortable=True), Column("name", "", sortable=True), Column("grade", "", sortable=True)]


@bp.route("/pool")
@requires("crm.pool_claim.read")
def pool():
    plant = current_plant()
    base = Customer.select().where(access.in_pool() & (Customer.active == True))  # noqa: E712
    types = {str(e.id): e.name for e in DictionaryEntry.select().where(DictionaryEntry.kind == "channel_type")}
    regions = {str(r.id): f"{r.province} {r.city}" for r in Region.select().where(Region.active == True)}  # noqa: E712
    filters = [Filter("kind", _("Customer kind"), Customer.kind, "choice", KINDS),
               Filter("grade", _("Grade"), Customer.grade, "choice", GRADES),
               Filter("channel_type", _("Channel type"), Customer.channel_type, "choice", types),
               Filter("region", _("Region"), Customer.region, "choice", regions)]
    query, state = filtered_query(Customer, COLUMNS, query=base, search=(Customer.code, Customer.name, Customer.initials),
                                  filters=filters, order_by=[Customer.code])
    page = page_arg()
    rows = list(one_page(query, page, PAGE))
    claims = list(plant_scoped(PoolClaim).where(PoolClaim.state == "submitted").order_by(PoolClaim.id))
    waiting = {c.customer_id: c for c in plant_scoped(PoolClaim).where(
        (PoolClaim.state == "submitted") & PoolClaim.customer.in_([r.id for r in rows]))}
    user = current_user_or_none()
    return render_template("crm/pool.html", rows=rows[:PAGE], more=len(rows) > PAGE, page=page, state=state,
                           filters=filters, claims=claims, waiting=waiting, me=user.id, form=ReasonForm(),
                           move_form=MoveForm(), kinds=KINDS, moves={c.id: workflow.available(c) for c in claims},
                           import_spec="customers" if may_import("customers") else None,
                           title=_("Public pool of %(plant)s", plant=plant.name))


@bp.route("/pool/<int:pk>/claim", methods=["POST"])
@requires("crm.claim")
def claim(pk):
    customer = get_for_plant(Customer, pk)
    form = ReasonForm()
    if not form.validate_on_submit():
        return redirect(url_for("crm.pool"))
    owners.submit_claim(customer, form.note.data)
    flash(_("You claimed %(name)s; an administrator approves the claim.", name=customer.name), "success")
    return redirect(request.form.get("next") or url_for("crm.pool"))


@bp.route("/claims/<int:pk>/move/<move>", methods=["POST"])
@requires("crm.pool_claim.read")
def claim_move(pk, move):
    record = posted_move(PoolClaim, pk, move, MoveForm())
    flash(_("The claim on %(name)s is now %(state)s.", name=record.customer.name,
            state=workflow.state_label(PoolClaim, record.state)), "success")
    return redirect(request.form.get("next") or url_for("crm.pool"))
