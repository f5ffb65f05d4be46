"""Profit by product and month over 1,000,000 costed sales lines (`purchase.profit_query_1m_s`): the report a
manager asks for (the profit page's computation: one GROUP BY, the products' names, margins), beside the floor,
a raw SQL GROUP BY of the same sums over the same lines, and the ratio of the two read from one run; then the
whole page with its ~4,800 rows (`purchase.profit_page_1m_s`). SQLite, and PostgreSQL when reachable.

200 products, 2,000 customers, 24 months; rows are written straight with the driver: the benchmark measures
the reading, not the loading."""
import datetime
import os
import random
import tempfile
import time

N_LINES = int(os.environ.get("BENCH_PROFIT_LINES", 1_000_000))
N_PRODUCTS, N_CUSTOMERS = 200, 2_000
FIRST = datetime.date(2025, 1, 1)
DAYS = 730


def _fill(app):
    from addons.master_data.models.customer import Customer
    from addons.master_data.models.product import Product
    from addons.master_data.models.unit import Unit
    from bench.bench_stock import PASSWORD
    from core import plants
    from core.db import db, transaction
    from core.models import Company, Plant
    from core.users import create_user
    with app.app_context():
        plant = Plant.create(company=Company.create(name="Bench"), code="B", name="Bench")
        plants.enable(app.extensions["erp"].registry, plant, "stock_dispatch")
        create_user("bench-manager", "Bench manager", PASSWORD, roles=["manager"], plants=["B"], lang="en")
        kg = Unit.create(code="kg", name="kg", kind="weight", kg_factor=1)
        Product.insert_many([{"plant": plant.id, "code": f"P{n:03d}", "name": f"Product {n}", "selling_unit": kg.id,
                              "pricing_unit": kg.id} for n in range(N_PRODUCTS)]).execute()
        Customer.insert_many([{"plant": plant.id, "code": f"C{n:05d}", "name": f"Customer {n}"}
                              for n in range(N_CUSTOMERS)]).execute()
        products = [p for (p,) in Product.select(Product.id).tuples()]
        customers = [c for (c,) in Customer.select(Customer.id).tuples()]
        plant_id = plant.id
    rng = random.Random(5)
    p = db.obj.param
    sql = (f"INSERT INTO stock_dispatch_sale_cost (plant_id, day, month, note_id, line_id, product_id, customer_id, "
           f"salesperson_id, region_id, quantity, weight, amount, cost) VALUES ({', '.join([p] * 13)})")
    with app.app_context(), transaction():
        cursor = db.obj.cursor()
        rows = []
        for n in range(N_LINES):
            day = FIRST + datetime.timedelta(days=n * DAYS // N_LINES)
            kg = rng.randint(5_000, 500_000)                      # grams
            amount = kg * rng.randint(18, 40) // 1000 * 100 // 100  # fen
            rows.append((plant_id, day, day.year * 100 + day.month, n // 4, n, rng.choice(products),
                         rng.choice(customers), None, None, rng.randint(1, 20) * 1000, kg, amount,
                         amount * rng.randint(70, 95) // 100))
            if len(rows) >= 50_000:
                cursor.executemany(sql, rows)
                rows = []
        if rows:
            cursor.executemany(sql, rows)
    with app.app_context():
        db.execute_sql("ANALYZE")
    return plant_id


def _best(run, times=5) -> float:
    run()                               # warm, as a working server is
    best = None
    for _ in range(times):
        start = time.perf_counter()
        run()
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    return best


def _measure(url, suffix):
    from addons.stock_dispatch.profit import report
    from bench.bench_masterdata import _app
    from bench.bench_stock import _login, _timed
    from core.db import db
    app = _app(url)
    plant_id = _fill(app)
    last = FIRST + datetime.timedelta(days=DAYS - 1)
    with app.app_context():
        rows, total = report(plant_id, "product_month", FIRST, last)
        ours = _best(lambda: report(plant_id, "product_month", FIRST, last))
        p = db.obj.param
        floor_sql = (f"SELECT product_id, month, SUM(quantity), SUM(weight), SUM(amount), SUM(cost) "
                     f"FROM stock_dispatch_sale_cost WHERE plant_id = {p} AND day >= {p} AND day <= {p} "
                     f"GROUP BY product_id, month")
        floor = _best(lambda: db.execute_sql(floor_sql, (plant_id, FIRST, last)).fetchall())
        (count,) = db.execute_sql("SELECT COUNT(*) FROM stock_dispatch_sale_cost").fetchone()
    print(f"bench: purchase.profit_query_1m_s{suffix}: {ours:.2f} s (raw SQL GROUP BY {floor:.2f} s, ratio "
          f"{ours / floor:.2f}; {len(rows):,} product-months over {count:,} lines)", flush=True)
    client = app.test_client()
    _login(client)
    ms, page = _timed(client, f"/stock/profit?by=product_month&first={FIRST}&last={last}", runs=3)
    assert "profit-total" in page
    print(f"bench: purchase.profit_page_1m_s{suffix}: {ms / 1000:.2f} s (the whole page, {len(rows):,} rows)",
          flush=True)
    with app.app_context():
        app.extensions["erp"].database.close()


def main():
    from bench.bench_masterdata import _pg_reachable, scratch_pg
    folder = tempfile.mkdtemp(prefix="erp-bench-profit-")
    _measure(f"sqlite:///{os.path.join(folder, 'profit.sqlite3')}", "")
    if _pg_reachable():
        with scratch_pg("erp_bench_profit") as url:
            _measure(url, "_pg")
    else:
        print("bench: purchase.profit_query_1m_s_pg: skipped (no PostgreSQL reachable)", flush=True)


if __name__ == "__main__":
    main()
