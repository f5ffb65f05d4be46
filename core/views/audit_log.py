from flask import render_template, request
from peewee import JOIN

from core import audit_view
from core.params import id_arg, one_page, page_arg
from core.models import AuditLog, User
from core.security import current_plant, requires
from core.views import bp

PAGE = 100


@bp.route("/audit")
@requires("core.audit.read")
def audit_list():
    """Read-only, newest first, for the current plant (plus plant-less entries such as user edits)."""
    plant = current_plant()
    page = page_arg()
    model = (request.args.get("model") or "").strip()
    record_id = id_arg("record_id")
    user_id = id_arg("user")
    number = (request.args.get("number") or "").strip()
    query = (AuditLog.select(AuditLog, User).join(User, join_type=JOIN.LEFT_OUTER, on=(AuditLog.user == User.id))
             .where((AuditLog.plant == plant.id) | AuditLog.plant.is_null())
             .order_by(AuditLog.id.desc()))
    if model:
        query = query.where(AuditLog.model == model)
    if record_id:
        query = query.where(AuditLog.record_id == record_id)
    if user_id:
        query = query.where(AuditLog.user == user_id)
    if number:      # a document by its number: every table that has one is asked
        query = query.where(_by_number(number))
    rows = list(one_page(query, page, PAGE))[:PAGE + 1]
    users = list(User.select(User.id, User.name).order_by(User.name))
    return render_template("core/audit_list.html", rows=rows[:PAGE], page=page, more=len(rows) > PAGE,
                           model=model, record_id=record_id, user_id=user_id, number=number, users=users,
                           numbers=audit_view.numbers_of(rows[:PAGE]), changes=audit_view.changes,
                           action_label=audit_view.action_label)


def _by_number(number):
    from flask import current_app
    condition = AuditLog.id == 0
    for model in current_app.extensions["erp"].registry.all_models():
        if "number" in model._meta.fields:
            ids = model.select(model._meta.primary_key).where(model.number == number)
            condition |= (AuditLog.model == model._meta.table_name) & AuditLog.record_id.in_(ids)
    return condition
