"""Excel import (upload, check, import) and export for every spec an addon declares."""
import json
import os

from flask import abort, current_app, flash, jsonify, redirect, render_template, send_file, url_for
from flask_babel import gettext as _
from flask_wtf.file import FileField, FileRequired
from wtforms import SubmitField

from core.clock import plant_today
from core.db import transaction
from core.excel import jobs, writer
from core.excel.xlsx import MIMETYPE, download
from core.forms import ConfirmForm, Form
from core.i18n import select_locale
from core.models import ImportJob
from core.plants import enabled_addons
from core.security import current_plant, current_user_or_none, may, requires
from core.views import bp



class UploadForm(Form):
    file = FileField(validators=[FileRequired()])
    submit = SubmitField()


def _spec(name, *ops):
    """The spec, if its addon runs in this plant and the user holds every `op` on its model; else 404/403."""
    entry = current_app.extensions["erp"].registry.importers.get(name)
    plant = current_plant()
    if entry is None or entry[0] not in enabled_addons(plant.id):
        abort(404)
    spec = entry[1]
    if not all(may(current_user_or_none(), f"{spec.permission}.{op}", plant.id) for op in ops):
        abort(403)
    return spec


def _own_job(job_id):
    job = ImportJob.get_or_none(ImportJob.id == job_id)
    if job is None or job.user_id != current_user_or_none().id or job.plant_id != current_plant().id:
        abort(404)
    _spec(job.spec, "create", "write")
    return jobs.expire_stale(job)


@bp.route("/excel/<name>/import", methods=["GET", "POST"])
@requires()
def excel_import(name):
    spec = _spec(name, "create", "write")
    form = UploadForm()
    if form.validate_on_submit():
        upload = form.file.data
        if not (upload.filename or "").lower().endswith((".xlsx", ".xlsm", ".xls")):
            form.file.errors.append(_("Choose an Excel workbook (.xlsx or .xls)."))
        else:
            path = jobs.save_upload(current_app, upload)
            with transaction():
                job = ImportJob.create(user=current_user_or_none().id, plant=current_plant().id, spec=name,
                                       filename=upload.filename[:255], path=path)
            jobs.start(current_app._get_current_object(), job.id, commit=False)
            return redirect(url_for("core.excel_job", job_id=job.id))
    return render_template("core/excel_import.html", spec=spec, form=form)


@bp.route("/excel/jobs/<int:job_id>")
@requires()
def excel_job(job_id):
    job = _own_job(job_id)
    _addon, spec = current_app.extensions["erp"].registry.importers[job.spec]
    return render_template("core/excel_job.html", job=job, spec=spec, problems=json.loads(job.problems),
                           progress=jobs.progress_of(job), form=ConfirmForm())


@bp.route("/excel/jobs/<int:job_id>.json")
@requires()
def excel_job_status(job_id):
    job = _own_job(job_id)
    done, total = jobs.progress_of(job)
    return jsonify(state=job.state, done=done, total=total, ok=job.ok, created=job.created, updated=job.updated,
                   problems=job.problem_count, error=job.error)


@bp.route("/excel/jobs/<int:job_id>/commit", methods=["POST"])
@requires()
def excel_commit(job_id):
    job = _own_job(job_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    with transaction():
        # Only a clean, checked file moves on; the conditional update also stops a double click.
        moved = ImportJob.update(state="importing").where(  # not a workflow state: an import's progress
            (ImportJob.id == job.id) & (ImportJob.state == "checked") & (ImportJob.ok == True)).execute()  # noqa: E712
    if not moved:
        flash(_("This file cannot be imported: check it again."), "danger")
    else:
        jobs.start(current_app._get_current_object(), job.id, commit=True)
    return redirect(url_for("core.excel_job", job_id=job.id))


@bp.route("/excel/jobs/<int:job_id>/again", methods=["POST"])
@requires()
def excel_again(job_id):
    """A failed check or import starts again from the file already uploaded."""
    job = _own_job(job_id)
    if not ConfirmForm().validate_on_submit() or job.state != "failed" or not os.path.exists(job.path):
        flash(_("This file cannot be checked again: upload it anew."), "danger")
        return redirect(url_for("core.excel_job", job_id=job.id))
    with transaction():
        again = ImportJob.create(user=job.user_id, plant=job.plant_id, spec=job.spec, filename=job.filename,
                                 path=job.path)
    jobs.start(current_app._get_current_object(), again.id, commit=False)
    return redirect(url_for("core.excel_job", job_id=again.id))


@bp.route("/excel/jobs/<int:job_id>/errors.xlsx")
@requires()
def excel_errors(job_id):
    job = _own_job(job_id)
    try:
        return send_file(jobs.errors_path(job), mimetype=MIMETYPE, as_attachment=True,
                         download_name=f"{job.spec}-errors.xlsx")
    except FileNotFoundError:
        abort(404)


@bp.route("/excel/<name>/export")
@requires()
def excel_export(name):
    spec = _spec(name, "read")
    data = writer.export(spec, current_plant(), str(select_locale()))
    return download(data, f"{name}-{current_plant().code}-{plant_today(current_plant()).isoformat()}.xlsx")


@bp.route("/excel/<name>/template")
@requires()
def excel_template(name):
    spec = _spec(name, "read")
    return download(writer.template(spec, str(select_locale())), f"{name}-template.xlsx")
