"""Money as the reader sees it, in the company's currency: one place, instead of a literal at every message.

The currency is the company's (core_company.currency) of the plant acting now, read once per request or
job; without a plant (a command with no context) the default company currency applies.
"""
from __future__ import annotations

from flask.globals import _cv_app

from core import context
from core.money_format import formatter

DEFAULT = "CNY"


def currency(plant=None) -> str:
    """The currency of `plant` (an id or a Plant), or of the plant acting now."""
    plant = plant if plant is not None else context.current_plant()
    plant_id = getattr(plant, "id", plant)
    if plant_id is None:
        return DEFAULT
    app_ctx = _cv_app.get(None)
    cache = app_ctx.g.__dict__.setdefault("_erp_currency", {}) if app_ctx is not None else {}
    if plant_id not in cache:
        from core.db import run_composed
        from core.models import Company, Plant
        found = run_composed("core.currency", lambda plant: Company.select(Company.currency).join(Plant).where(
            Plant.id == plant), plant_id).fetchone()     # every page asks: composed once
        cache[plant_id] = (found and found[0]) or DEFAULT
    return cache[plant_id]


def money(value, plant=None) -> str:
    """`value` formatted as money for the reader's language: CN¥1,234.50 (en), ¥1,234.50 (zh)."""
    return "" if value is None else formatter(context.current_locale(), currency(plant))(value)


def price(value, plant=None) -> str:
    """A unit price keeps its four decimals where it has them: 23.5 -> ¥23.50, 23.4567 -> ¥23.4567."""
    if value is None:
        return ""
    return formatter(context.current_locale(), currency(plant), "¤#,##0.00##", 4, False)(value)
