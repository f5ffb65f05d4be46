
from flask import abort, redirect, render_template, url_for

from core import clock
from core.params import page_arg
from core.db import transaction
from core.forms import ConfirmForm
from core.models import Notification
from core.notify import render
from core.security import current_user_or_none, requires
from core.views import bp

PAGE = 50


@bp.route("/notifications")
@requires()
def inbox():
    user = current_user_or_none()
    page = page_arg()
    rows = list(Notification.select().where(Notification.user == user.id)
                .order_by(Notification.read_at.is_null(False), Notification.id.desc()).limit(PAGE + 1).offset((page - 1) * PAGE))
    items = [(n, *render(n)) for n in rows[:PAGE]]
    return render_template("core/inbox.html", items=items, page=page, more=len(rows) > PAGE, form=ConfirmForm())


@bp.route("/notifications/<int:note_id>/read", methods=["POST"])
@requires()
def read_notification(note_id):
    note = Notification.get_or_none((Notification.id == note_id) & (Notification.user == current_user_or_none().id))
    if note is None or not ConfirmForm().validate_on_submit():
        abort(404)
    with transaction():
        Notification.update(read_at=clock.utcnow()).where(
            (Notification.id == note.id) & Notification.read_at.is_null()).execute()
    link = note.link if note.link.startswith("/") and not note.link.startswith("//") else ""
    return redirect(link or url_for("core.inbox"))


@bp.route("/notifications/read-all", methods=["POST"])
@requires()
def read_all_notifications():
    if ConfirmForm().validate_on_submit():
        with transaction():
            Notification.update(read_at=clock.utcnow()).where(
                (Notification.user == current_user_or_none().id) & Notification.read_at.is_null()).execute()
    return redirect(url_for("core.inbox"))
