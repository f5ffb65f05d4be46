"""Importing 100,000 price rows, next to merely reading the same file (SQLite, and PostgreSQL if reachable)."""
import contextlib
import datetime
import os
import tempfile
import time
from decimal import Decimal

N = 100_000
PG_URL = os.environ.get("ERP_BENCH_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres")


def _workbook(path):
    from openpyxl import Workbook
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("价格")
    ws.append(["价格表", "客户编码", "产品编码", "单价", "最低价", "生效日期", "失效日期"])
    start = datetime.date(2000, 1, 1)
    for n in range(N):
        price = Decimal(1000 + n % 5000) / 100
        ws.append(["STD" if (n // 200) % 2 else "WHS", "", f"B{n % 200:03d}", price, price - 1,
                   start + datetime.timedelta(days=n // 400), None])
    wb.save(path)


def _app(url):
    from core.app import create_app
    from core.install import migrate
    app = create_app({"ERP_DATABASE_URL": url, "ERP_PASSWORD_METHOD": "pbkdf2:sha256:1000", "SECRET_KEY": "bench",
                      "ERP_ENTRY_POINTS": False})
    kernel = app.extensions["erp"]
    with app.app_context():
        if not url.startswith("sqlite"):
            kernel.database.execute_sql("DROP SCHEMA public CASCADE")     # one command a statement: each is prepared
            kernel.database.execute_sql("CREATE SCHEMA public")
        migrate(kernel.registry, kernel.database)
    return app


def _import_once(url, path, name):
    from addons.master_data.excel import PRICES
    from addons.master_data.models.price import PriceList
    from addons.master_data.models.product import Product
    from addons.master_data.models.unit import Unit
    from core.context import acting_as
    from core.excel.importer import run_import
    from core.models import Company, Plant
    app = _app(url)
    with app.app_context():
        plant = Plant.create(company=Company.create(name="Bench"), code="B", name="Bench")
        kg = Unit.create(code="kg", name="kg", kind="weight", kg_factor=Decimal(1))
        PriceList.insert_many([{"plant": plant.id, "code": c, "name": c} for c in ("STD", "WHS")]).execute()
        Product.insert_many([{"plant": plant.id, "code": f"B{n:03d}", "name": f"P{n}", "selling_unit": kg.id,
                              "pricing_unit": kg.id} for n in range(200)]).execute()
        with acting_as(None, plant):
            start = time.perf_counter()
            result = run_import(PRICES, path, plant, dry_run=False)
            elapsed = time.perf_counter() - start
        assert result.ok and result.created == N, result.problems[:3]
        print(f"bench: {name}: {elapsed:.2f} s", flush=True)
        if url.startswith("sqlite"):
            from core.excel.writer import export
            start = time.perf_counter()
            export(PRICES, plant, "zh_Hans_CN")
            print(f"bench: masterdata.export_100k_prices_s: {time.perf_counter() - start:.2f} s", flush=True)
        app.extensions["erp"].database.close()


@contextlib.contextmanager
def scratch_pg(prefix):
    """A new PostgreSQL database for one benchmark, dropped afterwards; yields its URL."""
    import psycopg
    name = f"{prefix}_{os.getpid()}"
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield PG_URL.rsplit("/", 1)[0] + "/" + name
    finally:
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _pg_reachable():
    try:
        import psycopg
        psycopg.connect(PG_URL.replace("postgresql://", "postgresql://", 1), connect_timeout=2).close()
        return True
    except Exception:
        return False


def main():
    from core.excel.reader import read_sheet
    from addons.master_data.excel import PRICES
    folder = tempfile.mkdtemp(prefix="erp-bench-md-")
    path = os.path.join(folder, "prices.xlsx")
    _workbook(path)

    app = _app(f"sqlite:///{os.path.join(folder, 'read.sqlite3')}")
    with app.app_context():
        start = time.perf_counter()
        sheet = read_sheet(path, PRICES)
        elapsed = time.perf_counter() - start
    assert len(sheet.rows) == N
    print(f"bench: masterdata.read_100k_prices_s: {elapsed:.2f} s", flush=True)

    _import_once(f"sqlite:///{os.path.join(folder, 'import.sqlite3')}", path, "masterdata.import_100k_prices_s")
    if _pg_reachable():
        with scratch_pg("erp_bench") as url:
            _import_once(url, path, "masterdata.import_100k_prices_pg_s")
    else:
        print("bench: masterdata.import_100k_prices_pg_s: skipped (no PostgreSQL reachable)", flush=True)


if __name__ == "__main__":
    main()
