"""Traceability on 1,000,000 stock moves: the recall list of one lot (`stock.trace_lot_ms`), the stock levels
page (`stock.levels_ms`) and the exit record of one day (`stock.exit_record_day_ms`), each the whole page a
logged-in manager waits for, on SQLite and PostgreSQL. Beside each, the floor: the page's one query alone.

5,000 lots over two years, 20 products, 2,000 customers; every lot produced into the cold store, its goods
sold in batches: 50,000 production moves and 950,000 sale moves, each sale with its line of the exit record.
Rows are written straight with the driver: the benchmark measures the reading, not the loading."""
import datetime
import os
import random
import re
import tempfile
import time

N_LOTS, N_PRODUCTS, N_CUSTOMERS, N_MOVES = 5_000, 20, 2_000, int(os.environ.get("BENCH_STOCK_MOVES", 1_000_000))
FIRST = datetime.date(2025, 1, 1)
PASSWORD = "bench-password"


def _masters(app):
    from addons.master_data.models.customer import Customer
    from addons.master_data.models.product import Product
    from addons.master_data.models.unit import Unit
    from addons.stock.models.lot import Lot
    from addons.stock.models.warehouse import Warehouse
    from core import plants
    from core.models import Company, Plant
    from core.users import create_user
    with app.app_context():
        plant = Plant.create(company=Company.create(name="Bench"), code="B", name="Bench")
        for name in ("stock_dispatch",):
            plants.enable(app.extensions["erp"].registry, plant, name)
        create_user("bench-manager", "Bench manager", PASSWORD, roles=["manager"], plants=["B"], lang="en")
        piece = Unit.create(code="piece", name="piece", kind="count", kg_factor=0)
        Product.insert_many([{"plant": plant.id, "code": f"P{n:03d}", "name": f"Product {n}", "selling_unit": piece.id,
                              "pricing_unit": piece.id, "catch_weight": True} for n in range(N_PRODUCTS)]).execute()
        Customer.insert_many([{"plant": plant.id, "code": f"C{n:05d}", "name": f"Customer {n}", "phone": f"139{n:08d}"}
                              for n in range(N_CUSTOMERS)]).execute()
        stores = [Warehouse.create(plant=plant, code=c, name=c, kind=k).id for c, k in (("CS", "cold"), ("DA", "dispatch"))]
        rows = [{"plant": plant.id, "number": f"L{n:06d}", "day": FIRST + datetime.timedelta(days=n * 730 // N_LOTS),
                 "shelf_life_days": 7, "expires_on": FIRST + datetime.timedelta(days=n * 730 // N_LOTS + 7),
                 "quarantine_cert": f"Q{n}", "quality_cert": f"M{n}", "asf_report": f"A{n}"} for n in range(N_LOTS)]
        for start in range(0, N_LOTS, 1000):
            Lot.insert_many(rows[start:start + 1000]).execute()
        return (plant.id, stores, [p for (p,) in Product.select(Product.id).order_by(Product.id).tuples()],
                [c for (c,) in Customer.select(Customer.id).order_by(Customer.id).tuples()],
                [(lot.id, lot.number, lot.day) for lot in Lot.select().order_by(Lot.id)])


def _fill(app):
    from core.db import db, transaction
    plant_id, stores, products, customers, lots = _masters(app)
    rng = random.Random(11)
    p = db.obj.param
    move_sql = (f"INSERT INTO stock_move (plant_id, day, at, kind, warehouse_id, product_id, lot_id, quantity, weight, "
                f"reference, source_model, source_id, reason) VALUES ({', '.join([p] * 13)})")
    exit_sql = (f"INSERT INTO stock_dispatch_exit_record (plant_id, day, shipped_at, note_id, note_number, batch_id, "
                f"customer_id, customer_code, customer_name, contact, phone, address, product_id, product_code, "
                f"product_name, lot_id, lot_number, quarantine_cert, quality_cert, asf_report, quantity, weight) "
                f"VALUES ({', '.join([p] * 22)})")
    per_lot_products = 10
    production = N_LOTS * per_lot_products
    sales_per_lot = (N_MOVES - production) // N_LOTS
    now = datetime.datetime(2026, 12, 1)
    with app.app_context(), transaction():
        cursor = db.obj.cursor()
        moves, exits, batch_id = [], [], 0
        for lot_id, number, day in lots:
            goods = rng.sample(products, per_lot_products)
            for product in goods:
                moves.append((plant_id, day, now, "production", stores[0], product, lot_id, 400_000, 5_000_000, number,
                              "", None, ""))
            for _ in range(sales_per_lot):
                batch_id += 1
                product, customer = rng.choice(goods), rng.choice(customers)
                ship_day = day + datetime.timedelta(days=rng.randrange(3))
                qty, kg = rng.randint(1, 4) * 1000, rng.randint(10_000, 60_000)
                note = f"DN-B-{batch_id // 4:07d}"
                moves.append((plant_id, ship_day, now, "sale", stores[0], product, lot_id, -qty, -kg, note,
                              "dispatch_shipment_batch", batch_id, ""))
                exits.append((plant_id, ship_day, now, batch_id // 4, note, batch_id, customer,
                              f"C{customer:05d}", f"Customer {customer}", "", "13900000000", "Shanghai", product,
                              f"P{product:03d}", f"Product {product}", lot_id, number, "Q", "M", "A", qty, kg))
            if len(moves) >= 50_000:
                cursor.executemany(move_sql, moves)
                cursor.executemany(exit_sql, exits)
                moves, exits = [], []
        if moves:
            cursor.executemany(move_sql, moves)
            cursor.executemany(exit_sql, exits)
        # the levels, as the postings would have kept them
        db.execute_sql("INSERT INTO stock_level (plant_id, warehouse_id, product_id, lot_id, lot_key, quantity, weight) "
                       "SELECT plant_id, warehouse_id, product_id, lot_id, lot_id, SUM(quantity), SUM(weight) "
                       "FROM stock_move GROUP BY plant_id, warehouse_id, product_id, lot_id")
    with app.app_context():
        db.execute_sql("ANALYZE")
        if db.obj.__class__.__name__.startswith("Sqlite"):
            db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        (count,) = db.execute_sql("SELECT COUNT(*) FROM stock_move").fetchone()
    return plant_id, lots, count


def _login(client):
    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token"(?: type="hidden")? value="([^"]+)"', page).group(1)
    answer = client.post("/login", data={"login": "bench-manager", "password": PASSWORD, "csrf_token": token})
    assert answer.status_code == 302, "the bench manager could not log in"


def _timed(client, url, runs=5) -> tuple[float, str]:
    client.get(url)                 # warm, as a working server is
    best, body = None, ""
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        elapsed = time.perf_counter() - start
        assert response.status_code == 200, (url, response.status_code)
        best = elapsed if best is None else min(best, elapsed)
        body = response.get_data(as_text=True)
    return best * 1000, body


def _query_ms(app, build, runs=5) -> float:
    from core.db import db
    with app.app_context():
        sql, params = build().sql()
        best = None
        for _ in range(runs + 1):
            start = time.perf_counter()
            db.execute_sql(sql, params).fetchall()
            elapsed = time.perf_counter() - start
            best = elapsed if best is None else min(best, elapsed)
        return best * 1000


def _measure(url, suffix):
    from addons.stock.models.level import StockLevel
    from addons.stock_dispatch.models.exit_record import ExitRecord
    from bench.bench_masterdata import _app
    app = _app(url)
    plant_id, lots, count = _fill(app)
    lot_id, number, day = lots[len(lots) // 2]
    client = app.test_client()
    _login(client)
    ms, page = _timed(client, f"/stock/lots/{lot_id}/recall")
    assert number in page and "recall-weight" in page
    floor = _query_ms(app, lambda: ExitRecord.select().where((ExitRecord.plant == plant_id) & (ExitRecord.lot == lot_id)))
    print(f"bench: stock.trace_lot_ms{suffix}: {ms:.0f} ms (its query alone {floor:.1f} ms; {count:,} moves)", flush=True)
    ms, page = _timed(client, "/stock/levels")
    floor = _query_ms(app, lambda: StockLevel.select().where(StockLevel.plant == plant_id).order_by(StockLevel.id).limit(51))
    print(f"bench: stock.levels_ms{suffix}: {ms:.0f} ms (a page of levels read alone {floor:.1f} ms)", flush=True)
    shipped = day + datetime.timedelta(days=1)
    ms, page = _timed(client, f"/stock/exit-record?first={shipped}&last={shipped}")
    rows = page.count("<tr>") - 2
    floor = _query_ms(app, lambda: ExitRecord.select().where((ExitRecord.plant == plant_id) & (ExitRecord.day == shipped)))
    print(f"bench: stock.exit_record_day_ms{suffix}: {ms:.0f} ms ({rows} lines; its query alone {floor:.1f} ms)",
          flush=True)
    with app.app_context():
        app.extensions["erp"].database.close()


def main():
    from bench.bench_masterdata import _pg_reachable, scratch_pg
    folder = tempfile.mkdtemp(prefix="erp-bench-stock-")
    _measure(f"sqlite:///{os.path.join(folder, 'stock.sqlite3')}", "")
    if _pg_reachable():
        with scratch_pg("erp_bench_stock") as url:
            _measure(url, "_pg")
    else:
        print("bench: stock.trace_lot_ms_pg: skipped (no PostgreSQL reachable)", flush=True)


if __name__ == "__main__":
    main()
