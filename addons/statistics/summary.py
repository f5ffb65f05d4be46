"""Keeping the daily sales summary in step with the firm order lines (and its months and years: periods.py; the
customers' months: customer_months.py).

Writers only mark the delivery days they touched (one upsert, inside their own transaction); the
summary of a marked day is recomputed from its lines before the next figures are read, and every few
minutes by a job. So a business action pays almost nothing, and the figures are never stale.

Why the mark is an upsert that updates the row (not "do nothing"): on PostgreSQL it locks the mark
until the writer commits, so a refresh that would delete it waits, and then recomputes with the
writer's lines visible. A mark made after a refresh read the day simply stays for the next one.
"""
from __future__ import annotations


from flask_babel import lazy_gettext as _l
from peewee import SQL, Select, Value, fn

from addons.dispatch.models.line import DeliveryLine
from addons.dispatch.models.note import DeliveryNote
from addons.sales_order.models.line import OrderLine
from addons.sales_order.models.order import FIRM, Order
from addons.statistics import customer_months, periods
from addons.statistics.models.daily_sales import SOURCES, DailySales, StaleDay, SummaryState
from core import clock
from core.db import bulk_upsert, db, is_sqlite, lock, run_composed, transaction
from core.messages import Outcome

_CHUNK = 400
_LOCK_CLASS = 7301   # the advisory lock space of the sales summary
_KEYS = {"salesperson": (Order.salesperson, None), "customer": (Order.customer, None),
         "product": (OrderLine.product, None), "channel": (None, Order.channel)}
_TARGET = [DailySales.plant, DailySales.day, DailySales.basis, DailySales.dimension, DailySales.key_id,
           DailySales.key_text, DailySales.amount, DailySales.weight, DailySales.quantity, DailySales.orders]
SHIPPED = ("shipped", "received")


def _now():
    return clock.utcnow()


def mark(plant_id, days) -> None:
    """Note that the firm orders of `days` changed; call inside the transaction that changed them."""
    days = sorted({d for d in days if d is not None})
    if days:
        now = _now()
        bulk_upsert(StaleDay, [{"plant": plant_id, "day": d, "marked_at": now} for d in days],
                    conflict=["plant", "day"], update=["marked_at"])


def _summarise(plant_id, days=None) -> None:
    """Insert the summary rows of `days` (all days when None), one GROUP BY a dimension and basis: firm order
    lines at their estimate by delivery day, and shipped delivery lines at their billed amount by ship date."""
    ordered = (Order.plant == plant_id) & Order.state.in_(FIRM)
    shipped = ((DeliveryNote.plant == plant_id) & DeliveryNote.state.in_(SHIPPED)
               & DeliveryNote.kind.in_(("delivery", "pickup")))
    if days is not None:
        ordered &= Order.delivery_date.in_(days)
        shipped &= DeliveryNote.shipped_on.in_(days)
    for dimension in SOURCES:
        key_id, key_text = _KEYS[dimension]
        key = key_id if key_id is not None else key_text
        keys = (key_id if key_id is not None else SQL("NULL"), key_text if key_text is not None else SQL("NULL"))
        query = (OrderLine.select(Value(plant_id), Order.delivery_date, Value("ordered"), Value(dimension), *keys,
                                  fn.SUM(OrderLine.amount), fn.SUM(OrderLine.expected_weight), fn.SUM(OrderLine.quantity),
                                  fn.COUNT(Order.id.distinct()))
                 .join(Order).where(ordered).group_by(Order.delivery_date, key))
        DailySales.insert_from(query, _TARGET).execute()
        # the shipped line's own product; the order gives the salesperson and channel, the note the customer
        shipped_keys = {"product": DeliveryLine.product, "customer": DeliveryNote.customer}
        ship_key = shipped_keys.get(dimension, key)
        keys = (ship_key if key_id is not None else SQL("NULL"), key_text if key_text is not None else SQL("NULL"))
        query = (DeliveryLine.select(Value(plant_id), DeliveryNote.shipped_on, Value("shipped"), Value(dimension), *keys,
                                     fn.SUM(DeliveryLine.amount), fn.SUM(DeliveryLine.shipped_weight),
                                     fn.SUM(DeliveryLine.shipped_quantity), fn.COUNT(DeliveryNote.id.distinct()))
                 .join(DeliveryNote).switch(DeliveryLine).join(OrderLine).join(Order)
                 .where(shipped).group_by(DeliveryNote.shipped_on, ship_key))
        DailySales.insert_from(query, _TARGET).execute()


