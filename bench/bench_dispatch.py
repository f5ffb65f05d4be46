"""Dispatch on SQLite: a day of 2,000 delivery notes of 10 lines planned and shipped
(`dispatch.notes_per_s`), and the whole chain order → approve → delivery note → weighed batches → ship →
receipt → ledger, 5 lines an order, each step its own transaction (`flow.orders_per_s`).

Beside the chain, its floor (`flow.floor_orders_per_s`): every row one order's chain writes (the INSERTs and
UPDATEs it sent, with their values, audit entries included), in the same transactions, replayed with plain
sqlite3 on a copy of the same database, nothing read and nothing composed. The two come from one run, so
their ratio can be read without a second machine's noise."""
import datetime
import os
import re
import shutil
import sqlite3
import tempfile
import time
from decimal import Decimal

N_NOTES = int(os.environ.get("BENCH_DISPATCH_NOTES", 2000))
N_FLOW = int(os.environ.get("BENCH_FLOW_ORDERS", 1000))


def _users(app, plant_id):
    from core.models import Role, User, UserPlant, UserRole
    from core.security import hash_password
    users = {}
    for login in ("scheduler", "shipper"):   # the sales set-up made bench-manager
        user = User.create(login=f"bench-{login}", name=login, password_hash=hash_password("bench-password"))
        UserRole.create(user=user, role=Role.get(Role.code == login))
        UserPlant.create(user=user, plant=plant_id)
        users[login] = user
    return users


def _setup(url):
    from bench.bench_masterdata import _app
    from bench.bench_sales_order import _setup as sales_setup
    from addons.dispatch.models.vehicle import Vehicle
    from core.models import Plant
    from core.plants import enable
    app = _app(url)
    plant_id, manager_id, customers, products = sales_setup(app)
    with app.app_context():
        enable(app.extensions["erp"].registry, Plant.get_by_id(plant_id), "dispatch")
        Vehicle.insert_many([{"plant": plant_id, "plate": f"V{n:03d}", "capacity_kg": Decimal("0")}
                             for n in range(120)]).execute()
        _users(app, plant_id)
    return app, plant_id, customers, products


def _approved_orders(plant, customers, products, n, lines, day):
    """Orders written straight as approved: this benchmark measures dispatch, not the review."""
    from addons.sales_order.models.line import OrderLine
    from addons.sales_order.models.order import Order
    from core.db import transaction
    with transaction():
        Order.insert_many([{"plant": plant.id, "number": f"SO-B-{k:06d}", "customer": customers[k % len(customers)],
                            "delivery_date": day, "state": "approved", "amount": Decimal("0")}
                           for k in range(n)]).execute()
        ids = [o for (o,) in Order.select(Order.id).where(Order.number.startswith("SO-B-")).order_by(Order.id).tuples()]
        rows = [{"order": oid, "seq": s + 1, "product": products[(k + s) % len(products)], "quantity": Decimal("4"),
                 "expected_weight": Decimal("50"), "unit_price": Decimal("26.80"), "amount": Decimal("1340.00")}
                for k, oid in enumerate(ids) for s in range(lines)]
        for start in range(0, len(rows), 2000):
            OrderLine.insert_many(rows[start:start + 2000]).execute()
    lines_by_order = {}
    for line_id, order_id in OrderLine.select(OrderLine.id, OrderLine.order).tuples():
        lines_by_order.setdefault(order_id, []).append(line_id)
    return [lines_by_order[o] for o in ids]


