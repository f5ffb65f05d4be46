"""Jobs run exactly once: two schedulers side by side run every slot once per plant; a lock whose owner
died is taken over within a minute; notices and e-mails go out once however often their job runs."""
import collections
import datetime
import time
from decimal import Decimal as D

from core import clock
from core.jobs import LEASE, build_scheduler, run_job
from core.models import JobLock, JobRun, Notification, User


def test_two_schedulers_side_by_side_run_every_slot_once(ctx):
    registry = ctx.extensions["erp"].registry
    from core.demo import load_demo
    load_demo(registry, addons={"master_data"})
    calls = []
    registry.for_addon("ledger").job("test.every_second", lambda plant: calls.append(plant.code) or time.sleep(0.05),
                                     "cron", second="*")
    try:
        first, second = (build_scheduler(ctx, blocking=False, only={"test.every_second"}) for _ in range(2))
        first.start()
        second.start()
        time.sleep(6.5)
        first.shutdown(wait=True)
        second.shutdown(wait=True)
    finally:
        del registry.jobs["test.every_second"]
    runs = list(JobRun.select().where(JobRun.job_id == "test.every_second"))
    per_slot = collections.Counter((r.plant_id, r.slot) for r in runs)
    slots = {r.slot for r in runs}
    assert len(slots) >= 3 and all(n == 1 for n in per_slot.values())       # every slot once per plant
    assert len(calls) == len(runs) == 2 * len(slots)                          # P1 and P2, no more


def test_a_lock_whose_owner_died_is_taken_over_within_a_minute(ctx, demo):
    registry = ctx.extensions["erp"].registry
    seen = []
    registry.for_addon("ledger").job("test.orphan", lambda plant: seen.append(plant.code), "interval", minutes=5)
    try:
        JobLock.create(job_id="test.orphan", owner="dead-host:4242", claimed_at=clock.utcnow())
        (skipped,) = run_job(ctx, "test.orphan")                           # alive a moment ago: skipped
        assert skipped.reason == "running" and skipped.owner == "dead-host:4242"
        JobLock.update(claimed_at=clock.utcnow() - LEASE - datetime.timedelta(seconds=1)).execute()
        assert len(run_job(ctx, "test.orphan")) == 2 and seen == ["P1", "P2"]   # its lease ran out: taken over
        assert LEASE <= datetime.timedelta(minutes=1)
    finally:
        del registry.jobs["test.orphan"]


def test_the_overdue_reminder_tells_once_a_day_however_often_it_runs(ctx, demo):
    from addons.ledger.posting import post
    from tests.sales_helpers import customer
    p1 = demo["P1"]
    long_ago = clock.plant_today(p1) - datetime.timedelta(days=90)
    post(customer("P1C002"), "shipment", D("500.00"), plant=p1, date=long_ago)
    first = run_job(ctx, "ledger.remind_overdue")
    told = Notification.select().count()
    assert told >= 1 and any("reminders sent" in (r.result or "") for r in first)
    run_job(ctx, "ledger.remind_overdue")                                    # a second run the same day
    assert Notification.select().count() == told


def test_two_outbox_runs_never_take_the_same_message(ctx, demo):
    from core.notify import _claim_outbox, notify
    user = User.get(User.login == "sales")
    User.update(email="sales@example.invalid").where(User.id == user.id).execute()
    notify([user.id], "Message %(n)s", params={"n": 1}, email=True)
    notify([user.id], "Message %(n)s", params={"n": 2}, email=True)
    mine, theirs = _claim_outbox(100), _claim_outbox(100)
    assert len(mine) == 2 and theirs == []


def test_the_slot_is_the_latest_time_the_schedule_fired():
    from core.jobs import latest_slot
    from core.registry import Job as JobSpec
    now = datetime.datetime(2026, 12, 4, 21, 37, 12, tzinfo=datetime.timezone.utc)
    every_five = JobSpec("x", None, "cron", {"minute": "*/5"}, "core", True)
    daily = JobSpec("y", None, "cron", {"hour": 8, "minute": 0}, "core", True)
    every_second = JobSpec("z", None, "cron", {"second": "*"}, "core", True)
    assert latest_slot(every_five, now=now) == datetime.datetime(2026, 12, 4, 21, 35)
    assert latest_slot(daily, "Asia/Shanghai", now=now) == datetime.datetime(2026, 12, 4, 0, 0)   # 08:00 there
    assert latest_slot(every_second, now=now) == datetime.datetime(2026, 12, 4, 21, 37, 12)
