"""A plant group's data for the web benchmark: the demo company, and in its East plant 200,000 customers in the
master list, 200,000 orders with 1,000,000 lines over two years, 1,000,000 ledger entries over 5,000 of those
customers, and today's trips and delivery notes made through the services (so the desk and planning show a day).

The bulk rows are written with the driver (executemany on SQLite, COPY on PostgreSQL): the benchmark measures
pages, not the loading. Sizes can be scaled down with BENCH_WEB_SCALE (1 = the figures above)."""
from __future__ import annotations

import datetime
import os
import random

SCALE = float(os.environ.get("BENCH_WEB_SCALE", "1"))
N_CUSTOMERS = int(200_000 * SCALE)
N_ACTIVE = int(5_000 * SCALE)          # the customers who buy: every order and ledger entry is theirs
N_ORDERS = int(200_000 * SCALE)
LINES_PER_ORDER = 5
N_ENTRIES = int(1_000_000 * SCALE)
DAYS = 730
TODAY_NOTES = 60                       # delivery notes planned for today through the services


def _units(order, seq) -> int:
    """A line's quantity, 1 to 9 units of 12.5 kg."""
    return 1 + ((order * 2654435761 + seq * 40503) >> 7) % 9


def _price(order) -> int:
    """What a unit (12.5 kg) of the order costs, 300.00 to 374.99 in cents; a kg is 8 × this in the price's four
    places. Orders of many amounts, as a list sorted by amount meets them (all of one amount, as before, a sort's
    tie-break was the whole sort)."""
    return 30000 + (order * 7919) % 7500


class Writer:
    """Rows into a table with the fastest plain path of the driver in use."""

    def __init__(self, db):
        self.db = db
        self.pg = not db.__class__.__name__.startswith("Sqlite")

    def rows(self, table, columns, rows):
        cursor = self.db.cursor()
        if self.pg:
            with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            if "id" in columns:
                cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))")
            return
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        batch = []
        for row in rows:
            batch.append(row)
            if len(batch) == 50_000:
                cursor.executemany(sql, batch)
                batch = []
        if batch:
            cursor.executemany(sql, batch)


