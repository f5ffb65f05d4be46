"""Covering indexes on PostgreSQL: the columns a report sums carried in the index (INCLUDE), so that the rows
are read from the index alone (an index-only scan) instead of a visit to the table for each.

The month and year totals (statistics_period_sales, ledger_receipt_period) are read a few thousand rows at a
time, a year of one dimension, and summed: on PostgreSQL the visits to the table were a third of that read. A
migration of the owning addon calls `install`. SQLite has no INCLUDE: the same index there would copy every
column a second time on every write, for half a millisecond a page; it is left out.

peewee's indexes have no INCLUDE, so these are made here rather than declared on the model, and the schema
diff leaves them alone (`is_ours`).
"""
from __future__ import annotations

from peewee import SqliteDatabase

from core.db import underlying

SUFFIX = "_cover"


def install(database, table: str, key, include) -> None:
    """An index of `table` on the `key` columns carrying the `include` ones (PostgreSQL only)."""
    database = underlying(database)
    if isinstance(database, SqliteDatabase):
        return
    keys, carried = (", ".join(f'"{c}"' for c in columns) for columns in (key, include))
    database.execute_sql(f'CREATE INDEX IF NOT EXISTS "{table}{SUFFIX}" ON "{table}" ({keys}) INCLUDE ({carried})')


def uninstall(database, table: str) -> None:
    database = underlying(database)
    if not isinstance(database, SqliteDatabase):
        database.execute_sql(f'DROP INDEX IF EXISTS "{table}{SUFFIX}"')


def is_ours(index_name: str) -> bool:
    """An index made here, not declared by a model (the schema diff leaves it alone)."""
    return index_name.endswith(SUFFIX)
