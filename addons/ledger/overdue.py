"""Credit by age (账龄控制): what a customer owes past its due date, as of the plant's day, and whether the
plant's rules block new orders for it. Read in the database: the open-items index holds every column."""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from peewee import Case, fn

from addons.ledger.models.entry import ZERO, AccountEntry
from addons.ledger.models.settings import LedgerSettings
from core.db import instances, run_composed
from core.fields import summed


@dataclass
class Overdue:
    amount: Decimal        # open debits past due
    count: int             # how many open debits are past due
    late_amount: Decimal   # open debits past due by more than the plant's days (0 when that rule is off)
    oldest_days: int       # days past due of the oldest open debit


def rules_of(plant_id) -> LedgerSettings:
    """The plant's age rules (every credit check reads them: a select composed once)."""
    found = instances(LedgerSettings, run_composed("ledger.rules_of", lambda p: LedgerSettings.select().where(
        LedgerSettings.plant == p), plant_id))
    return found[0] if found else LedgerSettings(plant=plant_id)


def overdue(customer, today: datetime.date, late_days: int = 0) -> Overdue:
    due = fn.COALESCE(AccountEntry.due_date, AccountEntry.date)
    late_edge = today - datetime.timedelta(days=late_days)
    amount, count, late, oldest = (AccountEntry.select(
        fn.SUM(AccountEntry.open_amount), fn.COUNT(AccountEntry.id),
        fn.SUM(Case(None, [(due < late_edge, AccountEntry.open_amount)], 0)), fn.MIN(due))
        .where((AccountEntry.plant == customer.plant_id) & (AccountEntry.customer == customer.id)
               & (AccountEntry.open_amount > 0) & (due < today)).tuples().first())
    if isinstance(oldest, str):        # SQLite hands back a date as text
        oldest = datetime.date.fromisoformat(oldest)
    return Overdue(summed(amount, 2) if amount else ZERO, count or 0,
                   summed(late, 2) if late_days and late else ZERO, (today - oldest).days if oldest else 0)