def build(app) -> dict:
    """Fill the database behind `app` (migrated, empty); returns what the benchmark needs to know."""
    from addons.master_data.models.customer import Customer
    from addons.master_data.models.product import Product
    from core import clock
    from core.db import db, transaction
    from core.demo import load_demo
    from core.models import Plant, User
    kernel = app.extensions["erp"]
    rng = random.Random(11)
    with app.app_context():
        load_demo(kernel.registry)
        plant = Plant.get(Plant.code == "P1")
        today = clock.plant_today(plant)
        products = [p for (p,) in Product.select(Product.id).where(Product.plant == plant.id).tuples()]
        people = [u for (u,) in User.select(User.id).where(User.login.in_(["sales", "manager"])).tuples()]
        write = Writer(db.obj)
        now = datetime.datetime.utcnow()
        with transaction():
            first_id = (Customer.select(Customer.id).order_by(Customer.id.desc()).scalar() or 0) + 1
            write.rows("master_data_customer",
                       ["id", "plant_id", "code", "name", "kind", "credit_limit", "payment_days", "rating", "phone",
                        "address", "public_pool", "active", "initials", "grade", "salesperson_id", "created_at"],
                       ((first_id + n, plant.id, f"G{n:06d}", f"客户 Customer {n:06d}", "end",
                         100_000_000, 30, "B", f"1380000{n:04d}"[-11:], "", False, True, f"kh{n}", "E",
                         people[n % len(people)], now) for n in range(N_CUSTOMERS)))
        active = list(range(first_id, first_id + N_ACTIVE))
        first_order = 1_000_000
        start = today - datetime.timedelta(days=DAYS - 3)
        orders_of = {}
        with transaction():
            order_rows = []
            for k in range(N_ORDERS):
                day = start + datetime.timedelta(days=k * DAYS // N_ORDERS)
                customer = rng.choice(active)
                orders_of.setdefault(customer, []).append(first_order + k)
                state = "approved" if day >= today else ("completed" if k % 20 else "cancelled")
                # taken the morning before its delivery (not later than now): a day's orders, not all of them,
                # were created today
                created = min(now, datetime.datetime.combine(day - datetime.timedelta(days=1), datetime.time(2)))
                units = [_units(k, s) for s in range(LINES_PER_ORDER)]     # orders of different sizes
                order_rows.append((first_order + k, plant.id, f"SO-G-{k:07d}", "order", "phone", customer,
                                   people[k % len(people)], day, False, "", state, sum(units) * _price(k),
                                   sum(units) * 12500, 0, "", "", created))
            write.rows("sales_order_order",
                       ["id", "plant_id", "number", "kind", "channel", "customer_id", "salesperson_id", "delivery_date",
                        "self_pickup", "delivery_address", "state", "amount", "weight", "credit_over", "remarks",
                        "credit_reason", "created_at"], order_rows)
            write.rows("sales_order_line",
                       ["order_id", "seq", "product_id", "quantity", "expected_weight", "unit_price", "list_price",
                        "floor_price", "amount", "price_status", "delivered_quantity", "delivered_weight", "remarks"],
                       ((first_order + k, s + 1, products[(k + s) % len(products)], _units(k, s) * 1000,
                         _units(k, s) * 12500, 8 * _price(k), 8 * _price(k), 200000, _units(k, s) * _price(k), "ok",
                         0, 0, "")
                        for k in range(N_ORDERS) for s in range(LINES_PER_ORDER)))
        with transaction():
            def entries():
                for _n in range(N_ENTRIES):
                    customer = rng.choice(active)
                    day = start + datetime.timedelta(days=rng.randrange(DAYS - 3))
                    if rng.random() < 0.6:   # a shipment, about a third still open
                        amount = rng.randrange(100, 5_000_000)
                        yield (plant.id, customer, day, day + datetime.timedelta(days=30), "shipment", amount,
                               amount if rng.random() < 0.35 else 0, 0, "", "", "", True, now,
                               rng.choice(orders_of.get(customer, [None])))
                    else:                    # a receipt, a few left as advances
                        amount = -rng.randrange(100, 5_000_000)
                        yield (plant.id, customer, day, None, "receipt", amount,
                               amount if rng.random() < 0.05 else 0, 0, "", "", "", True, now, None)
            write.rows("ledger_account_entry",
                       ["plant_id", "customer_id", "date", "due_date", "kind", "amount", "open_amount",
                        "invoiced_amount", "reference", "source_model", "memo", "auto_match", "created_at", "order_id"],
                       entries())
            from addons.ledger import due_days, positions, receipt_periods    # as the migrations write them
            positions.rebuild(plant.id)
            due_days.rebuild(plant.id)
            receipt_periods.rebuild(plant.id)
        _statistics(plant)
        trip_id, note_id = _today(kernel, plant, today)
        # a database in steady state: on PostgreSQL as autovacuum leaves it (statistics, and the trigram indexes'
        # pending entries merged), on SQLite with the bulk load checkpointed out of the write-ahead log
        db.execute_sql("VACUUM ANALYZE" if write.pg else "ANALYZE")
        if not write.pg:
            db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        order_id = first_order + N_ORDERS // 2
        return {"plant": plant.code, "customer": active[7], "order": order_id, "trip": trip_id, "note": note_id,
                "search": f"SO-G-{N_ORDERS // 3:07d}", "customer_code": f"G{N_CUSTOMERS // 2:06d}"}


def _statistics(plant):
    """The statistics addon reads its daily summary, as the nightly job leaves it."""
    from addons.statistics.summary import rebuild
    rebuild(plant.id)


def _today(kernel, plant, today):
    """Trips and notes for today, planned through the services from today's approved orders."""
    from addons.dispatch import planning
    from addons.dispatch.models.vehicle import Vehicle
    from addons.sales_order.models.line import OrderLine
    from addons.sales_order.models.order import Order
    from core.context import acting_as
    from core.models import User
    scheduler = User.get(User.login == "scheduler")
    vehicles = [v for (v,) in Vehicle.select(Vehicle.id).where(Vehicle.plant == plant.id).tuples()]
    orders = [o for (o,) in Order.select(Order.id).where(
        (Order.plant == plant.id) & (Order.delivery_date == today) & (Order.state == "approved")
        & Order.number.startswith("SO-G-")).order_by(Order.id).limit(TODAY_NOTES).tuples()]
    trip = note = None
    with acting_as(scheduler, plant):
        for k, order_id in enumerate(orders):
            if k % 10 == 0:
                trip = planning.create_trip(plant, today, vehicles[(k // 10) % len(vehicles)])
            lines = OrderLine.select(OrderLine.id, OrderLine.quantity).where(OrderLine.order == order_id)
            (note,) = planning.assign(plant, trip, [(line.id, line.quantity) for line in lines])
    return trip.id, note.id