def _notes(url):
    from addons.dispatch import desk, planning, shipping
    from addons.dispatch.models.line import DeliveryLine
    from addons.dispatch.models.vehicle import Vehicle
    from core.context import acting_as
    from core.db import run_composed
    from core.models import Plant, User
    app, plant_id, customers, products = _setup(url)
    day = datetime.date.today() + datetime.timedelta(days=7)
    with app.app_context():
        plant = Plant.get_by_id(plant_id)
        orders = _approved_orders(plant, customers, products, N_NOTES, 10, day)
        scheduler, shipper = User.get(User.login == "bench-scheduler"), User.get(User.login == "bench-shipper")
        vehicles = [v for (v,) in Vehicle.select(Vehicle.id).tuples()]
        start = time.perf_counter()
        notes = []
        with acting_as(scheduler, plant):
            trip = None
            for k, line_ids in enumerate(orders):
                if k % 20 == 0:
                    trip = planning.create_trip(plant, day, vehicles[(k // 20) % len(vehicles)])
                notes.extend(planning.assign(plant, trip, [(lid, "4") for lid in line_ids]))
        planned = time.perf_counter()
        with acting_as(shipper, plant):
            for note in notes:
                for line_id, in run_composed("bench.note_lines", lambda n: DeliveryLine.select(DeliveryLine.id)
                                             .where(DeliveryLine.note == n), note.id).fetchall():
                    desk.add_batch(line_id, "4", "50.125")
                shipping.ship(note.id)
        elapsed = time.perf_counter() - start
        print(f"bench: dispatch.notes_per_s: {len(notes) / elapsed:.0f} notes/s "
              f"(planning {len(notes) / (planned - start):.0f}/s, shipping {len(notes) / (elapsed - planned + start):.0f}/s)",
              flush=True)
        app.extensions["erp"].database.close()


def _flow(url):
    from addons.dispatch import desk, planning, receipt, shipping
    from addons.dispatch.models.line import DeliveryLine
    from addons.dispatch.models.vehicle import Vehicle
    from addons.master_data.models.customer import Customer
    from addons.sales_order.lines import LineInput
    from addons.sales_order.models.line import OrderLine
    from addons.sales_order.orders import create_order
    from core.context import acting_as
    from core.db import run_composed
    from core.models import Plant, User
    app, plant_id, customers, products = _setup(url)
    day = datetime.date.today() + datetime.timedelta(days=7)
    with app.app_context():
        plant = Plant.get_by_id(plant_id)
        users = {u.login[6:]: u for u in User.select().where(User.login.startswith("bench-"))}
        buyers = {c.id: c for c in Customer.select()}
        vehicles = [v for (v,) in Vehicle.select(Vehicle.id).tuples()]
        start = time.perf_counter()
        trip = None
        spy = _Writes(watch=N_FLOW // 2 + 1)     # an order that makes no trip (one in twenty does)
        for n in range(N_FLOW):
            spy.order = n
            with acting_as(users["manager"], plant):
                order = create_order(buyers[customers[n % len(customers)]], day,
                                     [LineInput(products[(n + k) % len(products)], "4") for k in range(5)])
                order.submit()
                order.approve()
            with acting_as(users["scheduler"], plant):
                if n % 20 == 0:
                    trip = planning.create_trip(plant, day, vehicles[(n // 20) % len(vehicles)])
                line_ids = [i for (i,) in run_composed("bench.order_lines", lambda o: OrderLine.select(OrderLine.id)
                                                       .where(OrderLine.order == o), order.id)]
                (note,) = planning.assign(plant, trip, [(i, "4") for i in line_ids])
            with acting_as(users["shipper"], plant):
                for line_id, in run_composed("bench.note_lines", lambda n: DeliveryLine.select(DeliveryLine.id)
                                             .where(DeliveryLine.note == n), note.id).fetchall():
                    desk.add_batch(line_id, "4", "50.125")
                shipping.ship(note.id)
                receipt.confirm_receipt(note.id, "store", {})
        elapsed = time.perf_counter() - start
        spy.stop()
        app.extensions["erp"].database.close()
    floor = _floor(url, spy.transactions)
    statements = sum(len(p) if many else 1 for t in spy.transactions for _s, p, many in t)
    print(f"bench: flow.orders_per_s: {N_FLOW / elapsed:.0f} orders/s", flush=True)
    print(f"bench: flow.floor_orders_per_s: {floor:.0f} orders/s (the same {statements} rows written in "
          f"{len(spy.transactions)} transactions with plain sqlite3; the chain at {N_FLOW / elapsed / floor:.0%} "
          f"of it)", flush=True)


class _Writes:
    """The writes (with their values) and transaction starts the chain sends for order number `watch`: while that
    order runs, every cursor the database hands out is watched, so no path to the database (peewee's, the driver's
    executemany) is missed. The other orders run on peewee's own methods: the harness costs them nothing."""

    def __init__(self, watch):
        import peewee
        self.watch, self.transactions, self._order = watch, [], -1
        self._cursor, self._begin = peewee.Database.cursor, peewee.SqliteDatabase.begin

    @property
    def order(self):
        return self._order

    @order.setter
    def order(self, number):
        self._order = number
        if number == self.watch:
            self._watch()
        else:
            self.stop()

    def _watch(self):
        import peewee
        cursor, begin, spy = self._cursor, self._begin, self

        def watched_cursor(database, *args, **kwargs):
            return _WatchedCursor(cursor(database, *args, **kwargs), spy)

        def begin_transaction(database, *args, **kwargs):
            spy.transactions.append([])
            return begin(database, *args, **kwargs)
        peewee.Database.cursor = watched_cursor
        peewee.SqliteDatabase.begin = begin_transaction

    def record(self, sql, params, many):
        if sql.lstrip()[:7].upper().startswith(("INSERT", "UPDATE", "DELETE")):
            if not self.transactions:
                self.transactions.append([])
            self.transactions[-1].append((sql, [list(p) for p in params] if many else list(params or ()), many))

    def stop(self):
        import peewee
        peewee.Database.cursor = self._cursor
        peewee.SqliteDatabase.begin = self._begin


class _WatchedCursor:
    """A driver cursor that tells the spy what it writes."""

    def __init__(self, real, spy):
        self._real, self._spy = real, spy

    def execute(self, sql, params=()):
        self._spy.record(sql, params, False)
        self._real.execute(sql, params)
        return self

    def executemany(self, sql, rows):
        rows = list(rows)
        self._spy.record(sql, rows, True)
        self._real.executemany(sql, rows)
        return self

    def __iter__(self):
        return iter(self._real)

    def __getattr__(self, name):
        return getattr(self._real, name)


def _floor(url, transactions) -> float:
    """Orders a second when only the chain's writes are made: on a copy of the chain's own database (its rows
    and indexes, the unique ones made plain so the same rows can be written again), replayed N_FLOW times."""
    source = url[len("sqlite:///"):]
    copy = source + ".floor"
    shutil.copyfile(source, copy)
    conn = sqlite3.connect(copy, isolation_level=None)
    from core.db import sqlite_pragmas
    for name, value in sqlite_pragmas().items():      # set up as the chain's own connection is
        conn.execute(f"PRAGMA {name} = {value}")
    # the tables written by upserts keep their unique indexes: an upsert adds to the row it names, again and again
    upserted = {re.match(r'INSERT INTO "([^"]+)"', sql).group(1)
                for writes in transactions for sql, _params, _many in writes if "ON CONFLICT" in sql}
    for name, table, sql in conn.execute("SELECT name, tbl_name, sql FROM sqlite_master "
                                         "WHERE type = 'index' AND sql LIKE 'CREATE UNIQUE%'").fetchall():
        if table in upserted:
            continue
        conn.execute(f'DROP INDEX "{name}"')
        conn.execute(sql.replace("CREATE UNIQUE INDEX", "CREATE INDEX", 1))
    start = time.perf_counter()
    for _n in range(N_FLOW):
        for writes in transactions:
            conn.execute("BEGIN IMMEDIATE")
            for sql, params, many in writes:
                if many:
                    conn.executemany(sql, params)
                else:
                    conn.execute(sql, params)
            conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    conn.close()
    return N_FLOW / elapsed


def main():
    folder = tempfile.mkdtemp(prefix="erp-bench-dispatch-")
    _notes(f"sqlite:///{os.path.join(folder, 'notes.sqlite3')}")
    _flow(f"sqlite:///{os.path.join(folder, 'flow.sqlite3')}")


if __name__ == "__main__":
    main()