def _serialise(plant_id) -> None:
    """One summary writer per plant at a time. SQLite's write transaction already is one; on PostgreSQL a
    lock held to the end of the transaction (a plant row lock would also block the plant's other work)."""
    if not is_sqlite():
        db.execute_sql("SELECT pg_advisory_xact_lock(%s, %s)", (_LOCK_CLASS, plant_id))


def rebuild(plant_id) -> int:
    """Recompute a plant's whole summary from its order lines; returns the summary rows written."""
    with transaction():
        _serialise(plant_id)
        StaleDay.delete().where(StaleDay.plant == plant_id).execute()
        DailySales.delete().where(DailySales.plant == plant_id).execute()
        _summarise(plant_id)
        periods.rebuild(plant_id)
        customer_months.rebuild(plant_id)
        SummaryState.delete().where(SummaryState.plant == plant_id).execute()
        SummaryState.create(plant=plant_id, built_at=_now())
        return DailySales.select().where(DailySales.plant == plant_id).count()


def _buyers(plant_id, days) -> set:
    """The customers with firm orders on `days` as the summary has them (every firm order has a line)."""
    return {c for (c,) in DailySales.select(DailySales.key_id).where(
        (DailySales.plant == plant_id) & (DailySales.basis == "ordered") & (DailySales.dimension == "customer")
        & DailySales.day.in_(days)).tuples()}


def _recompute(plant_id) -> int:
    _serialise(plant_id)
    days = [d for (d,) in lock(StaleDay.select(StaleDay.day).where(StaleDay.plant == plant_id)).tuples()]
    for start in range(0, len(days), _CHUNK):
        chunk = days[start:start + _CHUNK]
        StaleDay.delete().where((StaleDay.plant == plant_id) & StaleDay.day.in_(chunk)).execute()
        periods.shift(plant_id, chunk, -1)     # what the days held comes off their months and years
        buyers = _buyers(plant_id, chunk)
        DailySales.delete().where((DailySales.plant == plant_id) & DailySales.day.in_(chunk)).execute()
        _summarise(plant_id, chunk)
        periods.shift(plant_id, chunk, 1)
        periods.purge(plant_id, chunk)
        customer_months.refresh(plant_id, buyers | _buyers(plant_id, chunk), chunk)
    return len(days)


def refresh(plant_id) -> int:
    """Bring a plant's summary up to date (built in full the first time); returns the days recomputed.
    Costs one statement of two indexed lookups when there is nothing to do (each page of figures asks)."""
    built, stale = run_composed("statistics.summary_state", lambda p: Select(columns=[
        fn.EXISTS(SummaryState.select(SQL("1")).where(SummaryState.plant == p)),
        fn.EXISTS(StaleDay.select(SQL("1")).where(StaleDay.plant == p))]).bind(db), plant_id).fetchone()
    if built and not stale:
        return 0
    with transaction():
        if built:
            return _recompute(plant_id)
        _serialise(plant_id)
        if SummaryState.select().where(SummaryState.plant == plant_id).exists():
            return _recompute(plant_id)     # another reader built it meanwhile
        rebuild(plant_id)
        return -1


def forget(plant_id) -> None:
    """The summary may have missed changes (statistics was off for the plant): build it again when next read."""
    SummaryState.delete().where(SummaryState.plant == plant_id).execute()


def refresh_job(plant) -> Outcome:
    return Outcome(_l("%(n)d days recomputed"), n=max(refresh(plant.id), 0))


def rebuild_job(plant) -> Outcome:
    return Outcome(_l("Summary rebuilt: %(n)d rows"), n=rebuild(plant.id))
