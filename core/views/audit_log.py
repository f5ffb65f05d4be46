from flask import render_template, request
from peewee import JOIN

from core.params import id_arg, page_arg
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
    query = (AuditLog.select(AuditLog, User).join(User, join_type=JOIN.LEFT_OUTER, on=(AuditLog.user == User.id))
             .where((AuditLog.plant == plant.id) | AuditLog.plant.is_null())
             .order_by(AuditLog.id.desc()))
    if model:
        query = query.where(AuditLog.model == model)
    if record_id:
        query = query.where(AuditLog.record_id == record_id)
    rows = list(query.paginate(page, PAGE + 1))
    return render_template("core/audit_list.html", rows=rows[:PAGE], page=page, more=len(rows) > PAGE,
                           model=model, record_id=record_id)
