"""Weekly work plans (工作计划): a salesperson's own week, or anyone's for a manager, with the share done."""
from __future__ import annotations

import datetime

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from addons.crm import access
from addons.crm.forms import MoveForm, PlanForm
from addons.crm.models.plan import WorkPlan
from addons.crm.views import bp, week_start
from addons.master_data.staff import plant_staff
from core import audit, workflow
from core.clock import plant_today
from core.db import transaction
from core.errors import UserError
from core.moves import posted_move
from core.params import date_arg, id_arg
from core.records import get_for_plant
from core.security import current_plant, current_user_or_none, requires


def _person():
    """Whose plans: the user's own, or (for who sees all) the salesperson chosen; 0 for everyone."""
    me = current_user_or_none().id
    if not access.sees_all():
        return me
    return id_arg("salesperson", 0)


@bp.route("/plans", methods=["GET", "POST"])
@requires("crm.work_plan.read")
def plans():
    plant = current_plant()
    monday = week_start(date_arg("week", plant_today(plant)))
    person = _person()
    form = PlanForm()
    if request.method == "POST":
        if not form.validate_on_submit():
            raise UserError(_("Give the plan a title."), field="title")
        owner = person or current_user_or_none().id
        with transaction():
            row = WorkPlan.create(plant=plant.id, salesperson=owner, week=monday, title=form.title.data,
                                  content=form.content.data or "")
            audit.log("create", WorkPlan._meta.table_name, row.id, plant=plant.id,
                      new={"title": row.title, "week": str(monday)})
        flash(_("Saved."), "success")
        return redirect(url_for("crm.plans", week=monday.isoformat(), salesperson=person or None))
    query = WorkPlan.select().where((WorkPlan.plant == plant.id) & (WorkPlan.week == monday))
    if person:
        query = query.where(WorkPlan.salesperson == person)
    rows = list(query.order_by(WorkPlan.salesperson, WorkPlan.id))
    done = sum(1 for r in rows if r.state == "done")
    staff = list(plant_staff(plant.id)) if access.sees_all() else []
    return render_template("crm/plans.html", rows=rows, monday=monday, sunday=monday + datetime.timedelta(days=6),
                           previous=monday - datetime.timedelta(days=7), following=monday + datetime.timedelta(days=7),
                           done=done, share=(done * 100 // len(rows)) if rows else 0, form=form, person=person,
                           staff=staff, move_form=MoveForm(), moves={r.id: workflow.available(r) for r in rows},
                           may_add=bool(person) or not access.sees_all())


@bp.route("/plans/<int:pk>/move/<move>", methods=["POST"])
@requires("crm.work_plan.read")
def plan_move(pk, move):
    plan = get_for_plant(WorkPlan, pk)
    if not access.sees_all() and plan.salesperson_id != current_user_or_none().id:
        raise UserError(_("This is another salesperson's plan."))
    plan = posted_move(WorkPlan, pk, move, MoveForm())
    return redirect(url_for("crm.plans", week=plan.week.isoformat(),
                            salesperson=request.form.get("salesperson") or None))
