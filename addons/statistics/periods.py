"""Keeping the daily sales summary added up by month and by year (models/daily_sales.py: PeriodSales), and
reading a range of days through it (core/periods.py chooses the pieces).

The summary of a day is only ever replaced whole (summary.py deletes a stale day's rows and computes them
again): what a day held is taken off its month and year before, and what it holds now is added after, in the
same transaction and under the same per-plant lock. So the totals follow the days without being computed
again from them; `rebuild` computes them from the days after the days were rebuilt.
"""
from __future__ import annotations

from peewee import EXCLUDED, SQL, Value, fn

from addons.statistics.models.daily_sales import DailySales, PeriodSales
from core.periods import period_of, signed, union_all

D, P = DailySales, PeriodSales
_SUMS = ("amount", "weight", "quantity", "orders")
_TARGET = [P.plant, P.period, P.basis, P.dimension, P.key_id, P.key_text, P.amount, P.weight, P.quantity, P.orders]
_KEY = [P.plant, P.basis, P.dimension, P.period, P.key_id, P.key_text]


def _keys():
    return fn.COALESCE(D.key_id, 0).alias("key_id"), fn.COALESCE(D.key_text, "").alias("key_text")


def _from_days(plant_id, days, width, sign):
    period = period_of(D.day, width)
    key_id, key_text = _keys()
    where = D.plant == plant_id
    if days is not None:
        where &= D.day.in_(days)
    return (D.select(Value(plant_id), period, D.basis, D.dimension, key_id, key_text,
                     *[signed(fn.SUM(getattr(D, name)), sign) for name in _SUMS])
            .where(where).group_by(D.basis, D.dimension, period, key_id, key_text))


def shift(plant_id, days, sign) -> None:
    """Add (sign 1) or take off (-1) the summary rows of `days` to and from their months and years."""
    for width in (7, 4):
        (P.insert_from(_from_days(plant_id, days, width, sign), _TARGET)
         .on_conflict(conflict_target=_KEY,
                      update={getattr(P, name): getattr(P, name) + getattr(EXCLUDED, name) for name in _SUMS})
         .execute())


def purge(plant_id, days) -> None:
    """Drop the rows left at nothing in the months and years of `days` (a customer who no longer bought)."""
    periods = sorted({d.isoformat()[:7] for d in days} | {d.isoformat()[:4] for d in days})
    (P.delete().where((P.plant == plant_id) & P.period.in_(periods) & (P.amount == 0) & (P.weight == 0)
                      & (P.quantity == 0) & (P.orders == 0)).execute())


def rebuild(plant_id) -> None:
    """Every month and year of the plant from its daily rows."""
    P.delete().where(P.plant == plant_id).execute()
    P.insert_from(_from_days(plant_id, None, 7, 1), _TARGET).execute()
    year = period_of(P.period, 4)
    P.insert_from(P.select(P.plant, year, P.basis, P.dimension, P.key_id, P.key_text,
                           *[fn.SUM(getattr(P, name)) for name in _SUMS])
                  .where(P.plant == plant_id)
                  .group_by(P.plant, year, P.basis, P.dimension, P.key_id, P.key_text), _TARGET).execute()


def _signed(model, sign):
    return [signed(getattr(model, name), sign).alias(name) for name in _SUMS]


def signed_rows(plant_id, basis, dimension, parts):
    """A query of (key_id, key_text, amount, weight, quantity, orders) rows whose sums by key are the figures of
    the pieces `parts` of a range (core.periods.pieces): stored months and years, and runs of days, each added or
    taken away. Keys: 0 and "" for none."""
    selects = []
    for piece in parts:
        sign = piece.sign
        if piece.period:
            selects.append(P.select(P.key_id, P.key_text, *_signed(P, sign))
                           .where((P.plant == plant_id) & (P.basis == basis) & (P.dimension == dimension)
                                  & (P.period == piece.period)))
        else:
            selects.append(D.select(*_keys(), *_signed(D, sign))
                           .where((D.plant == plant_id) & (D.basis == basis) & (D.dimension == dimension)
                                  & D.day.between(piece.first, piece.last)))
    if not selects:
        selects.append(P.select(P.key_id, P.key_text, *_signed(P, 1)).where(SQL("1 = 0")))
    return union_all(selects)
