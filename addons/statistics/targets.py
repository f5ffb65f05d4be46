"""Monthly sales targets per salesperson: saved in one transaction, audited."""
from __future__ import annotations

from addons.statistics.models.target import SalesTarget
from core import audit
from core.db import bulk_upsert, transaction


def save(plant, month: str, amounts: dict) -> None:
    """`amounts`: salesperson (user id) -> the month's target; people left out keep theirs."""
    rows = [{"plant": plant.id, "salesperson": person, "period": month, "amount": amount}
            for person, amount in amounts.items()]
    with transaction():
        bulk_upsert(SalesTarget, rows, conflict=["plant", "period", "salesperson"], update=["amount"])
        audit.log("targets", SalesTarget._meta.table_name, None, plant=plant.id,
                  new={"month": month, "targets": {str(k): v for k, v in amounts.items()}})
