"""Orders through review on SQLite: 10,000 orders of 5 lines created, submitted and approved one by one
(each step its own transaction, with price and credit checks), and one order of 1,000 lines."""
import datetime
import os
import tempfile
import time
from decimal import Decimal

N_ORDERS = int(os.environ.get("BENCH_SALES_ORDERS", 10_000))
N_CUSTOMERS, N_PRODUCTS = 200, 50


def _setup(app):
    from addons.master_data.models.customer import Customer
    from addons.master_data.models.price import PriceList
    from addons.master_data.models.price_row import PriceRow
    from addons.master_data.models.product import Product
    from addons.master_data.models.unit import Unit
    from core.models import Company, Plant, Role, User, UserPlant, UserRole
    from core.plants import enable
    from core.security import hash_password
    with app.app_context():
        plant = Plant.create(company=Company.create(name="Bench"), code="B", name="Bench")
        enable(app.extensions["erp"].registry, plant, "sales_order")
        kg = Unit.create(code="kg", name="kg", kind="weight", kg_factor=Decimal(1))
        piece = Unit.create(code="pc", name="piece", kind="count")
        std = PriceList.create(plant=plant, code="STD", name="Standard", is_default=True)
        Product.insert_many([{"plant": plant.id, "code": f"P{n:03d}", "name": f"P{n}", "selling_unit": piece.id,
                              "pricing_unit": kg.id, "nominal_weight": Decimal("12.5"), "catch_weight": True}
                             for n in range(N_PRODUCTS)]).execute()
        products = [p.id for p in Product.select(Product.id)]
        for pid in products:
            PriceRow.create(plant=plant, price_list=std, product=pid, price=Decimal("26.80"),
                            floor_price=Decimal("25.00"), valid_from=datetime.date(2026, 1, 1))
        Customer.insert_many([{"plant": plant.id, "code": f"C{n:04d}", "name": f"C{n}",
                               "credit_limit": Decimal("100000000")} for n in range(N_CUSTOMERS)]).execute()
        manager = User.create(login="bench-manager", name="Bench manager",
                              password_hash=hash_password("bench-password"))
        UserRole.create(user=manager, role=Role.get(Role.code == "manager"))
        UserPlant.create(user=manager, plant=plant)
        return plant.id, manager.id, [c.id for c in Customer.select(Customer.id)], products


def _measure(url):
    from bench.bench_masterdata import _app
    from addons.master_data.models.customer import Customer
    from addons.sales_order.lines import LineInput
    from addons.sales_order.orders import create_order
    from core.context import acting_as
    from core.models import Plant, User
    app = _app(url)
    plant_id, manager_id, customers, products = _setup(app)
    day = datetime.date.today() + datetime.timedelta(days=7)
    with app.app_context():
        plant, manager = Plant.get_by_id(plant_id), User.get_by_id(manager_id)
        buyers = {c.id: c for c in Customer.select()}
        with acting_as(manager, plant):
            start = time.perf_counter()
            for n in range(N_ORDERS):
                lines = [LineInput(products[(n + k) % N_PRODUCTS], str(1 + (n + k) % 9)) for k in range(5)]
                order = create_order(buyers[customers[n % N_CUSTOMERS]], day, lines)
                order.submit()
                order.approve()
                assert order.state == "approved"
            elapsed = time.perf_counter() - start
            print(f"bench: sales_order.orders_per_s: {N_ORDERS / elapsed:.0f} orders/s", flush=True)
            start = time.perf_counter()
            big = create_order(buyers[customers[0]], day,
                               [LineInput(products[k % N_PRODUCTS], "3") for k in range(1000)])
            print(f"bench: sales_order.create_1000_lines_s: {time.perf_counter() - start:.3f} s", flush=True)
            start = time.perf_counter()
            big.submit()
            big.approve()
            elapsed = time.perf_counter() - start
            assert big.state == "approved"
            print(f"bench: sales_order.approve_1000_lines_s: {elapsed:.3f} s", flush=True)
        app.extensions["erp"].database.close()


def main():
    folder = tempfile.mkdtemp(prefix="erp-bench-sales-")
    _measure(f"sqlite:///{os.path.join(folder, 'sales.sqlite3')}")


if __name__ == "__main__":
    main()
