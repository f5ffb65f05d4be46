"""A range of days read as stored months and years, and runs of days, each added or taken away: every day of
the range counted once and no other day at all, whatever the range."""
import datetime
import random
from collections import Counter

from core.periods import cost, pieces


def _days(piece_list) -> Counter:
    """Each day the pieces stand for, with how many times it is counted (a piece taken away counts -1)."""
    counted = Counter()
    for piece in piece_list:
        if piece.period:
            year = int(piece.period[:4])
            first = datetime.date(year, int(piece.period[5:7]) if len(piece.period) == 7 else 1, 1)
            if len(piece.period) == 7:
                last = (first + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
            else:
                last = datetime.date(year, 12, 31)
        else:
            first, last = piece.first, piece.last
        day = first
        while day <= last:
            counted[day] += piece.sign
            day += datetime.timedelta(days=1)
    return Counter({d: n for d, n in counted.items() if n})     # a day added and taken away: not counted


def _exactly(first, last) -> Counter:
    return Counter({first + datetime.timedelta(days=n): 1 for n in range((last - first).days + 1)})


def test_any_range_is_its_days_once():
    rng = random.Random(7)
    for _case in range(400):
        first = datetime.date(2023, 1, 1) + datetime.timedelta(days=rng.randrange(1400))
        last = first + datetime.timedelta(days=rng.choice([0, 1, 5, 27, 30, 31, 60, 200, 364, 365, 400, 800]))
        assert _days(pieces(first, last)) == _exactly(first, last), (first, last)
        today = first + datetime.timedelta(days=rng.randrange(-40, 900))     # before, inside or after the range
        assert _days(pieces(first, last, today)) == _exactly(first, last), (first, last, today)


def test_the_year_so_far_is_a_year_less_a_month_and_a_few_days():
    got = pieces(datetime.date(2026, 1, 1), datetime.date(2026, 12, 5))
    assert [(p.sign, p.period) for p in got if p.period] == [(1, "2026"), (-1, "2026-12")]
    assert [(p.sign, p.first, p.last) for p in got if not p.period] == [
        (1, datetime.date(2026, 12, 1), datetime.date(2026, 12, 5))]
    # whole months and years are read as such; a range inside a month is its days
    assert [p.period for p in pieces(datetime.date(2025, 1, 1), datetime.date(2026, 2, 28))] == [
        "2025", "2026-01", "2026-02"]
    assert [(p.first, p.last) for p in pieces(datetime.date(2026, 3, 3), datetime.date(2026, 3, 9))] == [
        (datetime.date(2026, 3, 3), datetime.date(2026, 3, 9))]
    assert cost(pieces(datetime.date(2026, 1, 1), datetime.date(2026, 12, 5))) < 12
    assert pieces(datetime.date(2026, 3, 9), datetime.date(2026, 3, 8)) == []


def test_given_today_the_year_so_far_is_the_year_less_the_days_ahead():
    """The days after today hold only what was booked ahead for them: the year less those days is two pieces,
    about a year's rows, where the year less its month plus days read about two months more."""
    december = pieces(datetime.date(2026, 1, 1), datetime.date(2026, 12, 5), today=datetime.date(2026, 12, 5))
    assert [(p.sign, p.period, p.first, p.last) for p in december] == [
        (1, "2026", None, None), (-1, None, datetime.date(2026, 12, 6), datetime.date(2026, 12, 31))]
    june = pieces(datetime.date(2026, 1, 1), datetime.date(2026, 6, 15), today=datetime.date(2026, 6, 15))
    assert [(p.sign, p.period, p.first, p.last) for p in june] == [
        (1, "2026", None, None), (-1, None, datetime.date(2026, 6, 16), datetime.date(2026, 12, 31))]
    # a range in the past is read as before: its days after it are full days, not days ahead
    past = pieces(datetime.date(2025, 1, 1), datetime.date(2025, 12, 5), today=datetime.date(2026, 12, 5))
    assert past == pieces(datetime.date(2025, 1, 1), datetime.date(2025, 12, 5))
    assert [(p.sign, p.period) for p in past if p.period] == [(1, "2025"), (-1, "2025-12")]
    # the first days of a month are still days, and a whole year still the year
    assert [(p.first, p.last) for p in pieces(datetime.date(2026, 12, 1), datetime.date(2026, 12, 5),
                                                 today=datetime.date(2026, 12, 5))] == [
        (datetime.date(2026, 12, 1), datetime.date(2026, 12, 5))]
    assert [p.period for p in pieces(datetime.date(2026, 1, 1), datetime.date(2026, 12, 31),
                                     today=datetime.date(2026, 12, 5))] == ["2026"]
