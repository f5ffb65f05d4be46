"""A range of days as few stored totals as possible: whole years and months (kept as totals by period) and
runs of days, each added or taken away.

Why take away: the figures people ask for most run from the first of the year to today. Added up, that is
every month so far and the days of this one (eleven months of rows per key in December); as the year's total
less the rest of this month's, less... it is one year, one month and a few days. The choice is made by a cost:
a stored period costs one, a day a quarter (a day holds far fewer keys than a month does), and a day after today
a fiftieth: it holds only what was booked ahead for it. So, given today, the year so far is the year less the
days after today, one piece of a few rows (a third fewer rows to add up than a year, less a month, and days).
"""
from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass

from peewee import SQL, Cast, fn

DAY_COST = 0.25
AHEAD_DAY_COST = 0.02
_ONE = datetime.timedelta(days=1)


@dataclass(frozen=True)
class Piece:
    sign: int                         # +1 added, -1 taken away
    period: str | None = None         # "2026" a year, "2026-03" a month
    first: datetime.date | None = None    # or a run of days, both ends included
    last: datetime.date | None = None

    def negated(self) -> "Piece":
        return Piece(-self.sign, self.period, self.first, self.last)


def cost(pieces, today: datetime.date | None = None) -> float:
    return sum(1 if p.period else _days_cost(p.first, p.last, today) for p in pieces)


def _days_cost(first, last, today) -> float:
    days = (last - first).days + 1
    if today is None or last <= today:
        return days * DAY_COST
    ahead = (last - max(first, today + _ONE)).days + 1
    return (days - ahead) * DAY_COST + ahead * AHEAD_DAY_COST


def pieces(first: datetime.date, last: datetime.date, today: datetime.date | None = None) -> list[Piece]:
    """[first, last] as signed pieces whose sum is exactly the days of the range; empty when last < first.
    `today`, the plant's, when given: the days after it cost little (they hold only what was booked ahead)."""
    out: list[Piece] = []
    if last < first:
        return out
    for year in range(first.year, last.year + 1):
        start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        a, b = max(first, start), min(last, end)
        candidates = [_within_year(a, b, today),
                      [Piece(1, f"{year}")] + [p.negated() for part in _outside(start, end, a, b)
                                               for p in _within_year(*part, today)]]
        if today is not None and today <= b < end:
            # the year, less what comes before the range, less the rest of the year (all ahead) as one run of days
            candidates.append([Piece(1, f"{year}")] + [p.negated() for part in _outside(start, end, a, end)
                                                       for p in _within_year(*part, today)]
                              + [Piece(-1, None, b + _ONE, end)])
        out += min(candidates, key=lambda c: cost(c, today))
    return out


def _outside(start, end, a, b) -> list[tuple[datetime.date, datetime.date]]:
    """The parts of [start, end] before a and after b."""
    return [part for part in ((start, a - _ONE), (b + _ONE, end)) if part[0] <= part[1]]


def _within_year(a, b, today=None) -> list[Piece]:
    out: list[Piece] = []
    month = datetime.date(a.year, a.month, 1)
    while month <= b:
        end = month.replace(day=calendar.monthrange(month.year, month.month)[1])
        out += _within_month(month, end, max(a, month), min(b, end), today)
        month = end + _ONE
    return out


def _within_month(start, end, a, b, today=None) -> list[Piece]:
    key = start.isoformat()[:7]
    if (a, b) == (start, end):
        return [Piece(1, key)]
    days = [Piece(1, None, a, b)]
    whole = [Piece(1, key)] + [Piece(-1, None, x, y) for x, y in _outside(start, end, a, b)]
    return min(days, whole, key=lambda c: cost(c, today))


def period_of(column, width: int):
    """A date column as its period's text, in SQL on both databases: width 10 the day, 7 the month ("2026-03"),
    4 the year. coerce(False): peewee would read "2026-03-01" back as a date."""
    return fn.SUBSTR(Cast(column, "text"), SQL("1"), SQL(str(width))).coerce(False)


def month_in_year(column):
    """A date column's month (1 to 12) as an integer, in SQL on both databases."""
    return Cast(fn.SUBSTR(Cast(column, "text"), SQL("6"), SQL("2")), "integer")


def signed(expression, sign: int):
    """`expression` added (1) or taken away (-1). The sign goes in as SQL: beside a money column peewee would
    pass a number through the column's db_value (×100)."""
    return expression * SQL(str(sign))


def union_all(parts):
    """The pieces' selects as one (UNION ALL), to be summed by key."""
    query = parts[0]
    for part in parts[1:]:
        query = query + part
    return query


def shaped(parts) -> tuple[tuple, list]:
    """Pieces as (shape, values) for a query composed once per shape (core.db.run_composed): the shape is each
    piece's sign and kind, the values its period or its first and last days, in order."""
    shape = tuple((p.sign, p.period is not None) for p in parts)
    return shape, [v for p in parts for v in ((p.period,) if p.period else (p.first, p.last))]


def unshaped(shape, values) -> list[Piece]:
    """The pieces of `shaped` again."""
    parts, at = [], 0
    for sign, stored in shape:
        if stored:
            parts.append(Piece(sign, values[at]))
            at += 1
        else:
            parts.append(Piece(sign, None, values[at], values[at + 1]))
            at += 2
    return parts
