import threading

from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from peewee import fn

from core import schedule_text
from core.forms import ConfirmForm
from core.jobs import run_job, shown
from core.models import JobRun
from core.security import current_user_or_none, may, requires
from core.views import bp


@bp.app_template_filter("job_result")
def job_result(run) -> str:
    return shown(run)


@bp.route("/admin/jobs")
@requires("core.jobs.read")
def job_list():
    registry = current_app.extensions["erp"].registry
    latest_ids = JobRun.select(fn.MAX(JobRun.id)).group_by(JobRun.job_id)
    last = {run.job_id: run for run in JobRun.select().where(JobRun.id.in_(latest_ids))}
    rows = [{"job": job, "last": last.get(job.id)} for job in sorted(registry.jobs.values(), key=lambda j: j.id)]
    can_run = may(current_user_or_none(), "core.jobs.run")
    return render_template("core/job_list.html", rows=rows, can_run=can_run, form=ConfirmForm(),
                           schedule=schedule_text.describe)


@bp.route("/admin/jobs/<job_id>")
@requires("core.jobs.read")
def job_history(job_id):
    registry = current_app.extensions["erp"].registry
    if job_id not in registry.jobs:
        abort(404)
    runs = list(JobRun.select().where(JobRun.job_id == job_id).order_by(JobRun.id.desc()).limit(200))
    return render_template("core/job_history.html", job=registry.jobs[job_id], runs=runs)


@bp.route("/admin/jobs/<job_id>/run", methods=["POST"])
@requires("core.jobs.run")
def job_run_now(job_id):
    if job_id not in current_app.extensions["erp"].registry.jobs or not ConfirmForm().validate_on_submit():
        abort(404)
    app = current_app._get_current_object()
    threading.Thread(target=run_job, args=(app, job_id), name=f"job-{job_id}", daemon=True).start()
    flash(_("The job has started; its result appears in the history."), "success")
    return redirect(url_for("core.job_history", job_id=job_id))
