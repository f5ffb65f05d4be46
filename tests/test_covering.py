"""The month and year totals carry the columns their reports sum in an index on PostgreSQL (read from the index
alone), and the schema diff leaves those indexes alone; SQLite has no such index."""
from core import covering
from core.db import db, is_sqlite

TABLES = ("statistics_period_sales", "ledger_receipt_period")


def test_the_totals_are_covered_on_postgresql_only(ctx):
    if is_sqlite():
        made = {name for (name,) in db.execute_sql("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert not {name for name in made if covering.is_ours(name)}
        return
    made = dict(db.execute_sql("SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN (%s, %s)", TABLES))
    assert "INCLUDE (key_text, amount, weight, quantity, orders)" in made["statistics_period_sales_cover"]
    assert "INCLUDE (amount, count)" in made["ledger_receipt_period_cover"]
