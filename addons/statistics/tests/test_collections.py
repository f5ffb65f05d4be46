"""Collections: what was received each month and the customers who paid most, over any range, read through the
months and years the ledger keeps, always what the receipts themselves say."""
import datetime
import random
from collections import defaultdict
from decimal import Decimal as D

from addons.ledger.models.entry import AccountEntry
from addons.ledger.receipts import record_receipt
from addons.master_data.models.customer import Customer
from addons.statistics import collections_stats
from core.context import acting_as


def _truth(plant, first, last):
    months, payers = defaultdict(lambda: [D("0.00"), 0]), defaultdict(lambda: D("0.00"))
    for e in AccountEntry.select().where((AccountEntry.plant == plant.id) & (AccountEntry.kind == "receipt")
                                         & AccountEntry.date.between(first, last)):
        months[e.date.isoformat()[:7]][0] -= e.amount
        months[e.date.isoformat()[:7]][1] += 1
        payers[e.customer_id] -= e.amount
    return ([{"month": m, "amount": a, "count": n} for m, (a, n) in sorted(months.items())],
            sorted(payers.items(), key=lambda kv: (-kv[1], kv[0])))


def test_received_by_month_and_the_top_payers_over_any_range(ctx, demo):
    p1 = demo["P1"]
    rng = random.Random(5)
    customers = list(Customer.select().where(Customer.plant == p1))
    with acting_as(None, p1):
        for _n in range(60):
            day = datetime.date(2025, 10, 1) + datetime.timedelta(days=rng.randrange(500))
            record_receipt(rng.choice(customers), str(rng.randrange(1, 90000)), plant=p1, date=day)
    ranges = [(datetime.date(2026, 1, 1), datetime.date(2026, 12, 5)),     # a year less a month, plus days
              (datetime.date(2025, 11, 14), datetime.date(2026, 2, 3)), (datetime.date(2026, 3, 1), datetime.date(2026, 3, 31)),
              (datetime.date(2026, 5, 9), datetime.date(2026, 5, 20)), (datetime.date(2024, 1, 1), datetime.date(2027, 6, 1))]
    for first, last in ranges:
        months, payers = _truth(p1, first, last)
        assert collections_stats.by_month(p1.id, first, last) == months, (first, last)
        top = collections_stats.top_payers(p1.id, first, last, top=3)
        assert [(r["customer_id"], r["amount"]) for r in top] == payers[:3], (first, last)
        # read as the year less the days after "today" (receipts dated after it included, and taken away)
        assert collections_stats.top_payers(p1.id, first, last, top=3, today=last) == top, (first, last)
    assert len(collections_stats.by_month(p1.id, datetime.date(2024, 1, 1), datetime.date(2027, 6, 1))) > 10
