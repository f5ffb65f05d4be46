"""The ageing query alone (`ledger.ageing_query_1m_s`: balances and buckets of 5,000 customers over 1,000,000
entries, no page around it; the page is timed in bench_web.py), on SQLite and PostgreSQL."""
import datetime
import os
import random
import tempfile
import time

N_CUSTOMERS, N_ENTRIES = 5_000, 1_000_000


def _fill(app):
    """Entries written straight with the driver: the benchmark measures the report, not the loading."""
    from addons.ledger.models.entry import AccountEntry
    from addons.master_data.models.customer import Customer
    from core.db import db, transaction
    from core.models import Company, Plant
    rng = random.Random(7)
    with app.app_context():
        plant = Plant.create(company=Company.create(name="Bench"), code="B", name="Bench")
        for start in range(0, N_CUSTOMERS, 1000):
            Customer.insert_many([{"plant": plant.id, "code": f"C{n:05d}", "name": f"C{n}", "payment_days": 30}
                                  for n in range(start, min(start + 1000, N_CUSTOMERS))]).execute()
        ids = [c for (c,) in Customer.select(Customer.id).tuples()]
        first = datetime.date(2024, 1, 1)
        param = db.obj.param
        cols = "plant_id, customer_id, date, due_date, kind, amount, open_amount, invoiced_amount, reference, " \
               "source_model, memo, auto_match, created_at"
        sql = f"INSERT INTO ledger_account_entry ({cols}) VALUES ({', '.join([param] * 13)})"
        now = datetime.datetime.utcnow()
        with transaction():
            cursor = db.obj.cursor()
            batch = []
            for n in range(N_ENTRIES):
                day = first + datetime.timedelta(days=rng.randrange(700))
                if rng.random() < 0.6:   # shipment, about a third still open
                    amount = rng.randrange(100, 5_000_000)
                    open_amount = amount if rng.random() < 0.35 else 0
                    batch.append((plant.id, rng.choice(ids), day, day + datetime.timedelta(days=30), "shipment",
                                  amount, open_amount, 0, "", "", "", True, now))
                else:                    # receipt, a few left as advances
                    amount = -rng.randrange(100, 5_000_000)
                    open_amount = amount if rng.random() < 0.05 else 0
                    batch.append((plant.id, rng.choice(ids), day, None, "receipt", amount, open_amount, 0, "", "",
                                  "", True, now))
                if len(batch) == 20_000:
                    cursor.executemany(sql, batch)
                    batch = []
            if batch:
                cursor.executemany(sql, batch)
        AccountEntry.select().count()
        return plant.id


def _measure(url, name):
    from bench.bench_masterdata import _app
    from addons.ledger.ageing import ageing
    app = _app(url)
    plant_id = _fill(app)
    with app.app_context():
        ageing(plant_id, datetime.date(2025, 12, 31))  # warm the cache, as a report server would be
        start = time.perf_counter()
        rows = ageing(plant_id, datetime.date(2025, 12, 31))
        elapsed = time.perf_counter() - start
        app.extensions["erp"].database.close()
    assert len(rows) == N_CUSTOMERS
    print(f"bench: {name}: {elapsed:.2f} s", flush=True)


def main():
    from bench.bench_masterdata import _pg_reachable, scratch_pg
    folder = tempfile.mkdtemp(prefix="erp-bench-ledger-")
    _measure(f"sqlite:///{os.path.join(folder, 'ledger.sqlite3')}", "ledger.ageing_query_1m_s")
    if _pg_reachable():
        with scratch_pg("erp_bench_ledger") as url:
            _measure(url, "ledger.ageing_query_1m_pg_s")
    else:
        print("bench: ledger.ageing_query_1m_pg_s: skipped (no PostgreSQL reachable)", flush=True)


if __name__ == "__main__":
    main()
