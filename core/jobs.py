"""Scheduled jobs: one scheduler process runs them; every run claims the job's lock row first.

The claim is a conditional UPDATE (free, or held longer than the lease by a runner that died), which
is atomic on SQLite and PostgreSQL alike, so a second scheduler started by mistake skips the run.
A job runs once for each active plant that enables its addon, as that plant, and each run is recorded.
"""
from __future__ import annotations

import datetime
import logging
import os
import socket
import time
import traceback

from core import clock
from core.context import acting_as
from core.db import transaction
from core.messages import Outcome, stored, translated
from core.models import JobLock, JobRun, Plant, PlantAddon

log = logging.getLogger(__name__)
LEASE = datetime.timedelta(hours=1)
OWNER = f"{socket.gethostname()}:{os.getpid()}"


def claim(job_id: str) -> bool:
    now = clock.utcnow()
    with transaction():
        JobLock.insert(job_id=job_id).on_conflict_ignore().execute()
        taken = (JobLock.update(owner=OWNER, claimed_at=now)
                 .where((JobLock.job_id == job_id)
                        & (JobLock.owner.is_null() | (JobLock.claimed_at < now - LEASE)))
                 .execute())
    return taken == 1


def release(job_id: str) -> None:
    with transaction():
        JobLock.update(owner=None, claimed_at=None).where(
            (JobLock.job_id == job_id) & (JobLock.owner == OWNER)).execute()


def plants_for(addon: str, zone: str | None = None) -> list:
    query = Plant.select().where(Plant.active == True)  # noqa: E712
    if addon != "core":
        query = query.join(PlantAddon).where(PlantAddon.addon == addon)
    if zone is not None:
        query = query.where(Plant.timezone == zone)
    return list(query.order_by(Plant.code))


def run_job(app, job_id: str, zone: str | None = None) -> list[JobRun]:
    """Run one registered job now (the scheduler's entry point, also `run.py jobs run ID`). `zone`: only the
    plants in that time zone (a job at a set hour runs at that hour of each plant's clock)."""
    kernel = app.extensions["erp"]
    job = kernel.registry.jobs[job_id]
    runs = []
    lock_id = job_id if zone is None else f"{job_id}@{zone}"
    with app.app_context():
        kernel.database.connect(reuse_if_open=True)
        try:
            if not claim(lock_id):
                log.info("job %s is running elsewhere; skipped", lock_id)
                return runs
            try:
                targets = plants_for(job.addon, zone) if job.per_plant else [None]
                for plant in targets:
                    runs.append(_run_once(job, plant))
            finally:
                release(lock_id)
        finally:
            kernel.database.close()
    return runs


def shown(run) -> str:
    """A recorded run's result in the reader's language (results from before outcomes were stored, and
    plain strings a job returned, are shown as they are)."""
    if not run.result:
        return ""
    return translated(run.result, run.result_params) if run.result_params else run.result


def _run_once(job, plant) -> JobRun:
    started, ticks = clock.utcnow(), time.monotonic()
    result, error = None, None
    try:
        with acting_as(None, plant):
            result = job.func(plant) if job.per_plant else job.func()
    except Exception:  # a failing job is recorded and the next plant still runs
        error = traceback.format_exc()
        log.exception("job %s failed for plant %s", job.id, getattr(plant, "code", "-"))
    params = None
    if isinstance(result, Outcome):
        result, params = stored(result.message), result.params_json()
    with transaction():
        return JobRun.create(job_id=job.id, plant=plant, started_at=started, duration_s=time.monotonic() - ticks,
                             ok=error is None, result=None if result is None else str(result)[:2000],
                             result_params=params, error=error)


def build_scheduler(app, blocking: bool):
    from apscheduler.schedulers.background import BackgroundScheduler
    from apscheduler.schedulers.blocking import BlockingScheduler
    scheduler = (BlockingScheduler if blocking else BackgroundScheduler)(timezone="UTC")
    zones = plant_zones(app)
    for job in app.extensions["erp"].registry.jobs.values():
        if job.per_plant and at_plant_hour(job):
            # "every day at 08:00" means 08:00 on each plant's clock: one schedule per time zone in use
            for zone in zones:
                scheduler.add_job(run_job, job.trigger, args=[app, job.id], kwargs={"zone": zone},
                                  id=f"{job.id}@{zone}", replace_existing=True, max_instances=1, coalesce=True,
                                  timezone=zone, **job.trigger_args)
            continue
        scheduler.add_job(run_job, job.trigger, args=[app, job.id], id=job.id, replace_existing=True,
                          max_instances=1, coalesce=True, **job.trigger_args)
    return scheduler


def at_plant_hour(job) -> bool:
    """A cron job pinned to an hour, a weekday or a day of the month (not one that runs every few minutes)."""
    return job.trigger == "cron" and any(k in job.trigger_args for k in ("hour", "day", "day_of_week", "month"))


def plant_zones(app) -> list[str]:
    """The time zones of the active plants (read when the scheduler starts; restart it after adding a plant
    in a new zone)."""
    kernel = app.extensions["erp"]
    with app.app_context():
        kernel.database.connect(reuse_if_open=True)
        try:
            zones = sorted({p.timezone for p in Plant.select(Plant.timezone).where(Plant.active == True)})  # noqa: E712
        finally:
            kernel.database.close()
    return zones or ["UTC"]
