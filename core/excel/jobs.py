"""Running a web import in the background, so a long file shows a progress bar instead of a hung page."""
from __future__ import annotations

import datetime
import json
import logging
import os
import socket
import threading
import uuid

from flask_babel import force_locale
from flask_babel import gettext as _
from peewee import fn

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


# A worker checking or importing a file renews the job's heartbeat every BEAT; a job whose heartbeat is
# older than DEAD has lost its worker (a kill, a restart) and shows as failed, from any worker's poll.
BEAT = 10.0
DEAD = datetime.timedelta(seconds=60)
RUNNER = f"{socket.gethostname()}:{os.getpid()}"


def expire_stale(job) -> ImportJob:
    """A job whose worker died says so, instead of showing a progress bar that never moves. Never one that
    is alive, nor one that committed: the state moves only where it is still running and its beat is old
    (on SQLite that update waits for a committing import, and then finds it done)."""
    if job.state not in ("checking", "importing"):
        return job
    dead = clock.utcnow() - DEAD
    if (job.beat_at or job.created_at) >= dead:
        return job
    with transaction():
        ImportJob.update(state="failed", error=_(  # not a workflow state: an import's progress
            "The import was interrupted (its worker stopped). Nothing was written; check the file again.")).where(
            (ImportJob.id == job.id) & ImportJob.state.in_(["checking", "importing"])
            & (fn.COALESCE(ImportJob.beat_at, ImportJob.created_at) < dead)).execute()
    return ImportJob.get_by_id(job.id)


def _beat(app, job_id, stop):
    with app.app_context():
        while not stop.wait(BEAT):
            try:
                with transaction():
                    ImportJob.update(beat_at=clock.utcnow()).where(ImportJob.id == job_id).execute()
            except Exception:     # busy while the import commits (SQLite): the next beat tries again
                log.info("import job %s: heartbeat deferred", job_id)
            finally:
                db.close()


def progress_of(job) -> tuple[int, int]:
    return _progress.get(job.id, (job.total if job.state in ("checked", "done") else 0, job.total))


def start(app, job_id: int, commit: bool) -> threading.Thread:
    thread = threading.Thread(target=_run, args=(app, job_id, commit), name=f"import-{job_id}", daemon=True)
    thread.start()
    return thread


def _run(app, job_id, commit):
    stop = threading.Event()
    with app.app_context():
        try:
            _finish(job_id, beat_at=clock.utcnow(), runner=RUNNER)
            threading.Thread(target=_beat, args=(app, job_id, stop), daemon=True).start()
            job = ImportJob.get_by_id(job_id)
            _addon, spec = app.extensions["erp"].registry.importers[job.spec]
            with force_locale(job.user.lang), acting_as(job.user, job.plant):
                try:
                    result = run_import(spec, job.path, job.plant, dry_run=not commit,
                                        progress=lambda done, total: _progress.__setitem__(job_id, (done, total)),
                                        on_commit=lambda result: _finish(job_id, **_outcome(result, commit)))
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
                if not (commit and result.ok):          # a committed import recorded its state with its rows
                    _finish(job_id, **_outcome(result, commit))
        finally:
            stop.set()
            _progress.pop(job_id, None)
            db.close()


def _outcome(result, commit) -> dict:
    shown = [{"row": p.row, "column": p.column, "message": p.message} for p in result.problems[:SHOWN_PROBLEMS]]
    return dict(state="done" if commit and result.ok else "checked", total=result.total, ok=result.ok,
                created=result.created, updated=result.updated, problems=json.dumps(shown, ensure_ascii=False),
                problem_count=len(result.problems))


def _finish(job_id, **values):
    with transaction():
        ImportJob.update(**values).where(ImportJob.id == job_id).execute()
