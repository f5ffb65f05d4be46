"""Kernel figures: document numbers and workflow moves per second, each its own transaction (SQLite)."""
import datetime
import os
import tempfile
import time

N = 2000


def main():
    from addons.master_data.models.customer import Customer
    from addons.sales_order.models.order import Order
    from core.app import create_app
    from core.context import acting_as
    from core.db import transaction
    from core.demo import load_demo
    from core.install import migrate
    from core.models import Plant
    from core.numbering import next_number

    folder = tempfile.mkdtemp(prefix="erp-bench-")
    app = create_app({"ERP_DATABASE_URL": f"sqlite:///{os.path.join(folder, 'bench.sqlite3')}",
                      "ERP_PASSWORD_METHOD": "pbkdf2:sha256:1000", "SECRET_KEY": "bench"})
    kernel = app.extensions["erp"]
    with app.app_context():
        migrate(kernel.registry, kernel.database)
        load_demo(kernel.registry)
        plant = Plant.get(Plant.code == "P1")
        customer = Customer.create(plant=plant, code="B1", name="Bench customer")
        day = datetime.date(2026, 12, 1)

        start = time.perf_counter()
        orders = []
        for _ in range(N):
            with transaction():
                orders.append(Order.create(plant=plant, customer=customer, delivery_date=day,
                                           number=next_number(plant, "SO", day)))
        elapsed = time.perf_counter() - start
        print(f"bench: core.numbered_documents_per_s: {N / elapsed:.0f} documents/s", flush=True)

        start = time.perf_counter()
        with acting_as(None, plant):
            for order in orders:
                order.submit()
        elapsed = time.perf_counter() - start
        print(f"bench: core.transitions_per_s: {N / elapsed:.0f} transitions/s", flush=True)


if __name__ == "__main__":
    main()
