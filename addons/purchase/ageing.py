"""Ageing of what the plant owes (应付账龄): each supplier's open debts by days past their due date."""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from addons.purchase.models.payable import ZERO, PayableEntry
from addons.purchase.models.supplier import Supplier

BUCKETS = ((0, 30), (31, 60), (61, 90), (91, None))


@dataclass
class Row:
    supplier: Supplier
    not_due: Decimal = ZERO
    buckets: list = field(default_factory=lambda: [ZERO] * len(BUCKETS))
    advance: Decimal = ZERO                  # paid ahead of any debt (a credit not yet matched)

    @property
    def total(self) -> Decimal:
        return self.not_due + sum(self.buckets, ZERO) + self.advance


def ageing(plant_id, day: datetime.date) -> list[Row]:
    """One row per supplier with anything open on `day`, by code; sums in Python over the open entries only."""
    rows: dict[int, Row] = {}
    query = (PayableEntry.select(PayableEntry, Supplier).join(Supplier)
             .where((PayableEntry.plant == plant_id) & (PayableEntry.open_amount != 0)))
    for entry in query:
        row = rows.setdefault(entry.supplier_id, Row(entry.supplier))
        if entry.open_amount < 0:
            row.advance += entry.open_amount
            continue
        late = (day - (entry.due_date or entry.date)).days
        if late < 0:
            row.not_due += entry.open_amount
            continue
        for n, (low, high) in enumerate(BUCKETS):
            if late >= low and (high is None or late <= high):
                row.buckets[n] += entry.open_amount
                break
    return sorted(rows.values(), key=lambda r: r.supplier.code)
