"""Accumulated cost (累计费用): approved commissions and approved expense reimbursements, per customer and
per salesperson."""
from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from peewee import fn

from addons.crm.models.commission import CommissionApplication
from addons.crm.models.expense import Reimbursement
from core.fields import summed

COUNTED = ("approved", "paid")


def _sums(model, key, plant_id, where=None):
    query = (model.select(getattr(model, key), fn.SUM(model.amount))
             .where((model.plant == plant_id) & model.state.in_(COUNTED)).group_by(getattr(model, key)))
    if where is not None:
        query = query.where(where)
    return {k: summed(v, 2) for k, v in query.tuples() if k is not None}


def accumulated(plant_id, by: str, ids=None) -> dict[int, dict]:
    """{customer or salesperson id: {"commission", "expenses", "total"}}; `by` is "customer" or "salesperson"."""
    commission = _sums(CommissionApplication, by, plant_id,
                       getattr(CommissionApplication, by).in_(list(ids)) if ids is not None else None)
    expenses = _sums(Reimbursement, by, plant_id, getattr(Reimbursement, by).in_(list(ids)) if ids is not None else None)
    out = defaultdict(lambda: {"commission": Decimal("0.00"), "expenses": Decimal("0.00"), "total": Decimal("0.00")})
    for key, amount in commission.items():
        out[key]["commission"] += amount
    for key, amount in expenses.items():
        out[key]["expenses"] += amount
    for row in out.values():
        row["total"] = row["commission"] + row["expenses"]
    return dict(out)
