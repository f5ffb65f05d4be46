"""ledger: the receipts by month and year read from their index alone on PostgreSQL (core/covering.py)."""
from core import covering


def up(migrator, db):
    covering.install(db, "ledger_receipt_period", ("plant_id", "period", "customer_id"), ("amount", "count"))


def down(migrator, db):
    covering.uninstall(db, "ledger_receipt_period")
