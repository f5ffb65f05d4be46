"""Running a web import in the background, so a long file shows a progress bar instead of a hung page."""
from __future__ import annotations

import datetime
import json
import logging
import os
import threading
import uuid

from flask_babel import force_locale
from flask_babel import gettext as _

from core import clock
from core.context import acting_as
from core.db import db, transaction
from core.excel.importer import run_import
from core.errors import UserError
from core.excel.writer import error_workbook
from core.models import ImportJob

SHOWN_PROBLEMS = 500
log = logging.getLogger(__name__)
# Progress lives in memory too: an import on SQLite holds the write lock until it commits, so a
# progress row written to the database would only appear at the end.
_progress: dict[int, tuple[int, int]] = {}


def upload_dir(app) -> str:
    path = os.path.join(app.instance_path, "uploads")
    os.makedirs(path, exist_ok=True)
    return path


def save_upload(app, storage) -> str:
    path = os.path.join(upload_dir(app), f"{uuid.uuid4().hex}.xlsx")
    storage.save(path)
    return path


def errors_path(job) -> str:
    return job.path[:-5] + "-errors.xlsx"


STALE = datetime.timedelta(hours=1)


def expire_stale(job) -> ImportJob:
    """A job still 'checking' or 'importing' an hour after it started was cut off (a restart, a crash):
    say so, instead of showing a progress bar that never moves."""
    if job.state in ("checking", "importing") and job.id not in _progress \
            and job.created_at < clock.utcnow() - STALE:
        with transaction():
            ImportJob.update(state="failed", error=_("The import was interrupted (the server restarted). "
                                                     "Nothing was written; check the file again.")).where(
                (ImportJob.id == job.id) & ImportJob.state.in_(["checking", "importing"])).execute()
        job = ImportJob.get_by_id(job.id)
    return job


def progress_of(job) -> tuple[int, int]:
    return _progress.get(job.id, (job.total if job.state in ("checked", "done") else 0, job.total))


def start(app, job_id: int, commit: bool) -> threading.Thread:
    thread = threading.Thread(target=_run, args=(app, job_id, commit), name=f"import-{job_id}", daemon=True)
    thread.start()
    return thread


def _run(app, job_id, commit):
    with app.app_context():
        try:
            job = ImportJob.get_by_id(job_id)
            _addon, spec = app.extensions["erp"].registry.importers[job.spec]
            with force_locale(job.user.lang), acting_as(job.user, job.plant):
                try:
                    result = run_import(spec, job.path, job.plant, dry_run=not commit,
                                        progress=lambda done, total: _progress.__setitem__(job_id, (done, total)))
                except UserError as exc:  # the file as a whole cannot be used: the page says why
                    _finish(job_id, state="failed", error=str(exc))
                    return
                except Exception:  # a fault of ours: the user gets a plain message, the log the trace
                    log.exception("import job %s failed", job_id)
                    _finish(job_id, state="failed", error=_("The import failed unexpectedly; nothing was written. "
                                                            "The error is in the server log."))
                    return
                if result.problems:
                    with open(errors_path(job), "wb") as fh:
                        fh.write(error_workbook(result))
                shown = [{"row": p.row, "column": p.column, "message": p.message}
                         for p in result.problems[:SHOWN_PROBLEMS]]
                _finish(job_id, state="done" if commit and result.ok else "checked", total=result.total,
                        ok=result.ok, created=result.created, updated=result.updated,
                        problems=json.dumps(shown, ensure_ascii=False), problem_count=len(result.problems))
        finally:
            _progress.pop(job_id, None)
            db.close()


def _finish(job_id, **values):
    with transaction():
        ImportJob.update(**values).where(ImportJob.id == job_id).execute()
