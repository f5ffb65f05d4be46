"""Gap-free document numbers per plant, document type and year, e.g. SO-P1-2026-000123.

Numbers carry the plant's prefix (its code unless set otherwise), so two plants never issue the same
number and a number names its plant wherever it is read.

Call inside the transaction that creates the document: the sequence row stays locked until that
transaction ends, so a rolled-back document gives its number back and no two documents share one.
"""
from __future__ import annotations

import datetime

from core import clock
from core.db import joined_transaction, run_composed
from core.models import Sequence


def next_number(plant, doc_type: str, when: datetime.date | None = None, width: int = 6) -> str:
    year = (when or clock.plant_today(plant)).year
    plant_id = getattr(plant, "id", plant)

    def bump():
        return run_composed("core.next_number", lambda p, d, y: Sequence.update(last=Sequence.last + 1).where(
            (Sequence.plant == p) & (Sequence.doc_type == d) & (Sequence.year == y)).returning(Sequence.last),
            plant_id, doc_type, year).fetchall()

    with joined_transaction():
        rows = bump()
        if not rows:   # the year's first number: create the row (a racing creator is ignored), bump again
            Sequence.insert(plant=plant_id, doc_type=doc_type, year=year, last=0).on_conflict_ignore().execute()
            rows = bump()
        ((number,),) = rows
    return f"{doc_type}-{prefix_of(plant_id)}-{year}-{number:0{width}d}"


def prefix_of(plant_id) -> str:
    """The plant's number prefix, read once per request or job."""
    from core.cache import cached
    from core.models import Plant

    def load():
        plant = Plant.select(Plant.code, Plant.doc_prefix).where(Plant.id == plant_id).get()
        return plant.number_prefix
    return cached(("core.number_prefix", plant_id), load)
