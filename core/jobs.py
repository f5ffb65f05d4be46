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
import threading
import traceback
from dataclasses import dataclass

from peewee import IntegrityError

from core import clock
from core.context import acting_as
from core.db import transaction
from core.messages import Outcome, stored, translated
from core.models import JobLock, JobRun, Plant, PlantAddon

log = logging.getLogger(__name__)
# A running job renews its lock every HEARTBEAT; a lock not renewed for LEASE belongs to a runner that died
# (kill -9, a power cut) and is taken over, within a minute rather than after an hour.
LEASE = datetime.timedelta(seconds=60)
HEARTBEAT = 15.0
OWNER = f"{socket.gethostname()}:{os.getpid()}"


@dataclass
class Skipped:
    """Why a run did not happen: the job is running elsewhere, or this slot ran already."""
    job_id: str
    reason: str                  # "running" or "done"
    owner: str | None = None
    since: datetime.datetime | None = None
    plant: object = None


def claim(job_id: str) -> bool:
    now = clock.utcnow()
    with transaction():
        JobLock.insert(job_id=job_id).on_conflict_ignore().execute()
        taken = (JobLock.update(owner=OWNER, claimed_at=now)
                 .where((JobLock.job_id == job_id)
                        & (JobLock.owner.is_null() | (JobLock.claimed_at < now - LEASE)))
                 .execute())
    return taken == 1


def _heartbeat(app, lock_id, stop: threading.Event) -> None:
    with app.app_context():
        while not stop.wait(HEARTBEAT):
            try:
                with transaction():
                    JobLock.update(claimed_at=clock.utcnow()).where(
                        (JobLock.job_id == lock_id) & (JobLock.owner == OWNER)).execute()
            except Exception:       # the next beat tries again; the lease is four beats long
                log.exception("job lock %s: heartbeat", lock_id)
            finally:
                app.extensions["erp"].database.close()


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


def run_job(app, job_id: str, zone: str | None = None, slot: datetime.datetime | None = None) -> list:
    """Run one registered job now (the scheduler's entry point, also `run.py jobs run ID`). `zone`: only the
    plants in that time zone (a job at a set hour runs at that hour of each plant's clock). `slot`: the
    scheduled time this run is for; a slot runs once per plant, whichever scheduler gets there first.
    Returns the JobRun of each plant run, and a Skipped for each that did not run and why."""
    kernel = app.extensions["erp"]
    job = kernel.registry.jobs[job_id]
    runs = []
    lock_id = job_id if zone is None else f"{job_id}@{zone}"
    with app.app_context():
        kernel.database.connect(reuse_if_open=True)
        try:
            if not claim(lock_id):
                lock = JobLock.get_or_none(JobLock.job_id == lock_id)
                log.info("job %s is running elsewhere; skipped", lock_id)
                return [Skipped(job_id, "running", lock.owner if lock else None, lock.claimed_at if lock else None)]
            stop = threading.Event()
            beat = threading.Thread(target=_heartbeat, args=(app, lock_id, stop), daemon=True)
            beat.start()
            try:
                targets = plants_for(job.addon, zone) if job.per_plant else [None]
                for plant in targets:
                    runs.append(_run_once(job, plant, slot))
            finally:
                stop.set()
                beat.join(5)
                release(lock_id)
        finally:
            kernel.database.close()
    return runs


def scheduled(app, job_id: str, zone: str | None = None) -> list:
    """What the scheduler calls: the run is for the latest time the job's schedule fired (its slot)."""
    job = app.extensions["erp"].registry.jobs[job_id]
    return run_job(app, job_id, zone=zone, slot=latest_slot(job, zone))


def latest_slot(job, zone=None, now=None) -> datetime.datetime | None:
    """The latest fire time of a cron schedule at or before now (naive UTC); None for other schedules."""
    if job.trigger != "cron":
        return None
    from apscheduler.triggers.cron import CronTrigger
    trigger = CronTrigger(timezone=zone or "UTC", **job.trigger_args)
    now = now or clock.now()
    # look back over growing windows: the first that holds a fire time holds few (a job every second looks
    # back a second, a daily one a day), so the walk forward to now stays short
    for back in (1, 60, 3600, 86400, 32 * 86400, 367 * 86400):
        fire, latest = trigger.get_next_fire_time(None, now - datetime.timedelta(seconds=back)), None
        while fire is not None and fire <= now:
            latest = fire
            fire = trigger.get_next_fire_time(fire, fire + datetime.timedelta(microseconds=1))
        if latest is not None:
            return latest.astimezone(clock.UTC).replace(tzinfo=None)
    return None


def shown(run) -> str:
    """A recorded run's result in the reader's language (results from before outcomes were stored, and
    plain strings a job returned, are shown as they are)."""
    if not run.result:
        return ""
    return translated(run.result, run.result_params) if run.result_params else run.result


def _run_once(job, plant, slot=None):
    started, ticks = clock.utcnow(), time.monotonic()
    try:            # the slot's row first, in its own transaction: a second scheduler finds it and skips
        with transaction():
            key = f"{job.id}|{getattr(plant, 'id', '-')}|{slot.isoformat()}" if slot else None
            run = JobRun.create(job_id=job.id, plant=plant, slot=slot, slot_key=key, started_at=started, ok=False)
    except IntegrityError:
        done = JobRun.get_or_none(JobRun.slot_key == key)
        return Skipped(job.id, "done", since=done.started_at if done else None, plant=plant)
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
    run.duration_s, run.ok = time.monotonic() - ticks, error is None
    run.result, run.result_params, run.error = (None if result is None else str(result)[:2000]), params, error
    with transaction():
        run.save()
    return run


def build_scheduler(app, blocking: bool, only=None):
    """The scheduler of every registered job (`only`: of those ids)."""
    from apscheduler.schedulers.background import BackgroundScheduler
    from apscheduler.schedulers.blocking import BlockingScheduler
    scheduler = (BlockingScheduler if blocking else BackgroundScheduler)(timezone="UTC")
    zones = plant_zones(app)
    for job in app.extensions["erp"].registry.jobs.values():
        if only is not None and job.id not in only:
            continue
        if job.per_plant and at_plant_hour(job):
            # "every day at 08:00" means 08:00 on each plant's clock: one schedule per time zone in use
            for zone in zones:
                scheduler.add_job(scheduled, job.trigger, args=[app, job.id], kwargs={"zone": zone},
                                  id=f"{job.id}@{zone}", replace_existing=True, max_instances=1, coalesce=True,
                                  timezone=zone, **job.trigger_args)
            continue
        scheduler.add_job(scheduled, job.trigger, args=[app, job.id], id=job.id, replace_existing=True,
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
