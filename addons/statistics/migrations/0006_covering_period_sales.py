"""statistics: the month and year totals read from their index alone on PostgreSQL (core/covering.py)."""
from core import covering


def up(migrator, db):
    covering.install(db, "statistics_period_sales", ("plant_id", "basis", "dimension", "period", "key_id"),
                     ("key_text", "amount", "weight", "quantity", "orders"))


def down(migrator, db):
    covering.uninstall(db, "statistics_period_sales")
