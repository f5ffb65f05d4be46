"""The work waiting for a user, as the addons count it: what the home page shows, with links."""
from __future__ import annotations

from dataclasses import dataclass

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
