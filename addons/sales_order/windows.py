"""Ordering windows: when reservations for a delivery day open, and when firm ordering closes.

Both are counted back from midnight at the start of the delivery day in the plant's time zone.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from addons.sales_order.models.planning import SalesSettings
from core import clock
from core.cache import cached


@dataclass(frozen=True)
class Window:
    day: datetime.date
    opens: datetime.datetime    # aware, UTC
    closes: datetime.datetime   # aware, UTC

    def is_open(self, now: datetime.datetime) -> bool:
        return self.opens <= now < self.closes

    def closed(self, now: datetime.datetime) -> bool:
        return now >= self.closes


def settings_of(plant) -> SalesSettings:
    plant_id = getattr(plant, "id", plant)

    def load():
        return SalesSettings.get_or_none(SalesSettings.plant == plant_id) or SalesSettings(plant=plant_id)
    return cached(("sales_order.settings", plant_id), load)


def local_time(plant, moment: datetime.datetime) -> str:
    """A window's edge as the reader reads times, in the plant's time zone (where the delivery day is)."""
    from babel.dates import format_datetime
    from flask_babel import get_locale
    return format_datetime(moment, "short", tzinfo=ZoneInfo(plant.timezone), locale=get_locale())


def window(plant, day: datetime.date, settings: SalesSettings | None = None) -> Window:
    settings = settings or settings_of(plant)
    start = datetime.datetime.combine(day, datetime.time(0), tzinfo=ZoneInfo(plant.timezone))
    start = start.astimezone(datetime.timezone.utc)
    return Window(day, start - datetime.timedelta(hours=settings.reserve_open_hours),
                  start - datetime.timedelta(hours=settings.cutoff_hours))


def open_days(plant, now: datetime.datetime | None = None) -> list[datetime.date]:
    """The delivery days a customer may reserve for right now."""
    now = now or clock.now()
    settings = settings_of(plant)
    today = now.astimezone(ZoneInfo(plant.timezone)).date()
    days = []
    for offset in range(0, settings.reserve_open_hours // 24 + 3):
        day = today + datetime.timedelta(days=offset)
        if window(plant, day, settings).is_open(now):
            days.append(day)
    return days


def closed_days_since(plant, now: datetime.datetime | None = None, back: int = 7) -> datetime.date:
    """The last delivery day whose firm ordering has closed (the cut-off job firms up to it)."""
    now = now or clock.now()
    settings = settings_of(plant)
    day = now.astimezone(ZoneInfo(plant.timezone)).date() + datetime.timedelta(days=settings.cutoff_hours // 24 + 2)
    while not window(plant, day, settings).closed(now):
        day -= datetime.timedelta(days=1)
    return day
