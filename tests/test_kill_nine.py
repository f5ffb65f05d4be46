"""kill -9 in the middle of business work (shipping notes, approving orders, importing a workbook), on the
suite's database (SQLite or PostgreSQL): nothing half-written, nothing stuck — the work that was going on
when the process died either happened whole or not at all, and the next user carries on."""
import os
import signal
import subprocess
import sys
import time
from decimal import Decimal as D

from addons.dispatch import desk, planning, shipping
from addons.dispatch.models.line import DeliveryLine
from addons.dispatch.models.note import DeliveryNote
from addons.ledger.exposure import exposure
from addons.ledger.models.entry import AccountEntry
from addons.master_data.models.customer import Customer
from addons.sales_order.models.line import OrderLine
from addons.sales_order.models.order import Order
from core.db import db
from core.models import AuditLog
from tests.dispatch_helpers import approved_order, as_user, line, vehicle
from tests.excel_files import workbook
from tests.sales_helpers import customer, days_ahead

PROJECT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _kill_when(database_url, what, ready, *args, seconds=30):
    """Start the worker, SIGKILL it as soon as `ready()` says it is in the middle of its work."""
    db.close()
    worker = subprocess.Popen([sys.executable, "-m", "tests.kill_target", what, *args], cwd=PROJECT,
                              env={**os.environ, "ERP_DATABASE_URL": database_url, "ERP_LANG": "en"},
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert worker.stdout.readline().strip() == "ready"
    end = time.monotonic() + seconds
    while time.monotonic() < end and worker.poll() is None:
        if ready():
            break
        db.close()
        time.sleep(0.005)
    assert worker.poll() is None, worker.stdout.read()[-2000:]      # still at work: killed in the middle
    os.kill(worker.pid, signal.SIGKILL)
    worker.wait(10)
    db.close()
    return worker.returncode


def test_killed_while_shipping(ctx, demo, database_url):
    p1 = demo["P1"]
    truck = vehicle(p1)
    with as_user("scheduler", p1):
        trip = planning.create_trip(p1, days_ahead(2), truck.id)
    notes = []
    for n in range(30):
        order = approved_order(p1, "P1C002", [line("P005", "1")])
        with as_user("scheduler", p1):
            (note,) = planning.assign(p1, trip, [(OrderLine.get(OrderLine.order == order.id).id, "1")],
                                      allow_overload=True)
        with as_user("shipper", p1):
            desk.add_batch(DeliveryLine.get(DeliveryLine.note == note.id).id, "1", "10.000")
        notes.append(note.id)
    shipped = lambda: DeliveryNote.select().where(DeliveryNote.state == "shipped").count()  # noqa: E731
    code = _kill_when(database_url, "ship", lambda: shipped() >= 3)
    assert code == -signal.SIGKILL
    done = shipped()
    assert 3 <= done < 30                                                   # killed in the middle
    for note in DeliveryNote.select().where(DeliveryNote.id.in_(notes)):
        entries = list(AccountEntry.select().where((AccountEntry.reference == note.number)
                                                   & (AccountEntry.kind == "shipment")))
        audited = AuditLog.select().where((AuditLog.action == "ship") & (AuditLog.record_id == note.id)).count()
        if note.state == "shipped":                                         # whole: billed, charged, audited
            assert [e.amount for e in entries] == [D("210.00")] and note.amount == D("210.00") and audited == 1
        else:                                                               # or not at all
            assert note.state == "loading" and entries == [] and audited == 0
    for order_line in OrderLine.select().join(Order).where(Order.customer == customer("P1C002").id):
        went = sum((x.shipped_quantity for x in DeliveryLine.select().join(DeliveryNote).where(
            (DeliveryLine.order_line == order_line.id) & (DeliveryNote.state == "shipped"))), D("0"))
        assert order_line.delivered_quantity == went
    with as_user("shipper", p1):                                            # nothing stuck: the desk carries on
        left = DeliveryNote.get(DeliveryNote.state == "loading")
        shipping.ship(left.id)
    assert shipped() == done + 1


def test_killed_while_approving(ctx, demo, database_url):
    p1 = demo["P1"]
    buyer = customer("P1C002")
    Customer.update(credit_limit=D("1000000")).where(Customer.id == buyer.id).execute()
    with as_user("sales", p1):
        from addons.sales_order.orders import create_order
        for _n in range(40):
            create_order(buyer, days_ahead(5), [line("P005", "1")]).submit()
    approved = lambda: Order.select().where(Order.state == "approved").count()  # noqa: E731
    _kill_when(database_url, "approve", lambda: approved() >= 3)
    done = approved()
    assert 3 <= done < 40
    for order in Order.select():
        moves = AuditLog.select().where((AuditLog.action == "transition") & (AuditLog.record_id == order.id)
                                        & (AuditLog.new.contains('"approved"'))).count()
        assert (order.state, moves) in (("approved", 1), ("submitted", 0))
    assert exposure(Customer.get_by_id(buyer.id)).committed == D("210.00") * done
    with as_user("manager", p1):
        Order.get(Order.state == "submitted").approve()
    assert approved() == done + 1


def test_killed_while_importing(ctx, demo, database_url, tmp_path):
    rows = [["客户编码", "客户名称", "信用额度"]] + [[f"K{n:06d}", f"Killed import {n}", "100"] for n in range(50000)]
    path = tmp_path / "big.xlsx"
    path.write_bytes(workbook(rows))
    started = time.monotonic()
    _kill_when(database_url, "import", lambda: time.monotonic() - started > 1.5, str(path))
    imported = Customer.select().where(Customer.code.startswith("K")).count()
    assert imported in (0, 50000)                                         # all rows or none
    from addons.master_data.excel import CUSTOMERS
    from core.excel.importer import run_import
    result = run_import(CUSTOMERS, str(path), demo["P1"], dry_run=False)   # and the next import runs
    assert result.ok and Customer.select().where(Customer.code.startswith("K")).count() == 50000
