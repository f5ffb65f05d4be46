"""A plant's one row of settings for an addon (shipping rules, return approval, ordering windows): written
in one place, with its audit entry saying what it was and what it is now, and its cache forgotten."""
from __future__ import annotations

from core import audit
from core.cache import forget
from core.db import bulk_upsert, transaction


def save(model, plant, values: dict, cache_key=None) -> None:
    """Insert or update `plant`'s row of `model` with `values`; `cache_key` is what readers cache it under."""
    with transaction():
        current = model.get_or_none(model.plant == plant.id)
        old = {name: getattr(current, name) for name in values} if current is not None else None
        bulk_upsert(model, [{"plant": plant.id, **values}], conflict=["plant"], update=list(values))
        audit.log("settings", model._meta.table_name, None, plant=plant.id, old=old, new=values)
    if cache_key is not None:
        forget(cache_key)
