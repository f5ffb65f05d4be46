"""Kernel figures: documents (with a line) numbered and moved through the workflow per second, each its
own transaction (SQLite)."""
import datetime
import os
from decimal import Decimal
import tempfile
import time

N = 2000


def main():
    from addons.master_data.models.customer import Customer
    from addons.master_data.models.product import Product
    from addons.sales_order.models.line import OrderLine
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
        customer = Customer.create(plant=plant, code="B1", name="Bench customer", credit_limit=Decimal("1e9"))
        product = Product.get((Product.plant == plant) & (Product.code == "P005"))
        day = datetime.date(2026, 12, 1)

        start = time.perf_counter()
        orders = []
        for _ in range(N):
            with transaction():
                order = Order.create(plant=plant, customer=customer, delivery_date=day,
                                     number=next_number(plant, "SO", day))
                # an order is submitted with its lines: the move checks there is one
                OrderLine.create(order=order, product=product, quantity=1, unit_price=Decimal("210"),
                                 amount=Decimal("210"))
                orders.append(order)
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
