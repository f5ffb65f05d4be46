"""A job's schedule as a person reads it ("every day at 08:00", "every 5 minutes"), not as APScheduler's
arguments; any other shape is said in full."""
from __future__ import annotations

from flask_babel import gettext as _


def describe(trigger: str, args: dict) -> str:
    if trigger == "interval":
        minutes = args.get("minutes", 0) + 60 * args.get("hours", 0)
        if minutes and set(args) <= {"minutes", "hours"}:
            return _("every minute") if minutes == 1 else _("every %(n)d minutes", n=minutes)
    if trigger == "cron":
        minute, hour = args.get("minute"), args.get("hour")
        if set(args) <= {"minute", "hour"}:
            if hour is None and isinstance(minute, str) and minute.startswith("*/"):
                return _("every %(n)d minutes", n=int(minute[2:]))
            if hour is None and isinstance(minute, int):
                return _("every hour at minute %(m)02d", m=minute)
            if isinstance(hour, int):
                return _("every day at %(h)02d:%(m)02d", h=hour, m=int(minute or 0))
    return f"{trigger} " + ", ".join(f"{k}={v}" for k, v in sorted(args.items()))
