"""The one place where time is read and converted.

Instants are stored in UTC, naive (as the database columns hold them); every date a user sees, enters
or is billed on is the plant's local date. A shipment at 05:20 in Shanghai on 5 December is
21:20 UTC on the 4th: stored as that instant, dated the 5th. Business code asks this module for
"now" and "today" and never asks the server for its own date.
"""
from __future__ import annotations

import contextlib
import contextvars
import datetime
import functools
from zoneinfo import ZoneInfo

UTC = datetime.timezone.utc
# How far "now" is moved: only the demo's history sets it, to write past days through the real services
_shift = contextvars.ContextVar("clock_shift", default=datetime.timedelta(0))


def now() -> datetime.datetime:
    """This instant, aware, in UTC."""
    return datetime.datetime.now(UTC) + _shift.get()


@contextlib.contextmanager
def travel(instant: datetime.datetime):
    """Act as if it were `instant` (aware) in this context: the demo's history of past days."""
    token = _shift.set(instant - datetime.datetime.now(UTC))
    try:
        yield
    finally:
        _shift.reset(token)


def utcnow() -> datetime.datetime:
    """This instant as the database stores it: naive UTC."""
    return now().replace(tzinfo=None)


@functools.lru_cache(maxsize=64)
def zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def plant_zone(plant) -> ZoneInfo:
    """The plant's time zone; a plant given by id is looked up once per request or job."""
    if isinstance(plant, int):
        from core.cache import cached
        from core.models import Plant
        from core.db import run_composed
        return zone(cached(("core.plant_timezone", plant), lambda: run_composed(
            "core.plant_timezone", lambda wanted: Plant.select(Plant.timezone).where(Plant.id == wanted), plant)
            .fetchone()[0]))
    return zone(plant.timezone)


def _aware(instant: datetime.datetime) -> datetime.datetime:
    return instant.replace(tzinfo=UTC) if instant.tzinfo is None else instant


def plant_now(plant) -> datetime.datetime:
    """This instant in the plant's time zone (aware)."""
    return now().astimezone(plant_zone(plant))


def plant_today(plant) -> datetime.date:
    """The plant's date now: a delivery day starts at the plant's midnight, not the server's."""
    return plant_now(plant).date()


def to_plant(plant, instant: datetime.datetime | None) -> datetime.datetime | None:
    """A stored instant (naive UTC, or aware) as the plant's local time (aware)."""
    if instant is None:
        return None
    return _aware(instant).astimezone(plant_zone(plant))


def plant_date(plant, instant: datetime.datetime | None) -> datetime.date | None:
    """The plant's date of a stored instant: the business date of whatever happened then."""
    local = to_plant(plant, instant)
    return local.date() if local is not None else None


def from_plant(plant, local: datetime.datetime) -> datetime.datetime:
    """A wall-clock time the user entered in the plant (naive) as the instant to store (naive UTC)."""
    if local.tzinfo is None:
        local = local.replace(tzinfo=plant_zone(plant))
    return local.astimezone(UTC).replace(tzinfo=None)


def day_bounds(plant, first: datetime.date, last: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    """The stored instants (naive UTC) from the plant's midnight starting `first` up to the midnight after
    `last`, half open: a report of days compares instants with these, never with the UTC date."""
    start = datetime.datetime.combine(first, datetime.time(0))
    end = datetime.datetime.combine(last + datetime.timedelta(days=1), datetime.time(0))
    return from_plant(plant, start), from_plant(plant, end)


def local_naive(plant, instant: datetime.datetime | None) -> datetime.datetime | None:
    """A stored instant as the plant's wall-clock time without a zone (what an Excel cell can hold)."""
    local = to_plant(plant, instant)
    return local.replace(tzinfo=None) if local is not None else None
