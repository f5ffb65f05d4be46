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
        row = {"plant": plant.id, **values}
        for field in model._meta.sorted_fields:    # a first row saved with some values: the rest at their defaults
            if field.name not in row and field.default is not None:
                row[field.name] = field.default() if callable(field.default) else field.default
        bulk_upsert(model, [row], conflict=["plant"], update=list(values))
        audit.log("settings", model._meta.table_name, None, plant=plant.id, old=old, new=values)
    if cache_key is not None:
        forget(cache_key)
