"""Monthly sales by product and by salesperson over 1,000,000 order lines: through the statistics
addon (`statistics.monthly_query_1m_s`) and as the same GROUP BY over the lines in raw SQL
(`statistics.monthly_query_1m_raw_sql_s`).

The addon reads its daily summary, which the services keep up to date as orders change. The lines here
are bulk-inserted behind the services' back, so the summary is built in full first, as the nightly job
or the first read after an import would; that one-off cost is printed too (`statistics.summary_rebuild_1m_s`),
and so is the cost of bringing one changed day up to date (`statistics.refresh_day_ms`)."""
import datetime
import os
import random
import tempfile
import time

N_LINES = int(os.environ.get("BENCH_STAT_LINES", 1_000_000))
LINES_PER_ORDER = 5

LINE_SQL = ("INSERT INTO sales_order_line (order_id, seq, product_id, quantity, expected_weight, unit_price, list_price,"
            " floor_price, amount, price_status, delivered_quantity, delivered_weight, remarks) VALUES ("
            + ", ".join(["{p}"] * 13) + ")")
RAW = {
    "product": """SELECT SUBSTR(CAST(o.delivery_date AS text), 1, 7), l.product_id, SUM(l.amount),
                         SUM(l.expected_weight), SUM(l.quantity)
                  FROM sales_order_line l JOIN sales_order_order o ON o.id = l.order_id
                  WHERE o.plant_id = {p} AND o.state IN ('approved', 'completed') AND o.delivery_date BETWEEN {p} AND {p}
                  GROUP BY 1, 2""",
    "salesperson": """SELECT SUBSTR(CAST(o.delivery_date AS text), 1, 7), o.salesperson_id, SUM(l.amount),
                             SUM(l.expected_weight), SUM(l.quantity)
                      FROM sales_order_line l JOIN sales_order_order o ON o.id = l.order_id
                      WHERE o.plant_id = {p} AND o.state IN ('approved', 'completed') AND o.delivery_date BETWEEN {p} AND {p}
                      GROUP BY 1, 2""",
}


def _fill(app):
    from bench.bench_sales_order import _setup
    from core.db import db, transaction
    from core.models import User
    from core.security import hash_password
    plant_id, manager_id, customers, products = _setup(app)
    rng = random.Random(3)
    with app.app_context():
        people = [manager_id] + [User.create(login=f"bench-sales-{n}", name=f"Sales {n}",
                                             password_hash=hash_password("bench-password")).id for n in range(9)]
        p = db.obj.param
        first = datetime.date(2025, 1, 1)
        n_orders = N_LINES // LINES_PER_ORDER
        now = datetime.datetime.utcnow()
        with transaction():
            cursor = db.obj.cursor()
            cursor.executemany(
                f"INSERT INTO sales_order_order (id, plant_id, number, kind, channel, customer_id, salesperson_id, "
                f"delivery_date, self_pickup, delivery_address, state, amount, weight, credit_over, credit_reason, remarks, "
                f"created_at) VALUES ({', '.join([p] * 17)})",
                [(k + 1, plant_id, f"SO-S-{k:07d}", "order", "phone", rng.choice(customers), rng.choice(people),
                  first + datetime.timedelta(days=rng.randrange(730)), False, "", rng.choice(["approved", "completed",
                                                                                             "approved", "draft"]),
                  0, 0, 0, "", "", now) for k in range(n_orders)])
            batch = []
            for k in range(n_orders):
                for s in range(LINES_PER_ORDER):
                    qty = rng.randint(1, 40)
                    batch.append((k + 1, s + 1, rng.choice(products), qty * 1000, qty * 12500, 268000, 268000, 250000,
                                  rng.randint(1000, 9_999_999), "ok", 0, 0, ""))
                if len(batch) >= 50_000:
                    cursor.executemany(
                        LINE_SQL.format(p=p),
                        batch)
                    batch = []
            if batch:
                cursor.executemany(
                    LINE_SQL.format(p=p),
                    batch)
        db.execute_sql("ANALYZE")
        if db.obj.__class__.__name__.startswith("Sqlite"):
            # a database in steady state: the bulk load checkpointed out of the write-ahead log
            db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return plant_id


def _measure(url, suffix=""):
    from bench.bench_masterdata import _app
    from addons.statistics.sales import figures
    from addons.statistics.summary import mark, rebuild, refresh
    from core.db import db, transaction
    app = _app(url)
    plant_id = _fill(app)
    first, last = datetime.date(2025, 1, 1), datetime.date(2026, 12, 31)
    with app.app_context():
        start = time.perf_counter()
        rebuild(plant_id)
        rebuilt = time.perf_counter() - start
        with transaction():
            mark(plant_id, [datetime.date(2026, 3, 2)])
        start = time.perf_counter()
        refresh(plant_id)
        one_day = time.perf_counter() - start
        for _warm in range(2):
            figures(plant_id, first, last, "month", "product")
        start = time.perf_counter()
        by_product = figures(plant_id, first, last, "month", "product")
        by_person = figures(plant_id, first, last, "month", "salesperson")
        ours = time.perf_counter() - start
        param = db.obj.param
        start = time.perf_counter()
        raw = [db.execute_sql(sql.format(p=param), (plant_id, first, last)).fetchall() for sql in RAW.values()]
        theirs = time.perf_counter() - start
        assert len(raw[0]) == len(by_product) and len(raw[1]) == len(by_person)
        app.extensions["erp"].database.close()
    print(f"bench: statistics.monthly_query_1m{suffix}_s: {ours:.2f} s", flush=True)
    print(f"bench: statistics.monthly_query_1m_raw_sql{suffix}_s: {theirs:.2f} s", flush=True)
    print(f"bench: statistics.summary_rebuild_1m{suffix}_s: {rebuilt:.2f} s", flush=True)
    print(f"bench: statistics.refresh_day{suffix}_ms: {one_day * 1000:.1f} ms", flush=True)


def main():
    from bench.bench_masterdata import _pg_reachable, scratch_pg
    folder = tempfile.mkdtemp(prefix="erp-bench-stat-")
    _measure(f"sqlite:///{os.path.join(folder, 'stat.sqlite3')}")
    if _pg_reachable():
        with scratch_pg("erp_bench_stat") as url:
            _measure(url, "_pg")


if __name__ == "__main__":
    main()
