"""The work waiting for a user, as the addons count it: what the home page shows, with links."""
from __future__ import annotations

from dataclasses import dataclass

from peewee import fn

from core.db import run_composed
from core.kernel import current_kernel


@dataclass
class Work:
    label: str          # what waits, in the reader's language
    count: int
    url: str
    sequence: int = 100
    tone: str = "primary"


def waiting(user, plant) -> list[Work]:
    found = [w for answer in current_kernel().hooks.call("work_waiting", plant.id, user=user, plant_id=plant.id)
             for w in (answer or []) if w.count]
    return sorted(found, key=lambda w: (w.sequence, w.label))


def in_state(model, plant_id, state="submitted") -> int:
    """How many of the plant's `model` records are in `state` (waiting for approval, by default): composed once per
    model and state, for the home page asks on every visit."""
    return run_composed(("core.work.in_state", model, state), lambda plant: model.select(fn.COUNT(model.id)).where(
        (model.plant == plant) & (model.state == state)), plant_id).fetchone()[0]
