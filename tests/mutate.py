"""`make mutate`: plant one-line bugs on the invariants that matter, one at a time, in a scratch copy of the
project, and run the tests that should catch each. A planted bug the tests do not catch "survived": the
suite would let that bug ship. Ends with `mutate: <planted> planted, <survived> survived`.

Each mutant names the file, the exact line text to change, what to put instead, and the tests to run.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass

PROJECT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SKIP = {".venv", ".git", "instance", "__pycache__", ".pytest_cache", "build"}


@dataclass
class Mutant:
    what: str
    path: str
    line: str           # the exact text of the line, stripped
    planted: str        # the line as the bug has it (same indentation)
    tests: tuple
    postgres: bool = False   # only PostgreSQL can show it (SQLite's BEGIN IMMEDIATE already serialises writers)


MUTANTS = [
    Mutant("credit: the limit is never checked", "addons/ledger/exposure.py",
           "if current.total + amount > current.limit:", "if False:",
           ("addons/sales_order/tests/test_sales_order_flows.py",)),
    Mutant("credit: approval reads exposure without locking the customer", "addons/sales_order/review.py",
           "customer = lock_customer(order.customer_id)", "customer = order.customer",
           ("addons/sales_order/tests/test_sales_order_concurrency.py", "tests/test_concurrent_writers.py"),
           postgres=True),
    Mutant("workflow: a move not in the table is allowed", "core/workflow.py",
           "if not _allowed(model, spec, old):", "if False:", ("tests/test_workflow.py",)),
    Mutant("workflow: a move is made without the user's permission", "core/workflow.py",
           "if not _may(user, spec, fresh):", "if False:", ("tests/test_workflow.py",)),
    Mutant("audit: a transition writes no audit entry", "core/workflow.py",
           'audit.log("transition", model._meta.table_name, fresh.id, plant=plant_id,',
           '(lambda *a, **k: None)("transition", model._meta.table_name, fresh.id, plant=plant_id,',
           ("tests/test_workflow.py", "addons/sales_order/tests/test_sales_order_flows.py")),
    Mutant("workflow: the state_changed hook is not called", "core/workflow.py",
           'current_kernel().hooks.call("state_changed", plant_id, record=fresh, old=old, new=target,',
           '(lambda *a, **k: None)("state_changed", plant_id, record=fresh, old=old, new=target,',
           ("tests/test_workflow.py", "addons/dispatch/tests/test_dispatch_flows.py")),
    Mutant("workflow: an order delivered in full is not completed", "addons/sales_order/fulfilment.py",
           'move_all(done, "delivered_in_full", comment=_("Delivered in full"))', "pass",
           ("addons/dispatch/tests/test_dispatch_flows.py", "tests/test_catch_weight_sale.py")),
    Mutant("SQLite: transactions begin deferred, not immediate", "core/transactions.py",
           'atomic = db.obj.atomic(lock_type="IMMEDIATE") if is_sqlite() else db.obj.atomic()',
           'atomic = db.obj.atomic()',
           ("tests/test_concurrent_writers.py",)),
    Mutant("numbering: the sequence does not advance", "core/numbering.py",
           'return run_composed("core.next_number", lambda p, d, y: Sequence.update(last=Sequence.last + 1).where(',
           'return run_composed("core.next_number", lambda p, d, y: Sequence.update(last=Sequence.last + 0).where(',
           ("tests/test_numbering.py",)),
    Mutant("plant: a record of another plant is served", "core/records.py",
           "return query.where(model.plant == current_plant().id) if has_plant(model) else query",
           "return query", ("tests/test_plants.py", "tests/test_api.py")),
    Mutant("plant: a permission counts in a plant its user is not a member of", "core/security.py",
           "if plant_id is not None and plant_id not in plant_ids_of(user):", "if False:",
           ("tests/test_workflow.py", "tests/test_plants.py", "tests/test_security.py")),
    Mutant("money: a line is billed rounding halves down", "addons/sales_order/lines.py",
           "return (billable(product, units, quantity, weight) * price).quantize(CENT, rounding=ROUND_HALF_UP)",
           "return (billable(product, units, quantity, weight) * price).quantize(CENT, rounding=\"ROUND_HALF_DOWN\")",
           ("tests/test_catch_weight_sale.py", "addons/sales_order/tests/test_sales_order_flows.py",
            "addons/sales_order/tests/test_sales_order_input.py")),
    Mutant("money: a shipment is charged at the planned weight, not the weighed", "addons/dispatch/shipping.py",
           "line.amount = line_amount(line.product, units, line.shipped_quantity, line.shipped_weight, line.unit_price)",
           "line.amount = line_amount(line.product, units, line.shipped_quantity, line.weight, line.unit_price)",
           ("tests/test_catch_weight_sale.py", "addons/dispatch/tests/test_dispatch_flows.py")),
    Mutant("desk: shipping past the order's tolerance needs nobody", "addons/dispatch/desk.py",
           "if shipped + qty > allowed:", "if False:", ("addons/dispatch/tests/test_dispatch_flows.py",)),
    Mutant("stock: a lot is shipped without its certificates where the plant requires them",
           "addons/stock_dispatch/desk_lots.py", "if rules.require_certificates:", "if False:",
           ("addons/stock_dispatch/tests/test_stock_chain.py",)),
    Mutant("stock: a posting takes a level below zero where the plant forbids it", "addons/stock/moves.py",
           "if forbid_negative and (item.quantity < 0 or item.weight < 0) and (level.quantity < 0 or level.weight < 0):",
           "if False:", ("addons/stock/tests/test_moves.py", "addons/stock_dispatch/tests/test_stock_concurrency.py")),
    Mutant("stock: two desks read a lot's levels without locking them", "addons/stock_dispatch/desk_lots.py",
           "levels = list(lock(StockLevel.select().where((StockLevel.product == product_id) & (StockLevel.lot == lot.id))",
           "levels = list((StockLevel.select().where((StockLevel.product == product_id) & (StockLevel.lot == lot.id))",
           ("addons/stock_dispatch/tests/test_stock_concurrency.py",), postgres=True),
]


def _copy() -> str:
    scratch = tempfile.mkdtemp(prefix="erp-mutate-")
    target = os.path.join(scratch, "project")
    shutil.copytree(PROJECT, target, ignore=lambda d, names: [n for n in names if n in SKIP])
    return target


def _plant(root: str, mutant: Mutant) -> str:
    path = os.path.join(root, mutant.path)
    with open(path, encoding="utf-8") as handle:
        original = handle.read()
    lines = original.splitlines(keepends=True)
    hits = [n for n, text in enumerate(lines) if text.strip() == mutant.line]
    if len(hits) != 1:
        raise SystemExit(f"mutate: {mutant.path}: the line {mutant.line!r} is there {len(hits)} times, not once")
    text = lines[hits[0]]
    lines[hits[0]] = text[:len(text) - len(text.lstrip())] + mutant.planted + "\n"
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("".join(lines))
    return original


def main(argv) -> int:
    postgres = bool(os.environ.get("ERP_TEST_DATABASE_URL"))
    chosen = [m for m in MUTANTS if (not argv or any(a in m.what for a in argv)) and (postgres or not m.postgres)]
    for mutant in MUTANTS:
        if mutant in chosen or not (not argv or any(a in mutant.what for a in argv)):
            continue
        print(f"not planted: {mutant.what} (set ERP_TEST_DATABASE_URL: only PostgreSQL can show it)")
    root = _copy()
    survived = []
    try:
        for mutant in chosen:
            original = _plant(root, mutant)
            run = subprocess.run([sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider",
                                  "-m", "not browser", *mutant.tests], cwd=root, capture_output=True, text=True,
                                 env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
            with open(os.path.join(root, mutant.path), "w", encoding="utf-8") as handle:
                handle.write(original)
            caught = run.returncode == 1
            if run.returncode not in (0, 1):
                print(run.stdout[-2000:], run.stderr[-2000:])
                raise SystemExit(f"mutate: the tests for {mutant.what!r} could not run (exit {run.returncode})")
            print(f"{'caught  ' if caught else 'SURVIVED'} {mutant.what}")
            if not caught:
                survived.append(mutant)
    finally:
        shutil.rmtree(os.path.dirname(root), ignore_errors=True)
    print(f"mutate: {len(chosen)} planted, {len(survived)} survived")
    return 1 if survived else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
